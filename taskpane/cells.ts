import { parseA1, splitRef } from '../src/snapshot';

/** Every cell a finding cites, with its sheet. */
export function cellsOf(f: { readonly sheet: string; readonly cells: readonly string[] }): Array<{ sheet: string; row: number; col: number }> {
  return f.cells.map((ref) => {
    const { sheet, address } = splitRef(ref, f.sheet);
    return { sheet, ...parseA1(address) };
  });
}
