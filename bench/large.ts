/**
 * A large workbook through the built CLI: one 一般公共预算支出表 of 200,000 rows (real subject codes, numbers with
 * their formats), checked by a child process the way a bureau runs it. Reports the file size, the wall time and
 * the peak memory of the process that checked it (the CLI's `--verbose` line), so memory reads against input size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeXlsx } from '../cli/write';
import { Catalog } from '../src/catalog/catalog';

export interface LargeRun {
  readonly rows: number;
  readonly fileMb: number;
  readonly wallMs: number;
  readonly checkerPeakMb: number;
  readonly exitCode: number | null;
  readonly verdict: string;
}

/** A table of `rows` 项 rows cycling through real 2025 subjects, 合计 = 基本 + 项目 on every row. */
function grid(rows: number): string[][] {
  const items = Catalog.builtIn().list({ year: 2025, kind: 'function' }).filter((s) => s.level === 3).slice(0, 400);
  const g: string[][] = [['2025年一般公共预算财政拨款支出表'], ['单位：元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  for (let i = 0; i < rows; i++) {
    const s = items[i % items.length];
    const basic = ((i * 7919) % 1_000_000) + 1;
    const project = ((i * 104_729) % 500_000) + 1;
    g.push([s.code, s.name, ((basic + project) / 100).toFixed(2), (basic / 100).toFixed(2), (project / 100).toFixed(2)]);
  }
  return g;
}

export async function runLarge(rows: number): Promise<LargeRun> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-large-'));
  try {
    const file = join(dir, 'large.xlsx');
    writeFileSync(file, await writeXlsx([{ name: '一般公共预算支出表', grid: grid(rows) }]));
    const out = join(dir, 'report.json');
    const mainJs = join(__dirname, '..', 'cli', 'main.js');
    if (!existsSync(mainJs)) throw new Error(`${mainJs} not found: run npm run build first`);
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [mainJs, 'check', file, '--format', 'json', '--out', out, '--verbose'], { encoding: 'utf8', timeout: 300_000 });
    const wallMs = performance.now() - t0;
    if (res.error) throw res.error;
    const m = /内存峰值 (\d+) MB/.exec(res.stderr);
    const report = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) as { files: Array<{ verdict?: string }> } : { files: [] };
    return {
      rows, fileMb: statSync(file).size / (1024 * 1024), wallMs, checkerPeakMb: m ? Number(m[1]) : NaN,
      exitCode: res.status, verdict: report.files[0]?.verdict ?? 'none',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
