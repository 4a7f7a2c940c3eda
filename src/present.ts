import type { RawCheckResult } from './engine';
import type { RawFinding, Text } from './findings';
import { groupDigits } from './locate/text';
import { ZERO, formatMoney } from './money';
import type { CheckedRelation, Instance, Term } from './rules/rule';
import { parseA1 } from './snapshot';
import { ALL_KINDS, TABLE_NAMES_EN, TABLE_NAMES_ZH, rowLabel, type AmountCell, type Table, type TableKind, type TableRow } from './table';

/**
 * A finding as a 审核公式 result, the way 久其 / 用友 users read one: what the relation is about in their words
 * (code and printed name), the equation with the cells' own labels and the amounts as printed (thousands
 * separators), the table's unit, and for a relation between tables both sides, each with its table and cell.
 * Built from the graded relation the finding reports; a finding of another kind (a code, recognition) has none.
 */
export interface Presented {
  /** 表内 / 表间; undefined for findings that are not a relation (a code, a form, recognition). */
  readonly scope?: 'within' | 'between';
  /** The row in the user's words: `款 20805 行政事业单位养老支出`, `合计行`, `收入总表 本年收入合计`. */
  readonly subject?: Text;
  /** `合计 536.45 ≠ 2080501 + 2080502 + 2080505 + 2080506 = 536.44`; between tables, each side with its cell. */
  readonly equation?: Text;
  /** 万元 / 元, of the table the total is in. */
  readonly unit?: Text;
  /** The cells compared, each clickable: the total first; between tables, the other table's cells after it. */
  readonly sides: readonly Side[];
}

export interface Side {
  readonly sheet: string;
  readonly table: TableKind;
  readonly cell: string;
}

const UNIT: Record<Table['unit'], Text> = { wan: { zh: '万元', en: '10k yuan' }, yuan: { zh: '元', en: 'yuan' } };

/** Terms listed in full up to this many; beyond, the first and the last with the count. */
const MAX_TERMS = 6;

/** The graded relations of each finding (one per column it covers), by finding index. */
export function relationsByFinding(result: Pick<RawCheckResult, 'checked'>): Map<number, CheckedRelation[]> {
  const by = new Map<number, CheckedRelation[]>();
  for (const c of result.checked ?? []) {
    if (c.finding === undefined) continue;
    const list = by.get(c.finding);
    if (list) list.push(c);
    else by.set(c.finding, [c]);
  }
  return by;
}

const rowIndex = new WeakMap<Table, Map<number, TableRow>>();

function rowAt(table: Table, address: string): TableRow | undefined {
  let index = rowIndex.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.row, r]));
    rowIndex.set(table, index);
  }
  return index.get(parseA1(address).row);
}

function columnLabel(table: Table, col: number): string {
  return table.columns.find((c) => c.col === col)?.label ?? '';
}

function isTerm(t: AmountCell | Term): t is Term {
  return (t as Term).table !== undefined;
}

/** The amount as printed, with thousands separators; a blank as 0 at the column's precision. */
function amount(cell: AmountCell): string {
  const p = cell.parse;
  const d = Math.max(0, Math.min(cell.precision, 6));
  return groupDigits(formatMoney(p.kind === 'number' ? p.amount.value : ZERO, d));
}

/** What a row is: `款 20805 行政事业单位养老支出`, or its printed label (`本年收入合计`), or `第 8 行`. */
function rowWords(row: TableRow | undefined): Text | undefined {
  if (!row) return undefined;
  const name = rowLabel(row);
  if (row.code.kind === 'code') {
    const lv = row.code.subject.level;
    const zh = `${['类', '款', '项'][lv - 1]} ${row.code.subject.code}${name ? ` ${name}` : ''}`;
    const en = `${['class', 'section', 'item'][lv - 1]} ${row.code.subject.code}${name ? ` ${name}` : ''}`;
    return { zh, en };
  }
  if (name !== '') return { zh: name, en: name };
  return { zh: `第 ${row.row + 1} 行`, en: `row ${row.row + 1}` };
}

/** A term's short name within its table: its code, else its row's label, else its column's label. */
function termName(inst: Instance, cell: AmountCell, table: Table): string {
  if (table === inst.table && parseA1(cell.address).row === parseA1(inst.total.address).row) return columnLabel(table, cell.col) || cell.address;
  const row = rowAt(table, cell.address);
  if (row?.code.kind === 'code') return row.code.subject.code;
  return (row ? rowLabel(row) : '') || cell.address;
}

function listTerms(names: readonly string[], signs: readonly (1 | -1)[]): string {
  const parts = names.map((n, i) => (i === 0 ? (signs[i] === -1 ? `− ${n}` : n) : `${signs[i] === -1 ? '−' : '+'} ${n}`));
  if (parts.length <= MAX_TERMS) return parts.join(' ');
  return `${parts.slice(0, 2).join(' ')} + … ${parts[parts.length - 1]}`;
}

