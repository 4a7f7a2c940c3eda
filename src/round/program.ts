/**
 * Integers near given values with every relation exact: the integer program behind 舍位平衡. Each cell starts
 * from a base value in whole target units (plain rounding, or the printed figure) and may move one unit up or
 * down where allowed, at a cost; every relation `Σ coef × y (= | ≥) 0` must hold exactly. The solver finds the
 * cheapest moves. Cells that share no relation are solved apart (a component each), so one table that cannot
 * balance costs the others nothing; a component with no exact answer is solved again with a slack per relation,
 * counting broken relations far above any move, which gives the rounding with the fewest relations left off.
 */
import { Decimal, ZERO } from '../money';
import type { MipSolver } from '../locate/solver';

export interface Choice {
  readonly key: string;
  /** Whole target units. */
  readonly base: Decimal;
  /** Cost of moving one unit up / down; absent: not allowed. */
  readonly up?: number;
  readonly down?: number;
}

export interface Row {
  /** Coefficient of each cell (`sheet!A1`). */
  readonly coefs: ReadonlyMap<string, number>;
  /** `eq`: Σ coef × y = 0; `ge`: Σ coef × y ≥ 0 (a total bounding its 其中 lines). */
  readonly compare: 'eq' | 'ge';
}

export interface Moves {
  /** Net move of each cell that moved, in units (−1 or +1). */
  readonly moves: ReadonlyMap<string, number>;
  /** Rows that do not hold with the moves, with Σ coef × y (in units). */
  readonly broken: ReadonlyArray<{ readonly row: number; readonly residual: Decimal }>;
  /** Components the solver could not answer at all (time limit, failure): their cells keep their base. */
  readonly unsolved: number;
}

/** A broken relation weighs more than moving every cell of its component. */
const brokenWeight = (choices: number): number => 2 * choices + 10;

function residualOf(row: Row, value: (key: string) => Decimal): Decimal {
  let r = ZERO;
  for (const [k, c] of row.coefs) r = r.plus(value(k).times(c));
  return r;
}

const holds = (row: Row, r: Decimal): boolean => (row.compare === 'eq' ? r.isZero() : r.gte(0));

function term(coef: number, name: string): string {
  return ` ${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} ${name}`;
}

interface Component {
  readonly rows: number[];
  readonly free: string[];
}

/** Rows joined through the free cells they share (union–find); rows with no free cell stand alone. */
function components(rows: readonly Row[], movable: ReadonlySet<string>): Component[] {
  const parent = rows.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  const owner = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const k of row.coefs.keys()) {
      if (!movable.has(k)) continue;
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[root(i)] = root(o);
    }
  });
  const byRoot = new Map<number, Component>();
  rows.forEach((row, i) => {
    const r = root(i);
    let c = byRoot.get(r);
    if (!c) { c = { rows: [], free: [] }; byRoot.set(r, c); }
    c.rows.push(i);
  });
  for (const [k, i] of owner) byRoot.get(root(i))?.free.push(k);
  return [...byRoot.values()];
}

