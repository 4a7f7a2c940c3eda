import { Decimal, ZERO, type Amount } from './money';

export interface Grade {
  readonly consistent: boolean;
  readonly rounding: boolean;
  readonly difference: Decimal;
  readonly tolerance: Decimal;
}

const HALF = new Decimal('0.5');
const halfUnits = new Map<number, Decimal>();

/** ½·10^−d, cached: d is nearly always 2 and this sits on the hottest path. */
function halfUnit(d: number): Decimal {
  let h = halfUnits.get(d);
  if (!h) {
    h = HALF.times(new Decimal(10).pow(-d));
    halfUnits.set(d, h);
  }
  return h;
}

/**
 * XBRL Calculations 1.1 interval rule: each displayed value v with d decimals stands for the interval
 * [v − ½·10^−d, v + ½·10^−d]; a total is consistent with its terms when the intervals of `reported` and of
 * `Σ terms` overlap, i.e. |reported − Σ| ≤ Σ ½·10^−dᵢ over the total and every term that carries a value.
 * Blank cells are exact zeros and widen nothing.
 */
export function grade(reported: Amount | null, terms: readonly (Amount | null)[], strict: boolean): Grade {
  let computed = ZERO;
  for (const t of terms) if (t) computed = computed.plus(t.value);
  const rv = reported ? reported.value : ZERO;
  const difference = rv.minus(computed);
  // Most relations hold exactly: the tolerance is only needed when they do not.
  if (difference.isZero()) return { consistent: true, rounding: false, difference, tolerance: ZERO };
  let tolerance = reported ? halfUnit(reported.decimals) : ZERO;
  for (const t of terms) if (t) tolerance = tolerance.plus(halfUnit(t.decimals));
  const rounding = !strict && difference.abs().lte(tolerance);
  return { consistent: false, rounding, difference, tolerance };
}

