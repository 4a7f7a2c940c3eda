/**
 * `npm run bench`: a report, not a test. It times the check engine on ~100,000 generated table rows, the same
 * within-table checks as HyperFormula formulas, and the built CLI on 300 copies of the sample, then prints a
 * summary with targets. Exit 0 whatever the figures; exit 1 only when a step crashed.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { HyperFormula } from 'hyperformula';
import { checkWorkbook } from '../src/engine';
import type { Workbook } from '../src/snapshot';
import { runCliThroughput, type CliRun } from './cli-throughput';
import { bodyRowCount, generateBatch, toWorkbook, type DeptWorkbook, type PlantedKind } from './generate';
import { runHyperFormula, type HfRun } from './hyperformula';
import { measureCatalog, type CatalogFigures } from './catalog';
import { measureOffice, type OfficeFigures } from './office';
import { measurePane, type PaneFigures } from './pane';
import { runLarge, type LargeRun } from './large';
import { measureLocate, type LocateFigures } from './locate';
import { measureRound, runRoundCli, type RoundCliFigures, type RoundFigures } from './round';

const WORKBOOKS = 300;
const SEED = 2025;
/** One planted error every 10th workbook: 30 workbooks the engine must flag, 270 it must pass. */
const PLANT_EVERY = 10;
const CLI_COPIES = 300;
/** The large-workbook figure: one sheet of this many rows. */
const LARGE_ROWS = 200_000;
/** Error location: generated workbooks with 1–3 planted faults each. */
const LOCATE_WORKBOOKS = 60;
/** 舍位平衡: generated 元 workbooks balanced in process, and a folder of them through the CLI. */
const ROUND_WORKBOOKS = 60;
const ROUND_CLI_FILES = 300;
/** Time budgets keep the whole bench near 2½ minutes on a 2-core machine; each loop runs at least once. */
const ENGINE_RUNS = 5;
const ENGINE_BUDGET_MS = 30_000;
const HF_RUNS = 3;
const HF_BUDGET_MS = 85_000;
/** HyperFormula's JIT warm-up uses a slice of the batch: a full extra pass would cost ~30 s. */
const HF_WARMUP_WORKBOOKS = 30;

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kib: number) => kib / 1024;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn up to maxRuns times, stopping early when another run would overshoot the budget. */
function timeRuns(fn: () => void, maxRuns: number, budgetMs: number): number[] {
  const times: number[] = [];
  let spent = 0;
  while (times.length < maxRuns) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    times.push(dt);
    spent += dt;
    if (spent + dt > budgetMs) break;
  }
  return times;
}

interface EngineStats {
  rows: number;
  relations: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Indexes of workbooks with at least one finding. */
  flagged: Set<number>;
}

/** One untimed pass that keeps the findings, for the sanity figures (the timed passes discard them). */
function engineStats(workbooks: readonly Workbook[]): EngineStats {
  const s: EngineStats = { rows: 0, relations: 0, errors: 0, warnings: 0, infos: 0, flagged: new Set() };
  workbooks.forEach((w, i) => {
    const r = checkWorkbook(w);
    s.rows += r.tables.reduce((n, t) => n + t.rows.length, 0);
    s.relations += r.relations;
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
    if (r.findings.length > 0) s.flagged.add(i);
  });
  return s;
}

interface SummaryRow {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  /** undefined = no target, reported for information. */
  readonly pass?: boolean;
}

