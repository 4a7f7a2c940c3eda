import { a1, blockOf, columnLetters, splitRef, type Block } from '../../src/snapshot';

/** `A1` for one cell, else `A1:C4`. */
export function blockAddress(b: Block): string {
  const from = a1(b.row, b.col);
  return b.rows === 1 && b.cols === 1 ? from : `${from}:${columnLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

/** An address as Excel reports it (`收入总表!D13:F20`, `'My sheet'!$A$1`) as its sheet and block. */
export function parseAddress(address: string, sheet = ''): { sheet: string; block: Block } {
  const ref = splitRef(address, sheet);
  return { sheet: ref.sheet, block: blockOf(ref.address) };
}

/** `'it''s'!D13`: a sheet name quoted the way Excel's addresses and hyperlinks accept any name. */
export function qualified(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}
