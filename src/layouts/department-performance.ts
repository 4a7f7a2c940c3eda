import type { Layout } from './types';
import { DEPARTMENT_TREES, FUND_FIELDS, FUND_RELATIONS, INDICATOR_COLUMNS } from './performance';

/** 部门整体绩效目标表 (部门整体支出绩效目标表), where a department prints its targets as a table, not as text. */
export const layout: Layout<'department-performance'> = {
  kind: 'department-performance',
  name: { zh: '部门整体绩效目标表', en: 'department performance targets' },
  titles: [/部门整体(?:支出)?绩效目标/],
  shape: 'form',
  required: false,
  columns: [],
  rows: [],
  relations: [],
  form: {
    fields: [
      { role: 'name', type: 'text', labels: [/^部门(?:\(单位\))?名称$/, /^单位名称$/], label: { zh: '部门名称', en: 'department' } },
      ...FUND_FIELDS,
    ],
    blockStart: ['name'],
    groups: [/^年度(?:主要)?任务$/, /^(?:部门)?(?:年度)?(?:预算|资金)(?:情况|安排)?(?:\((?:万?元)\))?$/, /^(?:年度)?(?:总体)?(?:绩效)?目标$/, /^(?:年度)?绩效指标$/],
    indicators: { columns: INDICATOR_COLUMNS, trees: DEPARTMENT_TREES },
    relations: FUND_RELATIONS,
  },
};
