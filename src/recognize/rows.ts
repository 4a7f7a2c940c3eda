/**
 * Normaliser step 4: rows. Codes are joined from 类 | 款 | 项 parts or split from a code-and-name cell (`合计`
 * written in a code cell is the row's label); names wrapped onto the next line are joined back; each row's
 * role (合计, 本年收入合计, 人员经费合计…) is read from its label against the layout's row words.
 */
import { joinCodeParts, parseCode, toSubject, type CodeParse } from '../codes';
import type { Layout, RowRole, Side } from '../layouts/types';
import { decimalsOfFormat, parseAmount, type AmountParse } from '../money';
import { a1, cellAt, textAt, type Cell, type Sheet } from '../snapshot';
import type { AmountCell, Column, Label, SideKey, TableRow } from '../table';
import { hasOrdinal, norm, stripOrdinal } from '../text';
import type { BodyLine } from './furniture';
import { splitCodeName } from './typing';

interface MutableRow {
  row: number;
  segment: number;
  code: CodeParse;
  codeCells: string[];
  labels: Partial<Record<SideKey, Label>>;
  roles: Partial<Record<SideKey, RowRole>>;
  depth: Partial<Record<SideKey, number>>;
  amounts: ReadonlyMap<string, AmountCell>;
}

/**
 * A row's amount cells by column key: the keys are the table's, shared by every row, so a row holds only its
 * cells (a Map per row would cost more than the cells themselves on a table of 200,000 rows).
 */
class RowAmounts implements ReadonlyMap<string, AmountCell> {
  constructor(private readonly keyList: readonly string[], private readonly cells: readonly AmountCell[]) {}

  get size(): number {
    return this.cells.length;
  }

  get(key: string): AmountCell | undefined {
    const i = this.keyList.indexOf(key);
    return i < 0 ? undefined : this.cells[i];
  }

  has(key: string): boolean {
    return this.keyList.includes(key);
  }

  forEach(fn: (value: AmountCell, key: string, map: ReadonlyMap<string, AmountCell>) => void): void {
    this.cells.forEach((c, i) => fn(c, this.keyList[i], this));
  }

  *entries(): MapIterator<[string, AmountCell]> {
    for (let i = 0; i < this.cells.length; i++) yield [this.keyList[i], this.cells[i]];
  }

  keys(): MapIterator<string> {
    return this.keyList[Symbol.iterator]();
  }

  values(): MapIterator<AmountCell> {
    return this.cells[Symbol.iterator]();
  }

  [Symbol.iterator](): MapIterator<[string, AmountCell]> {
    return this.entries();
  }
}

const BLANK: AmountParse = Object.freeze({ kind: 'blank' as const });

/** Reads cells as amounts, each once per recognition: the column's precision and the row both need it. */
export type CellParser = (cell: Cell | undefined) => AmountParse;

export function cellParser(): CellParser {
  const parsed = new Map<Cell, AmountParse>();
  return (cell) => {
    if (!cell) return BLANK;
    let p = parsed.get(cell);
    if (!p) {
      p = parseAmount(cell.value, cell.text, cell.numberFormat);
      parsed.set(cell, p);
    }
    return p;
  };
}

/** An amount cell of a row; its address is worked out when asked (a table may hold a million of these). */
class RowAmount implements AmountCell {
  constructor(
    readonly key: string,
    readonly row: number,
    readonly col: number,
    readonly cell: Cell | undefined,
    readonly parse: AmountParse,
    readonly precision: number,
  ) {}

  get address(): string {
    return a1(this.row, this.col);
  }
}

/** Decimals of one amount: its format's when the format says, else what it shows or the column's, whichever is finer. */
export function amountCell(sheet: Sheet, r: number, c: Column, parseCell: CellParser = cellParser()): AmountCell {
  const cell = cellAt(sheet, r, c.col);
  const parse = parseCell(cell);
  const columnPrecision = c.precision ?? 2;
  let precision = columnPrecision;
  if (parse.kind === 'number') {
    const fmt = typeof cell?.value === 'number' ? decimalsOfFormat(cell.numberFormat) : undefined;
    precision = fmt ?? Math.max(parse.amount.decimals, columnPrecision);
  }
  return new RowAmount(c.key ?? '', r, c.col, cell, parse, precision);
}

