import { LINKS } from '../layouts/links';
import type { CellRef, LinkSpec } from '../layouts/types';
import type { Text } from '../findings';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH, type Table, type TableKind, type TableRow } from '../table';
import { cellIn, columnOf, columnsOf, itemLabel, rowWords, rowsWithRole, selectRows } from './select';
import { qualify, reportRelations, type Instance, type Rule, type RuleContext, type RuleMeta, type Term } from './rule';
import { norm } from '../text';

export const meta: RuleMeta = {
  id: 'cross-table',
  severity: 'error',
  description: {
    zh: '表间核对：收支总表与收入总表、支出总表；财政拨款收支总表与一般公共预算（政府性基金、国有资本经营）支出表；一般公共预算支出表的基本支出与基本支出表；预算中收入总表与支出总表逐科目（有上年结转时仅提示）。元与万元自动换算。',
    en: 'Between tables: summary vs revenue and expenditure tables; fiscal summary vs the general, fund and SOE expenditure tables; general table basic expenditure vs the basic expenditure table; in a budget, revenue vs expenditure code by code (information only where carry-overs exist). Units are converted.',
  },
  example: {
    zh: '收支总表"八、社会保障和就业支出" 540.56 应等于支出总表类 208 的合计 540.56。',
    en: 'Summary line "8. social security and employment" 540.56 must equal class 208 in the expenditure table.',
  },
};

const zh = (k: string) => TABLE_NAMES_ZH[k as TableKind];
const en = (k: string) => TABLE_NAMES_EN[k as TableKind];

function tableOf(tables: readonly Table[], kind: string): Table | undefined {
  return tables.find((t) => t.kind === kind);
}

/** The cells of one end of a link: every selected row, every chosen column. */
function pick(t: Table, refs: readonly CellRef[]): Term[] {
  return refs.flatMap((ref) => {
    const rows = selectRows(t, ref.row, undefined);
    return rows.flatMap((row) => ref.columns.flatMap((choice) => {
      const col = columnOf(t, choice);
      const cell = col ? cellIn(row, col) : undefined;
      return cell ? [{ table: t, cell, weight: ref.weight }] : [];
    }));
  });
}

function cellsLink(ctx: RuleContext, spec: Extract<LinkSpec, { type: 'cells' }>, out: Instance[]): void {
  const a = tableOf(ctx.tables, spec.total.kind);
  const b = tableOf(ctx.tables, spec.terms.kind);
  if (!a || !b) return;
  if (spec.stages && !(spec.stages.includes(a.stage) && spec.stages.includes(b.stage))) return;
  const total = pick(a, spec.total.cells);
  const terms = pick(b, spec.terms.cells);
  if (total.length !== 1) return;
  if (terms.length === 0) {
    // The other table has no column or row for this amount: said, not skipped, when there is an amount.
    const c = total[0].cell;
    if (c.parse.kind === 'number' && !c.parse.amount.value.isZero() && selectRows(b, spec.terms.cells[0].row, undefined).length > 0) {
      ctx.report({
        rule: meta.id, severity: 'info', rounding: false, table: a.kind, sheet: a.sheet, cells: [c.address],
        reported: null, computed: null, difference: null, relation: `link.${spec.id}`, subject: spec.id,
        text: { zh: `${spec.what.zh}：${zh(b.kind)}中没有对应的列，未核对`, en: `${spec.what.en}: the ${en(b.kind)} has no matching column; not checked` },
      });
    }
    return;
  }
  // A summary line is named as printed: 收支总表"五、单位资金"（对收入总表）.
  const line = selectRows(a, spec.total.cells[0].row, undefined)[0];
  const side = line && (line.labels.income ? 'income' : line.labels.expense ? 'expense' : undefined);
  const what: Text = side && line && !line.roles[side]
    ? { zh: `${zh(a.kind)}"${itemLabel(line, side)}"（对${zh(b.kind)}）`, en: `${en(a.kind)} "${itemLabel(line, side)}" (vs the ${en(b.kind)})` }
    : spec.what;
  out.push({
    relation: `link.${spec.id}`, subject: spec.id, column: total[0].cell.key, columnLabel: '',
    table: a, total: total[0].cell, terms, what, termsWord: { zh: '', en: '' }, severity: spec.severity,
  });
}

