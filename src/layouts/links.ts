/**
 * Relations between tables (表间), as data. Each names the kinds of table it joins; a link whose tables are not
 * both in the workbook is not checked (the missing table is reported by recognition).
 */
import type { AmountRole, LinkSpec } from './types';

const TOTAL_ROW = { role: 'total' } as const;

/** A 收支总表 income line against the 收入总表 合计 row, in the columns that hold that source. */
function incomeLine(id: string, label: RegExp, roles: readonly AmountRole[], zh: string, en: string): LinkSpec {
  return {
    type: 'cells', id, what: { zh, en },
    total: { kind: 'summary', cells: [{ row: { items: true, label, side: 'income' }, columns: [{ role: 'total', side: 'income' }] }] },
    terms: { kind: 'income', cells: [{ row: TOTAL_ROW, columns: roles.map((role) => ({ role })) }] },
  };
}

export const LINKS: readonly LinkSpec[] = [
  { type: 'lines-classes', id: 'summary-expenditure', summary: { kind: 'summary', column: { role: 'total', side: 'expense' } }, detail: { kind: 'expenditure', column: { role: 'total' } } },
  { type: 'lines-classes', id: 'fiscal-general', summary: { kind: 'fiscal-summary', column: { role: 'general', side: 'expense' } }, detail: { kind: 'general-expenditure', column: { role: 'total' } } },
  { type: 'lines-classes', id: 'fiscal-fund', summary: { kind: 'fiscal-summary', column: { role: 'fund', side: 'expense' } }, detail: { kind: 'fund-expenditure', column: { role: 'total' } } },
  { type: 'lines-classes', id: 'fiscal-soe', summary: { kind: 'fiscal-summary', column: { role: 'soe', side: 'expense' } }, detail: { kind: 'soe-expenditure', column: { role: 'total' } } },
  {
    type: 'cells', id: 'summary-income-fiscal', what: { zh: '收支总表财政拨款收入（对收入总表财政拨款收入）', en: 'summary fiscal appropriation income (vs the revenue table)' },
    total: { kind: 'income', cells: [{ row: TOTAL_ROW, columns: [{ role: 'fiscal' }, ...(['general', 'fund', 'soe'] as const).map((role) => ({ role, unless: ['fiscal'] as const }))] }] },
    terms: { kind: 'summary', cells: [{ row: { items: true, label: /一般公共预算|政府性基金|国有资本经营|财政拨款/, side: 'income' }, columns: [{ role: 'total', side: 'income' }] }] },
  },
  incomeLine('summary-income-special', /财政专户/, ['special'], '收支总表财政专户管理资金（对收入总表）', 'summary special account funds (vs the revenue table)'),
  incomeLine('summary-income-unit', /^单位资金$/, ['unit-funds', 'undertaking', 'operating', 'superior', 'affiliated', 'other-income'], '收支总表单位资金（对收入总表）', "summary unit's own funds (vs the revenue table)"),
  incomeLine('summary-income-undertaking', /^事业收入$/, ['undertaking'], '收支总表事业收入（对收入总表）', 'summary institutions revenue (vs the revenue table)'),
  incomeLine('summary-income-operating', /经营收入$/, ['operating'], '收支总表经营收入（对收入总表）', 'summary business revenue (vs the revenue table)'),
  incomeLine('summary-income-superior', /上级补助/, ['superior'], '收支总表上级补助收入（对收入总表）', 'summary subsidies from the higher level (vs the revenue table)'),
  incomeLine('summary-income-affiliated', /附属单位上缴/, ['affiliated'], '收支总表附属单位上缴收入（对收入总表）', 'summary remittances from affiliated units (vs the revenue table)'),
  incomeLine('summary-income-other', /^其他收入$/, ['other-income'], '收支总表其他收入（对收入总表）', 'summary other revenue (vs the revenue table)'),
  {
    type: 'cells', id: 'summary-income-year', what: { zh: '收支总表本年收入合计（对收入总表）', en: 'summary income for the year (vs the revenue table)' },
    total: { kind: 'summary', cells: [{ row: { role: 'year-total', side: 'income' }, columns: [{ role: 'total', side: 'income' }] }] },
    terms: { kind: 'income', cells: [{ row: TOTAL_ROW, columns: [{ first: [{ role: 'subtotal' }, { role: 'total', unless: ['carryover'] }] }] }] },
  },
  {
    type: 'cells', id: 'summary-income-grand', what: { zh: '收支总表收入总计（对收入总表合计）', en: 'summary income grand total (vs the revenue table total)' },
    total: { kind: 'summary', cells: [{ row: { role: 'grand-total', side: 'income' }, columns: [{ role: 'total', side: 'income' }] }] },
    terms: { kind: 'income', cells: [{ row: TOTAL_ROW, columns: [{ role: 'total' }] }] },
    stages: ['budget'],
  },
  {
    type: 'cells', id: 'summary-income-carry', what: { zh: '收支总表上年结转结余（对收入总表）', en: 'summary carry-over (vs the revenue table)' },
    total: { kind: 'summary', cells: [{ row: { role: 'carry-in', side: 'income' }, columns: [{ role: 'total', side: 'income' }] }] },
    terms: { kind: 'income', cells: [{ row: TOTAL_ROW, columns: [{ role: 'carryover' }] }] },
    // A 收入决算表 holds the year's income only; the balance brought forward is in no column of it.
    stages: ['budget'],
  },
  {
    type: 'cells', id: 'general-basic', what: { zh: '一般公共预算支出表合计行基本支出（对基本支出表）', en: 'general budget table total basic expenditure (vs the basic expenditure table)' },
    total: { kind: 'general-expenditure', cells: [{ row: TOTAL_ROW, columns: [{ role: 'basic' }] }] },
    terms: {
      kind: 'basic-expenditure',
      cells: [{ row: { first: [{ role: 'total' }, { roles: ['personnel-total', 'public-total'] }] }, columns: [{ role: 'total' }] }],
    },
  },
  { type: 'codes', id: 'income-expenditure', a: { kind: 'income', column: { role: 'total' } }, b: { kind: 'expenditure', column: { role: 'total' } }, stages: ['budget'], infoWhenFilled: 'carryover' },
  { type: 'budget-lines', id: 'fiscal-summary-income', a: { kind: 'fiscal-summary', column: { role: 'total', side: 'income' } }, b: { kind: 'summary', column: { role: 'total', side: 'income' } } },
];
