/**
 * ROUNDBALANCE's chunk (roundbalance.js): reading a range and balancing it (src/range-round, src/round), loaded on
 * its first call with HiGHS (the solver chunk), never with the custom functions.
 */
export { roundRange } from '../src/range-round';
export { roundWorkbook } from '../src/round/round';
