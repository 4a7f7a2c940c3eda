/**
 * A plain, host-neutral picture of a workbook: what every host (Excel via Office.js, an .xlsx file read in
 * Node, a test grid) turns its workbook into before the engine looks at it.
 */
export type CellValue = number | string | boolean | null;

export interface Cell {
  /** A1 address within its sheet, e.g. `D7`. */
  readonly address: string;
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  /** The text the sheet displays. */
  readonly text: string;
  readonly numberFormat?: string;
  readonly formula?: string;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c]; missing cells are undefined. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined>>;
}

export interface Workbook {
  readonly name?: string;
  readonly sheets: readonly Sheet[];
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LETTERS: string[] = [];

export function a1(row: number, col: number): string {
  // Column letters are asked for millions of times over the same few columns.
  const letters = col < 256 ? (LETTERS[col] ??= columnLetters(col)) : columnLetters(col);
  return `${letters}${row + 1}`;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A 0-based block of cells. */
export interface Block { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }

/** `D13` or `D13:F20` (with or without a sheet part or `$`) as a block. */
export function blockOf(address: string): Block {
  const [from, to = from] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const z = parseA1(to);
  return { row: Math.min(a.row, z.row), col: Math.min(a.col, z.col), rows: Math.abs(z.row - a.row) + 1, cols: Math.abs(z.col - a.col) + 1 };
}

/** `D13` (on `sheet`) or `'收入总表'!D13` / `收入总表!D13` as a sheet and an address without `$`. */
export function splitRef(ref: string, sheet: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  return m ? { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3].replace(/\$/g, '') } : { sheet, address: ref.replace(/\$/g, '') };
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function textAt(sheet: Sheet, row: number, col: number): string {
  return cellAt(sheet, row, col)?.text ?? '';
}

export function columnCount(sheet: Sheet): number {
  let n = 0;
  for (const r of sheet.rows) if (r.length > n) n = r.length;
  return n;
}

export interface GridOptions {
  /** How numeric-looking strings are stored: as numbers (a normal workbook) or as text. */
  readonly numbers?: 'number' | 'text';
}

/** A printed number: `1234`, `-3.50`, `1,234,567.00` (a leading zero, as in a code part `05`, stays text). */
const NUMERIC = /^-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?$/;

/**
 * Builds a sheet from rows of printed strings, as the test fixtures hold them. Numeric strings become numbers
 * whose format shows the printed decimals, which is how a finance user's workbook stores them.
 */
export function sheetFromGrid(name: string, grid: ReadonlyArray<ReadonlyArray<string>>, options: GridOptions = {}): Sheet {
  const asNumbers = (options.numbers ?? 'number') === 'number';
  const rows = grid.map((line, r) =>
    line.map((raw, c): Cell | undefined => {
      if (raw === '') return undefined;
      const m = NUMERIC.exec(raw.trim());
      if (asNumbers && m) {
        const decimals = m[1]?.length ?? 0;
        const grouped = raw.includes(',') ? '#,##' : '';
        return {
          address: a1(r, c), row: r, col: c, value: Number(raw.trim().replace(/,/g, '')), text: raw.trim(),
          numberFormat: `${grouped}0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`,
        };
      }
      return { address: a1(r, c), row: r, col: c, value: raw, text: raw };
    }),
  );
  return { name, rows };
}

/** Parses TSV text (one line per row, TAB between cells) into a grid of strings. */
export function parseTsv(text: string): string[][] {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((l) => l.split('\t'));
}
