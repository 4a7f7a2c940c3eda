/**
 * 舍位平衡, measured: random consistent nine-table workbooks in 元 (bench/budget, every 元 variant) balanced at
 * 万元 in process — how many balance exactly, what plain rounding would have left, time per workbook — and the
 * built CLI on a folder of such workbooks as .xlsx, against `check` of the same folder in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import highsLoader from 'highs';
import { writeXlsx } from '../cli/write';
import { checkWorkbookRaw } from '../src/engine';
import { fromHighs, SOLVER_OPTIONS, type MipSolver } from '../src/locate/solver';
import { roundWorkbook } from '../src/round/round';
import type { Workbook } from '../src/snapshot';
import { generateBudget } from './budget/model';
import { inWholeYuan, render, VARIANTS } from './budget/render';

export interface RoundFigures {
  readonly workbooks: number;
  /** Workbooks whose every relation holds after balancing. */
  readonly balanced: number;
  /** 尾差 plain rounding would have left, over all workbooks, and cells rounded the other way instead. */
  readonly plainGaps: number;
  readonly moved: number;
  /** Balancing alone, per workbook (the check before it not included), in ms. */
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface RoundCliFigures {
  readonly files: number;
  readonly roundMs: number;
  readonly checkMs: number;
  readonly written: number;
  readonly roundExit: number | null;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

const yuanVariants = () => VARIANTS.filter((v) => v.unit === 'yuan' || v.unit === 'yuan-int');

function budgetWorkbook(i: number, seed: number): Workbook {
  const variants = yuanVariants();
  return inWholeYuan(render(generateBudget(seed * 1000 + i), variants[i % variants.length]));
}

export async function measureRound(count: number, seed: number): Promise<RoundFigures> {
  const highs = await highsLoader();
  const solver: MipSolver = { solve: (lp) => fromHighs(highs.solve(lp, SOLVER_OPTIONS)) };
  let balanced = 0;
  let plainGaps = 0;
  let moved = 0;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const wb = budgetWorkbook(i, seed);
    const result = checkWorkbookRaw(wb, { keepRelations: true });
    const t0 = performance.now();
    const o = roundWorkbook(wb, result, { unit: 'wan', decimals: 2 }, solver);
    times.push(performance.now() - t0);
    if (o.kind !== 'done') continue;
    if (o.gaps.length === 0 && o.unsolved === 0) balanced++;
    plainGaps += o.plainGaps.length;
    moved += o.moved;
  }
  return { workbooks: count, balanced, plainGaps, moved, medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
}

/** The sheets as the text they show, for the .xlsx writer. */
function grids(wb: Workbook): Array<{ name: string; grid: string[][] }> {
  return wb.sheets.map((s) => ({ name: s.name, grid: s.rows.map((r) => Array.from(r, (c) => c?.text ?? '')) }));
}

export async function runRoundCli(files: number, seed: number): Promise<RoundCliFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-round-bench-'));
  try {
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    // Ten different workbooks, each written thirty times: what differs between files is their content, not their count.
    const distinct = await Promise.all(Array.from({ length: 10 }, (_, i) => writeXlsx(grids(budgetWorkbook(i, seed)))));
    for (let i = 0; i < files; i++) writeFileSync(join(inDir, `单位${String(i + 1).padStart(3, '0')}.xlsx`), distinct[i % distinct.length]);
    const mainJs = join(__dirname, '..', 'cli', 'main.js');
    if (!existsSync(mainJs)) throw new Error(`${mainJs} not found: run npm run build first`);
    const t0 = performance.now();
    const round = spawnSync(process.execPath, [mainJs, 'round', inDir, '--to', '万元', '--out', outDir, '--format', 'json'], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28 });
    const roundMs = performance.now() - t0;
    const t1 = performance.now();
    spawnSync(process.execPath, [mainJs, 'check', inDir, '--format', 'json', '--out', join(dir, 'check.json'), '--no-locate'], { encoding: 'utf8', timeout: 600_000 });
    const checkMs = performance.now() - t1;
    return { files, roundMs, checkMs, written: readdirSync(outDir).length, roundExit: round.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
