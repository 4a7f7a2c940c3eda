import type { Layout } from './types';
import { SPENDING_COLUMNS, SPENDING_CROSS_FOOT, TOTAL_ROW } from './common';

/** 部门支出总表 / 支出预算总表 / 支出决算表: spending by function subject, 基本 | 项目 | 经营 | 上缴 | 补助. */
export const layout: Layout<'expenditure'> = {
  kind: 'expenditure',
  name: { zh: '支出总表', en: 'expenditure table' },
  titles: [/支出(?:预算|决算)?(?:总)?表/],
  shape: 'coded',
  codes: { family: 'function', depth: 3 },
  required: true,
  columns: [
    ...SPENDING_COLUMNS,
    { role: 'business', label: { zh: '经营支出', en: 'business' } },
    { role: 'remit', label: { zh: '上缴上级支出', en: 'remittance to the higher level' } },
    { role: 'subsidy', label: { zh: '对附属单位补助支出', en: 'subsidies to affiliated units' } },
  ],
  rows: [TOTAL_ROW],
  relations: [{ type: 'hierarchy', id: 'hierarchy' }, ...SPENDING_CROSS_FOOT],
};
