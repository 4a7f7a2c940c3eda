/**
 * Error localisation (Fellegi–Holt): the relations of a workbook form one linear system over its cells; when
 * some fail beyond rounding, find the fewest cells whose new values make every relation hold within its
 * rounding interval, and those values. Each group of failures that share no cell is solved on its own, as a
 * mixed-integer program (a switch per suspect cell, a big-M bound on its change), by the solver the host brings;
 * equally small alternatives are found by cutting off each answer and solving again. Every answer is checked
 * again in exact decimals before it is offered.
 */
import { Decimal } from '../money';
import type { CheckedRelation } from '../rules/rule';
import { linearSystem, type Equation, type Variable } from '../system';
import type { MipSolver } from './solver';

/** A cell the answer changes: where it is, what it holds and what it should hold. */
export interface CauseCell {
  readonly sheet: string;
  readonly cell: string;
  readonly table: string;
  readonly current: string;
  readonly suggested: string;
}

export interface Cause extends CauseCell {
  readonly id: string;
  /** Indices of the findings this change resolves (into the check result's findings). */
  readonly findings: readonly number[];
  /** How many failing relations it resolves within tables and between tables. */
  readonly within: number;
  readonly between: number;
  /** Other sets of cells that explain the same failures as well (as few cells, as light). */
  readonly alternatives: ReadonlyArray<readonly CauseCell[]>;
  /** The other cells that must change together with this one (a set of several). */
  readonly together: readonly CauseCell[];
  /** True when this set is the only smallest explanation and its values were checked exactly. */
  readonly certain: boolean;
}

export interface LocateOptions {
  /** Alternatives to look for per group of failures (default 3). */
  readonly alternatives?: number;
  /**
   * A time budget: no group of failures is started once `now()` passes `until` (the host's clock, so the core
   * stays free of host APIs). A workbook wrong on every row must not cost its findings a time-out.
   */
  readonly deadline?: { readonly now: () => number; readonly until: number };
}

/**
 * The largest amount (in 元) the solver is given: a double carries about 15 significant digits, so 10^12 元
 * keeps the 分 with room for the tolerances. No budget table comes near it (10 000 亿元).
 */
const MAX_BASE = new Decimal('1e12');

export interface LocateReport {
  readonly causes: Cause[];
  /** Failing relations left unexamined when the time budget ran out (0 when every one was examined). */
  readonly unexamined: number;
  /**
   * Failing relations whose group the solver could not take: amounts beyond what a double carries to the 分
   * (a cell holding 1e308), or the solver failing. Their findings stand; only the cause is missing.
   */
  readonly unsolvable: number;
  /**
   * Findings (indices) of failures that no change of cells explains — a row missing from one table, a 类 printed
   * on one side only — so the user is told so instead of being offered a cell.
   */
  readonly unexplained: readonly number[];
}

/** Whether the equation holds with some values changed (exact decimals, the interval rule). */
function holds(e: Equation, changed: ReadonlyMap<string, Decimal>, vars: ReadonlyMap<string, Variable>): boolean {
  let r = e.residual;
  for (const [key, coef] of e.coefs) {
    const to = changed.get(key);
    if (to === undefined) continue;
    const v = vars.get(key) as Variable;
    r = r.plus(to.minus(v.value).times(v.toBase).times(coef));
  }
  return e.compare === 'le' ? r.gte(e.tol.neg()) : r.abs().lte(e.tol);
}

function num(d: Decimal): string {
  return d.toFixed();
}

interface Answer {
  readonly cells: ReadonlyMap<string, Decimal>;
  readonly objective: number;
  readonly verified: boolean;
}

/** The LP rows of the equations over the suspects' changes `d<i>` (known cells are constants). */
function equationRows(eqs: readonly Equation[], id: ReadonlyMap<string, number>, exact: boolean): string[] {
  const rows: string[] = [];
  eqs.forEach((e, n) => {
    let lhs = '';
    for (const [key, coef] of e.coefs) {
      const i = id.get(key);
      if (i === undefined || coef === 0) continue;
      lhs += ` ${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} d${i}`;
    }
    if (lhs === '') return;
    rows.push(` r${n}l:${lhs} >= ${num(e.tol.neg().minus(e.residual))}`);
    if (e.compare === 'eq') rows.push(` r${n}h:${lhs} <= ${num(e.tol.minus(e.residual))}`);
    // The values: what remains of each equation after the change, as small as it can be (exact where possible).
    if (exact && e.compare === 'eq') rows.push(` x${n}:${lhs} - p${n} + q${n} = ${num(e.residual.neg())}`);
  });
  return rows;
}

