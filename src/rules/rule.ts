import type { RawFinding, Severity, Text } from '../findings';
import { Decimal, ZERO, formatMoney } from '../money';
import { grade, type Operand } from '../grade';
import type { Workbook } from '../snapshot';
import type { AmountCell, RecognitionNote, Table } from '../table';
import { Catalog } from '../catalog/catalog';

export interface RuleMeta {
  readonly id: string;
  /** Severity of a real (non-rounding) failure. */
  readonly severity: Severity;
  readonly description: Text;
  /** A short worked example for the docs. */
  readonly example: Text;
}

export interface CheckOptions {
  /** Every difference is an error, rounding included. */
  readonly strict?: boolean;
  /** The subject catalog (built-in by default; an imported edition takes precedence). */
  readonly catalog?: Catalog;
}

export interface RuleContext {
  readonly workbook: Workbook;
  readonly tables: readonly Table[];
  /** What recognition could not understand (per table and per workbook). */
  readonly notes: readonly RecognitionNote[];
  /** The document's budget year (the year most of its tables print), when known. */
  readonly year?: number;
  readonly options: CheckOptions;
  readonly catalog: Catalog;
  /** Adds a finding; returns its index in the result. */
  report(finding: Omit<RawFinding, 'rule'> & { rule?: string }): number;
  /** Counts one relation checked, held or not (CHECKTOTALS says how many it verified). */
  tally(): void;
  /** Keeps every graded relation, held or not, with the finding it led to: error location needs them all. */
  record?(relation: CheckedRelation): void;
}

