import type { LocateOptions, LocateReport } from '../src/locate/locate';
import type { CheckedRelation } from '../src/rules/rule';
import type { MipSolver } from '../src/locate/solver';

/** The error locator's groups of failures, one step each, ending with its report (src/locate `locateSteps`). */
export type LocateSteps = Iterator<void, LocateReport, undefined>;

/**
 * The likely wrong cells of a checked workbook (src/locate), with the solver already loaded: step by step, so the
 * pane, on the page's one thread, can let the page breathe between groups and stop when no longer wanted.
 */
export type Locate = (checked: readonly CheckedRelation[], options?: LocateOptions) => LocateSteps;

/** Runs the locator to its report in one go: for a caller with one small table (CHECKTOTALS). */
export function locateAll(steps: LocateSteps): LocateReport {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

// webpack's base URL of the build's own files: `--env baseUrl` (an https:// URL), '' in the playground (the
// page's folder). Not defined outside webpack (tests), where the host brings the Node solver instead.
declare const __webpack_public_path__: string;

function addinBase(): string {
  return typeof __webpack_public_path__ === 'string' ? __webpack_public_path__ : '';
}

type Chunk = typeof import('./solver-chunk');
let chunk: Promise<Chunk> | undefined;

/**
 * Loads the solver chunk (solver.js, then highs.wasm, both from the add-in's own files: closed networks reach
 * no CDN) on first use, with its solver. Rejects where WebAssembly is missing (an old webview) or a file cannot
 * be fetched; the findings do not depend on it.
 */
async function loadChunk(): Promise<{ m: Chunk; solver: MipSolver }> {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') throw new Error('WebAssembly is not available');
  // `.js` as Node's ES module rules want it: webpack maps it to the .ts source (resolve.extensionAlias).
  chunk ??= import(/* webpackChunkName: "solver" */ './solver-chunk.js');
  let m: Chunk;
  try {
    m = await chunk;
  } catch (e) {
    chunk = undefined;
    throw e;
  }
  return { m, solver: await m.sharedSolver(addinBase()) };
}

/** The error locator (see {@link loadChunk}). */
export async function loadLocator(): Promise<Locate> {
  const { m, solver } = await loadChunk();
  return (checked, options) => m.locateSteps(checked, solver, options);
}

/** HiGHS alone, for 舍位平衡 (whose code is in the chunks of its callers: the pane's round.js, ROUNDBALANCE's). */
export async function loadSolver(): Promise<MipSolver> {
  return (await loadChunk()).solver;
}
