import type { AmountRole, RelationSpec } from '../layouts/types';
import { hasRole, layoutOf, type AmountCell, type Column, type Table } from '../table';
import { cellIn, columnsOf, rowWords, subjectOf } from './select';
import { reportRelations, termCell, type Instance, type Rule, type RuleMeta, type Term } from './rule';

export const meta: RuleMeta = {
  id: 'row-cross-foot',
  severity: 'error',
  description: {
    zh: '行内横向合计：合计列等于各组成列之和（如支出总表 合计 = 基本支出 + 项目支出 + …，基本支出表 合计 = 人员经费 + 公用经费，"三公"合计 = 各项之和），每行、每个口径（预算数 / 决算数）分别核对。',
    en: 'Row cross-foot: the total column equals the sum of its component columns in every row, per measure (budget / final).',
  },
  example: {
    zh: '支出总表 2080501 行：合计 269.32，基本支出 269.32 + 项目支出 0：平衡。',
    en: 'Expenditure table row 2080501: total 269.32 = basic 269.32 + project 0.',
  },
};

type ColumnsSpec = Extract<RelationSpec, { type: 'columns' }>;

function applies(t: Table, spec: ColumnsSpec): boolean {
  const all = (rs: readonly AmountRole[] | undefined) => (rs ?? []).every((r) => hasRole(t, r));
  const none = (rs: readonly AmountRole[] | undefined) => !(rs ?? []).some((r) => hasRole(t, r));
  return all(spec.requires) && none(spec.unless);
}

/** Total column and term columns of one measure. */
function groups(t: Table, spec: ColumnsSpec): Array<{ total: Column; terms: Array<{ col: Column; weight: 1 | -1 }> }> {
  const out: Array<{ total: Column; terms: Array<{ col: Column; weight: 1 | -1 }> }> = [];
  for (const total of columnsOf(t, spec.total)) {
    const measure = total.role.kind === 'amount' ? total.role.measure : undefined;
    const terms = spec.terms.flatMap((ref) => columnsOf(t, ref)
      .filter((c) => c.role.kind === 'amount' && c.role.measure === measure)
      .map((col) => ({ col, weight: ref.weight ?? 1 })));
    if (terms.length > 0) out.push({ total, terms });
  }
  return out;
}

export function* crossFootInstances(t: Table): Generator<Instance> {
  // A column of figures the engine could not read may be a term: the rows' cross-foot is not known (recognition says so).
  if (t.unreadColumns.length > 0) return;
  for (const spec of layoutOf(t.kind).relations) {
    if (spec.type !== 'columns' || !applies(t, spec)) continue;
    for (const g of groups(t, spec)) {
      const side = g.total.role.kind === 'amount' ? g.total.role.side : undefined;
      const label = `${g.total.label}（${g.terms.map((x) => `${x.weight === -1 ? '−' : ''}${x.col.label}`).join(' + ')}）`;
      for (const r of t.rows) {
        const total = cellIn(r, g.total);
        if (!total) continue;
        const terms: Array<AmountCell | Term> = [];
        for (const x of g.terms) {
          const c = cellIn(r, x.col);
          if (c) terms.push(x.weight === -1 ? { table: t, cell: c, weight: -1 } : c);
        }
        if (terms.length === 0) continue;
        // A side's row without a label on that side (a blank line under the longer side) holds nothing to check.
        if (side && !r.labels[side] && total.parse.kind === 'blank' && terms.every((x) => termCell(x).parse.kind === 'blank')) continue;
        yield {
          relation: `${t.kind}.${spec.id}`, subject: subjectOf(r, side), column: g.total.key as string, columnLabel: label,
          table: t, total, terms, what: () => rowWords(r, side), ...(spec.compare ? { compare: spec.compare } : {}),
        };
      }
    }
  }
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) reportRelations(ctx, meta, crossFootInstances(t));
  },
};
