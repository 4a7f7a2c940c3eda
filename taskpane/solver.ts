import type { Cause } from '../src/locate/locate';
import type { CheckedRelation } from '../src/rules/rule';

/** The likely wrong cells of a checked workbook (src/locate), with the solver already loaded. */
export type Locate = (checked: readonly CheckedRelation[]) => Cause[];

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
 * no CDN) on first use. Rejects where WebAssembly is missing (an old webview) or a file cannot be fetched; the
 * findings do not depend on it.
 */
export async function loadLocator(): Promise<Locate> {
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
  const solver = await m.sharedSolver(addinBase());
  return (checked) => m.locateCauses(checked, solver);
}