function printTable(rows: readonly SummaryRow[]): void {
  const head = ['figure', 'value', 'target', 'status'];
  const cells = rows.map((r) => [r.figure, r.value, r.target, r.pass === undefined ? 'info' : r.pass ? 'PASS' : 'MISS']);
  // Width in terminal columns: CJK and full-width characters take two, dashes and ≈ one.
  const wide = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
  const width = (s: string) => [...s].reduce((n, ch) => n + (wide.test(ch) ? 2 : 1), 0);
  const w = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x + ' '.repeat(w[i] - width(x))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<number> {
  const started = performance.now();
  const summary: SummaryRow[] = [];
  let crashed = false;
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      crashed = true;
      console.error(`\n✗ ${name} crashed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      summary.push({ figure: name, value: 'CRASHED', target: 'runs', pass: false });
      return undefined;
    }
  };

  console.log(`budget-check bench · node ${process.version} · ${process.platform}/${process.arch}\n`);

  // 1. The batch: grids first (they also drive the HyperFormula sheets), then the engine's snapshots.
  const gen = await step('generate', () => {
    const t0 = performance.now();
    const batch: DeptWorkbook[] = generateBatch({ count: WORKBOOKS, seed: SEED, plantEvery: PLANT_EVERY });
    const workbooks = batch.map(toWorkbook);
    const rows = batch.reduce((n, d) => n + bodyRowCount(d), 0);
    const planted = batch.filter((d) => d.planted).length;
    console.log(`1. generated ${WORKBOOKS} workbooks, ${fmt(rows)} table rows, ${planted} with a planted error (${secs(performance.now() - t0)})`);
    return { batch, workbooks, rows };
  });
  if (!gen) return 1;
  const { batch, workbooks, rows } = gen;
  summary.push({ figure: 'generated table rows', value: `${fmt(rows)} in ${WORKBOOKS} workbooks`, target: '≈100,000', pass: rows >= 90_000 && rows <= 110_000 });
  const plantedIdx = batch.flatMap((d, i) => (d.planted ? [i] : []));
  const cleanIdx = batch.flatMap((d, i) => (d.planted ? [] : [i]));

  // 2. The engine: one warm-up pass (which also collects the findings), then the median of timed passes.
  let engineMs: number | undefined;
  await step('engine', () => {
    const stats = engineStats(workbooks);
    const times = timeRuns(() => { for (const w of workbooks) checkWorkbook(w); }, ENGINE_RUNS, ENGINE_BUDGET_MS);
    engineMs = median(times);
    const rps = rows / (engineMs / 1000);
    console.log(`2. engine: checkWorkbook × ${WORKBOOKS}: median ${secs(engineMs)} of ${times.length} runs [${times.map((t) => (t / 1000).toFixed(2)).join(', ')}] → ${fmt(rps)} rows/s`);
    console.log(`   ${fmt(stats.rows)} rows recognised, ${fmt(stats.relations)} relations checked; findings: ${stats.errors} errors, ${stats.warnings} warnings, ${stats.infos} info`);
    const caught = plantedIdx.filter((i) => stats.flagged.has(i));
    const falseAlarms = cleanIdx.filter((i) => stats.flagged.has(i));
    const missed = plantedIdx.filter((i) => !stats.flagged.has(i)).map((i) => batch[i].planted?.kind as PlantedKind);
    console.log(`   planted errors flagged: ${caught.length}/${plantedIdx.length}${missed.length ? ` (missed: ${[...new Set(missed)].join(', ')})` : ''}; clean workbooks with findings: ${falseAlarms.length}/${cleanIdx.length}`);
    summary.push({ figure: 'engine throughput', value: `${fmt(rps)} rows/s (${secs(engineMs)})`, target: '—' });
    summary.push({ figure: 'engine rows recognised', value: fmt(stats.rows), target: `= ${fmt(rows)}`, pass: stats.rows === rows });
    summary.push({ figure: 'engine flags planted errors', value: `${caught.length}/${plantedIdx.length}`, target: `${plantedIdx.length}/${plantedIdx.length}`, pass: caught.length === plantedIdx.length });
    summary.push({ figure: 'engine findings on clean workbooks', value: `${falseAlarms.length}/${cleanIdx.length}`, target: '0', pass: falseAlarms.length === 0 });
  });
  const rssAfterEngine = mb(process.resourceUsage().maxRSS);
  console.log(`   bench process peak RSS after step 2: ${fmt(rssAfterEngine)} MB`);

  // 3. HyperFormula (HF): the same data as SUMIF / cross-foot formulas, build + evaluate + read back, per
  // workbook. Only the ratio line names HyperFormula in full, so exactly one output line carries name + ratio.
  let hfMs: number | undefined;
  await step('HF baseline', () => {
    runHyperFormula(batch.slice(0, HF_WARMUP_WORKBOOKS), workbooks.slice(0, HF_WARMUP_WORKBOOKS));
    let last: HfRun | undefined;
    const times = timeRuns(() => { last = runHyperFormula(batch, workbooks); }, HF_RUNS, HF_BUDGET_MS);
    hfMs = median(times);
    const r = last as HfRun;
    const rps = rows / (hfMs / 1000);
    console.log(`3. HF ${HyperFormula.version} (SUMIF + cross-foot formulas): median ${secs(hfMs)} of ${times.length} runs [${times.map((t) => (t / 1000).toFixed(2)).join(', ')}] → ${fmt(rps)} rows/s`);
    console.log(`   last run: prepare sheets ${secs(r.prepMs)}, buildFromSheets (parse + evaluate) ${secs(r.buildMs)}, read + compare ${secs(r.readMs)}`);
    const caught = plantedIdx.filter((i) => r.flagged.includes(i));
    const falseAlarms = cleanIdx.filter((i) => r.flagged.includes(i));
    const missed = plantedIdx.filter((i) => !r.flagged.includes(i)).map((i) => batch[i].planted?.kind as PlantedKind);
    console.log(`   ${fmt(r.formulas)} checked formula cells, ${r.mismatches} mismatches; planted errors flagged ${caught.length}/${plantedIdx.length}${missed.length ? ` (not covered by within-table formulas: ${[...new Set(missed)].join(', ')})` : ''}; clean workbooks flagged ${falseAlarms.length}`);
    summary.push({ figure: 'HF throughput', value: `${fmt(rps)} rows/s (${secs(hfMs)})`, target: '—' });
    summary.push({ figure: 'HF flags planted errors', value: `${caught.length}/${plantedIdx.length}`, target: '—' });
  });
  if (engineMs !== undefined && hfMs !== undefined) {
    const ratio = hfMs / engineMs;
    const ratioText = `${ratio.toFixed(1)}x`;
    console.log(`   engine vs HyperFormula: ${ratioText} ${ratio >= 1 ? 'faster' : 'as fast (HyperFormula is faster)'} (same data, same run)`);
    // The table writes × rather than x so the ratio line above stays the only `N.Nx` line.
    summary.push({ figure: 'engine speed / HF speed', value: `${ratio.toFixed(1)}×`, target: '≥ 10×', pass: ratio >= 10 });
  }
  const benchRss = mb(process.resourceUsage().maxRSS);
  console.log(`   bench process peak RSS after step 3: ${fmt(benchRss)} MB`);
  summary.push({ figure: 'bench peak RSS after step 2 (engine)', value: `${fmt(rssAfterEngine)} MB`, target: '< 1024 MB', pass: rssAfterEngine < 1024 });
  summary.push({ figure: 'bench peak RSS after step 3 (HF)', value: `${fmt(benchRss)} MB`, target: '—' });

  // 4. The CLI on 300 copies of the sample, in a child process.
  const cli: CliRun | undefined = await step('CLI throughput', () => runCliThroughput(CLI_COPIES));
  if (cli) {
    console.log(`4. CLI: check ${cli.files} files → ${secs(cli.wallMs)} wall (${fmt(cli.files / (cli.wallMs / 1000), 1)} files/s), batch peak RSS ${fmt(cli.maxRssMb)} MB, checking process peak ${fmt(cli.checkerPeakMb)} MB, exit ${String(cli.exitCode)}, ${cli.reported} files in the report, ${cli.unreadable} unreadable`);
    summary.push({ figure: `CLI wall time (${cli.files} files)`, value: secs(cli.wallMs), target: '< 30 s', pass: cli.wallMs < 30_000 });
    summary.push({ figure: 'CLI peak RSS (batch + checking process)', value: `${fmt(cli.maxRssMb)} + ${fmt(cli.checkerPeakMb)} MB`, target: '< 1024 MB', pass: cli.maxRssMb + cli.checkerPeakMb < 1024 });
    summary.push({ figure: 'CLI files reported / readable', value: `${cli.reported} / ${cli.reported - cli.unreadable}`, target: `${cli.files} / ${cli.files}`, pass: cli.reported === cli.files && cli.unreadable === 0 });
  }

  // 4b. A large workbook: memory and time against file size.
  const large: LargeRun | undefined = await step('large workbook', () => runLarge(LARGE_ROWS));
  if (large) {
    console.log(`4b. large workbook: ${fmt(large.rows)} rows, ${large.fileMb.toFixed(1)} MB .xlsx → ${secs(large.wallMs)} wall, checking process peak ${fmt(large.checkerPeakMb)} MB (${(large.checkerPeakMb / large.fileMb).toFixed(0)} MB per MB of file), verdict ${large.verdict}, exit ${String(large.exitCode)}`);
    summary.push({ figure: `${fmt(large.rows)}-row sheet (${large.fileMb.toFixed(1)} MB): peak memory`, value: `${fmt(large.checkerPeakMb)} MB`, target: '< 1024 MB', pass: large.checkerPeakMb < 1024 && large.verdict !== 'not-checked' });
    summary.push({ figure: `${fmt(large.rows)}-row sheet: wall time`, value: secs(large.wallMs), target: '—' });
  }

  // 4c. Error location: planted faults in generated nine-table workbooks.
  const loc: LocateFigures | undefined = await step('locate', () => measureLocate(LOCATE_WORKBOOKS, SEED));
  if (loc) {
    const identified = loc.exact + loc.wrong;
    console.log(`4c. locate: ${loc.workbooks} workbooks, ${loc.faults} planted faults (1–3 each): exact ${loc.exact}, ambiguous ${loc.ambiguous}, wrong ${loc.wrong}, other ${loc.other}; check + locate median ${loc.medianMs.toFixed(0)} ms, p95 ${loc.p95Ms.toFixed(0)} ms (locate alone median ${loc.locateMedianMs.toFixed(0)} ms); solver load ${loc.solverLoadMs.toFixed(0)} ms`);
    summary.push({ figure: 'faults located exactly (where identifiable)', value: `${loc.exact}/${identified} (${fmt((100 * loc.exact) / Math.max(1, identified), 1)} %)`, target: '≥ 95 %', pass: loc.exact >= 0.95 * identified });
    summary.push({ figure: 'fault sets reported as ambiguous', value: `${loc.ambiguous}/${loc.workbooks}`, target: '—' });
    summary.push({ figure: 'wrong locations', value: String(loc.wrong), target: '0', pass: loc.wrong === 0 });
    summary.push({ figure: 'check + locate per workbook (median / p95)', value: `${loc.medianMs.toFixed(0)} / ${loc.p95Ms.toFixed(0)} ms`, target: 'median < 100 ms', pass: loc.medianMs < 100 });
  }

  // 4d. 舍位平衡: 元 workbooks to 万元 in process, then a folder of them through the CLI against check of it.
  const rnd: RoundFigures | undefined = await step('round', () => measureRound(ROUND_WORKBOOKS, SEED));
  if (rnd) {
    console.log(`4d. round: ${rnd.workbooks} workbooks in 元 → 万元: ${rnd.balanced} balanced exactly; plain rounding would leave ${rnd.plainGaps} 尾差, balancing rounds ${rnd.moved} cells the other way; per workbook median ${rnd.medianMs.toFixed(0)} ms, p95 ${rnd.p95Ms.toFixed(0)} ms`);
    summary.push({ figure: 'workbooks balanced at 万元', value: `${rnd.balanced}/${rnd.workbooks}`, target: `${rnd.workbooks}/${rnd.workbooks}`, pass: rnd.balanced === rnd.workbooks });
    summary.push({ figure: 'balance one workbook (median / p95)', value: `${rnd.medianMs.toFixed(0)} / ${rnd.p95Ms.toFixed(0)} ms`, target: '—' });
  }
  const rcli: RoundCliFigures | undefined = await step('round CLI', () => runRoundCli(ROUND_CLI_FILES, SEED));
  if (rcli) {
    console.log(`    round CLI: ${rcli.files} files → ${secs(rcli.roundMs)} wall, ${rcli.written} written, exit ${String(rcli.roundExit)}; check of the same folder ${secs(rcli.checkMs)} → round takes ${(rcli.roundMs / rcli.checkMs).toFixed(1)}x the check's time`);
    summary.push({ figure: `round CLI (${rcli.files} files)`, value: `${secs(rcli.roundMs)} (${(rcli.roundMs / rcli.checkMs).toFixed(1)}× check)`, target: `${rcli.files} written`, pass: rcli.written === rcli.files && rcli.roundExit === 0 });
  }

  // 5. The subject catalog: lookups as SUBJECTNAME makes them, against a plain Map get of the same codes.
  const cat: CatalogFigures | undefined = await step('catalog', () => measureCatalog(join(__dirname, '..')));
  if (cat) {
    console.log(`5. catalog: ${fmt(cat.entries)} subjects; lookups ${fmt(cat.lookupsPerSecond)}/s (plain Map get: ${fmt(cat.mapLookupsPerSecond)}/s, ${(cat.mapLookupsPerSecond / cat.lookupsPerSecond).toFixed(1)}x the lookup); cold load ${cat.loadMs.toFixed(1)} ms; data module ${fmt(cat.bytes)} bytes (${fmt(cat.gzipBytes)} gzip)`);
    summary.push({ figure: 'catalog lookups per second', value: fmt(cat.lookupsPerSecond), target: '≥ 1,000,000', pass: cat.lookupsPerSecond >= 1_000_000 });
    summary.push({ figure: 'catalog cold load', value: `${cat.loadMs.toFixed(1)} ms`, target: '< 20 ms', pass: cat.loadMs < 20 });
    summary.push({ figure: 'catalog bytes in the bundle', value: `${fmt(cat.bytes)} (${fmt(cat.gzipBytes)} gzip)`, target: '—' });
  }

  // 6. The add-in against the in-memory Excel: syncs per validation, and the functions bundle size.
  const off: OfficeFigures | undefined = await step('office', () => measureOffice(join(__dirname, '..', '..', 'sample', '张家口市总工会2025年部门预算.xlsx'), join(__dirname, '..', 'addin')));
  if (off) {
    console.log(`6. add-in: sample read ${off.sampleReadSyncs} syncs, marks ${off.sampleMarkSyncs} syncs; 50 sheets × 2,000 rows: read ${off.bigReadSyncsDesktop} syncs (desktop), ${off.bigReadSyncsWeb} (web, 5 MB payload), marks ${off.bigMarkSyncs} syncs; functions bundle ${off.functionsGzip === undefined ? 'not built' : `${fmt(off.functionsGzip)} bytes gzip`}`);
    summary.push({ figure: 'syncs to read the sample', value: String(off.sampleReadSyncs), target: '≤ 3', pass: off.sampleReadSyncs <= 3 });
    summary.push({ figure: 'syncs to mark the sample', value: String(off.sampleMarkSyncs), target: '≤ 2', pass: off.sampleMarkSyncs <= 2 });
    summary.push({ figure: 'syncs, 50 sheets × 2,000 rows (desktop)', value: `read ${off.bigReadSyncsDesktop}, mark ${off.bigMarkSyncs}`, target: '≤ 3, ≤ 2', pass: off.bigReadSyncsDesktop <= 3 && off.bigMarkSyncs <= 2 });
    summary.push({ figure: 'syncs, 50 sheets × 2,000 rows (web)', value: `read ${off.bigReadSyncsWeb}`, target: '—' });
    if (off.functionsGzip !== undefined) summary.push({ figure: 'functions bundle (gzip)', value: `${fmt(off.functionsGzip)} bytes`, target: '≤ 153,600', pass: off.functionsGzip <= 150 * 1024 });
  }

  // 7. The task pane: first-load bundle, and opening the pane to rendered findings in the playground.
  const root = join(__dirname, '..', '..');
  const pf: PaneFigures | undefined = await step('pane', () => measurePane(root, join(root, 'dist', 'addin'), join(root, 'sample', '张家口市总工会2025年部门预算.xlsx')));
  if (pf) {
    const timing = pf.toFindingsMs === undefined ? pf.note ?? 'not measured'
      : `opening → pane ready ${pf.readyMs!.toFixed(0)} ms, opening → findings ${pf.toFindingsMs.toFixed(0)} ms, first validate → findings ${pf.firstValidateMs!.toFixed(0)} ms (medians of ${pf.runs} fresh pages); validate → findings ${pf.validateMs!.toFixed(1)} ms (median of ${pf.warmRuns} warm runs, click to findings painted, measured in the page: ${pf.warmMs!.map((x) => x.toFixed(0)).join(' ')}); engine alone ${pf.engineMs.toFixed(1)} ms → the pane's validate is ${(pf.validateMs! / pf.engineMs).toFixed(1)}x the bare check`;
    console.log(`7. task pane: first load ${pf.firstLoadGzip === undefined ? 'not built' : `${fmt(pf.firstLoadGzip)} bytes gzip (pane bundle ${fmt(pf.paneGzip ?? 0)})`}; ${timing}`);
    if (pf.firstLoadGzip !== undefined) summary.push({ figure: 'task pane first load (gzip)', value: `${fmt(pf.firstLoadGzip)} bytes`, target: '≤ 358,400', pass: pf.firstLoadGzip <= 350 * 1024 });
    if (pf.toFindingsMs !== undefined) summary.push({ figure: 'pane opening → findings (sample, playground)', value: `${pf.toFindingsMs.toFixed(0)} ms`, target: '—' });
    if (pf.validateMs !== undefined) {
      summary.push({ figure: 'pane validate → findings (sample, warm, median)', value: `${pf.validateMs.toFixed(1)} ms`, target: '≤ 50 ms', pass: pf.validateMs <= 50 });
      summary.push({ figure: 'pane validate / engine alone', value: `${(pf.validateMs / pf.engineMs).toFixed(1)}×`, target: '—' });
    }
  }

  const total = performance.now() - started;
  summary.push({ figure: 'bench wall time (after build)', value: secs(total), target: '< 240 s', pass: total < 240_000 });
  console.log('\n7. summary');
  printTable(summary);
  return crashed ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { console.error(e); process.exitCode = 1; },
);
