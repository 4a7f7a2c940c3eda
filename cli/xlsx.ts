/**
 * Reads an .xlsx file into the engine's snapshot. The package is read part by part (cli/zip.ts) and each part
 * streamed through a tokenizer (cli/xml.ts): only cells that hold something are kept, ranges (merges, the
 * sheet's dimension, formatting and validation ranges) are never expanded, so a stray cell at XFD1048576, a
 * merge over the whole sheet or a million empty rows cost nothing. Anything that does not hold together is a
 * ReadError with a code, never a library's exception.
 */
import { a1, type Cell, type CellValue, type Sheet, type Workbook } from '../src/snapshot';
import { decimalsOfFormat } from '../src/money';
import { displayText } from '../src/display';
import { ReadError } from './read-error';
import { XmlStream, type Attrs, type XmlHandler } from './xml';
import { bufferSource, DEFAULT_ZIP_LIMITS, ZipReader, type ByteSource, type ZipLimits } from './zip';

/** Excel's own limits: a cell holds at most 32,767 characters; 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_CELL_TEXT = 32_767;
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
const MAX_FORMULA = 8_192;
const MAX_SHEET_NAME = 100;
/** A number format showing more decimals than this is not a real one (Excel keeps 15 significant digits). */
const MAX_FORMAT_DECIMALS = 30;

export { displayText } from '../src/display';

export interface ReadResult {
  readonly workbook: Workbook;
  /** Formula cells without a cached result (the file was written by a program that does not calculate). */
  readonly uncalculated: { readonly count: number; readonly first: readonly string[] };
}

export interface ReadOptions {
  readonly name?: string;
  readonly limits?: ZipLimits;
}

const corrupt = (detail: string) => new ReadError('corrupt', detail);
const XML_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A string kept in the snapshot, copied out of the chunk it was sliced from: V8 keeps a whole parsed chunk alive
 * for any slice of it longer than 12 characters, which would hold the sheet's whole XML in memory.
 */