/** A 收支总表's expense item lines against the 类 rows of a detail table (by name), and the year totals. */
function linesClasses(ctx: RuleContext, spec: Extract<LinkSpec, { type: 'lines-classes' }>, out: Instance[]): void {
  const s = tableOf(ctx.tables, spec.summary.kind);
  const d = tableOf(ctx.tables, spec.detail.kind);
  if (!s || !d) return;
  const sc = columnsOf(s, spec.summary.column)[0];
  const dc = columnsOf(d, spec.detail.column)[0];
  const side = s.index.sides.expense;
  if (!sc || !dc || !side) return;
  const relation = `link.${spec.id}`;
  const byName = new Map<string, TableRow>();
  for (const r of d.index.classes) if (r.code.kind === 'code' && r.code.subject.family === 'function') byName.set(norm(r.labels.main?.text ?? ''), r);
  const matched = new Set<TableRow>();
  const label = sc.role.kind === 'amount' && sc.role.role !== 'total' ? ` ${sc.label}` : '';
  for (const r of side.items) {
    const name = itemLabel(r, 'expense');
    const cr = byName.get(name);
    const cell = cellIn(r, sc);
    if (!cell) continue;
    if (cr) matched.add(cr);
    const has = cell.parse.kind === 'number' && !cell.parse.amount.value.isZero();
    if (!cr && !has) continue;
    const target = cr ? cellIn(cr, dc) : undefined;
    const what: Text = {
      zh: `${zh(s.kind)}"${name}"${label}（对${zh(d.kind)}${cr && cr.code.kind === 'code' ? `类 ${cr.code.subject.code}` : ''}）`,
      en: `${en(s.kind)} "${name}"${label} (vs ${en(d.kind)}${cr && cr.code.kind === 'code' ? ` class ${cr.code.subject.code}` : ''})`,
    };
    out.push({
      relation, subject: cr && cr.code.kind === 'code' ? cr.code.subject.code : `expense:${name}`, column: sc.key as string, columnLabel: '',
      table: s, total: cell, terms: target ? [{ table: d, cell: target }] : [], what, termsWord: { zh: '', en: '' },
    });
  }
  for (const cr of d.index.classes) {
    const cell = cellIn(cr, dc);
    if (matched.has(cr) || !cell || cell.parse.kind !== 'number' || cell.parse.amount.value.isZero() || cr.code.kind !== 'code') continue;
    ctx.report({
      rule: meta.id, severity: 'error', rounding: false, table: d.kind, sheet: d.sheet, cells: [cell.address],
      reported: null, computed: null, difference: null, relation, subject: cr.code.subject.code,
      text: {
        zh: `${zh(d.kind)}类 ${cr.code.subject.code}"${cr.labels.main?.text.trim() ?? ''}"在${zh(s.kind)}中没有对应的支出行`,
        en: `class ${cr.code.subject.code} of the ${en(d.kind)} has no matching line in the ${en(s.kind)}`,
      },
    });
  }
  // The year's expenditure: 本年支出合计, or 支出总计 where the summary has no year line and no carry-over.
  const year = rowsWithRole(s, 'expense', 'year-total')[0];
  const carried = rowsWithRole(s, 'expense', 'carry-out').some((r) => { const c = cellIn(r, sc); return c?.parse.kind === 'number' && !c.parse.amount.value.isZero(); });
  const line = year ?? (carried ? undefined : rowsWithRole(s, 'expense', 'grand-total')[0]);
  const totalRow = rowsWithRole(d, 'main', 'total')[0];
  const lc = line ? cellIn(line, sc) : undefined;
  const tc = totalRow ? cellIn(totalRow, dc) : undefined;
  // A table printed empty (空表列示, no row at all) stands for zero.
  if (line && lc && (tc || d.rows.length === 0)) {
    const words = rowWords(line, 'expense');
    out.push({
      relation, subject: 'expense:year-total', column: sc.key as string, columnLabel: '',
      table: s, total: lc, terms: tc ? [{ table: d, cell: tc }] : [],
      what: { zh: `${zh(s.kind)} ${words.zh}${label}（对${zh(d.kind)}合计）`, en: `${en(s.kind)} ${words.en}${label} (vs the ${en(d.kind)} total)` },
      termsWord: { zh: '', en: '' },
    });
  }
}

