import { a1, columnLetters, parseA1, type Workbook } from '../../src/snapshot';
import type { ExcelContext, ExcelFill, ExcelRange, ExcelWorksheet } from './port';

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

interface FakeCell {
  value: string | number | boolean | null;
  text: string;
  numberFormat: string;
  formula?: string;
  fill: FakeFill;
}

class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  constructor(readonly name: string) {}
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
  readonly format: { readonly fill: ExcelFill };

  constructor(private readonly ctx: FakeExcel, private readonly sheet: FakeSheet, private readonly box: { row: number; col: number; rows: number; cols: number } | undefined) {
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
    this.format = { fill };
  }

  private eachCell(f: (c: FakeCell) => void): void {
    if (!this.box) return;
    for (let r = 0; r < this.box.rows; r++) for (let c = 0; c < this.box.cols; c++) f(this.sheet.ensure(this.box.row + r, this.box.col + c));
  }

  private grid<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const b = this.box as { row: number; col: number; rows: number; cols: number };
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
  get values(): unknown[][] { return this.read('values') as unknown[][]; }
  get text(): string[][] { return this.read('text') as string[][]; }
  get numberFormat(): unknown[][] { return this.read('numberFormat') as unknown[][]; }
  get formulas(): unknown[][] { return this.read('formulas') as unknown[][]; }
  get rowCount(): number { return this.read('rowCount') as number; }
  get columnCount(): number { return this.read('columnCount') as number; }
  get rowIndex(): number { return this.read('rowIndex') as number; }
  get columnIndex(): number { return this.read('columnIndex') as number; }
  get isNullObject(): boolean { return this.read('isNullObject') as boolean; }
}

class FakeWorksheet implements ExcelWorksheet {
  constructor(private readonly ctx: FakeExcel, readonly sheet: FakeSheet) {}
  get name(): string { return this.sheet.name; }
  getUsedRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.ctx, this.sheet, this.sheet.bounds());
  }
  getRange(address = 'A1'): ExcelRange {
    const [from, to = from] = address.replace(/^.*!/, '').split(':');
    const a = parseA1(from);
    const z = parseA1(to);
    return new FakeRange(this.ctx, this.sheet, { row: a.row, col: a.col, rows: z.row - a.row + 1, cols: z.col - a.col + 1 });
  }
}

class FakeWorksheets {
  constructor(private readonly ctx: FakeExcel) {}
  get items(): ExcelWorksheet[] {
    if (!this.ctx.itemsLoaded) throw new NotLoaded('worksheets.items');
    return this.ctx.sheets.map((sheet) => new FakeWorksheet(this.ctx, sheet));
  }
  getItem(key: string): ExcelWorksheet {
    const sheet = this.ctx.sheets.find((x) => x.name === key);
    if (!sheet) throw new Error(`ItemNotFound: ${key}`);
    return new FakeWorksheet(this.ctx, sheet);
  }
  load(): void {
    this.ctx.queueWrite(() => { this.ctx.itemsLoaded = true; });
  }
}

export class FakeExcel implements ExcelContext {
  /** Response bytes of each sync() so far. */
  readonly syncs: number[] = [];
  readonly sheets: FakeSheet[];
  private loads = new Set<FakeRange>();
  private writes: Array<() => void> = [];
  itemsLoaded = false;
  readonly workbook: ExcelContext['workbook'];

  constructor(book: Workbook) {
    this.sheets = book.sheets.map((s) => {
      const fs = new FakeSheet(s.name);
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
    this.workbook = { worksheets: new FakeWorksheets(this) };
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
  }

  /** The fill of a cell, as a test looks at the sheet. */
  fillAt(sheet: string, address: string): FakeFill {
    const { row, col } = parseA1(address);
    return this.sheets.find((s) => s.name === sheet)?.cell(row, col)?.fill ?? NO_FILL;
  }

  /** Gives a cell a fill before the add-in runs (a user's own formatting). */
  setFill(sheet: string, address: string, fill: Partial<FakeFill>): void {
    const { row, col } = parseA1(address);
    const c = this.sheets.find((s) => s.name === sheet)?.ensure(row, col);
    if (c) c.fill = { ...c.fill, ...fill };
  }
}
