/**
 * The pane host's 舍位平衡 (`loadRounder`) with the Node solver (test/helpers/solver.ts: HiGHS from node_modules),
 * as the add-in does it in the browser with round.js and highs.wasm. The 舍位平衡 chunk (round.js) is webpack's;
 * tests give its source modules.
 */
import type { RoundFn } from '../../src/range-round';
import { roundWorkbook } from '../../src/round/round';
import * as roundChunkSource from '../../taskpane/round-chunk';
import { roundChunk } from '../../taskpane/round-loader';
import { nodeSolver } from '../helpers/solver';

export async function nodeRounder(): Promise<RoundFn> {
  const solver = await nodeSolver();
  return (workbook, result, target) => roundWorkbook(workbook, result, target, solver);
}

/** The 舍位平衡 chunk from its sources (webpack's import() does not exist under Jest). */
export function useRoundChunkSources(): void {
  roundChunk.load = async () => roundChunkSource;
}
