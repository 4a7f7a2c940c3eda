/**
 * Normalised cell texts of a sheet, computed once per sheet: every recognition step reads them. A row's texts
 * are as long as the row itself, never as wide as the sheet: a stray cell at XFD1048576 or millions of empty
 * rows cost nothing beyond the cells that exist.
 */
import { norm } from '../text';
import type { Sheet } from '../snapshot';

const normalized = new WeakMap<Sheet, string[][]>();
const EMPTY: readonly string[] = Object.freeze([]);

/** Drops a sheet's texts once its tables are read: they are not needed again. */
export function forgetTexts(sheet: Sheet): void {
  normalized.delete(sheet);
}

/** The normalised texts of row `r`, indexed by column (`cells[c] ?? ''` past the row's end). */
export function rowTexts(sheet: Sheet, r: number): readonly string[] {
  const row = sheet.rows[r];
  if (!row || row.length === 0) return EMPTY;
  let rows = normalized.get(sheet);
  if (!rows) {
    rows = [];
    normalized.set(sheet, rows);
  }
  let out = rows[r];
  if (!out) {
    out = [];
    for (let c = 0; c < row.length; c++) out.push(norm(row[c]?.text ?? ''));
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
