/**
 * One fuzz run: the seeded mutants of the sample written to a folder, the batch checker run over it once (JSON
 * report), and every file's verdict judged. Shared by the fuzz test (a few hundred mutants) and `npm run fuzz`
 * (thousands).
 *
 * - crash: a file whose check ended the checking process or failed inside it (`internal`, `memory`), or a run
 *   that threw or exited with another status than 0, 1 or 2;
 * - hang: a file that ran out of time (`timeout`);
 * - silent pass: a file that must not be checked (damage the checker is certain to see) but was, or a file that
 *   passed while one of the nine tables vanished without a finding naming it;
 * - raw message: a file's message that is not one of the checker's own sentences in the language asked for
 *   (library text, an English sentence in a Chinese report), or a finding message without Chinese in it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { errorMessage, type ErrorCode } from '../../cli/read-error';
import type { Lang } from '../../src/findings';
import { mutants, type Mutant } from './mutate';
import { sampleZipParts, SAMPLE_BYTES } from './workbooks';

export interface JsonFile {
  readonly path: string;
  readonly verdict: 'ok' | 'errors' | 'not-checked';
  readonly error?: string;
  readonly errorCode?: ErrorCode;
  readonly detail?: string;
  readonly tables: ReadonlyArray<{ kind: string }>;
  readonly findings: ReadonlyArray<{ rule: string; subject?: string; message: string }>;
}

export interface Outcome {
  readonly mutant: Mutant;
  readonly file: string;
  readonly report: JsonFile | undefined;
  /** What went wrong with this file, by the four counts (empty when nothing did). */
  readonly problems: ReadonlyArray<'crash' | 'hang' | 'silent pass' | 'raw message' | 'unexpected verdict' | 'missing from the report'>;
}

export interface FuzzResult {
  readonly exitCode: number;
  readonly outcomes: readonly Outcome[];
  readonly crashes: number;
  readonly hangs: number;
  readonly silentPasses: number;
  readonly rawMessages: number;
  readonly unexpected: number;
  /** Input files whose bytes changed, and files that appeared in the input folder. */
  readonly changedInputs: readonly string[];
  readonly strayFiles: readonly string[];
  readonly stderr: string;
  readonly wallMs: number;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  readonly lang?: Lang;
  readonly timeoutS?: number;
  /** Extra arguments for `budget-check check` (e.g. `--soffice /nowhere` to leave LibreOffice out). */
  readonly args?: readonly string[];
}

const CJK = /[\u4e00-\u9fff]/;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function judge(m: Mutant, r: JsonFile | undefined, lang: Lang): Outcome['problems'] {
  if (!r) return ['missing from the report'];
  const out: Array<Outcome['problems'][number]> = [];
  const code = r.errorCode;
  if (code === 'internal' || code === 'memory') out.push('crash');
  if (code === 'timeout') out.push('hang');
  if (r.verdict === 'not-checked') {
    if (!r.error || !code || !r.error.startsWith(errorMessage(code, lang)) || (lang === 'zh' && !CJK.test(r.error))) out.push('raw message');
  }
  if (lang === 'zh' && r.findings.some((f) => !CJK.test(f.message))) out.push('raw message');
  if (m.expect !== undefined && m.expect !== 'checked' && r.verdict !== 'not-checked') out.push('silent pass');
  if (r.verdict === 'ok') {
    const named = r.findings.filter((f) => f.rule === 'recognition' && f.subject === 'missing').length;
    if (r.tables.length + named < 9) out.push('silent pass');
  }
  if (m.expect !== undefined && (m.expect === 'checked' ? r.verdict === 'not-checked' : code !== m.expect) && !out.includes('silent pass')) out.push('unexpected verdict');
  return out;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const lang = o.lang ?? 'zh';
  const sample = SAMPLE_BYTES();
  const all = mutants(o.seed, o.count, sample, await sampleZipParts());
  const root = mkdtempSync(join(tmpdir(), 'budget-fuzz-'));
  const dir = join(root, 'in');
  const out = join(root, 'report.json');
  try {
    mkdirSync(dir);
    const files = all.map((m) => join(dir, `${m.name}.${m.ext}`));
    const hashes = all.map((m, i) => {
      writeFileSync(files[i], m.bytes);
      return sha(m.bytes);
    });
    let stderr = '';
    const t0 = Date.now();
    let exitCode: number;
    try {
      exitCode = await main(['check', dir, '--format', 'json', '--out', out, '--lang', lang, '--timeout', String(o.timeoutS ?? 60), ...(o.args ?? [])], {
        stdout: () => undefined, stderr: (s) => { stderr += s; }, isTTY: false,
      });
    } catch (e) {
      exitCode = -1;
      stderr += String(e);
    }
    const wallMs = Date.now() - t0;
    let reports: JsonFile[] = [];
    try {
      reports = (JSON.parse(readFileSync(out, 'utf8')) as { files: JsonFile[] }).files;
    } catch { /* no report: every file is missing from it */ }
    const byPath = new Map(reports.map((r) => [r.path, r]));
    const outcomes = all.map((m, i): Outcome => {
      const report = byPath.get(files[i]);
      const problems = judge(m, report, lang);
      return { mutant: m, file: files[i], report, problems: exitCode === 0 || exitCode === 1 || exitCode === 2 ? problems : [...problems, 'crash'] };
    });
    const changedInputs = files.filter((f, i) => sha(readFileSync(f)) !== hashes[i]);
    const names = new Set(files.map((f) => f.slice(dir.length + 1)));
    const strayFiles = readdirSync(dir).filter((f) => !names.has(f));
    const count = (p: Outcome['problems'][number]) => outcomes.filter((x) => x.problems.includes(p)).length;
    return {
      exitCode, outcomes, crashes: count('crash') + count('missing from the report'), hangs: count('hang'),
      silentPasses: count('silent pass'), rawMessages: count('raw message'), unexpected: count('unexpected verdict'),
      changedInputs, strayFiles, stderr, wallMs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