/** A label cell; its address is worked out when asked. */
class RowLabel implements Label {
  constructor(readonly text: string, private readonly r: number, private readonly c: number) {}

  get address(): string {
    return a1(this.r, this.c);
  }
}

/** Most rows have no role and no depth: they share these. */
const NO_ROLES: MutableRow['roles'] = Object.freeze({});
const NO_DEPTH: MutableRow['depth'] = Object.freeze({});

/** The decimals a column displays: the most any of its numbers shows (format, else printed text). */
export function columnPrecision(sheet: Sheet, lines: readonly BodyLine[], col: number, parseCell: CellParser = cellParser()): number | undefined {
  let p: number | undefined;
  for (const l of lines) {
    const cell = cellAt(sheet, l.row, col);
    if (!cell) continue;
    const parse = parseCell(cell);
    if (parse.kind !== 'number') continue;
    const d = Math.min(parse.amount.decimals, 6);
    if (p === undefined || d > p) p = d;
  }
  return p;
}

/** 1 for 一、…; 2 for 1. / 1、 / （一） / 其中 lines; 0 for other labels. */
export function depthOf(label: string): number {
  const t = norm(label);
  if (hasOrdinal(t)) return 1;
  if (/^\d+[.．、](?!\d)/.test(t) || /^\((?:[一二三四五六七八九十]+|\d+)\)/.test(t) || /^其中[:：]?/.test(t)) return 2;
  return 0;
}

function roleOf(layout: Layout, label: string, side: SideKey): RowRole | undefined {
  const t = stripOrdinal(norm(label));
  for (const spec of layout.rows) {
    if (spec.side !== undefined && spec.side !== side) continue;
    if (spec.labels.some((re) => re.test(t))) return spec.role;
  }
  return undefined;
}

interface Parts {
  code: CodeParse;
  codeCells: string[];
  /** Text found in a code cell that is not a code (合计, 人员经费合计): the row's label. */
  text?: Label;
  /** The name of a code-and-name cell. */
  name?: Label;
}

function readCode(sheet: Sheet, r: number, columns: readonly Column[]): Parts {
  const parts = columns.filter((c) => c.role.kind === 'code' && c.role.part !== undefined);
  const single = columns.find((c) => c.role.kind === 'code' && c.role.part === undefined);
  const joined = columns.find((c) => c.role.kind === 'code-name');
  if (parts.length > 0) {
    const texts = parts.map((p) => textAt(sheet, r, p.col).trim());
    const cells = parts.filter((_, i) => texts[i] !== '').map((p) => a1(r, p.col));
    const words = texts.filter((t) => t !== '' && !/^[\d\s０-９]+$/.test(t));
    if (words.length > 0) {
      const at = parts[texts.findIndex((t) => t !== '' && !/^[\d\s０-９]+$/.test(t))];
      return { code: { kind: 'none' }, codeCells: [], text: { text: words.join(''), address: a1(r, at.col) } };
    }
    return { code: joinCodeParts(texts), codeCells: cells };
  }
  if (single) {
    const t = textAt(sheet, r, single.col).trim();
    if (t === '') return { code: { kind: 'none' }, codeCells: [] };
    const code = parseCode(t);
    if (code.kind === 'none') {
      const cn = splitCodeName(t);
      if (cn) {
        const s = toSubject(cn.code);
        return { code: s ? { kind: 'code', subject: s } : { kind: 'malformed', text: cn.code }, codeCells: [a1(r, single.col)], name: { text: cn.name, address: a1(r, single.col) } };
      }
      return { code, codeCells: [], text: { text: t, address: a1(r, single.col) } };
    }
    return { code, codeCells: [a1(r, single.col)] };
  }
  if (joined) {
    const t = textAt(sheet, r, joined.col).trim();
    if (t === '') return { code: { kind: 'none' }, codeCells: [] };
    const cn = splitCodeName(t);
    if (cn) {
      const s = toSubject(cn.code);
      return { code: s ? { kind: 'code', subject: s } : { kind: 'malformed', text: cn.code }, codeCells: [a1(r, joined.col)], name: { text: cn.name, address: a1(r, joined.col) } };
    }
    const code = parseCode(t);
    if (code.kind !== 'none') return { code, codeCells: [a1(r, joined.col)] };
    return { code, codeCells: [], name: { text: t, address: a1(r, joined.col) } };
  }
  return { code: { kind: 'none' }, codeCells: [] };
}

