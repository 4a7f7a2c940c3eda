/** HiGHS (WebAssembly, from node_modules: nothing is fetched) as the locator's solver, loaded once per process. */
import highsLoader from 'highs';
import { fromHighs, SOLVER_OPTIONS, type MipSolver } from '../src/locate/solver';

let loaded: Promise<MipSolver> | undefined;

export function nodeSolver(): Promise<MipSolver> {
  loaded ??= highsLoader().then((h) => ({ solve: (lp: string) => fromHighs(h.solve(lp, SOLVER_OPTIONS)) }));
  return loaded;
}
