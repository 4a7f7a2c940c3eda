/**
 * Pieces several layouts share: the 合计 row of a coded table, the column sets of the function tables, and
 * the row words of the two-sided summaries.
 */
import type { ColumnSpec, Layout, RelationSpec, RowSpec } from './types';

/** The 合计 row of a coded table (`合计` may stand in the name cell or in a code cell). */
export const TOTAL_ROW: RowSpec = { role: 'total', labels: [/^合计$/, /^总计$/, /^(?:本年)?支出合计$/, /^(?:本年)?收入合计$/] };

/** Columns of a function-classification expenditure table (一般公共预算 / 政府性基金 / 国有资本经营). */
export const SPENDING_COLUMNS: readonly ColumnSpec[] = [
  { role: 'total', label: { zh: '合计', en: 'total' } },
  { role: 'basic', label: { zh: '基本支出', en: 'basic' } },
  { role: 'project', label: { zh: '项目支出', en: 'project' } },
  { role: 'personnel', label: { zh: '人员经费', en: 'personnel' } },
  { role: 'public', label: { zh: '公用经费', en: 'operating' } },
];

/** 合计 = 基本支出 + 项目支出 (人员经费 + 公用经费 where the table splits 基本支出 without printing it). */
export const SPENDING_CROSS_FOOT: readonly RelationSpec[] = [
  {
    type: 'columns', id: 'cross-foot',
    total: { role: 'total' },
    terms: [{ role: 'basic' }, { role: 'project' }, { role: 'business' }, { role: 'remit' }, { role: 'subsidy' }],
    requires: ['basic'],
  },
  {
    type: 'columns', id: 'cross-foot-split',
    total: { role: 'total' },
    terms: [{ role: 'personnel' }, { role: 'public' }, { role: 'project' }, { role: 'business' }, { role: 'remit' }, { role: 'subsidy' }],
    unless: ['basic'],
  },
  { type: 'columns', id: 'basic-split', total: { role: 'basic' }, terms: [{ role: 'personnel' }, { role: 'public' }], requires: ['basic'] },
];

/** Row words of the two sides of a 收支总表 / 财政拨款收支总表 (决算 wording included). */
export const SUMMARY_ROWS: readonly RowSpec[] = [
  { role: 'year-total', side: 'income', labels: [/^(?:本年)?收入合计$/] },
  { role: 'grand-total', side: 'income', labels: [/^收入总计$/, /^总计$/] },
  { role: 'carry-in', side: 'income', labels: [/上年结转/, /^年初.*结转/, /^上年结余/, /^年初结余/] },
  { role: 'balance-use', side: 'income', labels: [/^使用非财政拨款结余/, /^用事业基金弥补/] },
  { role: 'year-total', side: 'expense', labels: [/^(?:本年)?支出合计$/] },
  { role: 'grand-total', side: 'expense', labels: [/^支出总计$/, /^总计$/] },
  { role: 'carry-out', side: 'expense', labels: [/年终结转/, /^年末.*结转/, /^年终结余/, /^年末结余/] },
  { role: 'balance-distribution', side: 'expense', labels: [/^结余分配$/] },
];

/** Relations of both sides of a summary: items, totals with carry-overs, and the two grand totals. */
export const SUMMARY_RELATIONS: readonly RelationSpec[] = [
  { type: 'item-parts', id: 'income-parts', side: 'income' },
  { type: 'item-parts', id: 'expense-parts', side: 'expense' },
  {
    type: 'rows', id: 'income-year', side: 'income', total: { role: 'year-total' }, terms: [{ items: true }],
    what: { zh: '本年收入合计', en: 'income for the year' },
  },
  {
    type: 'rows', id: 'income-grand', side: 'income', total: { role: 'grand-total' },
    terms: [{ first: [{ role: 'year-total' }, { items: true }] }, { role: 'carry-in' }, { role: 'balance-use' }],
    what: { zh: '收入总计', en: 'income grand total' },
  },
  {
    type: 'rows', id: 'expense-year', side: 'expense', total: { role: 'year-total' }, terms: [{ items: true }],
    what: { zh: '本年支出合计', en: 'expenditure for the year' },
  },
  {
    type: 'rows', id: 'expense-grand', side: 'expense', total: { role: 'grand-total' },
    terms: [{ first: [{ role: 'year-total' }, { items: true }] }, { role: 'carry-out' }, { role: 'balance-distribution' }],
    what: { zh: '支出总计', en: 'expenditure grand total' },
  },
  {
    type: 'cells', id: 'balance', what: { zh: '支出总计（应等于收入总计）', en: 'expenditure grand total (must equal income grand total)' },
    total: { row: { role: 'grand-total', side: 'expense' }, columns: [{ role: 'total', side: 'expense' }] },
    terms: [{ row: { role: 'grand-total', side: 'income' }, columns: [{ role: 'total', side: 'income' }] }],
  },
];

/** 决算 fund tables: 年初结转和结余 | 本年收入 | 本年支出 (合计 | 基本 | 项目) | 年末结转和结余. */
export const CARRY_COLUMNS: readonly ColumnSpec[] = [
  { role: 'carry-in', label: { zh: '年初结转和结余', en: 'balance at the start of the year' } },
  { role: 'subtotal', label: { zh: '本年收入', en: 'income for the year' } },
  { role: 'carry-out', label: { zh: '年末结转和结余', en: 'balance at the end of the year' } },
];

/** 年末 = 年初 + 本年收入 − 本年支出. */
export const CARRY_RELATION: RelationSpec = {
  type: 'columns', id: 'carry',
  total: { role: 'carry-out' },
  terms: [{ role: 'carry-in' }, { role: 'subtotal' }, { role: 'total', weight: -1 }],
  requires: ['carry-out', 'subtotal'],
};

/** The 政府性基金 and 国有资本经营 tables share one shape: function subjects, 基本 | 项目, and the 决算 carry-overs. */
export function fundTableLayout<K extends 'fund-expenditure' | 'soe-expenditure'>(kind: K, name: { zh: string; en: string }, title: RegExp): Layout<K> {
  return {
    kind, name, titles: [title], shape: 'coded', codes: { family: 'function', depth: 3 }, required: true,
    columns: [...SPENDING_COLUMNS, ...CARRY_COLUMNS],
    rows: [TOTAL_ROW],
    relations: [{ type: 'hierarchy', id: 'hierarchy' }, ...SPENDING_CROSS_FOOT, CARRY_RELATION],
  };
}
