/** The locator's solver in tests: the CLI's (HiGHS from node_modules, loaded once per test file). */
export { nodeSolver } from '../../cli/solver';