/** A relation as graded: held (exactly or within rounding) or not, and the finding reporting it, if any. */
export interface CheckedRelation {
  readonly instance: Instance;
  readonly outcome: 'held' | 'rounding' | 'failed';
  /** Index of the finding that reports it (failures and 尾差), in the result's findings. */
  readonly finding?: number;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

export function qualify(sheet: string, address: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A cell of a relation in another table than the total's (links between tables), with its weight. */
export interface Term {
  readonly table: Table;
  readonly cell: AmountCell;
  readonly weight?: 1 | -1;
}

/**
 * One instance of a relation: a total cell and the cells it must equal the sum of. Rules build these from the
 * layouts' declarations; `reportRelations` grades them and reports the failures. Terms are plain cells of the
 * total's table (the common case, kept light: a workbook has tens of thousands of these), or `Term`s.
 */
export interface Instance {
  /** `<kind>.<relation id>` or `link.<id>`: the same in every layout. */
  readonly relation: string;
  /** The row, independent of layout: a code, a row role, an item. */
  readonly subject: string;
  /** The column's role id (`total`, `expense:basic`, `total@final`), and its printed label. */
  readonly column: string;
  readonly columnLabel: string;
  /** The table of the total. */
  readonly table: Table;
  readonly total: AmountCell;
  readonly terms: readonly (AmountCell | Term)[];
  /** What the subject is in words, e.g. `款 20805` (built only when reported); the column label is added. */
  readonly what: Text | (() => Text);
  /** What the terms are called (计算数 by default, with the total then called 填报数, as in the pane and CHECKTOTALS). */
  readonly termsWord?: Text;
  /** Severity of a real difference when it is not the rule's. */
  readonly severity?: Severity;
  /** `le`: the terms only bound the total (其中 lines). */
  readonly compare?: 'eq' | 'le';
}

const TEN = new Decimal(10);

function unitShift(from: Table, to: Table): number {
  if (from.unit === to.unit) return 0;
  return from.unit === 'yuan' ? -4 : 4;
}

function isTerm(t: AmountCell | Term): t is Term {
  return (t as Term).table !== undefined;
}

function operand(cell: AmountCell, table: Table, to: Table, weight: 1 | -1 | undefined): Operand | undefined {
  const p = cell.parse;
  if (p.kind === 'invalid') return undefined;
  const shift = table === to ? 0 : unitShift(table, to);
  const value = p.kind === 'number' ? p.amount.value : ZERO;
  return {
    value: shift === 0 ? value : value.times(TEN.pow(shift)),
    precision: cell.precision - shift,
    weight,
  };
}

function operands(inst: Instance): { total: Operand; terms: Operand[] } | undefined {
  const home = inst.table;
  const total = operand(inst.total, home, home, undefined);
  if (!total) return undefined;
  const terms: Operand[] = [];
  for (const t of inst.terms) {
    const o = isTerm(t) ? operand(t.cell, t.table, home, t.weight) : operand(t, home, home, undefined);
    if (!o) return undefined;
    terms.push(o);
  }
  return { total, terms };
}

/** Whether the relation holds exactly, computed without building operands (nearly every relation does). */
function holdsExactly(inst: Instance): boolean | undefined {
  const tp = inst.total.parse;
  if (tp.kind === 'invalid') return undefined;
  let sum = ZERO;
  for (const t of inst.terms) {
    const term = isTerm(t);
    const cell = term ? t.cell : t;
    const p = cell.parse;
    if (p.kind === 'invalid') return undefined;
    if (p.kind !== 'number') continue;
    if (term && t.table !== inst.table && t.table.unit !== inst.table.unit) return false;
    sum = term && t.weight === -1 ? sum.minus(p.amount.value) : sum.plus(p.amount.value);
  }
  const total = tp.kind === 'number' ? tp.amount.value : ZERO;
  return total.eq(sum) || (inst.compare === 'le' && total.gt(sum));
}

interface Failure {
  readonly inst: Instance;
  readonly rounding: boolean;
  readonly reported: Decimal;
  readonly computed: Decimal;
  readonly difference: Decimal;
  readonly blank: boolean;
  readonly decimals: number;
}

function cellRef(t: AmountCell | Term, home: Table): string {
  if (!isTerm(t)) return t.address;
  return t.table.sheet !== home.sheet ? qualify(t.table.sheet, t.cell.address) : t.cell.address;
}

export function termCell(t: AmountCell | Term): AmountCell {
  return isTerm(t) ? t.cell : t;
}

/**
 * Grades every instance; failures of one relation on one row that differ identically in several columns are
 * one finding listing the columns; the same total cell is reported once per relation.
 */
export function reportRelations(ctx: RuleContext, meta: RuleMeta, instances: Iterable<Instance>): void {
  const strict = ctx.options.strict === true;
  const groups = new Map<string, Failure[]>();
  const order: string[] = [];
  // Totals already graded, per relation (by the cell object: no key strings on a table of 200,000 rows).
  const seen = new Map<string, Set<AmountCell>>();
  for (const inst of instances) {
    const home = inst.table;
    let once = seen.get(inst.relation);
    if (!once) { once = new Set(); seen.set(inst.relation, once); }
    if (once.has(inst.total)) continue;
    once.add(inst.total);
    const exact = holdsExactly(inst);
    // Unreadable cells are the hygiene rule's: a sum over them proves nothing.
    if (exact === undefined) continue;
    ctx.tally();
    if (exact) { ctx.record?.({ instance: inst, outcome: 'held' }); continue; }
    const ops = operands(inst);
    if (!ops) continue;
    const g = grade(ops.total, ops.terms, strict, inst.compare ?? 'eq');
    if (g.consistent) { ctx.record?.({ instance: inst, outcome: 'held' }); continue; }
    const decimals = Math.max(2, ...[ops.total, ...ops.terms].map((o) => o.precision).filter((d) => d <= 6));
    const f: Failure = {
      inst, rounding: g.rounding, reported: ops.total.value, computed: g.computed, difference: g.difference,
      blank: inst.total.parse.kind === 'blank', decimals: Math.min(decimals, Math.max(2, inst.total.precision)),
    };
    const key = `${inst.relation}|${home.sheet}|${inst.subject}|${g.difference.toString()}|${g.rounding}|${inst.compare ?? 'eq'}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else { groups.set(key, [f]); order.push(key); }
  }
  for (const key of order) report(ctx, meta, groups.get(key) as Failure[]);
}

function report(ctx: RuleContext, meta: RuleMeta, fs: readonly Failure[]): void {
  const index = reportGroup(ctx, meta, fs);
  for (const f of fs) ctx.record?.({ instance: f.inst, outcome: f.rounding ? 'rounding' : 'failed', finding: index });
}

function reportGroup(ctx: RuleContext, meta: RuleMeta, fs: readonly Failure[]): number {
  const first = fs[0];
  const inst = first.inst;
  const home = inst.table;
  const d = Math.max(...fs.map((f) => f.decimals));
  const money = (v: Decimal) => formatMoney(v, d);
  const diff = money(first.difference);
  const sameValues = fs.every((f) => f.reported.eq(first.reported) && f.computed.eq(first.computed) && f.blank === first.blank);
  // One wording everywhere (the pane, CHECKTOTALS, the reports): 填报数 ≠ 计算数, 差额.
  const word = inst.termsWord ?? { zh: '计算数', en: 'computed' };
  const own = inst.termsWord === undefined ? { zh: '填报数 ', en: 'reported ' } : { zh: '', en: '' };
  const le = inst.compare === 'le';
  const part = (f: Failure, lang: 'zh' | 'en') => {
    const blank = f.blank ? (lang === 'zh' ? '（空白）' : ' (blank)') : '';
    const w = lang === 'zh' ? word.zh : word.en;
    return `${own[lang]}${money(f.reported)}${blank} ${le ? '<' : '≠'} ${w ? `${w} ` : ''}${money(f.computed)}`;
  };
  const labels = fs.map((f) => f.inst.columnLabel).filter((l) => l !== '');
  let zh: string;
  let en: string;
  const what = typeof inst.what === 'function' ? inst.what() : inst.what;
  // "合计行 合计" says one thing twice: the row named after its own column (合计行, 总计行) is named once.
  const rowOwn = /^(.+)行$/.exec(what.zh)?.[1];
  if (sameValues) {
    const shown = labels.length === 1 && labels[0] === rowOwn ? [] : labels;
    zh = `${what.zh}${shown.length ? ` ${shown.join('、')}` : ''} ${part(first, 'zh')}`;
    en = `${what.en}${shown.length ? ` ${shown.join(', ')}` : ''} ${part(first, 'en')}`;
  } else {
    const sep = rowOwn !== undefined ? '：' : ' ';
    zh = `${what.zh}${sep}${fs.map((f) => `${f.inst.columnLabel} ${part(f, 'zh')}`).join('；')}`;
    en = `${what.en}${rowOwn !== undefined ? ': ' : ' '}${fs.map((f) => `${f.inst.columnLabel} ${part(f, 'en')}`).join('; ')}`;
  }
  const rounding = first.rounding;
  // An information-only relation stays information whatever the difference; others are 尾差 warnings or errors.
  const severity: Severity = inst.severity === 'info' ? 'info' : rounding ? 'warning' : inst.severity ?? meta.severity;
  const cells: string[] = [];
  const add = (c: string) => { if (!cells.includes(c)) cells.push(c); };
  for (const f of fs) add(f.inst.total.address);
  for (const f of fs) {
    for (const t of f.inst.terms) if (termCell(t).parse.kind === 'number') add(cellRef(t, home));
  }
  return ctx.report({
    rule: meta.id,
    severity,
    rounding,
    table: home.kind,
    sheet: home.sheet,
    cells,
    reported: money(first.reported),
    computed: money(first.computed),
    difference: diff,
    relation: inst.relation,
    subject: inst.subject,
    columns: fs.map((f) => f.inst.column),
    parts: fs.map((f) => ({ cell: f.inst.total.address, column: f.inst.column, label: f.inst.columnLabel, reported: money(f.reported), computed: money(f.computed) })),
    text: {
      zh: `${zh}（差额 ${diff}${rounding ? '，尾差' : ''}）`,
      en: `${en} (difference ${diff}${rounding ? ', rounding' : ''})`,
    },
  });
}