function own(s: string): string {
  return s.length < 13 ? s : (` ${s}`).slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Package structure: relationships, workbook, styles, shared strings.

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

function relsOf(part: string): string {
  const d = dirOf(part);
  const base = part.slice(d.length === 0 ? 0 : d.length + 1);
  return `${d === '' ? '' : `${d}/`}_rels/${base}.rels`;
}

function resolvePart(fromDir: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const parts = (t.startsWith('/') ? t.slice(1) : fromDir === '' ? t : `${fromDir}/${t}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

interface Rel { readonly type: string; readonly target: string; readonly external: boolean }

/** Streams one part through a handler made for its tokenizer. */
async function readPart(zip: ZipReader, part: string, make: (x: XmlStream) => XmlHandler): Promise<void> {
  let h: XmlHandler = { open: () => undefined, close: () => undefined, text: () => undefined };
  const stream = new XmlStream(part, { open: (n, a, s) => h.open(n, a, s), close: (n) => h.close(n), text: (s) => h.text(s) });
  h = make(stream);
  await zip.read(part, (chunk) => stream.writeBytes(chunk));
  stream.end();
}

async function readRels(zip: ZipReader, part: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  const path = relsOf(part);
  if (!zip.has(path)) return rels;
  await readPart(zip, path, () => ({
    open: (name, a) => {
      if (name !== 'Relationship' || a.Id === undefined || a.Target === undefined) return;
      const external = a.TargetMode === 'External';
      rels.set(a.Id, { type: a.Type ?? '', target: external ? a.Target : resolvePart(dirOf(part), a.Target), external });
    },
    close: () => undefined,
    text: () => undefined,
  }));
  return rels;
}

const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'yyyy-m-d h:mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
  54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** The part of a format that is not literal text, a colour or a locale: what decides whether it shows a date. */
function formatCode(f: string): string {
  return f.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi, '');
}

export function isDateFormat(f: string): boolean {
  const code = formatCode(f);
  return !/^general$/i.test(code.trim()) && /[ymdhs]/i.test(code) && !/^[\s0#?,.%E+-]*$/.test(code);
}

interface NumberStyle { readonly format: string | undefined; readonly date: boolean }
const GENERAL: NumberStyle = { format: undefined, date: false };

function numberStyle(id: number, custom: ReadonlyMap<number, string>): NumberStyle {
  const format: string | undefined = custom.get(id) ?? BUILTIN_FORMATS[id];
  if (format === undefined || /^general$/i.test(format)) return GENERAL;
  // A format longer than Excel allows, or showing absurd decimals, is treated as General: never a wrong display.
  if (format.length > 255 || (decimalsOfFormat(format) ?? 0) > MAX_FORMAT_DECIMALS) return GENERAL;
  return { format, date: isDateFormat(format) };
}

async function readStyles(zip: ZipReader, part: string | undefined): Promise<NumberStyle[]> {
  if (part === undefined || !zip.has(part)) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  await readPart(zip, part, () => ({
    open: (name, a, self) => {
      if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs' && !self) inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0) || 0);
    },
    close: (name) => { if (name === 'cellXfs') inCellXfs = false; },
    text: () => undefined,
  }));
  const byId = new Map<number, NumberStyle>();
  return xfIds.map((id) => {
    let s = byId.get(id);
    if (!s) byId.set(id, (s = numberStyle(id, custom)));
    return s;
  });
}

/** Collects the text of `<t>` elements, leaving out phonetic runs (`<rPh>`), capped at Excel's cell limit. */
class TextCollector {
  private pieces: string[] = [];
  private length = 0;
  private skip = 0;

  constructor(private readonly x: XmlStream) {}

  reset(): void {
    this.pieces = [];
    this.length = 0;
    this.skip = 0;
  }

  open(name: string, self: boolean): void {
    if (name === 'rPh' && !self) this.skip++;
    else if (name === 't' && !self && this.skip === 0) this.x.wantText = true;
  }

  close(name: string): void {
    if (name === 'rPh' && this.skip > 0) this.skip--;
  }

  text(s: string): void {
    if (this.length >= MAX_CELL_TEXT) return;
    const piece = s.length + this.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT - this.length) : s;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  value(): string {
    return own(this.pieces.length === 1 ? this.pieces[0] : this.pieces.join(''));
  }
}

async function readSharedStrings(zip: ZipReader, part: string | undefined): Promise<string[] | undefined> {
  if (part === undefined || !zip.has(part)) return undefined;
  const strings: string[] = [];
  let inSi = false;
  await readPart(zip, part, (x) => {
    const t = new TextCollector(x);
    return {
      open: (name, _a, self) => {
        if (name === 'si') {
          if (self) strings.push('');
          else { inSi = true; t.reset(); }
        } else if (inSi) t.open(name, self);
      },
      close: (name) => {
        if (name === 'si' && inSi) { inSi = false; strings.push(t.value()); } else if (inSi) t.close(name);
      },
      text: (s) => t.text(s),
    };
  });
  return strings;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells.

/** `D13` → 0-based row and column; undefined when it is not a cell reference. */
function parseRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    i++;
    if (i > 3) return undefined;
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const d = ref.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || k - i > 7) return undefined;
    row = row * 10 + d;
  }
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(':');
  const p = parseRef(a);
  const q = parseRef(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Excel's serial date as printed: 1900 system (with its phantom 29 February) or 1904. */
export function serialDateText(serial: number, date1904: boolean, format: string): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return undefined;
  const code = formatCode(format).toLowerCase();
  const hasTime = /[hs]/.test(code);
  const hasDate = /[yd]/.test(code) || (code.includes('m') && !hasTime);
  let days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86_400);
  let date: string;
  if (!date1904 && days === 60) date = '1900-02-29';
  else {
    if (!date1904 && days > 60) days -= 1;
    const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
    date = new Date(base + days * 86_400_000).toISOString().slice(0, 10);
  }
  const hh = String(Math.floor(seconds / 3600) % 24).padStart(2, '0');
  const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  const time = `${hh}:${mm}:${ss}`;
  if (hasDate && hasTime) return `${date} ${time}`;
  return hasTime ? time : date;
}

/** Moves the relative references of a shared formula from its anchor to another cell. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(/("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(])/g,
    (all: string, str?: string, sheet?: string, absC?: string, letters?: string, absR?: string, digits?: string) => {
      if (str !== undefined || sheet !== undefined || letters === undefined || digits === undefined) return all;
      const ref = parseRef(`${letters}${digits}`);
      if (!ref) return all;
      const row = absR ? ref.row : ref.row + dRow;
      const col = absC ? ref.col : ref.col + dCol;
      if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) return '#REF!';
      const moved = a1(row, col);
      const split = moved.search(/\d/);
      return `${absC ?? ''}${moved.slice(0, split)}${absR ?? ''}${moved.slice(split)}`;
    });
}

interface SheetContext {
  readonly name: string;
  readonly strings: readonly string[] | undefined;
  readonly styles: readonly NumberStyle[];
  readonly date1904: boolean;
  readonly uncalculated: { count: number; first: string[] };
}

class SheetReader implements XmlHandler {
  readonly rows = new Map<number, (Cell | undefined)[]>();
  readonly merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  maxRow = -1;
  private inData = false;
  private row = -1;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private ref: { row: number; col: number } = { row: 0, col: 0 };
  private type = 'n';
  private style = 0;
  private v: string[] | undefined;
  private vLen = 0;
  private f: string | undefined;
  private fAttrs: Attrs | undefined;
  private where: 'v' | 'f' | 'is' | undefined;
  private readonly inline: TextCollector;
  private inInline = false;
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();

  constructor(private readonly x: XmlStream, private readonly ctx: SheetContext) {
    this.inline = new TextCollector(x);
  }

  private bad(what: string): ReadError {
    return corrupt(`sheet ${this.ctx.name}: ${what}`);
  }

  open(name: string, a: Attrs, self: boolean): void {
    if (this.inCell) {
      if (this.inInline) { this.inline.open(name, self); return; }
      if (name === 'v' && !self) { this.where = 'v'; this.v = []; this.vLen = 0; this.x.wantText = true; } else if (name === 'v') { this.v = []; } else if (name === 'f') {
        this.fAttrs = a;
        this.f = '';
        if (!self) { this.where = 'f'; this.x.wantText = true; }
      } else if (name === 'is') {
        this.v = [];
        if (!self) { this.inInline = true; this.inline.reset(); }
      }
      return;
    }
    if (name === 'sheetData') { this.inData = !self; return; }
    if (name === 'mergeCell') {
      const r = a.ref === undefined ? undefined : parseRange(a.ref);
      if (!r) throw this.bad(`bad merge "${String(a.ref).slice(0, 40)}"`);
      if (r.bottom < MAX_ROWS && r.right < MAX_COLS && (r.bottom > r.top || r.right > r.left)) this.merges.push(r);
      return;
    }
    if (!this.inData) return;
    if (name === 'row') {
      if (a.r !== undefined) {
        const r = Number(a.r);
        if (!Number.isInteger(r) || r < 1) throw this.bad(`bad row number "${a.r.slice(0, 20)}"`);
        this.row = r - 1;
      } else this.row++;
      // Past Excel's last row there is nothing Excel could show: the file is damaged (and reading on would only cost time).
      if (this.row >= MAX_ROWS) throw this.bad(`row ${this.row + 1} past Excel's 1,048,576 rows`);
      this.col = -1;
      return;
    }
    if (name === 'c') {
      let ref: { row: number; col: number } | undefined;
      if (a.r !== undefined) {
        ref = parseRef(a.r);
        if (!ref) throw this.bad(`bad cell reference "${a.r.slice(0, 20)}"`);
      } else ref = { row: Math.max(0, this.row), col: this.col + 1 };
      if (ref.row >= MAX_ROWS || ref.col >= MAX_COLS || ref.row < 0 || ref.col < 0) throw this.bad(`cell ${a.r ?? ''} outside the sheet's 1,048,576 rows × 16,384 columns`);
      this.col = ref.col;
      this.ref = ref;
      this.type = a.t ?? 'n';
      this.style = a.s === undefined ? 0 : Number(a.s) || 0;
      this.v = undefined;
      this.f = undefined;
      this.fAttrs = undefined;
      this.inInline = false;
      if (self) this.endCell();
      else this.inCell = true;
    }
  }

  text(s: string): void {
    if (this.inInline) { this.inline.text(s); return; }
    if (this.where === 'v' && this.v) {
      if (this.vLen < MAX_CELL_TEXT) { this.v.push(s); this.vLen += s.length; }
    } else if (this.where === 'f' && this.f !== undefined && this.f.length < MAX_FORMULA) this.f += s;
  }

  close(name: string): void {
    if (!this.inCell) {
      if (name === 'sheetData') this.inData = false;
      return;
    }
    if (this.inInline) {
      if (name === 'is') { this.inInline = false; this.v = [this.inline.value()]; } else this.inline.close(name);
      return;
    }
    if (name === 'v' || name === 'f') this.where = undefined;
    else if (name === 'c') { this.inCell = false; this.endCell(); }
  }

  private formulaText(): string | undefined {
    const a = this.fAttrs;
    if (!a) return undefined;
    const text = this.f ?? '';
    if (a.t === 'shared' && a.si !== undefined) {
      if (text !== '') {
        this.shared.set(a.si, { formula: own(text), row: this.ref.row, col: this.ref.col });
        return own(`=${text}`);
      }
      const master = this.shared.get(a.si);
      // An orphan (no master formula for its index): the cell is a formula, its text unknown.
      return master ? own(`=${shiftFormula(master.formula, this.ref.row - master.row, this.ref.col - master.col)}`) : '=';
    }
    return own(`=${text}`);
  }

  private endCell(): void {
    const formula = this.formulaText();
    const raw = this.v === undefined ? undefined : this.v.length === 1 ? this.v[0] : this.v.join('');
    const style = this.ctx.styles[this.style] ?? GENERAL;
    let value: CellValue = null;
    let numberFormat = style.format;
    if (raw === undefined) {
      if (formula === undefined) return; // a formatted, empty cell
      const u = this.ctx.uncalculated;
      if (u.first.length < 5) u.first.push(`${this.ctx.name}!${a1(this.ref.row, this.ref.col)}`);
      u.count++;
    } else {
      switch (this.type) {
        case 's': {
          const i = raw.trim() === '' ? NaN : Number(raw);
          const s = this.ctx.strings?.[i];
          if (!Number.isInteger(i) || s === undefined) throw this.bad(`shared string ${raw.slice(0, 20)} does not exist`);
          value = s;
          break;
        }
        case 'str': case 'inlineStr': value = own(raw); break;
        case 'b': value = raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : raw; break;
        case 'e': value = own(raw.trim()); break;
        case 'd': value = own(raw.trim().slice(0, 19).replace('T', ' ').replace(/ 00:00:00$/, '')); numberFormat = undefined; break;
        case 'n': {
          const t = raw.trim();
          if (t === '') { value = null; break; }
          // Only a plain decimal number is a number (Number() would also take 0x10, 0b1, Infinity).
          const n = XML_NUMBER.test(t) ? Number(t) : NaN;
          if (!Number.isFinite(n)) { value = own(t); numberFormat = undefined; break; }
          if (style.date && style.format !== undefined) {
            // A date is text to the checks, never an amount; out of Excel's range it shows as ######## there too.
            value = serialDateText(n, this.ctx.date1904, style.format) ?? '########';
          } else value = n;
          break;
        }
        default: throw this.bad(`unknown cell type "${this.type.slice(0, 20)}"`);
      }
      if (typeof value === 'string' && value.length > MAX_CELL_TEXT) value = value.slice(0, MAX_CELL_TEXT);
    }
    if ((value === null || value === '') && formula === undefined) return;
    const r = this.ref.row;
    const c = this.ref.col;
    let line = this.rows.get(r);
    if (!line) {
      line = [];
      this.rows.set(r, line);
    }
    line[c] = new FileCell(r, c, value, numberFormat, formula);
    if (r > this.maxRow) this.maxRow = r;
  }
}