/** Two coded tables of a budget list the same codes with the same totals. */
function codesLink(ctx: RuleContext, spec: Extract<LinkSpec, { type: 'codes' }>, out: Instance[]): void {
  const a = tableOf(ctx.tables, spec.a.kind);
  const b = tableOf(ctx.tables, spec.b.kind);
  if (!a || !b) return;
  if (spec.stages && !(spec.stages.includes(a.stage) && spec.stages.includes(b.stage))) return;
  const ac = columnsOf(a, spec.a.column)[0];
  const bc = columnsOf(b, spec.b.column)[0];
  if (!ac || !bc) return;
  const carry = spec.infoWhenFilled ? columnsOf(a, { role: spec.infoWhenFilled })[0] : undefined;
  const info = carry !== undefined && a.rows.some((r) => { const c = cellIn(r, carry); return c?.parse.kind === 'number' && !c.parse.amount.value.isZero(); });
  for (const [code, br] of b.index.byCode) {
    const ar = a.index.byCode.get(code);
    const bcell = cellIn(br, bc);
    const acell = ar ? cellIn(ar, ac) : undefined;
    if (!ar || !bcell || !acell) continue;
    out.push({
      relation: `link.${spec.id}`, subject: code, column: bc.key as string, columnLabel: '',
      table: b, total: bcell, terms: [{ table: a, cell: acell }],
      what: { zh: `${zh(b.kind)} ${code} ${bc.label}（对${zh(a.kind)}）`, en: `${en(b.kind)} ${code} ${bc.label} (vs the ${en(a.kind)})` },
      termsWord: { zh: '', en: '' }, severity: info ? 'info' : undefined,
    });
  }
  // A code on one side only (structure, reported once per code).
  for (const [x, xt, y, yt] of [[a, a.index.byCode, b, b.index.byCode], [b, b.index.byCode, a, a.index.byCode]] as const) {
    for (const [code, r] of xt) {
      if (yt.has(code)) continue;
      ctx.report({
        rule: meta.id, severity: info ? 'info' : 'warning', rounding: false, table: x.kind, sheet: x.sheet, cells: [...r.codeCells],
        reported: null, computed: null, difference: null, relation: `link.${spec.id}`, subject: code,
        text: { zh: `科目 ${code} 在${zh(x.kind)}中有、在${zh(y.kind)}中没有`, en: `code ${code} is in the ${en(x.kind)} but not in the ${en(y.kind)}` },
      });
    }
  }
}

const BUDGETS = [
  { word: /一般公共预算/, zh: '一般公共预算', en: 'general budget' },
  { word: /政府性基金/, zh: '政府性基金', en: 'fund budget' },
  { word: /国有资本经营/, zh: '国有资本经营', en: 'state capital budget' },
] as const;

/** The income line of each budget, wherever it stands (一、… or 1.… under 财政拨款收入). */
function budgetLine(t: Table, word: RegExp): TableRow | undefined {
  const s = t.index.sides.income;
  if (!s) return undefined;
  const lines = [...s.items, ...[...s.parts].filter(([p]) => s.items.includes(p)).flatMap(([, p]) => p.rows)];
  return lines.find((r) => word.test(itemLabel(r, 'income')));
}

function budgetLines(ctx: RuleContext, spec: Extract<LinkSpec, { type: 'budget-lines' }>, out: Instance[]): void {
  const a = tableOf(ctx.tables, spec.a.kind);
  const b = tableOf(ctx.tables, spec.b.kind);
  if (!a || !b) return;
  const ac = columnsOf(a, spec.a.column)[0];
  const bc = columnsOf(b, spec.b.column)[0];
  if (!ac || !bc) return;
  for (const budget of BUDGETS) {
    const ar = budgetLine(a, budget.word);
    const br = budgetLine(b, budget.word);
    const acell = ar ? cellIn(ar, ac) : undefined;
    const bcell = br ? cellIn(br, bc) : undefined;
    if (!acell || !bcell) continue;
    out.push({
      relation: `link.${spec.id}`, subject: `income:${budget.zh}`, column: ac.key as string, columnLabel: '',
      table: a, total: acell, terms: [{ table: b, cell: bcell }],
      what: { zh: `${zh(a.kind)}${budget.zh}收入（对${zh(b.kind)}）`, en: `${en(a.kind)} ${budget.en} income (vs the ${en(b.kind)})` },
      termsWord: { zh: '', en: '' },
    });
  }
}

export const rule: Rule = {
  meta,
  check(ctx) {
    const out: Instance[] = [];
    for (const spec of LINKS) {
      if (spec.type === 'cells') cellsLink(ctx, spec, out);
      else if (spec.type === 'lines-classes') linesClasses(ctx, spec, out);
      else if (spec.type === 'codes') codesLink(ctx, spec, out);
      else budgetLines(ctx, spec, out);
    }
    reportRelations(ctx, meta, out);
  },
};

export { qualify };