function tableName(kind: TableKind): Text {
  return { zh: TABLE_NAMES_ZH[kind], en: TABLE_NAMES_EN[kind] };
}

/** Presents one finding from the relations it reports (see {@link relationsByFinding}). */
export function present(f: RawFinding, relations: readonly CheckedRelation[] | undefined): Presented {
  const first = relations?.[0]?.instance;
  if (!first) return { sides: [] };
  const home = first.table;
  const between = first.relation.startsWith('link.') || first.terms.some((t) => isTerm(t) && t.table !== home);
  const cmp = first.compare === 'le' ? '<' : '≠';
  const total = amount(first.total);
  const computed = f.computed !== null ? groupDigits(f.computed) : '';
  const sides: Side[] = [{ sheet: home.sheet, table: home.kind, cell: first.total.address }];
  if (between) {
    const others = first.terms.filter(isTerm).filter((t) => t.table !== home);
    for (const t of others) if (!sides.some((s) => s.sheet === t.table.sheet && s.cell === t.cell.address)) sides.push({ sheet: t.table.sheet, table: t.table.kind, cell: t.cell.address });
    const one = others.length === 1 && first.terms.length === 1 ? others[0] : undefined;
    const left = (lang: 'zh' | 'en') => `${tableName(home.kind)[lang]} ${first.total.address} ${total}`;
    const right = (lang: 'zh' | 'en'): string => {
      if (one) return `${tableName(one.table.kind)[lang]} ${one.cell.address} ${amount(one.cell)}`;
      const t = others[0]?.table;
      const names = first.terms.map((x) => (isTerm(x) ? x.cell.address : x.address));
      const signs = first.terms.map((x) => (isTerm(x) && x.weight === -1 ? -1 : 1));
      return `${t ? `${tableName(t.kind)[lang]} ` : ''}${listTerms(names, signs)} = ${computed}`;
    };
    const what = typeof first.what === 'function' ? first.what() : first.what;
    const own = rowAt(home, first.total.address);
    return {
      scope: 'between',
      subject: own?.code.kind === 'code' ? rowWords(own) : what,
      equation: { zh: `${left('zh')} ${cmp} ${right('zh')}`, en: `${left('en')} ${cmp} ${right('en')}` },
      unit: UNIT[home.unit],
      sides,
    };
  }
  const row = rowAt(home, first.total.address);
  const sameRow = first.terms.every((t) => !isTerm(t) && parseA1(t.address).row === parseA1(first.total.address).row);
  const names = first.terms.map((t) => termName(first, isTerm(t) ? t.cell : t, isTerm(t) ? t.table : home));
  const signs = first.terms.map((t) => (isTerm(t) && t.weight === -1 ? -1 : 1));
  const columns = (relations ?? []).map((r) => r.instance.columnLabel || columnLabel(home, r.instance.total.col)).filter((l, i, a) => l !== '' && a.indexOf(l) === i);
  // Across a row the columns are the terms; down a column the total is named by its column(s).
  const totalName = sameRow ? columnLabel(home, first.total.col) : columns.join('、');
  const terms = first.terms.length === 0 ? '0' : listTerms(names, signs);
  const eq = `${totalName ? `${totalName} ` : ''}${total} ${cmp} ${terms} = ${computed}`;
  const eqEn = `${totalName ? `${totalName} ` : ''}${total} ${cmp} ${terms} = ${computed}`;
  return { scope: 'within', subject: rowWords(row), equation: { zh: eq, en: eqEn }, unit: UNIT[home.unit], sides };
}

/** 错误 first, then warnings, 尾差, 提示: the order a reviewer works in. */
const LEVEL_ORDER = ['error', 'warning', 'rounding', 'info'] as const;

export function levelOf(f: Pick<RawFinding, 'severity' | 'rounding'>): (typeof LEVEL_ORDER)[number] {
  return f.rounding ? 'rounding' : f.severity;
}

/**
 * The order of findings everywhere a list is shown (the pane, the 校验报告 sheet): by level, then by table in
 * the order of the nine tables (others after), then by sheet, then by cell (row, then column).
 */
export function compareFindings(a: Pick<RawFinding, 'severity' | 'rounding' | 'table' | 'sheet' | 'cells'>, b: Pick<RawFinding, 'severity' | 'rounding' | 'table' | 'sheet' | 'cells'>): number {
  const l = LEVEL_ORDER.indexOf(levelOf(a)) - LEVEL_ORDER.indexOf(levelOf(b));
  if (l !== 0) return l;
  const ta = a.table ? ALL_KINDS.indexOf(a.table) : ALL_KINDS.length;
  const tb = b.table ? ALL_KINDS.indexOf(b.table) : ALL_KINDS.length;
  if (ta !== tb) return ta - tb;
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ca = a.cells[0] ? parseA1(a.cells[0].replace(/^.*!/, '')) : { row: -1, col: -1 };
  const cb = b.cells[0] ? parseA1(b.cells[0].replace(/^.*!/, '')) : { row: -1, col: -1 };
  return ca.row - cb.row || ca.col - cb.col;
}
