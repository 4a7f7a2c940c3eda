/**
 * The solver chunk: HiGHS compiled to WebAssembly and the error locator, loaded on first use only (after a
 * validation that found errors, or CHECKTOTALS "detail" on a table that does not add up), never with the pane.
 * webpack puts this module and what it imports into `solver.js`; `highs.wasm` is emitted beside it.
 */
import highsLoader from 'highs';
import { fromHighs, SOLVER_OPTIONS, type MipSolver } from '../src/locate/solver';

export { locateSteps } from '../src/locate/locate';

/**
 * One HiGHS per page. On the shared runtime the pane and the custom functions are two bundles on one page, each
 * with its own copy of this chunk's modules: they share the WebAssembly instance (strings in, plain numbers out),
 * never the locator, whose decimals belong to each bundle's own engine.
 */
const SHARED = Symbol.for('budget-check.highs');
type Shared = Record<typeof SHARED, Promise<MipSolver> | undefined>;

/** HiGHS, with `highs.wasm` fetched from `base` (the add-in's own files; '' for the page's folder). */
export function sharedSolver(base: string): Promise<MipSolver> {
  const g = globalThis as unknown as Shared;
  const loading = g[SHARED] ?? highsLoader({ locateFile: (file: string) => base + file })
    .then((h): MipSolver => ({ solve: (lp) => fromHighs(h.solve(lp, SOLVER_OPTIONS)) }));
  if (g[SHARED] === undefined) {
    g[SHARED] = loading;
    // A failed load (a network hiccup) is tried again next time rather than remembered.
    loading.catch(() => { if (g[SHARED] === loading) g[SHARED] = undefined; });
  }
  return loading;
}