/** Reads the body lines of one table into rows, list by list (segment by segment). */
export function readRows(sheet: Sheet, lines: readonly BodyLine[], columns: readonly Column[], layout: Layout, segments: number, parseCell: CellParser = cellParser()): TableRow[] {
  const out: MutableRow[] = [];
  const twoSided = layout.shape === 'two-sided';
  for (let s = 0; s < segments; s++) {
    const cols = columns.filter((c) => c.segment === s);
    const amountCols = cols.filter((c) => c.role.kind === 'amount');
    const keyList = amountCols.map((c) => c.key ?? '');
    const nameCols = cols.filter((c) => c.role.kind === 'name');
    const seqCol = cols.find((c) => c.role.kind === 'seq');
    const rows: MutableRow[] = [];
    for (const line of lines) {
      const r = line.row;
      const parts = readCode(sheet, r, cols);
      const labels: MutableRow['labels'] = {};
      for (const n of nameCols) {
        const t = textAt(sheet, r, n.col).trim();
        if (t === '') continue;
        const key: SideKey = twoSided && n.role.kind === 'name' && n.role.side ? n.role.side : 'main';
        labels[key] = new RowLabel(t, r, n.col);
      }
      if (!labels.main && !twoSided) {
        const l = parts.name ?? parts.text;
        if (l) labels.main = l;
      }
      const cells: AmountCell[] = [];
      let anyAmount = false;
      for (const c of amountCols) {
        const a = amountCell(sheet, r, c, parseCell);
        if (a.parse.kind !== 'blank') anyAmount = true;
        cells.push(a);
      }
      const amounts = new RowAmounts(keyList, cells);
      const seq = seqCol ? line.cells[seqCol.col] : '';
      const prev = rows[rows.length - 1];
      // A name wrapped onto the next line (or page): no code, no number, just the rest of one label. In a
      // one-sided table it follows a coded row; on a side of a 收支总表 it never joins totals or carry-overs.
      const keys = Object.keys(labels) as SideKey[];
      const only = keys.length === 1 ? keys[0] : undefined;
      const cont = only ? labels[only] : undefined;
      const pl = only ? prev?.labels[only] : undefined;
      if (prev && only && cont && parts.code.kind === 'none' && parts.codeCells.length === 0 && !anyAmount && seq === '' &&
          !hasOrdinal(norm(cont.text)) && depthOf(cont.text) === 0 && !/合计|总计/.test(cont.text) && roleOf(layout, cont.text, only) === undefined &&
          (only === 'main' ? prev.code.kind === 'code'
            : pl !== undefined && !/合计|总计|结转|结余/.test(pl.text) && !/结转|结余/.test(cont.text))) {
        prev.labels[only] = pl ? { text: pl.text + cont.text, address: pl.address } : cont;
        continue;
      }
      if (parts.code.kind === 'none' && parts.codeCells.length === 0 && keys.length === 0 && !anyAmount) continue;
      rows.push({ row: r, segment: s, code: parts.code, codeCells: parts.codeCells, labels, roles: NO_ROLES, depth: NO_DEPTH, amounts });
    }
    for (const r of rows) out.push(r);
  }
  // Roles and depths from the whole (unwrapped) labels.
  for (const row of out) {
    for (const k of Object.keys(row.labels) as SideKey[]) {
      const l = row.labels[k] as Label;
      if (row.code.kind !== 'code') {
        const role = roleOf(layout, l.text, k);
        if (role) row.roles = { ...row.roles, [k]: role };
      }
      if (twoSided) row.depth = { ...row.depth, [k]: depthOf(l.text) };
    }
  }
  return out;
}

export type { Side };