/** A change never makes a printed amount negative: amounts of these tables are not. */
function bounds(suspects: readonly string[], vars: ReadonlyMap<string, Variable>, bigM: Decimal, allowed?: ReadonlySet<string>): string[] {
  return suspects.map((key, i) => {
    const v = vars.get(key) as Variable;
    if (allowed && !allowed.has(key)) return ` d${i} = 0`;
    const base = v.value.times(v.toBase);
    const lo = base.isNegative() ? bigM.neg() : Decimal.max(bigM.neg(), base.neg());
    return ` ${num(lo)} <= d${i} <= ${num(bigM)}`;
  });
}

/** Step 1: the lightest set of suspects whose change lets every equation hold (a mixed-integer program). */
function support(solver: MipSolver, vars: ReadonlyMap<string, Variable>, eqs: readonly Equation[], suspects: readonly string[], weights: ReadonlyMap<string, number>, cuts: ReadonlyArray<readonly string[]>, bigM: Decimal, best?: number): { keys: string[]; objective: number } | undefined {
  const id = new Map(suspects.map((k, i) => [k, i]));
  const rows = equationRows(eqs, id, false);
  suspects.forEach((_k, i) => {
    rows.push(` m${i}p: d${i} - ${num(bigM)} z${i} <= 0`);
    rows.push(` m${i}n: d${i} + ${num(bigM)} z${i} >= 0`);
  });
  cuts.forEach((cut, n) => {
    const zs = cut.flatMap((k) => (id.has(k) ? [`z${id.get(k) as number}`] : []));
    if (zs.length > 0) rows.push(` cut${n}: ${zs.join(' + ')} <= ${zs.length - 1}`);
  });
  const objective = suspects.map((k, i) => `${weights.get(k) ?? 1} z${i}`).join(' + ');
  // Looking for an alternative as light as the best: anything heavier is no alternative, and proving there is
  // none is then quick.
  if (best !== undefined) rows.push(` best: ${objective} <= ${best + 1e-6}`);
  const lp = [
    'Minimize',
    ` obj: ${objective}`,
    'Subject To', ...rows,
    'Bounds', ...bounds(suspects, vars, bigM),
    'Binary', ` ${suspects.map((_k, i) => `z${i}`).join(' ')}`,
    'End',
  ].join('\n');
  const sol = solver.solve(lp);
  if (sol.status !== 'Optimal') return undefined;
  return { keys: suspects.filter((_k, i) => (sol.values.get(`z${i}`) ?? 0) > 0.5), objective: sol.objective };
}

/** Step 2: the values of the chosen cells that leave every equation as exact as it can be (a linear program). */
function values(solver: MipSolver, vars: ReadonlyMap<string, Variable>, eqs: readonly Equation[], suspects: readonly string[], chosen: ReadonlySet<string>, bigM: Decimal): Answer['cells'] | undefined {
  const id = new Map(suspects.map((k, i) => [k, i]));
  const rows = equationRows(eqs, id, true);
  const slack = eqs.flatMap((e, n) => (e.compare === 'eq' && [...e.coefs.keys()].some((k) => id.has(k)) ? [`p${n}`, `q${n}`] : []));
  const lp = [
    'Minimize',
    ` obj: ${slack.join(' + ') || '0'}`,
    'Subject To', ...rows,
    'Bounds', ...bounds(suspects, vars, bigM, chosen),
    'End',
  ].join('\n');
  const sol = solver.solve(lp);
  if (sol.status !== 'Optimal') return undefined;
  const cells = new Map<string, Decimal>();
  suspects.forEach((key, i) => {
    if (!chosen.has(key)) return;
    const v = vars.get(key) as Variable;
    const d = new Decimal(sol.values.get(`d${i}`) ?? 0).div(v.toBase);
    // The value the cell should show, at the precision it shows.
    cells.set(key, v.value.plus(d).toDecimalPlaces(Math.max(0, v.cell.precision)));
  });
  return cells;
}

