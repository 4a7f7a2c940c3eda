import type { AmountCell, Column, Side, Table, TableRow } from '../table';
import { norm, stripOrdinal } from '../text';
import { checkRelation, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'summary-rows',
  severity: 'error',
  description: {
    zh: '收支总表的合计行：本年收入合计 = Σ收入项目，本年支出合计 = Σ支出功能分类类级，收入总计 = 本年收入合计 + 上年结转结余，支出总计 = 本年支出合计 + 年终结转结余，收入总计 = 支出总计。本年收入合计与本年支出合计不等不报（结转资金可在本年支出）。',
    en: 'Summary rows: income for the year = Σ income items, expenditure for the year = Σ class lines, grand totals include carry-overs, and income grand total = expenditure grand total. Income ≠ expenditure for the year is legitimate and never flagged.',
  },
  example: {
    zh: '收入总计 870.37 = 本年收入合计 870.37 + 上年结转结余 0。',
    en: 'Income grand total 870.37 = income for the year 870.37 + carry-over 0.',
  },
};

const YEAR_INCOME = /^(?:本年)?收入合计$/;
const YEAR_EXPENSE = /^(?:本年)?支出合计$/;
const INCOME_GRAND = /^收入总计$/;
const EXPENSE_GRAND = /^支出总计$/;
const INCOME_CARRY = /上年结转|年初.*结转|结转结余|上年结余/;
const EXPENSE_CARRY = /年终结转|年末.*结转|结转结余|年终结余/;

export interface SideRows {
  readonly items: TableRow[];
  readonly yearTotal?: TableRow;
  readonly carry?: TableRow;
  readonly carryItems: TableRow[];
  readonly grand?: TableRow;
}

function label(r: TableRow, side: Side): string {
  return norm(r.labels[side]?.text ?? '');
}

/** Splits one side of a 收支总表 into its item lines, year total, carry-over (with its sub-lines) and grand total. */
export function sideRows(t: Table, side: Side): SideRows {
  const yearRe = side === 'income' ? YEAR_INCOME : YEAR_EXPENSE;
  const grandRe = side === 'income' ? INCOME_GRAND : EXPENSE_GRAND;
  const carryRe = side === 'income' ? INCOME_CARRY : EXPENSE_CARRY;
  const items: TableRow[] = [];
  const carryItems: TableRow[] = [];
  let yearTotal: TableRow | undefined;
  let carry: TableRow | undefined;
  let grand: TableRow | undefined;
  for (const r of t.rows) {
    const l = label(r, side);
    if (l === '') continue;
    if (grandRe.test(l)) { grand = r; continue; }
    if (yearRe.test(l)) { yearTotal = r; continue; }
    if (!yearTotal) {
      if (!/^其中/.test(l)) items.push(r);
      continue;
    }
    if (!carry && carryRe.test(l)) { carry = r; continue; }
    if (carry && !grand) carryItems.push(r);
  }
  return { items, yearTotal, carry, carryItems, grand };
}

function amountCols(t: Table, side: Side): Column[] {
  return t.columns.filter((c) => c.role.kind === 'amount' && c.role.side === side);
}

const SIDE_ZH: Record<Side, string> = { income: '收入', expense: '支出' };

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      if (t.kind !== 'summary' && t.kind !== 'fiscal-summary') continue;
      const sides: Record<Side, SideRows> = { income: sideRows(t, 'income'), expense: sideRows(t, 'expense') };
      for (const side of ['income', 'expense'] as const) {
        const s = sides[side];
        const cell = (r: TableRow, c: Column) => r.amounts.get(c.col) as AmountCell;
        for (const c of amountCols(t, side)) {
          const colName = c.label;
          if (s.yearTotal && s.items.length > 0) {
            checkRelation(ctx, meta, {
              table: t, total: cell(s.yearTotal, c), terms: s.items.map((r) => cell(r, c)),
              what: { zh: `本年${SIDE_ZH[side]}合计 ${colName}`, en: `${side} for the year, ${colName}` },
            });
          }
          if (s.carry && s.carryItems.length > 0 && s.carryItems.some((r) => cell(r, c).parse.kind === 'number')) {
            checkRelation(ctx, meta, {
              table: t, total: cell(s.carry, c), terms: s.carryItems.map((r) => cell(r, c)),
              what: { zh: `${stripOrdinal(label(s.carry, side))} ${colName}`, en: `carry-over, ${colName}` },
            });
          }
          if (s.grand && s.yearTotal) {
            checkRelation(ctx, meta, {
              table: t, total: cell(s.grand, c),
              terms: [cell(s.yearTotal, c), ...(s.carry ? [cell(s.carry, c)] : [])],
              what: { zh: `${SIDE_ZH[side]}总计 ${colName}`, en: `${side} grand total, ${colName}` },
            });
          }
        }
      }
      const inc = t.columns.find((c) => c.role.kind === 'amount' && c.role.side === 'income');
      const exp = t.columns.find((c) => c.role.kind === 'amount' && c.role.side === 'expense' && c.role.role === 'total');
      const ig = sides.income.grand;
      const eg = sides.expense.grand;
      if (inc && exp && ig && eg) {
        checkRelation(ctx, meta, {
          table: t, total: eg.amounts.get(exp.col) as AmountCell, terms: [ig.amounts.get(inc.col) as AmountCell],
          what: { zh: '支出总计（应等于收入总计）', en: 'expenditure grand total (must equal income grand total)' },
        });
      }
    }
  },
};
