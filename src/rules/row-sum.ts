import type { RelationSpec, Side } from '../layouts/types';
import { layoutOf, logicalColumns, type AmountCell, type Column, type Table, type TableRow } from '../table';
import { cellIn, columnOf, isOfWhich, rowWords, selectRows, subjectOf } from './select';
import { reportRelations, type Instance, type Rule, type RuleMeta, type Term } from './rule';

export const meta: RuleMeta = {
  id: 'row-sum',
  severity: 'error',
  description: {
    zh: '表内行间合计：收支总表 本年收入合计 = Σ收入项目、收入总计 = 本年收入合计 + 结转结余等、一级项目 = Σ其下 1. 2. 3. 项、支出总计 = 收入总计；"三公"经费 合计 = 各项之和、公务用车购置及运维费 = 购置费 + 运行维护费；基本支出表 人员经费合计 = 工资福利支出 + 对个人和家庭的补助、公用经费合计 = 其余各类。本年收入合计与本年支出合计不等不报（结转资金可在本年支出）。',
    en: 'Row sums within a table: summary totals (items, carry-overs, grand totals, income = expenditure), numbered sub-lines, "three public" lines, personnel / operating totals of the basic expenditure table.',
  },
  example: {
    zh: '收入总计 870.37 = 本年收入合计 870.37 + 上年结转结余 0。',
    en: 'Income grand total 870.37 = income for the year 870.37 + carry-over 0.',
  },
};

type RowsSpec = Extract<RelationSpec, { type: 'rows' }>;

function cellsOf(rows: readonly TableRow[], c: Column): AmountCell[] {
  const out: AmountCell[] = [];
  for (const r of rows) { const x = cellIn(r, c); if (x) out.push(x); }
  return out;
}

/** The amount columns a row relation runs over: those of its side, or all. */
function columnsFor(t: Table, side: Side | undefined): Column[] {
  return logicalColumns(t).filter((c) => side === undefined || (c.role.kind === 'amount' && c.role.side === side));
}

function rowsInstances(t: Table, spec: RowsSpec): Instance[] {
  const totalRow = selectRows(t, spec.total, spec.side)[0];
  if (!totalRow) return [];
  const seen = new Set<TableRow>([totalRow]);
  const termRows: TableRow[] = [];
  for (const sel of spec.terms) {
    for (const r of selectRows(t, sel, spec.side)) {
      if (seen.has(r)) continue;
      seen.add(r);
      termRows.push(r);
    }
  }
  if (termRows.length === 0) return [];
  const out: Instance[] = [];
  for (const c of columnsFor(t, spec.side)) {
    if (spec.columns && !(c.role.kind === 'amount' && spec.columns.includes(c.role.role))) continue;
    const total = cellIn(totalRow, c);
    if (!total) continue;
    const terms = cellsOf(termRows, c);
    if (terms.length === 0) continue;
    out.push({
      relation: `${t.kind}.${spec.id}`, subject: subjectOf(totalRow, spec.side), column: c.key as string, columnLabel: c.label,
      table: t, total, terms, what: spec.what, ...(spec.compare ? { compare: spec.compare } : {}),
    });
  }
  return out;
}

/** A line table's 其中 lines (其中：办公用房 under 房屋): each bounds the line above it, in every column. */
function ofWhichInstances(t: Table, id: string): Instance[] {
  const out: Instance[] = [];
  let parent: TableRow | undefined;
  const parts = new Map<TableRow, TableRow[]>();
  for (const r of t.rows) {
    if (!isOfWhich(r, 'main')) { parent = r; continue; }
    if (parent) parts.set(parent, [...(parts.get(parent) ?? []), r]);
  }
  for (const [p, rows] of parts) {
    for (const c of logicalColumns(t)) {
      const total = cellIn(p, c);
      const terms = cellsOf(rows, c);
      if (!total || terms.length === 0) continue;
      out.push({
        relation: `${t.kind}.${id}`, subject: subjectOf(p), column: c.key as string, columnLabel: c.label, table: t, total, terms,
        what: () => rowWords(p), compare: 'le', termsWord: { zh: '其中各项', en: 'its "of which" lines' },
      });
    }
  }
  return out;
}

function partsInstances(t: Table, id: string, side: Side): Instance[] {
  const s = t.index.sides[side];
  if (!s) return [];
  const out: Instance[] = [];
  for (const [parent, parts] of s.parts) {
    for (const c of columnsFor(t, side)) {
      const total = cellIn(parent, c);
      if (!total) continue;
      const terms = cellsOf(parts.rows, c);
      if (terms.length === 0) continue;
      // Budget lines under a carry-over are often left blank: they are checked only when filled in.
      if (parts.optional && terms.every((x) => x.parse.kind === 'blank')) continue;
      out.push({
        relation: `${t.kind}.${id}`, subject: subjectOf(parent, side), column: c.key as string, columnLabel: c.label,
        table: t, total, terms, what: () => rowWords(parent, side), compare: parts.exhaustive ? 'eq' : 'le',
        termsWord: parts.exhaustive ? undefined : { zh: '其中各项', en: 'its "of which" lines' },
      });
    }
  }
  return out;
}

function cellsInstances(t: Table, spec: Extract<RelationSpec, { type: 'cells' }>): Instance[] {
  const pick = (ref: typeof spec.total): Term[] => {
    const row = selectRows(t, ref.row, undefined)[0];
    if (!row) return [];
    return ref.columns.flatMap((choice) => {
      const col = columnOf(t, choice);
      const cell = col ? cellIn(row, col) : undefined;
      return cell ? [{ table: t, cell, weight: ref.weight }] : [];
    });
  };
  const total = pick(spec.total)[0];
  const terms = spec.terms.flatMap(pick);
  if (!total || terms.length === 0) return [];
  return [{ relation: `${t.kind}.${spec.id}`, subject: spec.id, column: total.cell.key, columnLabel: '', table: t, total: total.cell, terms, what: spec.what, termsWord: { zh: '', en: '' } }];
}

export function rowSumInstances(t: Table): Instance[] {
  const out: Instance[] = [];
  for (const spec of layoutOf(t.kind).relations) {
    if (spec.type === 'rows') out.push(...rowsInstances(t, spec));
    else if (spec.type === 'item-parts' && layoutOf(t.kind).shape === 'lines') out.push(...ofWhichInstances(t, spec.id));
    else if (spec.type === 'item-parts') {
      for (const side of spec.side ? [spec.side] : (['income', 'expense'] as const)) out.push(...partsInstances(t, spec.id, side));
    } else if (spec.type === 'cells') out.push(...cellsInstances(t, spec));
  }
  return out;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) reportRelations(ctx, meta, rowSumInstances(t));
  },
};
