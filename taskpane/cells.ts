import { parseA1 } from '../src/snapshot';

export interface Box { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }

/** `D13` or `D13:F20`, with or without a sheet part or `$`, as a 0-based box. */
export function boxOfAddress(address: string): Box {
  const [from, to = from] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const z = parseA1(to);
  return { row: Math.min(a.row, z.row), col: Math.min(a.col, z.col), rows: Math.abs(z.row - a.row) + 1, cols: Math.abs(z.col - a.col) + 1 };
}

/** Splits `'收入总表'!D13` into its sheet and address; an unqualified cell is on `defaultSheet`. */
export function splitRef(ref: string, defaultSheet: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  return m ? { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3] } : { sheet: defaultSheet, address: ref };
}

/** Every cell a finding cites, with its sheet. */
export function cellsOf(f: { readonly sheet: string; readonly cells: readonly string[] }): Array<{ sheet: string; row: number; col: number }> {
  return f.cells.map((ref) => {
    const { sheet, address } = splitRef(ref, f.sheet);
    const { row, col } = parseA1(address.replace(/\$/g, ''));
    return { sheet, row, col };
  });
}
