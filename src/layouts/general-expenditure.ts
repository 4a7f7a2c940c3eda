import type { Layout } from './types';
import { SPENDING_COLUMNS, SPENDING_CROSS_FOOT, TOTAL_ROW } from './common';

/** 一般公共预算财政拨款支出表 / 一般公共预算支出功能分类预算表 / …支出决算表. */
export const layout: Layout<'general-expenditure'> = {
  kind: 'general-expenditure',
  name: { zh: '一般公共预算财政拨款支出表', en: 'general public budget expenditure' },
  titles: [/一般公共预算/],
  shape: 'coded',
  codes: { family: 'function', depth: 3 },
  required: true,
  columns: SPENDING_COLUMNS,
  rows: [TOTAL_ROW],
  relations: [{ type: 'hierarchy', id: 'hierarchy' }, ...SPENDING_CROSS_FOOT],
};