/**
 * A cell as read: its address and displayed text are worked out when asked (from the row, column, value and
 * format), which keeps a cell at about two thirds of the memory of one holding both strings.
 */
class FileCell implements Cell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly value: CellValue,
    readonly numberFormat: string | undefined,
    readonly formula: string | undefined,
  ) {}

  get address(): string {
    return a1(this.row, this.col);
  }

  get text(): string {
    return displayText(this.value, this.numberFormat);
  }

  /** The plain cell (JSON.stringify, structured copies). */
  toJSON(): Cell {
    return { address: this.address, row: this.row, col: this.col, value: this.value, text: this.text, numberFormat: this.numberFormat, formula: this.formula };
  }
}

const EMPTY_ROW: ReadonlyArray<Cell | undefined> = Object.freeze([]);

/** Merged cells keep their content in the first cell only; the others are dropped, never the range expanded. */
function applyMerges(name: string, rows: Map<number, (Cell | undefined)[]>, merges: SheetReader['merges']): void {
  if (merges.length === 0 || rows.size === 0) return;
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  let cellsSeen = 0;
  let cellsHeld = 0;
  for (const line of rows.values()) cellsHeld += line.length;
  for (const m of merges) {
    let lo = 0;
    let hi = rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rowNumbers[mid] < m.top) lo = mid + 1; else hi = mid;
    }
    for (let k = lo; k < rowNumbers.length && rowNumbers[k] <= m.bottom; k++) {
      const r = rowNumbers[k];
      const line = rows.get(r)!;
      const from = m.left;
      const to = Math.min(m.right, line.length - 1);
      // Overlapping merges are invalid (Excel refuses them); they would also make this quadratic.
      cellsSeen += Math.max(0, to - from + 1);
      if (cellsSeen > 2 * cellsHeld + 1_000_000) throw corrupt(`sheet ${name}: overlapping merged ranges`);
      for (let c = from; c <= to; c++) if (!(r === m.top && c === m.left) && line[c] !== undefined) line[c] = undefined;
    }
  }
}