function solveGroup(solver: MipSolver, vars: ReadonlyMap<string, Variable>, eqs: readonly Equation[], suspects: readonly string[], weights: ReadonlyMap<string, number>, cuts: ReadonlyArray<readonly string[]>, bigM: Decimal, best?: number): Answer | undefined {
  const s = support(solver, vars, eqs, suspects, weights, cuts, bigM, best);
  if (!s || s.keys.length === 0) return undefined;
  const cells = values(solver, vars, eqs, suspects, new Set(s.keys), bigM);
  if (!cells) return undefined;
  return { cells, objective: s.objective, verified: eqs.every((e) => holds(e, cells, vars)) };
}

/**
 * How suspect each cell is. A formula's result is none (its inputs are); a detail that repeats a total it is a
 * term of (a 项 copying its 款's figure, 30299 printing the 302 total) is the classic slip and weighs less.
 */
function weightsOf(eqs: readonly Equation[], vars: ReadonlyMap<string, Variable>): Map<string, number> {
  const w = new Map<string, number>();
  for (const e of eqs) {
    const inst = e.relation.instance;
    const total = vars.get(`${inst.table.sheet}!${inst.total.address}`);
    if (!total || total.value.isZero()) continue;
    for (const [key, coef] of e.coefs) {
      if (coef >= 0) continue;
      const v = vars.get(key) as Variable;
      if (v.value.times(v.toBase).eq(total.value.times(total.toBase))) w.set(key, 0.6);
    }
  }
  return w;
}

function touchingAll(suspects: readonly string[], byCell: ReadonlyMap<string, readonly Equation[]>): Equation[] {
  const touching = new Set<Equation>();
  for (const k of suspects) for (const e of byCell.get(k) ?? []) touching.add(e);
  return [...touching];
}

/**
 * The likely wrong cells of a checked workbook (run with `keepRelations`), with their suggested values, each
 * tied to the findings it resolves. Failures within rounding (尾差) are not located.
 */
export function locateCauses(checked: readonly CheckedRelation[], solver: MipSolver, options: LocateOptions = {}): Cause[] {
  return locateReport(checked, solver, options).causes;
}

