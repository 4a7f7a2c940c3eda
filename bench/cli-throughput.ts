/**
 * CLI throughput: 300 copies of the bundled sample in a temp folder, checked by the built CLI in a child
 * process, the way a bureau runs it on a folder of received workbooks. The child is a `node -e` wrapper around
 * main() so it can print its own peak RSS (process.resourceUsage().maxRSS, in KiB) when it is done.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { samplePath } from '../cli/sample';

export interface CliRun {
  readonly files: number;
  readonly wallMs: number;
  /** Peak memory of the parent (the batch) and of the processes that checked the files. */
  readonly maxRssMb: number;
  readonly checkerPeakMb: number;
  readonly exitCode: number | null;
  /** Files in the JSON report, and how many of them the CLI could not read. */
  readonly reported: number;
  readonly unreadable: number;
}

export function runCliThroughput(copies: number): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'budget-bench-'));
  try {
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const sample = samplePath();
    for (let i = 0; i < copies; i++) copyFileSync(sample, join(inDir, `部门${String(i + 1).padStart(3, '0')}.xlsx`));
    const out = join(dir, 'report.json');
    // dist/bench → dist/cli: the CLI exactly as `npm run build` leaves it.
    const mainJs = join(__dirname, '..', 'cli', 'main.js');
    if (!existsSync(mainJs)) throw new Error(`${mainJs} not found: run npm run build first`);
    const script = [
      `const { main } = require(${JSON.stringify(mainJs)});`,
      `const io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: false };`,
      `main(['check', ${JSON.stringify(inDir)}, '--format', 'json', '--out', ${JSON.stringify(out)}, '--verbose'], io).then(`,
      `  (code) => { process.stderr.write('\\nBENCH_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; },`,
      `  (e) => { process.stderr.write(String(e && e.stack || e) + '\\n'); process.exitCode = 3; });`,
    ].join('\n');
    const t0 = performance.now();
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 150_000 });
    const wallMs = performance.now() - t0;
    if (res.error) throw res.error;
    const m = /BENCH_MAXRSS_KB=(\d+)/.exec(res.stderr);
    // Exit 0 = no error, 1 = errors found: both are a completed check. Anything else is a crash.
    if (!m || (res.status !== 0 && res.status !== 1)) {
      throw new Error(`CLI child failed (exit ${String(res.status)}, signal ${String(res.signal)}):\n${res.stderr.slice(-2000)}`);
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as { files: Array<{ error?: string }> };
    const checker = /内存峰值 (\d+) MB/.exec(res.stderr);
    return {
      files: copies,
      wallMs,
      maxRssMb: Number(m[1]) / 1024,
      checkerPeakMb: checker ? Number(checker[1]) : NaN,
      exitCode: res.status,
      reported: report.files.length,
      unreadable: report.files.filter((f) => f.error !== undefined).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