function program(rows: readonly Row[], comp: Component, choices: ReadonlyMap<string, Choice>, elastic: boolean): string {
  const id = new Map(comp.free.map((k, i) => [k, i]));
  const objective: string[] = [];
  const binaries: string[] = [];
  const constraints: string[] = [];
  comp.free.forEach((k, i) => {
    const c = choices.get(k) as Choice;
    if (c.up !== undefined) { objective.push(`${c.up} u${i}`); binaries.push(`u${i}`); }
    if (c.down !== undefined) { objective.push(`${c.down} d${i}`); binaries.push(`d${i}`); }
    if (c.up !== undefined && c.down !== undefined) constraints.push(` one${i}: u${i} + d${i} <= 1`);
  });
  const generals: string[] = [];
  const bounds: string[] = [];
  const big = brokenWeight(comp.free.length);
  for (const n of comp.rows) {
    const row = rows[n];
    let lhs = '';
    let constant = ZERO;
    for (const [k, coef] of row.coefs) {
      if (coef === 0) continue;
      const c = choices.get(k) as Choice;
      constant = constant.plus(c.base.times(coef));
      const i = id.get(k);
      if (i === undefined) continue;
      if (c.up !== undefined) lhs += term(coef, `u${i}`);
      if (c.down !== undefined) lhs += term(-coef, `d${i}`);
    }
    let reach = 0;
    for (const [k, coef] of row.coefs) if (id.has(k)) reach += Math.abs(coef);
    if (elastic) {
      // s⁺ − s⁻ absorbs what cannot be made exact; b counts the row as broken.
      const m = constant.abs().plus(reach).plus(1).toFixed();
      lhs += ` + p${n} - n${n}`;
      generals.push(`p${n}`, `n${n}`);
      bounds.push(` 0 <= p${n} <= ${m}`, ` 0 <= n${n} <= ${m}`);
      constraints.push(` k${n}: p${n} + n${n} - ${m} b${n} <= 0`);
      binaries.push(`b${n}`);
      objective.push(`${big} b${n}`);
    }
    if (lhs === '') continue;
    constraints.push(` r${n}:${lhs} ${row.compare === 'eq' ? '=' : '>='} ${constant.neg().toFixed()}`);
  }
  return [
    'Minimize',
    ` obj: ${objective.join(' + ') || '0'}`,
    // The LP format wants a constraint: a row whose free cells cancel out leaves none.
    'Subject To', ...(constraints.length ? constraints : [` c0: ${binaries[0]} >= 0`]),
    ...(bounds.length ? ['Bounds', ...bounds] : []),
    ...(generals.length ? ['General', ` ${generals.join(' ')}`] : []),
    ...(binaries.length ? ['Binary', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
}

/** The moves of one component, or undefined when the solver gave no answer. */
function solveComponent(solver: MipSolver, rows: readonly Row[], comp: Component, choices: ReadonlyMap<string, Choice>, elastic: boolean): Map<string, number> | undefined {
  if (comp.free.length === 0) return new Map();
  let sol;
  try {
    sol = solver.solve(program(rows, comp, choices, elastic));
  } catch {
    return undefined;
  }
  if (sol.status !== 'Optimal') return undefined;
  const moves = new Map<string, number>();
  comp.free.forEach((k, i) => {
    const m = Math.round(sol.values.get(`u${i}`) ?? 0) - Math.round(sol.values.get(`d${i}`) ?? 0);
    if (m !== 0) moves.set(k, m);
  });
  return moves;
}

/**
 * The cheapest moves making every row exact, component by component; where no moves can, the moves leaving the
 * fewest rows broken. What is returned is verified again in decimals: a row that does not hold is listed
 * broken whatever the solver said.
 */
export function solveMoves(choices: ReadonlyMap<string, Choice>, rows: readonly Row[], solver: MipSolver): Moves {
  const movable = new Set([...choices.values()].filter((c) => c.up !== undefined || c.down !== undefined).map((c) => c.key));
  const moves = new Map<string, number>();
  let unsolved = 0;
  for (const comp of components(rows, movable)) {
    const exact = solveComponent(solver, rows, comp, choices, false)
      ?? solveComponent(solver, rows, comp, choices, true);
    if (!exact) { unsolved++; continue; }
    for (const [k, m] of exact) moves.set(k, m);
  }
  const value = (k: string): Decimal => {
    const c = choices.get(k);
    return (c ? c.base : ZERO).plus(moves.get(k) ?? 0);
  };
  const broken: Array<{ row: number; residual: Decimal }> = [];
  rows.forEach((row, n) => {
    const r = residualOf(row, value);
    if (!holds(row, r)) broken.push({ row: n, residual: r });
  });
  return { moves, broken, unsolved };
}

/** Σ coef × base of each row that does not hold at the base values (plain rounding leaves these 尾差). */
export function brokenAtBase(choices: ReadonlyMap<string, Choice>, rows: readonly Row[]): Array<{ row: number; residual: Decimal }> {
  const out: Array<{ row: number; residual: Decimal }> = [];
  rows.forEach((row, n) => {
    const r = residualOf(row, (k) => choices.get(k)?.base ?? ZERO);
    if (!holds(row, r)) out.push({ row: n, residual: r });
  });
  return out;
}
