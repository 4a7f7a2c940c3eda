/**
 * Printing amounts the way a finance user's workbook holds them: a real number, a number format, and the
 * text Excel shows for it. Everything goes through integer `Units` (100 元), so 元 and 万元 are both exact.
 */
import { a1, type Cell } from '../../src/snapshot';
import type { Units } from './model';

export type Unit = '元' | '万元';

/** `#,##0.00` (thousand separators), `0.00`, or `#,##0` (whole 元, as some Shanghai budgets print them). */
export type AmountFormat = '#,##0.00' | '0.00' | '#,##0';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The cell value of an amount in a unit: 元 = units × 100, 万元 = units / 100 (an exact decimal). */
export function valueOf(units: Units, unit: Unit): number {
  return unit === '元' ? units * 100 : units / 100;
}

/** The text Excel displays for the amount with the given format. */
export function textOf(units: Units, unit: Unit, format: AmountFormat): string {
  const sign = units < 0 ? '-' : '';
  const u = Math.abs(units);
  const [whole, frac] = unit === '元' ? [String(u * 100), '00'] : [String(Math.floor(u / 100)), String(u % 100).padStart(2, '0')];
  if (format === '#,##0') {
    // Whole numbers only: exact for 元 (a multiple of 100), never used for 万元.
    if (frac !== '00') throw new Error(`${units} Units in ${unit} is not whole`);
    return `${sign}${group(whole)}`;
  }
  return `${sign}${format === '#,##0.00' ? group(whole) : whole}.${frac}`;
}

/** A numeric amount cell. */
export function amountCell(row: number, col: number, units: Units, unit: Unit, format: AmountFormat): Cell {
  return { address: a1(row, col), row, col, value: valueOf(units, unit), text: textOf(units, unit, format), numberFormat: format };
}

/** A whole number as a typed number (序号, 栏次). */
export function intCell(row: number, col: number, n: number): Cell {
  return { address: a1(row, col), row, col, value: n, text: String(n), numberFormat: '0' };
}

/**
 * Reads an amount cell back to Units, exactly, or throws when the cell is not an amount of that unit printed
 * on the 100 元 grid (a rendering bug, not an engine finding). A blank cell reads as 0.
 */
export function unitsOf(cell: Cell | undefined, unit: Unit): Units {
  if (cell === undefined) return 0;
  if (typeof cell.value !== 'number') throw new Error(`${cell.address}: not a number: ${String(cell.value)}`);
  const v = cell.value;
  const units = unit === '元' ? v / 100 : Math.round(v * 100);
  if (!Number.isInteger(units) || valueOf(units, unit) !== v) throw new Error(`${cell.address}: ${v} ${unit} is not a whole 100 元`);
  return units;
}
