import type { RoundFn } from '../src/range-round';
import { loadSolver } from './solver';

export type RoundChunk = typeof import('./round-chunk');

/**
 * Loads the 舍位平衡 chunk (round-chunk.ts) from the add-in's own files on first use: the first load of the pane
 * does not carry it. A property, not a function, so tests (where webpack's import() does not exist) give the
 * source modules instead.
 */
export const roundChunk: { load: () => Promise<RoundChunk> } = {
  // `.js` as Node's ES module rules want it: webpack maps it to the .ts source (resolve.extensionAlias).
  load: () => import(/* webpackChunkName: "round" */ './round-chunk.js'),
};

/** 舍位平衡 (src/round) with HiGHS, both loaded on first use: the pane host's `loadRounder`. */
export async function loadRounder(): Promise<RoundFn> {
  const [m, solver] = await Promise.all([roundChunk.load(), loadSolver()]);
  return (workbook, result, target) => m.roundWorkbook(workbook, result, target, solver);
}
