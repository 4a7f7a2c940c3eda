import { firstAmountColumn, type AmountCell, type AmountRole, type Column, type Side, type Table, type TableKind, type TableRow } from '../table';
import { checkRelation, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'row-cross-foot',
  severity: 'error',
  description: {
    zh: '行内横向合计：合计列等于各组成列之和（如支出总表 合计 = 基本支出 + 项目支出 + …，基本支出表 合计 = 人员经费 + 公用经费）。',
    en: 'Row cross-foot: the total column equals the sum of its component columns in every row.',
  },
  example: {
    zh: '支出总表 2080501 行：合计 269.32，基本支出 269.32 + 项目支出 0：平衡。',
    en: 'Expenditure table row 2080501: total 269.32 = basic 269.32 + project 0.',
  },
};

interface Formula {
  readonly total: AmountRole;
  readonly terms: readonly AmountRole[];
  readonly side?: Side;
}

const INCOME_SOURCES: readonly AmountRole[] = [
  'fiscal', 'special', 'undertaking', 'operating', 'superior', 'affiliated', 'other-income', 'unit-funds', 'amount',
];

/** The declarative column relations of each table kind. */
export const FORMULAS: Partial<Record<TableKind, readonly Formula[]>> = {
  expenditure: [{ total: 'total', terms: ['basic', 'project', 'business', 'remit', 'subsidy'] }],
  income: [
    { total: 'total', terms: ['subtotal', 'carryover'] },
    { total: 'subtotal', terms: INCOME_SOURCES },
  ],
  'general-expenditure': [{ total: 'total', terms: ['basic', 'project'] }],
  'fund-expenditure': [{ total: 'total', terms: ['basic', 'project'] }],
  'soe-expenditure': [{ total: 'total', terms: ['basic', 'project'] }],
  'basic-expenditure': [{ total: 'total', terms: ['personnel', 'public'] }],
  'fiscal-summary': [{ total: 'total', terms: ['general', 'fund', 'soe'], side: 'expense' }],
  'three-public': [{ total: 'total', terms: ['general', 'fund', 'soe'] }],
};

/** An income table without a 小计 column adds its sources straight into 合计. */
function formulasFor(t: Table): readonly Formula[] {
  const base = FORMULAS[t.kind] ?? [];
  if (t.kind === 'income' && !firstAmountColumn(t, 'subtotal')) return [{ total: 'total', terms: [...INCOME_SOURCES, 'carryover'] }];
  return base;
}

function rowName(r: TableRow): { zh: string; en: string } {
  const id = r.code.kind === 'code' ? r.code.subject.code : (r.labels.main?.text ?? r.labels.expense?.text ?? r.labels.income?.text ?? '').trim();
  return { zh: id || `第 ${r.row + 1} 行`, en: id || `row ${r.row + 1}` };
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      for (const f of formulasFor(t)) {
        const total = firstAmountColumn(t, f.total, f.side);
        const terms = f.terms.map((r) => firstAmountColumn(t, r, f.side)).filter((c): c is Column => c !== undefined);
        if (!total || terms.length === 0) continue;
        for (const r of t.rows) {
          const tc = r.amounts.get(total.col) as AmountCell;
          checkRelation(ctx, meta, {
            table: t,
            total: tc,
            terms: terms.map((c) => r.amounts.get(c.col) as AmountCell),
            what: () => {
              const name = rowName(r);
              return {
                zh: `${name.zh} ${total.label}（${terms.map((c) => c.label).join(' + ')}）`,
                en: `${name.en} ${total.label} (${terms.map((c) => c.label).join(' + ')})`,
              };
            },
          });
        }
      }
    }
  },
};
