import { decimalsOfFormat } from '../../src/money';
import { a1, blockOf, columnLetters, parseA1, splitRef, type Block, type Workbook } from '../../src/snapshot';
import type { ChangeEvent, ExcelContext, ExcelFill, ExcelNotes, ExcelRange, ExcelWorksheet } from './port';

/**
 * An in-memory Excel behind the same port as the real one, for tests and the browser playground. It keeps
 * Excel's rules that matter to an adapter: properties can be read only after load() and sync(), writes land
 * at sync(), and each sync's response size is measured so a test can hold it under a payload limit.
 */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: string | number | boolean | null;
  text: string;
  numberFormat: string;
  formula?: string;
  fill: FakeFill;
  bold?: boolean;
  link?: string;
  /** The hyperlink's textToDisplay. */
  linkText?: string;
}

type Box = Block;

/** A number as a cell with this format shows it: the format's decimals and thousands separators; else as is. */
export function displayNumber(value: number, numberFormat: string): string {
  const decimals = decimalsOfFormat(numberFormat);
  if (decimals === undefined) return String(value);
  const fixed = value.toFixed(decimals);
  if (!/,/.test(numberFormat.split(';')[0].split('.')[0])) return fixed;
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace(/^-/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  /**
   * What a formula computed before a value replaced it, by cell: written back over the same inputs, a formula
   * computes the same again (the fake does not evaluate formulas).
   */
  readonly computed = new Map<string, { formula: string; value: FakeCell['value']; text: string }>();
  constructor(public name: string, readonly id: string) {}
  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  ensure(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null, text: '', numberFormat: 'General', fill: { ...NO_FILL } };
      this.cells.set(key, c);
    }
    return c;
  }
  bounds(): { row: number; col: number; rows: number; cols: number } | undefined {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [key, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
      const [r, col] = key.split(',').map(Number);
      r0 = Math.min(r0, r); c0 = Math.min(c0, col); r1 = Math.max(r1, r); c1 = Math.max(c1, col);
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

class FakeRange implements ExcelRange {
  private loaded = new Set<string>();
  private requested = new Set<string>();
  private snapshot: Record<string, unknown> = {};
  readonly format: ExcelRange['format'];
  private resolved?: { box: Box | undefined };

  /**
   * `at` is the range's box, or, for a used range, how to find it: like Excel, at sync, after the writes queued
   * before it in the batch (a sheet copied and written in one batch has its used range read in that batch).
   */
  constructor(private readonly ctx: FakeExcel, private readonly sheet: FakeSheet, private readonly at: Box | undefined | (() => Box | undefined)) {
    const fill = { clear: () => this.ctx.queueWrite(() => this.eachCell((cell) => { cell.fill = { ...NO_FILL }; })) } as ExcelFill;
    for (const key of ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const) {
      Object.defineProperty(fill, key, {
        enumerable: true,
        get: () => this.read(`format/fill/${key}`),
        // Setting a colour on a cell without fill gives it a solid fill, as Excel does.
        set: (v: string | number) => this.ctx.queueWrite(() => this.eachCell((cell) => {
          cell.fill = { ...cell.fill, [key]: v, ...(key === 'color' && cell.fill.pattern === 'None' ? { pattern: 'Solid' } : {}) };
        })),
      });
    }
    const font = {} as { bold: boolean };
    Object.defineProperty(font, 'bold', {
      enumerable: true,
      get: () => { throw new NotLoaded('format/font/bold'); },
      set: (v: boolean) => this.ctx.queueWrite(() => this.eachCell((cell) => { cell.bold = v; })),
    });
    this.format = { fill, font, autofitColumns: () => undefined };
  }

  private get box(): Box | undefined {
    if (typeof this.at !== 'function') return this.at;
    this.resolved ??= { box: this.at() };
    return this.resolved.box;
  }

  get hyperlink(): { documentReference?: string; textToDisplay?: string } { throw new NotLoaded('hyperlink'); }
  set hyperlink(h: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.queueWrite(() => this.eachCell((cell) => { cell.link = h.documentReference; cell.linkText = h.textToDisplay; }));
  }

  set numberFormat(v: unknown[][]) {
    this.ctx.queueWrite(() => {
      const b = this.box;
      if (!b) return;
      // Like Excel, one format is applied to every cell of the range.
      const one = v.length === 1 && v[0].length === 1;
      if (!one && (v.length !== b.rows || v.some((r) => r.length !== b.cols))) throw new Error(`InvalidArgument: ${v.length} rows for a range of ${b.rows}`);
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) {
        this.sheet.ensure(b.row + r, b.col + c).numberFormat = String(one ? v[0][0] : v[r][c]);
      }
    });
  }

  set values(v: unknown[][]) {
    this.ctx.queueWrite(() => this.write(v, false));
  }
  get values(): unknown[][] { return this.read('values') as unknown[][]; }

  /** Like values, except that a formula written where the cell computed it before computes the same again. */
  set formulas(v: unknown[][]) {
    this.ctx.queueWrite(() => this.write(v, true));
  }
  get formulas(): unknown[][] { return this.read('formulas') as unknown[][]; }

  private write(v: unknown[][], asFormulas: boolean): void {
    const b = this.box;
    if (!b) return;
    if (v.length !== b.rows || v.some((r) => r.length !== b.cols)) throw new Error(`InvalidArgument: ${v.length} rows for a range of ${b.rows}`);
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) {
      const key = `${b.row + r},${b.col + c}`;
      const cell = this.sheet.ensure(b.row + r, b.col + c);
      if (cell.formula) this.sheet.computed.set(key, { formula: cell.formula, value: cell.value, text: cell.text });
      const x = v[r][c];
      cell.value = typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : null;
      cell.text = cell.value === null ? '' : typeof cell.value === 'number' ? displayNumber(cell.value, cell.numberFormat) : String(cell.value);
      cell.formula = undefined;
      // Excel reads a written string as if typed, unless the cell is formatted as text (@).
      if (typeof x === 'string' && cell.numberFormat !== '@') {
        if (x.startsWith('=')) {
          const before = this.sheet.computed.get(key);
          const again = asFormulas && before?.formula === x;
          cell.formula = x;
          cell.value = again ? before.value : null;
          cell.text = again ? before.text : '';
        } else if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(x.trim())) {
          cell.value = Number(x);
          cell.text = displayNumber(cell.value, cell.numberFormat);
        }
      }
    }
    this.ctx.changed(this.sheet, b, 'ThisLocalAddin');
  }

  select(): void {
    this.ctx.queueWrite(() => { if (this.box) this.ctx.selectBoxes(this.sheet, [this.box]); });
  }

  private eachCell(f: (c: FakeCell) => void): void {
    if (!this.box) return;
    for (let r = 0; r < this.box.rows; r++) for (let c = 0; c < this.box.cols; c++) f(this.sheet.ensure(this.box.row + r, this.box.col + c));
  }

  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const b = this.box;
    if (!b) return [];
    return Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => f(this.sheet.cell(b.row + r, b.col + c))));
  }

  load(propertyNames: string): void {
    for (const p of propertyNames.split(',').map((x) => x.trim())) this.requested.add(p);
    this.ctx.queueLoad(this);
  }

  /** Called by sync(): materialises the requested properties and returns the response size. */
  resolve(): number {
    const b = this.box;
    const out: Record<string, unknown> = {};
    for (const p of this.requested) {
      switch (p) {
        case 'isNullObject': out[p] = b === undefined; break;
        case 'address': out[p] = b ? `${this.sheet.name}!${a1(b.row, b.col)}:${columnLetters(b.col + b.cols - 1)}${b.row + b.rows}` : ''; break;
        case 'rowIndex': out[p] = b?.row ?? 0; break;
        case 'columnIndex': out[p] = b?.col ?? 0; break;
        case 'rowCount': out[p] = b?.rows ?? 0; break;
        case 'columnCount': out[p] = b?.cols ?? 0; break;
        case 'values': out[p] = this.grid((c) => c?.value ?? ''); break;
        case 'text': out[p] = this.grid((c) => c?.text ?? ''); break;
        case 'numberFormat': out[p] = this.grid((c) => c?.numberFormat ?? 'General'); break;
        case 'formulas': out[p] = this.grid((c) => c?.formula ?? c?.value ?? ''); break;
        case 'format/fill/color': case 'format/fill/pattern': case 'format/fill/patternColor':
        case 'format/fill/tintAndShade': case 'format/fill/patternTintAndShade': {
          // Like Excel, a multi-cell range reports a property only when it is uniform (else null).
          const key = p.slice('format/fill/'.length) as keyof FakeFill;
          const all = this.grid((c) => (c?.fill ?? NO_FILL)[key]).flat();
          out[p] = all.every((v) => v === all[0]) ? all[0] : null;
          break;
        }
        default: throw new Error(`the fake does not know property ${p}`);
      }
      this.loaded.add(p);
    }
    this.requested.clear();
    Object.assign(this.snapshot, out);
    return JSON.stringify(out).length;
  }

  private read(p: string): unknown {
    if (!this.loaded.has(p)) throw new NotLoaded(p);
    return this.snapshot[p];
  }

  get address(): string { return this.read('address') as string; }
  get text(): string[][] { return this.read('text') as string[][]; }
  get numberFormat(): unknown[][] { return this.read('numberFormat') as unknown[][]; }
  get rowCount(): number { return this.read('rowCount') as number; }
  get columnCount(): number { return this.read('columnCount') as number; }
  get rowIndex(): number { return this.read('rowIndex') as number; }
  get columnIndex(): number { return this.read('columnIndex') as number; }
  get isNullObject(): boolean { return this.read('isNullObject') as boolean; }
}

