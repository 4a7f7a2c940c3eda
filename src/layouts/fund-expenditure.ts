import type { Layout } from './types';
import { CARRY_COLUMNS, CARRY_RELATION, SPENDING_COLUMNS, SPENDING_CROSS_FOOT, TOTAL_ROW } from './common';

/** 政府性基金预算财政拨款支出表 (决算: …收入支出决算表, with the year's carry-overs). */
export const layout: Layout = {
  kind: 'fund-expenditure',
  name: { zh: '政府性基金预算财政拨款支出表', en: 'government fund budget expenditure' },
  titles: [/政府性基金/],
  shape: 'coded',
  codes: { family: 'function', depth: 3 },
  required: true,
  columns: [...SPENDING_COLUMNS, ...CARRY_COLUMNS],
  rows: [TOTAL_ROW],
  relations: [{ type: 'hierarchy', id: 'hierarchy' }, ...SPENDING_CROSS_FOOT, CARRY_RELATION],
};
