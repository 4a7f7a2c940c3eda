/**
 * Pieces of the two performance forms (项目绩效目标表, 部门整体绩效目标表): the indicator columns and the
 * indicator frameworks, current and older.
 */
import type { FieldSpec, FormSpec, IndicatorTree } from './types';

/** The indicator list's columns, by header (指标值 alone is the value; 指标值确定依据 is the basis). */
export const INDICATOR_COLUMNS: FormSpec['indicators']['columns'] = [
  { role: 'level1', headers: [/^一级指标$/] },
  { role: 'level2', headers: [/^二级指标$/] },
  { role: 'name', headers: [/^三级指标$/, /^指标名称$/, /^指标内容$/] },
  { role: 'description', headers: [/^(?:绩效)?指标(?:描述|解释|说明)$/] },
  { role: 'value', headers: [/^(?:指标值|目标值|年度指标值|指标值\(.*\)|预期目标值)$/] },
  { role: 'basis', headers: [/^指标值(?:确定|设定)?依据$/, /^(?:设定|确定)依据$/, /^备注$/] },
];

const OUTPUT = /^产出/;

/**
 * The current framework (产出 with 数量 / 质量 / 时效 / 成本, 效益, 满意度; 成本 may also be a first level of its
 * own, as the central 2021 guidelines print it), and the older one of 2020 and before (效果 instead of 效益; 成本
 * was a second level a project chose, not one it had to have).
 */
export const PROJECT_TREES: readonly IndicatorTree[] = [
  {
    id: 'older', name: { zh: '旧版指标体系（效果指标）', en: 'older framework (effect indicators)' }, marker: /^效果/,
    requires: [
      { label: { zh: '产出指标', en: 'output indicators' }, level1: OUTPUT, severity: 'warning' },
      { label: { zh: '效果指标', en: 'effect indicators' }, level1: /^效果/, severity: 'warning' },
      { label: { zh: '满意度指标', en: 'satisfaction indicators' }, level1: /^满意度/, severity: 'warning' },
      { label: { zh: '产出指标中的数量指标', en: 'quantity under output' }, level2: /^数量/, under: OUTPUT, severity: 'info' },
      { label: { zh: '产出指标中的质量指标', en: 'quality under output' }, level2: /^质量/, under: OUTPUT, severity: 'info' },
      { label: { zh: '产出指标中的时效指标', en: 'timeliness under output' }, level2: /^时效/, under: OUTPUT, severity: 'info' },
    ],
  },
  {
    id: 'current', name: { zh: '现行指标体系', en: 'current framework' },
    requires: [
      { label: { zh: '产出指标', en: 'output indicators' }, level1: OUTPUT, severity: 'warning' },
      { label: { zh: '效益指标', en: 'benefit indicators' }, level1: /^效益/, severity: 'warning' },
      { label: { zh: '满意度指标', en: 'satisfaction indicators' }, level1: /^满意度/, severity: 'warning' },
      { label: { zh: '产出指标中的数量指标', en: 'quantity under output' }, level2: /^数量/, under: OUTPUT, severity: 'warning' },
      { label: { zh: '产出指标中的质量指标', en: 'quality under output' }, level2: /^质量/, under: OUTPUT, severity: 'warning' },
      { label: { zh: '产出指标中的时效指标', en: 'timeliness under output' }, level2: /^时效/, under: OUTPUT, severity: 'warning' },
      { label: { zh: '成本指标', en: 'cost indicators' }, level1: /^成本/, level2: /^成本/, severity: 'warning' },
    ],
  },
];

/** A department's whole-year targets: the first levels only (its indicators are chosen per department). */
export const DEPARTMENT_TREES: readonly IndicatorTree[] = [
  {
    id: 'older', name: { zh: '旧版指标体系（效果指标）', en: 'older framework (effect indicators)' }, marker: /^效果/,
    requires: [
      { label: { zh: '产出指标', en: 'output indicators' }, level1: OUTPUT, severity: 'warning' },
      { label: { zh: '效果指标', en: 'effect indicators' }, level1: /^效果/, severity: 'warning' },
    ],
  },
  {
    id: 'current', name: { zh: '现行指标体系', en: 'current framework' },
    requires: [
      { label: { zh: '产出指标', en: 'output indicators' }, level1: OUTPUT, severity: 'warning' },
      { label: { zh: '效益指标', en: 'benefit indicators' }, level1: /^效益/, severity: 'warning' },
    ],
  },
];

/** The money fields of a project or a department: 预算数 / 年度资金总额 and its sources. */
export const FUND_FIELDS: readonly FieldSpec[] = [
  { role: 'budget', type: 'amount', labels: [/^预算数$/, /^(?:年度)?资金总额$/, /^年度预算(?:总额|数)?$/, /^预算(?:总额|金额)$/, /^项目(?:总)?金额$/, /^部门预算总额$/], label: { zh: '预算数', en: 'budget' } },
  { role: 'fiscal', type: 'amount', labels: [/^(?:当年)?财政(?:资金|拨款)(?:资金)?$/, /^本级财政(?:资金|拨款)$/], label: { zh: '财政资金', en: 'fiscal funds' } },
  { role: 'carryover', type: 'amount', labels: [/^上年结转(?:资金|结余)?$/], label: { zh: '上年结转', en: 'carry-over' } },
  { role: 'other', type: 'amount', labels: [/^其他资金$/, /^其他来源资金$/, /^自筹资金$/], label: { zh: '其他资金', en: 'other funds' } },
];

/** 预算数 = 财政资金 + 上年结转 + 其他资金 (年度资金总额 = 当年财政拨款 + 其他资金 in the Shanghai wording). */
export const FUND_RELATIONS: FormSpec['relations'] = [
  { id: 'funds', total: 'budget', terms: ['fiscal', 'carryover', 'other'], what: { zh: '预算数（财政资金 + 其他资金）', en: 'budget (fiscal + other funds)' } },
];
