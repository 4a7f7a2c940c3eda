/** Normalised cell texts of a sheet, computed once per sheet: every recognition step reads them. */
import { textAt, type Sheet } from '../snapshot';
import { norm } from '../text';

const normalized = new WeakMap<Sheet, string[][]>();

export function rowTexts(sheet: Sheet, r: number, width: number): string[] {
  let rows = normalized.get(sheet);
  if (!rows) {
    rows = [];
    normalized.set(sheet, rows);
  }
  let out = rows[r];
  if (!out) {
    out = [];
    for (let c = 0; c < width; c++) out.push(norm(textAt(sheet, r, c)));
    rows[r] = out;
  }
  return out;
}

export function nonEmpty(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== '') n++;
  return n;
}

/** A printed amount or a bare number (`1,234.50`, `-3`, `0`). */
export function isNumeric(t: string): boolean {
  return /^[+-]?[\d,]+(?:\.\d+)?$/.test(t);
}

/** A subject code as printed in one cell (`2010101`, `201 06 01`, `210110 1`). */
export function isCodeText(t: string): boolean {
  return /^\d{3}(?:\s*\d{1,2}){0,3}$/.test(t.trim()) && t.replace(/\s+/g, '').length <= 7;
}
