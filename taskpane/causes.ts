import type { RawCheckResult } from '../src/engine';
import type { Cause } from '../src/locate/locate';
import type { CheckedRelation } from '../src/rules/rule';

/**
 * The pane's own handling of located causes: their order and whether a result has anything to locate. Their
 * wording is the core's (src/locate/text.ts), the same as the batch checker's.
 */

/** Causes in the order the pane shows them: the certain first, then those resolving more. */
export function orderCauses(causes: readonly Cause[]): Cause[] {
  return causes.map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.certain) - Number(a.c.certain) || (b.c.within + b.c.between) - (a.c.within + a.c.between) || a.i - b.i)
    .map(({ c }) => c);
}

/** A relation failing beyond rounding; information-only relations (carry-overs between twin tables) are no constraint. */
function locatable(r: CheckedRelation): boolean {
  return r.outcome === 'failed' && r.instance.severity !== 'info';
}

/** Whether a checked result has anything to locate (尾差 are not errors to locate). */
export function needsLocating(result: RawCheckResult | undefined): boolean {
  return result?.checked?.some(locatable) ?? false;
}