class FakeWorksheet implements ExcelWorksheet {
  constructor(private readonly ctx: FakeExcel, readonly sheet: FakeSheet | undefined) {}
  private get real(): FakeSheet {
    if (!this.sheet) throw new Error('InvalidObjectPath: the worksheet does not exist');
    return this.sheet;
  }
  get name(): string { return this.real.name; }
  /** Renames at sync; like Excel, a name another sheet has (in any case) or longer than 31 characters fails. */
  set name(name: string) {
    const sheet = this.real;
    this.ctx.queueWrite(() => {
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: ${name} is not a valid sheet name`);
      if (this.ctx.sheets.some((x) => x !== sheet && x.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      // Notes belong to the sheet and follow it.
      for (const [k, note] of [...this.ctx.notes]) {
        if (!k.startsWith(`${sheet.name}!`)) continue;
        this.ctx.notes.delete(k);
        this.ctx.notes.set(`${name}!${k.slice(sheet.name.length + 1)}`, note);
      }
      if (this.ctx.activeSheet === sheet.name) this.ctx.activeSheet = name;
      sheet.name = name;
    });
  }
  get id(): string { return this.real.id; }
  get isNullObject(): boolean { return this.sheet === undefined; }
  load(): void { /* name, id and isNullObject are always at hand in the fake */ }
  /** Like Excel: the copy is named "Name (2)", holds the cells (values, formulas, formats, fills) and notes, and goes last. */
  copy(): ExcelWorksheet {
    const source = this.real;
    const ctx = this.ctx;
    const copy = new FakeSheet(source.name, `{fake-${ctx.nextId++}}`);
    ctx.queueWrite(() => {
      let n = 2;
      while (ctx.sheets.some((x) => x.name.toLowerCase() === `${source.name} (${n})`.toLowerCase())) n++;
      copy.name = `${source.name} (${n})`;
      for (const [k, c] of source.cells) copy.cells.set(k, { ...c, fill: { ...c.fill } });
      for (const [k, note] of [...ctx.notes]) if (k.startsWith(`${source.name}!`)) ctx.notes.set(`${copy.name}!${k.slice(source.name.length + 1)}`, note);
      ctx.sheets.push(copy);
    });
    return new FakeWorksheet(ctx, copy);
  }
  getUsedRangeOrNullObject(): ExcelRange {
    const sheet = this.real;
    return new FakeRange(this.ctx, sheet, () => sheet.bounds());
  }
  getRange(address = 'A1'): ExcelRange {
    return new FakeRange(this.ctx, this.real, blockOf(address));
  }
  getRanges(address = 'A1'): { select(): void } {
    const boxes = address.split(',').map((a) => blockOf(a.trim()));
    const sheet = this.real;
    return { select: () => this.ctx.queueWrite(() => this.ctx.selectBoxes(sheet, boxes)) };
  }
  activate(): void {
    const sheet = this.real;
    this.ctx.queueWrite(() => { this.ctx.activeSheet = sheet.name; this.ctx.notify(); });
  }
  delete(): void {
    const sheet = this.real;
    this.ctx.deleting.add(sheet);
    this.ctx.queueWrite(() => {
      this.ctx.deleting.delete(sheet);
      const i = this.ctx.sheets.indexOf(sheet);
      if (i >= 0) this.ctx.sheets.splice(i, 1);
      if (this.ctx.activeSheet === sheet.name) this.ctx.activeSheet = this.ctx.sheets[0]?.name ?? '';
    });
  }
}

class FakeWorksheets {
  constructor(private readonly ctx: FakeExcel) {}
  get items(): ExcelWorksheet[] {
    if (!this.ctx.itemsLoaded) throw new NotLoaded('worksheets.items');
    return this.ctx.sheets.map((sheet) => new FakeWorksheet(this.ctx, sheet));
  }
  /** By name (in any case, as Excel) or by id. */
  private find(key: string): FakeSheet | undefined {
    return this.ctx.sheets.find((x) => x.id === key) ?? this.ctx.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase());
  }
  getItem(key: string): ExcelWorksheet {
    const sheet = this.find(key);
    if (!sheet) throw new Error(`ItemNotFound: ${key}`);
    return new FakeWorksheet(this.ctx, sheet);
  }
  getItemOrNullObject(key: string): ExcelWorksheet {
    return new FakeWorksheet(this.ctx, this.find(key));
  }
  getActiveWorksheet(): ExcelWorksheet {
    return this.getItem(this.ctx.activeSheet);
  }
  add(name?: string): ExcelWorksheet {
    const sheet = new FakeSheet(name ?? `Sheet${this.ctx.sheets.length + 1}`, `{fake-${this.ctx.nextId++}}`);
    // A sheet deleted earlier in the same batch frees its name, as in Excel.
    if (this.ctx.sheets.some((x) => x.name === sheet.name && !this.ctx.deleting.has(x))) throw new Error(`ItemAlreadyExists: ${sheet.name}`);
    this.ctx.queueWrite(() => { this.ctx.sheets.push(sheet); });
    return new FakeWorksheet(this.ctx, sheet);
  }
  load(): void {
    this.ctx.queueWrite(() => { this.ctx.itemsLoaded = true; });
  }
  readonly onChanged = {
    add: (handler: (event: ChangeEvent) => Promise<unknown>): { remove(): void } => {
      this.ctx.changeHandlers.add(handler);
      return { remove: () => { this.ctx.changeHandlers.delete(handler); } };
    },
  };
}

/** Notes keyed by `sheet!A1`. */
class FakeNotes implements ExcelNotes {
  constructor(private readonly ctx: FakeExcel) {}
  private key(address: string): string {
    const { sheet, address: cell } = splitRef(address, this.ctx.activeSheet);
    return `${sheet}!${cell}`;
  }
  add(cellAddress: string, content: string): void {
    const key = this.key(cellAddress);
    if (this.ctx.notes.has(key)) throw new Error(`InvalidArgument: ${key} already has a note`);
    this.ctx.queueWrite(() => { this.ctx.notes.set(key, content); });
  }
  getItemOrNullObject(cellAddress: string): { readonly isNullObject: boolean; load(propertyNames: string): void; delete(): void } {
    const key = this.key(cellAddress);
    const ctx = this.ctx;
    let isNull: boolean | undefined;
    return {
      get isNullObject(): boolean {
        if (isNull === undefined) throw new NotLoaded('isNullObject');
        return isNull;
      },
      // Resolved in the batch's order at sync, after the writes queued before it.
      load: () => ctx.queueWrite(() => { isNull = !ctx.notes.has(key); }),
      delete: () => ctx.queueWrite(() => { ctx.notes.delete(key); }),
    };
  }
}

export class FakeExcel implements ExcelContext {
  /** Response bytes of each sync() so far. */
  readonly syncs: number[] = [];
  readonly sheets: FakeSheet[];
  private loads = new Set<FakeRange>();
  private writes: Array<() => void> = [];
  itemsLoaded = false;
  nextId = 1;
  activeSheet: string;
  /** The selected areas, as Excel would highlight them. */
  selection: { sheet: string; boxes: Box[] };
  readonly notes = new Map<string, string>();
  /** Sheets whose delete() is queued but not yet synced. */
  readonly deleting = new Set<FakeSheet>();
  readonly changeHandlers = new Set<(event: ChangeEvent) => Promise<unknown>>();
  private readonly observers = new Set<() => void>();
  readonly workbook: ExcelContext['workbook'];

  constructor(book: Workbook) {
    this.sheets = book.sheets.map((s) => {
      const fs = new FakeSheet(s.name, `{fake-${this.nextId++}}`);
      for (const row of s.rows) for (const c of row) {
        if (!c) continue;
        const cell = fs.ensure(c.row, c.col);
        cell.value = c.value;
        cell.text = c.text;
        cell.numberFormat = c.numberFormat ?? 'General';
        cell.formula = c.formula;
      }
      return fs;
    });
    this.activeSheet = this.sheets[0]?.name ?? '';
    this.selection = { sheet: this.activeSheet, boxes: [{ row: 0, col: 0, rows: 1, cols: 1 }] };
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      notes: new FakeNotes(this),
      getSelectedRange: () => {
        const sheet = this.sheets.find((x) => x.name === this.selection.sheet);
        if (!sheet) throw new Error('ItemNotFound: no selection');
        return new FakeRange(this, sheet, this.selection.boxes[0]);
      },
    };
  }

  /** Called after every sync and edit: the playground grid redraws. */
  observe(f: () => void): () => void {
    this.observers.add(f);
    return () => this.observers.delete(f);
  }

  notify(): void {
    for (const f of this.observers) f();
  }

  selectBoxes(sheet: FakeSheet, boxes: Box[]): void {
    this.activeSheet = sheet.name;
    this.selection = { sheet: sheet.name, boxes };
  }

  /** Tells the change handlers that cells changed, as Excel's worksheet onChanged does. */
  changed(sheet: FakeSheet, box: Box, triggerSource: string): void {
    const address = box.rows === 1 && box.cols === 1 ? a1(box.row, box.col) : `${a1(box.row, box.col)}:${a1(box.row + box.rows - 1, box.col + box.cols - 1)}`;
    for (const h of this.changeHandlers) void h({ address, worksheetId: sheet.id, triggerSource });
  }

  /** A user types into a cell (the playground, tests): the value changes and onChanged fires. */
  edit(sheetName: string, address: string, value: string | number | null): void {
    const sheet = this.sheets.find((x) => x.name === sheetName);
    if (!sheet) throw new Error(`ItemNotFound: ${sheetName}`);
    const { row, col } = parseA1(address);
    const cell = sheet.ensure(row, col);
    cell.value = value;
    cell.formula = undefined;
    cell.text = value === null ? '' : typeof value === 'number' ? value.toFixed(Math.max(0, (/\.(0+)/.exec(cell.numberFormat)?.[1].length ?? 0))) : value;
    this.changed(sheet, { row, col, rows: 1, cols: 1 }, 'Unknown');
    this.notify();
  }

  queueLoad(r: FakeRange): void {
    this.loads.add(r);
  }

  queueWrite(w: () => void): void {
    this.writes.push(w);
  }

  async sync(): Promise<void> {
    for (const w of this.writes) w();
    this.writes = [];
    let bytes = 0;
    for (const r of this.loads) bytes += r.resolve();
    this.loads.clear();
    this.syncs.push(bytes);
    this.notify();
  }

  /** The fill of a cell, as a test looks at the sheet. */
  fillAt(sheet: string, address: string): FakeFill {
    const { row, col } = parseA1(address);
    return this.sheets.find((s) => s.name === sheet)?.cell(row, col)?.fill ?? NO_FILL;
  }

  /** A cell as a test looks at it (undefined when never written). */
  cellAt(sheet: string, address: string): Readonly<FakeCell> | undefined {
    const { row, col } = parseA1(address);
    return this.sheets.find((s) => s.name === sheet)?.cell(row, col);
  }

  /** Gives a cell a fill before the add-in runs (a user's own formatting). */
  setFill(sheet: string, address: string, fill: Partial<FakeFill>): void {
    const { row, col } = parseA1(address);
    const c = this.sheets.find((s) => s.name === sheet)?.ensure(row, col);
    if (c) c.fill = { ...c.fill, ...fill };
  }
}