/** {@link locateCauses}, saying also how many failures the time budget left unexamined. */
export function locateReport(checked: readonly CheckedRelation[], solver: MipSolver, options: LocateOptions = {}): LocateReport {
  const steps = locateSteps(checked, solver, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link locateReport} one group of failures at a time: it yields after each group it examined, so a host with
 * one thread (the task pane) can let the page breathe between groups and stop when its answer is no longer
 * wanted; it returns the report. The groups a spent deadline skips are counted without yielding.
 */
export function* locateSteps(checked: readonly CheckedRelation[], solver: MipSolver, options: LocateOptions = {}): Generator<void, LocateReport, void> {
  const { vars, eqs } = linearSystem(checked);
  const failed = eqs.filter((e) => e.relation.outcome === 'failed');
  if (failed.length === 0) return { causes: [], unexamined: 0, unsolvable: 0, unexplained: [] };
  const byCell = new Map<string, Equation[]>();
  for (const e of eqs) {
    for (const k of e.coefs.keys()) {
      const list = byCell.get(k);
      if (list) list.push(e);
      else byCell.set(k, [e]);
    }
  }
  // Failures whose suspects overlap are one fault group; groups sharing nothing are independent faults.
  // Union–find over the failures, joined through the cells near them: linear in what they touch.
  const nearOf = (f: Equation): Set<string> => {
    const near = new Set<string>();
    for (const k of f.coefs.keys()) for (const e of byCell.get(k) ?? []) for (const k2 of e.coefs.keys()) near.add(k2);
    return near;
  };
  const parent = failed.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; }
    return i;
  };
  const nears = failed.map(nearOf);
  const owner = new Map<string, number>();
  nears.forEach((near, i) => {
    for (const k of near) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[root(i)] = root(o);
    }
  });
  // In the order of each group's last failure, its failures in document order (as they were found).
  const members = new Map<number, number[]>();
  failed.forEach((_, i) => { const r = root(i); const m = members.get(r); if (m) m.push(i); else members.set(r, [i]); });
  const groups = [...members.values()]
    .sort((a, b) => a[a.length - 1] - b[b.length - 1])
    .map((m) => ({ eqs: m.map((i) => failed[i]), near: new Set(m.flatMap((i) => [...nears[i]])) }));
  const causes: Cause[] = [];
  const wanted = options.alternatives ?? 3;
  const weights = weightsOf(eqs, vars);
  let unexamined = 0;
  let unsolvable = 0;
  const unexplained = new Set<number>();
  for (const { eqs: group, near } of groups) {
    if (options.deadline && options.deadline.now() > options.deadline.until) {
      unexamined += group.length;
      continue;
    }
    // Suspects: the cells of the failing relations first, then also of the relations next to them; the
    // constraints: every relation touching a suspect (a changed cell must leave all of its relations whole).
    const own = [...new Set(group.flatMap((f) => [...f.coefs.keys()]))].filter((k) => !(vars.get(k) as Variable).fixed);
    let bigM = new Decimal(1);
    for (const f of group) bigM = bigM.plus(f.residual.abs().times(2));
    const reach = [...near].map((k) => (vars.get(k) as Variable)).reduce((m, v) => Decimal.max(m, v.value.times(v.toBase).abs()), bigM);
    if (reach.gt(MAX_BASE)) {
      unsolvable += group.length;
      continue;
    }
    examine(group, near, own, bigM);
    yield;
  }
  return { causes, unexamined, unsolvable, unexplained: [...unexplained].sort((a, b) => a - b) };

  /** Solves one group and records what it found (its causes, or its failures as unexplained or unsolvable). */
  function examine(group: readonly Equation[], near: ReadonlySet<string>, own: readonly string[], bigM: Decimal): void {
    try {
      let suspects = own;
      let system = touchingAll(suspects, byCell);
      let first = solveGroup(solver, vars, system, suspects, weights, [], bigM);
      if (!first) {
        suspects = [...near].filter((k) => !(vars.get(k) as Variable).fixed);
        system = touchingAll(suspects, byCell);
        first = solveGroup(solver, vars, system, suspects, weights, [], bigM);
      }
      if (!first || first.cells.size === 0) {
        for (const e of group) if (e.relation.finding !== undefined) unexplained.add(e.relation.finding);
        return;
      }
      const answers: Answer[] = [first];
      const cuts: string[][] = [[...first.cells.keys()]];
      while (answers.length <= wanted) {
        const next = solveGroup(solver, vars, system, suspects, weights, cuts, bigM, first.objective);
        if (!next || next.cells.size === 0 || next.objective > first.objective + 1e-6) break;
        answers.push(next);
        cuts.push([...next.cells.keys()]);
      }
      const cellOf = (key: string, to: Decimal): CauseCell => {
        const v = vars.get(key) as Variable;
        const d = Math.max(0, v.cell.precision);
        return { sheet: v.table.sheet, cell: v.cell.address, table: v.table.kind, current: v.value.toFixed(d), suggested: to.toFixed(d) };
      };
      const primary = [...first.cells].map(([k, to]) => cellOf(k, to));
      const alternatives = answers.slice(1).map((a) => [...a.cells].map(([k, to]) => cellOf(k, to)));
      for (const [key] of first.cells) {
        const resolved = group.filter((e) => e.coefs.has(key));
        const findings = [...new Set(resolved.flatMap((e) => (e.relation.finding === undefined ? [] : [e.relation.finding])))].sort((a, b) => a - b);
        const between = resolved.filter((e) => e.relation.instance.relation.startsWith('link.')).length;
        const me = primary.find((p) => `${p.sheet}!${p.cell}` === key) as CauseCell;
        causes.push({
          ...me,
          id: `C${causes.length + 1}`,
          findings,
          within: resolved.length - between,
          between,
          alternatives,
          together: primary.filter((p) => p !== me),
          certain: alternatives.length === 0 && first.verified,
        });
      }
    } catch {
      // The solver is the host's: whatever it throws costs this group its cause, never the check its findings.
      unsolvable += group.length;
    }
  }
}
