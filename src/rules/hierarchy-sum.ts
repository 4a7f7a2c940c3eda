import { LEVEL_NAMES_EN, LEVEL_NAMES_ZH, parentCode } from '../codes';
import type { AmountCell, Table, TableRow } from '../table';
import { norm } from '../text';
import { checkRelation, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'hierarchy-sum',
  severity: 'error',
  description: {
    zh: '科目层级合计：类 = Σ款，款 = Σ项，合计 = Σ类，逐个金额列核对（功能分类与经济分类）。',
    en: 'Subject hierarchy: class = Σ sections, section = Σ items, total = Σ classes, for every amount column.',
  },
  example: {
    zh: '款 20805 合计 536.45，其项 2080501+2080502+2080505+2080506 = 536.44：差 0.01，在尾差范围内，记为尾差警告。',
    en: 'Section 20805 shows 536.45 while its items add up to 536.44: a 0.01 difference within rounding, a rounding warning.',
  },
};

export function isTotalRow(r: TableRow): boolean {
  return r.code.kind === 'none' && /^(?:合计|总计|支出合计|本年支出合计)$/.test(norm(r.labels.main?.text ?? ''));
}

/** Rows by code, first occurrence only (duplicates are the structure rule's business). */
export function rowsByCode(t: Table): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const r of t.rows) if (r.code.kind === 'code' && !m.has(r.code.subject.code)) m.set(r.code.subject.code, r);
  return m;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      const byCode = rowsByCode(t);
      if (byCode.size === 0) continue;
      const children = new Map<string, TableRow[]>();
      const top: TableRow[] = [];
      for (const [code, r] of byCode) {
        const p = parentCode(code);
        if (p === undefined) top.push(r);
        else if (byCode.has(p)) {
          const list = children.get(p) ?? [];
          list.push(r);
          children.set(p, list);
        }
      }
      const amountCols = t.columns.filter((c) => c.role.kind === 'amount');
      const cellIn = (r: TableRow, col: number): AmountCell => r.amounts.get(col) as AmountCell;
      for (const c of amountCols) {
        for (const [code, kids] of children) {
          const parent = byCode.get(code) as TableRow;
          if (parent.code.kind !== 'code') continue;
          const level = parent.code.subject.level;
          checkRelation(ctx, meta, {
            table: t,
            total: cellIn(parent, c.col),
            terms: kids.map((k) => cellIn(k, c.col)),
            what: () => ({ zh: `${LEVEL_NAMES_ZH[level]} ${code} ${c.label}`, en: `${LEVEL_NAMES_EN[level]} ${code} ${c.label}` }),
          });
        }
        const totalRow = t.rows.find(isTotalRow);
        if (totalRow && top.length > 0) {
          checkRelation(ctx, meta, {
            table: t,
            total: cellIn(totalRow, c.col),
            terms: top.map((k) => cellIn(k, c.col)),
            what: { zh: `合计行 ${c.label}`, en: `total row, ${c.label}` },
          });
        }
      }
    }
  },
};
