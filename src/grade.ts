import { Decimal, ZERO } from './money';

/** A value as printed: what it is, and how many decimals it stands for (its rounding interval). */
export interface Operand {
  readonly value: Decimal;
  /** Decimals shown: the value stands for [v − ½·10^−d, v + ½·10^−d]. */
  readonly precision: number;
  readonly weight?: 1 | -1;
}

export interface Grade {
  readonly consistent: boolean;
  readonly rounding: boolean;
  readonly difference: Decimal;
  readonly tolerance: Decimal;
  readonly computed: Decimal;
}

const HALF = new Decimal('0.5');
const halfUnits = new Map<number, Decimal>();

/** ½·10^−d, cached: d is nearly always 2 and this sits on the hottest path. */
export function halfUnit(d: number): Decimal {
  let h = halfUnits.get(d);
  if (!h) {
    h = HALF.times(new Decimal(10).pow(-d));
    halfUnits.set(d, h);
  }
  return h;
}

/**
 * The one grading rule, everywhere (XBRL Calculations 1.1 interval rule). Every printed value — a blank too,
 * which is a zero printed at its column's precision — stands for the interval of half a unit of its last
 * decimal either side; `total = Σ weight × term` is consistent when the intervals overlap, i.e.
 * |total − Σ| ≤ ½·10^−d summed over the total and every term. A difference within that is 尾差 (rounding);
 * beyond it, an error. With `le`, the terms only bound the total (其中 lines): Σ may fall short, not exceed.
 */
export function grade(total: Operand, terms: readonly Operand[], strict: boolean, compare: 'eq' | 'le' = 'eq'): Grade {
  let computed = ZERO;
  for (const t of terms) computed = t.weight === -1 ? computed.minus(t.value) : computed.plus(t.value);
  const difference = total.value.minus(computed);
  // Most relations hold exactly: the tolerance is only needed when they do not.
  if (difference.isZero() || (compare === 'le' && difference.isPositive())) {
    return { consistent: true, rounding: false, difference, tolerance: ZERO, computed };
  }
  let tolerance = halfUnit(total.precision);
  for (const t of terms) tolerance = tolerance.plus(halfUnit(t.precision));
  const rounding = !strict && difference.abs().lte(tolerance);
  return { consistent: false, rounding, difference, tolerance, computed };
}
