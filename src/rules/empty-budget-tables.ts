import type { Table, TableKind } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { qualify, type Rule, type RuleMeta } from './rule';
import { cellOf, col, hasValue, itemName, tableOf } from './cross';
import { sideRows } from './summary-rows';

export const meta: RuleMeta = {
  id: 'empty-budget-tables',
  severity: 'error',
  description: {
    zh: '政府性基金、国有资本经营预算支出表为空表时，收支总表和财政拨款收支总表中对应的收入、支出必须为零。',
    en: 'When the government fund or SOE expenditure table is empty, the matching lines of the summary and fiscal summary must be zero.',
  },
  example: {
    zh: '政府性基金预算财政拨款支出表"空表列示"，但财政拨款收支总表政府性基金列本年支出合计为 12.00：错误。',
    en: 'The fund table is empty but the fiscal summary shows 12.00 in its fund column: an error.',
  },
};

const BUDGETS: ReadonlyArray<{ kind: TableKind; word: RegExp; role: 'fund' | 'soe' }> = [
  { kind: 'fund-expenditure', word: /政府性基金/, role: 'fund' },
  { kind: 'soe-expenditure', word: /国有资本经营/, role: 'soe' },
];

function isEmpty(t: Table): boolean {
  return !t.rows.some((r) => [...r.amounts.values()].some(hasValue));
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const b of BUDGETS) {
      const table = tableOf(ctx.tables, b.kind);
      if (!table || !isEmpty(table)) continue;
      for (const sk of ['summary', 'fiscal-summary'] as const) {
        const s = tableOf(ctx.tables, sk);
        if (!s) continue;
        const incomeCol = s.columns.find((c) => c.role.kind === 'amount' && c.role.side === 'income');
        const lines = incomeCol ? sideRows(s, 'income').items.filter((r) => b.word.test(itemName(r, 'income'))).map((r) => cellOf(r, incomeCol)) : [];
        const ec = col(s, b.role, 'expense');
        const yearTotal = sideRows(s, 'expense').yearTotal;
        if (ec && yearTotal) lines.push(cellOf(yearTotal, ec));
        for (const c of lines) {
          if (!hasValue(c) || c.parse.kind !== 'number') continue;
          const v = c.parse.amount.value.toFixed(Math.max(2, c.parse.amount.decimals));
          ctx.report({
            rule: meta.id, severity: meta.severity, rounding: false, table: s.kind, sheet: s.sheet,
            cells: [c.address, qualify(table.sheet, table.titleAddress)], reported: v, computed: '0.00', difference: v,
            text: {
              zh: `${TABLE_NAMES_ZH[b.kind]}为空表，但${TABLE_NAMES_ZH[s.kind]} ${c.address} 为 ${v}`,
              en: `the ${TABLE_NAMES_EN[b.kind]} is empty, but ${c.address} of the ${TABLE_NAMES_EN[s.kind]} is ${v}`,
            },
          });
        }
      }
    }
  },
};
