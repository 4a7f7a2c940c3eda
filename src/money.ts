import Decimal from 'decimal.js';
import type { CellValue } from './snapshot';
import { toHalfWidth } from './text';

export { Decimal };
// Kept here too for callers that read amounts; it lives with the other text helpers.
export { toHalfWidth };

/** An amount as the sheet shows it: its exact decimal value and the number of decimals displayed. */
export interface Amount {
  readonly value: Decimal;
  readonly decimals: number;
}

export type AmountParse =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly amount: Amount; readonly fromText: boolean; readonly rawDecimals: number }
  | { readonly kind: 'invalid'; readonly text: string };

export const ZERO = new Decimal(0);

/** Most amount cells are blank: one shared answer spares an allocation per cell. */
const BLANK: AmountParse = Object.freeze({ kind: 'blank' as const });

/** Strings a finance user writes for "nothing here" (full-width forms such as －, ／ are folded to these first). */
const BLANK_MARKS = new Set(['', '-', '--', '—', '——', '/', '\\']);
const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Decimals shown by an Excel number format such as `0.00`, `#,##0.00_ ` or `0.00;[Red]-0.00`. */
const formatDecimals = new Map<string, number | undefined>();

export function decimalsOfFormat(format: string | undefined): number | undefined {
  if (format === undefined || format === '' || /^general$/i.test(format)) return undefined;
  if (formatDecimals.has(format)) return formatDecimals.get(format);
  const d = readFormatDecimals(format);
  formatDecimals.set(format, d);
  return d;
}

function readFormatDecimals(format: string): number | undefined {
  const first = format.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /\.([0#?]+)/.exec(first);
  if (m) return m[1].length;
  return /[0#]/.test(first) ? 0 : undefined;
}

function decimalsOfText(digits: string | undefined): number {
  return digits === undefined ? 0 : digits.length;
}

/**
 * Reads one amount cell. Numbers keep the precision their format (or, failing that, their printed text)
 * shows; text that reads as a number is accepted but marked `fromText` so the hygiene rule can report it.
 */
export function parseAmount(value: CellValue, text: string, numberFormat?: string): AmountParse {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value) };
    // 15 significant digits is what Excel itself keeps; it strips binary noise such as 870.3699999999999.
    // Short plain renderings (536.45) are already exact and parse faster than the padded toPrecision form.
    const plain = String(value);
    const exact = new Decimal(plain.length <= 15 && !plain.includes('e') ? plain : value.toPrecision(15));
    const rawDecimals = Math.max(0, exact.decimalPlaces());
    const shown = decimalsOfFormat(numberFormat) ?? textDecimals(text) ?? rawDecimals;
    return { kind: 'number', amount: { value: exact, decimals: shown }, fromText: false, rawDecimals };
  }
  if (value === null || value === undefined) {
    const t = toHalfWidth(text).trim();
    if (BLANK_MARKS.has(t)) return BLANK;
    return parseText(t);
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  return parseText(toHalfWidth(value).trim());
}

function textDecimals(text: string): number | undefined {
  const m = NUMERIC_TEXT.exec(toHalfWidth(text).trim());
  return m ? decimalsOfText(m[1]) : undefined;
}

function parseText(t: string): AmountParse {
  if (BLANK_MARKS.has(t)) return BLANK;
  const m = NUMERIC_TEXT.exec(t);
  if (!m) return { kind: 'invalid', text: t };
  const d = decimalsOfText(m[1]);
  const value = new Decimal(t.replace(/,/g, ''));
  return { kind: 'number', amount: { value, decimals: d }, fromText: true, rawDecimals: d };
}

/** Formats a money value with the given decimals, e.g. 536.44. */
export function formatMoney(v: Decimal, decimals: number): string {
  return v.toFixed(Math.max(0, decimals));
}
