/**
 * `npm run fuzz`: thousands of seeded mutations of the bundled sample through the batch checker (not in CI; the
 * test suite runs a few hundred), then the extreme files one at a time with the memory each one's checking
 * process reached. Prints crashes, hangs, silent passes and raw messages — all four must be 0 — and exits 1
 * when one is not.
 *
 *   npm run fuzz -- [--count 3000] [--seed 1] [--lang zh|en] [--no-extremes]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckerPool } from '../cli/pool';
import { DEFAULT_MAX_MEMORY_MB } from '../cli/main';
import { findSoffice } from '../cli/convert';
import type { Lang } from '../src/findings';
import { runFuzz, type Outcome } from '../test/cli/fuzz-run';
import { addSheet } from '../test/cli/mutate';
import { appendRow, bigGeneralExpenditure, buildXlsx, editPart, emptyRowsSheet, emptyRowsSheetDeflated, sampleZipParts, SAMPLE_SHEET, worksheet, writeZip } from '../test/cli/workbooks';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function extremes(): Promise<void> {
  const parts = await sampleZipParts();
  const dir = mkdtempSync(join(tmpdir(), 'budget-extremes-'));
  const files: Array<[string, () => Buffer]> = [
    ['stray cell at XFD1048576 (收入总表)', () => writeZip(editPart(parts, SAMPLE_SHEET(1), (x) => appendRow(x, 1048576, '<c r="XFD1048576"><v>1</v></c>')))],
    ['merge A1:XFD1048576 over a whole sheet', () => writeZip(addSheet(parts, '附注', worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')))],
    ['1,048,576 empty rows', () => buildXlsx([{ name: '支出总表', xml: emptyRowsSheet(1_048_576) }])],
    ['20,000,000 empty rows', () => buildXlsx([{ name: '支出总表', ...emptyRowsSheetDeflated(20_000_000) }])],
    ['200,000-row 一般公共预算支出表', () => bigGeneralExpenditure(200_000)],
  ];
  console.log('\nextreme files (each in a fresh checking process; peak = its maximum resident memory):');
  for (const [label, make] of files) {
    const file = join(dir, 'extreme.xlsx');
    const bytes = make();
    writeFileSync(file, bytes);
    const pool = new CheckerPool({ settings: { strict: false, lang: 'zh', verbose: true, convertTimeoutMs: 60_000 }, maxMemoryMb: DEFAULT_MAX_MEMORY_MB, timeoutMs: 300_000, filesPerChild: 1 });
    const t0 = Date.now();
    const r = await pool.check(file, label);
    pool.stop();
    const verdict = r.error ? `not checked: ${r.error}${r.detail ? ` [${r.detail}]` : ''}` : `${r.tables.length} tables, ${r.findings.length} findings`;
    console.log(`  ${label} (${(bytes.length / 1024).toFixed(0)} KB): ${((Date.now() - t0) / 1000).toFixed(1)} s, peak ${(pool.peakRssKb / 1024).toFixed(0)} MB — ${verdict}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

async function run(): Promise<number> {
  const count = Number(option('--count', '3000'));
  const seed = Number(option('--seed', '1'));
  const lang = option('--lang', 'zh') as Lang;
  const soffice = findSoffice(process.env.BUDGET_CHECK_SOFFICE);
  console.log(`fuzz: ${count} mutants of the sample, seed ${seed}, --lang ${lang}; LibreOffice ${soffice ?? 'not found (.xls/.et mutants get the install message)'}`);
  const r = await runFuzz({ seed, count, lang, timeoutS: 60 });
  const verdicts = new Map<string, number>();
  for (const o of r.outcomes) {
    const k = o.report ? (o.report.errorCode ?? o.report.verdict) : 'missing';
    verdicts.set(k, (verdicts.get(k) ?? 0) + 1);
  }
  console.log(`checked in ${(r.wallMs / 1000).toFixed(1)} s, exit status ${r.exitCode}`);
  console.log(`verdicts: ${[...verdicts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const show = (what: Outcome['problems'][number]) => {
    for (const o of r.outcomes.filter((x) => x.problems.includes(what)).slice(0, 10)) {
      console.log(`    ${what}: ${o.mutant.name} → ${o.report ? `${o.report.verdict} ${o.report.errorCode ?? ''} ${o.report.error ?? ''} ${o.report.detail ?? ''}` : 'not in the report'}`);
    }
  };
  console.log(`\ncrashes: ${r.crashes}\nhangs: ${r.hangs}\nsilent passes: ${r.silentPasses}\nraw messages: ${r.rawMessages}`);
  console.log(`(unexpected verdicts: ${r.unexpected}; inputs changed: ${r.changedInputs.length}; files left in the input folder: ${r.strayFiles.length})`);
  for (const p of ['crash', 'missing from the report', 'hang', 'silent pass', 'raw message', 'unexpected verdict'] as const) show(p);
  if (r.stderr.trim()) console.log(`stderr: ${r.stderr.trim().slice(0, 2000)}`);
  if (!process.argv.includes('--no-extremes')) await extremes();
  return r.crashes + r.hangs + r.silentPasses + r.rawMessages + r.changedInputs.length + r.strayFiles.length === 0 ? 0 : 1;
}

run().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