function sheetFrom(name: string, reader: SheetReader): Sheet {
  applyMerges(name, reader.rows, reader.merges);
  const rows: ReadonlyArray<Cell | undefined>[] = new Array<ReadonlyArray<Cell | undefined>>(reader.maxRow + 1).fill(EMPTY_ROW);
  for (const [r, line] of reader.rows) rows[r] = line;
  return { name, rows };
}

// ---------------------------------------------------------------------------------------------------------------

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
};

/** Reads an .xlsx package from any byte source. */
export async function readXlsxSource(src: ByteSource, options: ReadOptions = {}): Promise<ReadResult> {
  const zip = ZipReader.open(src, options.limits ?? DEFAULT_ZIP_LIMITS);
  // The main part: from the package relationships, else where every writer puts it.
  let main = 'xl/workbook.xml';
  for (const rel of (await readRels(zip, '')).values()) if (REL.officeDocument.test(rel.type) && !rel.external) main = rel.target;
  if (!zip.has(main)) {
    if (zip.has('content.xml') && zip.has('mimetype')) throw new ReadError('unsupported', 'an OpenDocument file (.ods)');
    if (zip.entries.some((e) => e.name.toLowerCase().startsWith('xl/'))) throw corrupt(`missing part ${main}`);
    throw new ReadError('not-workbook', `zip without ${main}`);
  }
  const sheets: Array<{ name: string; rid: string | undefined }> = [];
  let date1904 = false;
  await readPart(zip, main, () => ({
    open: (name, a) => {
      if (name === 'sheet') sheets.push({ name: (a.name ?? '').slice(0, MAX_SHEET_NAME), rid: a.id });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close: () => undefined,
    text: () => undefined,
  }));
  const rels = await readRels(zip, main);
  const partOf = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type) && !r.external)?.target;
  const styles = await readStyles(zip, partOf(REL.styles));
  const strings = await readSharedStrings(zip, partOf(REL.sharedStrings));
  const uncalculated = { count: 0, first: [] as string[] };
  const out: Sheet[] = [];
  for (const s of sheets) {
    const rel = s.rid === undefined ? undefined : rels.get(s.rid);
    if (!rel || rel.external) throw corrupt(`sheet ${s.name} has no part`);
    if (!REL.worksheet.test(rel.type)) continue; // a chart sheet or a dialog sheet: no cells
    if (!zip.has(rel.target)) throw corrupt(`missing part ${rel.target} (sheet ${s.name})`);
    let reader: SheetReader | undefined;
    const ctx: SheetContext = { name: s.name, strings, styles, date1904, uncalculated };
    await readPart(zip, rel.target, (x) => (reader = new SheetReader(x, ctx)));
    out.push(sheetFrom(s.name, reader!));
  }
  return { workbook: { name: options.name, sheets: out }, uncalculated };
}

/** Reads an .xlsx file's bytes into the engine's snapshot. Merged cells keep their text in the first cell only. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name?: string): Promise<Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return (await readXlsxSource(bufferSource(bytes), { name })).workbook;
}
