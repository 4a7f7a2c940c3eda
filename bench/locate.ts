/**
 * Error location, measured: random consistent nine-table workbooks (bench/budget) with 1–3 planted faults each,
 * in different tables, checked and located. A fault set is located exactly when the causes are exactly the
 * planted cells and are offered as certain; ambiguous when the locator says several sets explain the failures
 * equally well; wrong when it offers a certain answer that is not the planted cells.
 */
import highsLoader from 'highs';
import { performance } from 'node:perf_hooks';
import { checkWorkbookRaw } from '../src/engine';
import { locateCauses } from '../src/locate/locate';
import { fromHighs, SOLVER_OPTIONS, type MipSolver } from '../src/locate/solver';
import { faultCandidates, plant, type FaultKind } from './budget/faults';
import { generateBudget } from './budget/model';
import { render, VARIANTS } from './budget/render';
import { Rng } from './rng';

export interface LocateFigures {
  readonly workbooks: number;
  readonly faults: number;
  readonly exact: number;
  readonly ambiguous: number;
  readonly wrong: number;
  /** Located with a different (smaller or as small) set not offered as ambiguous and not certain. */
  readonly other: number;
  /** Check + locate per workbook, and locate alone, in ms. */
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly locateMedianMs: number;
  readonly solverLoadMs: number;
}

const KINDS: readonly FaultKind[] = ['detail-off', 'parent-off', 'total-off', 'summary-line-off'];

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function measureLocate(count: number, seed: number): Promise<LocateFigures> {
  const t0 = performance.now();
  const highs = await highsLoader();
  const solverLoadMs = performance.now() - t0;
  const solver: MipSolver = { solve: (lp) => fromHighs(highs.solve(lp, SOLVER_OPTIONS)) };
  const rng = new Rng(seed);
  const variants = VARIANTS.filter((v) => ['hebei', 'shanghai-budget', 'shanghai-final'].includes(v.name));
  let exact = 0;
  let ambiguous = 0;
  let wrong = 0;
  let other = 0;
  let faults = 0;
  const times: number[] = [];
  const locateTimes: number[] = [];
  for (let i = 0; i < count; i++) {
    const budget = generateBudget(seed * 1000 + i);
    const variant = variants[i % variants.length];
    let rendered = render(budget, variant);
    const k = 1 + (i % 3);
    const planted = new Set<string>();
    const usedTables = new Set<string>();
    for (let n = 0; n < 40 && planted.size < k; n++) {
      const kind = KINDS[rng.int(0, KINDS.length - 1)];
      const ids = faultCandidates(budget, kind, { variants: [variant], nonZero: true }).filter((id) => !usedTables.has(id.split('|')[0]));
      if (ids.length === 0) continue;
      const id = ids[rng.int(0, ids.length - 1)];
      const p = plant(rendered, { kind, id });
      rendered = p.rendered;
      planted.add(`${p.planted.sheet}!${p.planted.address}`);
      usedTables.add(id.split('|')[0]);
    }
    faults += planted.size;
    const s = performance.now();
    const result = checkWorkbookRaw(rendered.workbook, { keepRelations: true });
    const l = performance.now();
    const causes = locateCauses(result.checked ?? [], solver);
    const e = performance.now();
    times.push(e - s);
    locateTimes.push(e - l);
    const found = new Set(causes.map((c) => `${c.sheet}!${c.cell}`));
    const same = found.size === planted.size && [...planted].every((p) => found.has(p));
    const certain = causes.length > 0 && causes.every((c) => c.certain);
    if (same && certain) exact++;
    else if (!certain && causes.length > 0) ambiguous++;
    else if (certain) wrong++;
    else other++;
  }
  return {
    workbooks: count, faults, exact, ambiguous, wrong, other,
    medianMs: percentile(times, 50), p95Ms: percentile(times, 95), locateMedianMs: percentile(locateTimes, 50), solverLoadMs,
  };
}
