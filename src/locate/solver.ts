/**
 * The port to a mixed-integer solver. The core writes the problem in CPLEX LP format and reads the answer;
 * hosts bring the solver (HiGHS compiled to WebAssembly: loaded from node_modules in the CLI, lazily from the
 * add-in's own files in the pane), so the core stays free of Node and DOM APIs.
 */
export interface MipSolution {
  /** `Optimal`, `Infeasible`, … as the solver names it. */
  readonly status: string;
  readonly objective: number;
  /** Value of each variable by name. */
  readonly values: ReadonlyMap<string, number>;
}

export interface MipSolver {
  solve(lp: string): MipSolution;
}

/** The options the core needs from HiGHS: exact integrality, so a big-M switch cannot leak a change for free. */
export const SOLVER_OPTIONS = {
  mip_feasibility_tolerance: 1e-9,
  primal_feasibility_tolerance: 1e-9,
  time_limit: 10,
  output_flag: false,
} as const;

/** The shape of highs-js's `solve` result, which both hosts adapt. */
export interface HighsResult {
  readonly Status: string;
  readonly ObjectiveValue: number;
  readonly Columns: Readonly<Record<string, object>>;
}

export function fromHighs(r: HighsResult): MipSolution {
  const values = new Map<string, number>();
  for (const [name, c] of Object.entries(r.Columns)) {
    // An infeasible answer carries no primal values.
    if ('Primal' in c && typeof c.Primal === 'number') values.set(name, c.Primal);
  }
  return { status: r.Status, objective: r.ObjectiveValue, values };
}
