import { parentCode } from '../codes';
import { layoutOf, logicalColumns, type AmountCell, type Table, type TableRow } from '../table';
import { cellIn, rowWords, rowsWithRole } from './select';
import { reportRelations, type Instance, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'hierarchy-sum',
  severity: 'error',
  description: {
    zh: '科目层级合计：类 = Σ款，款 = Σ项，合计行 = Σ类，逐个金额列核对（功能分类与经济分类）。',
    en: 'Subject hierarchy: class = Σ sections, section = Σ items, total row = Σ classes, for every amount column.',
  },
  example: {
    zh: '款 20805 合计 536.45，其项 2080501+2080502+2080505+2080506 = 536.44：差 0.01，在尾差范围内，记为尾差警告。',
    en: 'Section 20805 shows 536.45 while its items add up to 536.44: a 0.01 difference within rounding, a rounding warning.',
  },
};

/** The printed name of the column a cell is in (the two lists of a two-sided table name theirs apart). */
function labelAt(t: Table, col: number): string {
  return t.columns.find((c) => c.col === col)?.label ?? '';
}

/** The hierarchy relations of one table: parent = Σ children per code, 合计 row = Σ 类, in every amount column. */
export function* hierarchyInstances(t: Table): Generator<Instance> {
  const spec = layoutOf(t.kind).relations.find((r) => r.type === 'hierarchy');
  if (!spec || t.index.byCode.size === 0) return;
  const relation = `${t.kind}.${spec.id}`;
  const totalRow: TableRow | undefined = rowsWithRole(t, 'main', 'total')[0];
  for (const c of logicalColumns(t)) {
    for (const [code, kids] of t.index.children) {
      const parent = t.index.byCode.get(code) as TableRow;
      const total = cellIn(parent, c);
      if (!total) continue;
      const terms: AmountCell[] = [];
      for (const k of kids) { const x = cellIn(k, c); if (x) terms.push(x); }
      yield { relation, subject: code, column: c.key as string, columnLabel: labelAt(t, total.col), table: t, total, terms, what: () => rowWords(parent) };
    }
    if (totalRow && t.index.classes.length > 0) {
      const total = cellIn(totalRow, c);
      if (!total) continue;
      const terms: AmountCell[] = [];
      for (const k of t.index.classes) { const x = cellIn(k, c); if (x) terms.push(x); }
      yield { relation, subject: 'total', column: c.key as string, columnLabel: labelAt(t, total.col), table: t, total, terms, what: { zh: '合计行', en: 'total row' } };
    }
  }
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) reportRelations(ctx, meta, hierarchyInstances(t));
  },
};

export { parentCode };
