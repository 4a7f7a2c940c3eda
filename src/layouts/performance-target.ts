import type { Layout } from './types';
import { FUND_FIELDS, FUND_RELATIONS, INDICATOR_COLUMNS, PROJECT_TREES } from './performance';

/**
 * 项目绩效目标表 (项目支出绩效目标表, 绩效目标申报表): one block per project — code and name, the money and its
 * sources, the spending plan by 3 / 6 / 10 / 12 月底, and the indicator tree with a value for each indicator.
 */
export const layout: Layout<'performance-target'> = {
  kind: 'performance-target',
  name: { zh: '项目绩效目标表', en: 'project performance targets' },
  titles: [/绩效目标(?:申报)?表$/, /绩效目标(?:申报)?表[(（]/],
  shape: 'form',
  required: false,
  columns: [],
  rows: [],
  relations: [],
  form: {
    fields: [
      { role: 'code', type: 'text', labels: [/^项目(?:编码|代码|编号)$/], label: { zh: '项目编码', en: 'project code' } },
      { role: 'name', type: 'text', labels: [/^项目名称$/], label: { zh: '项目名称', en: 'project name' } },
      { role: 'department', type: 'text', labels: [/^主管部门(?:及代码)?$/, /^(?:预算|实施)单位$/], label: { zh: '主管部门', en: 'department' } },
      ...FUND_FIELDS,
    ],
    blockStart: ['code', 'name'],
    groups: [/^预算规模及资金用途$/, /^项目资金(?:\((?:万?元)\))?$/, /^资金(?:来源|情况)(?:\((?:万?元)\))?$/, /^绩效目标$/, /^(?:年度)?(?:总体)?目标$/, /^绩效指标$/],
    plan: { labels: [/^资金支出计划/, /^(?:资金)?支出进度(?:计划)?/, /^资金使用计划/], period: /^(\d{1,2})月(?:底|末|份)?$/ },
    indicators: { columns: INDICATOR_COLUMNS, trees: PROJECT_TREES },
    relations: FUND_RELATIONS,
  },
};
