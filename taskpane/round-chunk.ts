/**
 * The 舍位平衡 chunk (round.js), loaded when its tab is first opened, never with the pane (see round-loader.ts):
 * the tab's view and words, what it does (reading and balancing the workbook, writing and removing the new sheets,
 * applying 尾差 changes) and the rounding itself (src/round). HiGHS is the solver chunk's, loaded on the first run.
 */
export { roundWorkbook } from '../src/round/round';
export { applyRoundChanges, keepRoundSheets, refreshRoundBatches, round, undoRoundSheets } from './rounding';
export { roundView } from './ui/RoundView';
