import { cellRef } from '../../src/export';
import { a1, columnLetters, parseA1 } from '../../src/snapshot';

/** A 0-based block of cells. */
export interface Block { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }

/** `A1` for one cell, else `A1:C4`. */
export function blockAddress(b: Block): string {
  const from = a1(b.row, b.col);
  return b.rows === 1 && b.cols === 1 ? from : `${from}:${columnLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

/** An address as Excel reports it (`收入总表!D13:F20`, `'My sheet'!$A$1`) as its sheet and block. */
export function parseAddress(address: string, sheet = ''): { sheet: string; block: Block } {
  const ref = cellRef(address, sheet);
  const [from, to = from] = ref.address.split(':');
  const a = parseA1(from);
  const z = parseA1(to);
  return {
    sheet: ref.sheet,
    block: { row: Math.min(a.row, z.row), col: Math.min(a.col, z.col), rows: Math.abs(z.row - a.row) + 1, cols: Math.abs(z.col - a.col) + 1 },
  };
}

/** `'it''s'!D13`: a sheet name quoted the way Excel's addresses and hyperlinks accept any name. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
