import type { Table, TableKind } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { qualify, type Rule, type RuleMeta } from './rule';
import { cellIn, columnsOf, itemLabel } from './select';

export const meta: RuleMeta = {
  id: 'empty-budget-tables',
  severity: 'error',
  description: {
    zh: '政府性基金、国有资本经营预算支出表为空表时，收支总表和财政拨款收支总表中对应的收入必须为零（对应的支出由表间核对检查）。',
    en: 'When the government fund or SOE expenditure table is empty, the matching income lines of the summary and fiscal summary must be zero (the expense side is checked between tables).',
  },
  example: {
    zh: '政府性基金预算财政拨款支出表"空表列示"，但财政拨款收支总表"二、政府性基金预算拨款"收入为 12.00：错误。',
    en: 'The fund table is empty but the fiscal summary shows 12.00 of fund income: an error.',
  },
};

const BUDGETS: ReadonlyArray<{ kind: TableKind; word: RegExp }> = [
  { kind: 'fund-expenditure', word: /政府性基金/ },
  { kind: 'soe-expenditure', word: /国有资本经营/ },
];

function tableOf(tables: readonly Table[], kind: TableKind): Table | undefined {
  return tables.find((t) => t.kind === kind);
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const b of BUDGETS) {
      const table = tableOf(ctx.tables, b.kind);
      // A 决算 table of a fund may be empty while money came in and was carried forward: budgets only.
      if (!table || !table.empty || table.stage !== 'budget') continue;
      for (const sk of ['summary', 'fiscal-summary'] as const) {
        const s = tableOf(ctx.tables, sk);
        const side = s?.index.sides.income;
        const col = s ? columnsOf(s, { role: 'total', side: 'income' })[0] : undefined;
        if (!s || !side || !col) continue;
        const lines = [...side.items, ...[...side.parts].filter(([p]) => side.items.includes(p)).flatMap(([, p]) => p.rows)];
        for (const r of lines) {
          if (!b.word.test(itemLabel(r, 'income'))) continue;
          const c = cellIn(r, col);
          if (!c || c.parse.kind !== 'number' || c.parse.amount.value.isZero()) continue;
          const v = c.parse.amount.value.toFixed(Math.max(2, c.parse.amount.decimals));
          ctx.report({
            rule: meta.id, severity: meta.severity, rounding: false, table: s.kind, sheet: s.sheet,
            cells: [c.address, qualify(table.sheet, table.titleAddress)], reported: v, computed: '0.00', difference: v, subject: b.kind,
            text: {
              zh: `${TABLE_NAMES_ZH[b.kind]}为空表，但${TABLE_NAMES_ZH[s.kind]}"${itemLabel(r, 'income')}"为 ${v}`,
              en: `the ${TABLE_NAMES_EN[b.kind]} is empty, but the ${TABLE_NAMES_EN[s.kind]} shows ${v} for "${itemLabel(r, 'income')}"`,
            },
          });
        }
      }
    }
  },
};
