/** What a cell of an .xlsx file shows, for readers of the file itself (the CLI's, the pane's for a second workbook). */
import { decimalsOfFormat } from './money';
import type { CellValue } from './snapshot';

/** What an .xlsx cell shows: the stored value with its number format applied. */
export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (typeof value !== 'number') return value === null ? '' : String(value);
  const d = decimalsOfFormat(numFmt);
  if (d === undefined || d > 100) return String(Number(value.toPrecision(15)));
  const fixed = value.toFixed(d);
  if (!numFmt || !/#,##0|#,###/.test(numFmt) || fixed.includes('e')) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
