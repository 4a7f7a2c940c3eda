#!/usr/bin/env node
import { copyFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../src/findings';
import { formatHtml, formatJson, formatText, type FileReport } from './report';
import { samplePath } from './sample';
import { Catalog, LEVEL_ZH, SUBJECT_KINDS, type SubjectKind } from '../src/catalog/catalog';
import { readCatalogFile } from './catalog-file';
import { failed, type CheckSettings } from './check-file';
import { findSoffice, newProfile } from './convert';
import { CheckerPool } from './pool';
import { codeOfSystemError, detailOf, errorMessage, INSTALL_LIBREOFFICE, ReadError } from './read-error';
import { safePath, safeText } from './safe-text';
import { expand, type WalkEntry } from './walk';
import { formatRoundJson, formatRoundText, roundExitCode, type RoundReport } from './round';
import type { Unit } from '../src/table';
import { NarrativeInputError, runNarrative } from './narrative';

export interface CliIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
}

class UsageError extends Error {}

/** Limits for each file: memory of its checking process and time for its verdict. */
export const DEFAULT_MAX_MEMORY_MB = 768;
export const DEFAULT_TIMEOUT_S = 120;

const USAGE = {
  zh: `用法：
  budget-check check [路径...] [--format text|json|html] [--out 文件] [--strict] [--lang zh|en] [--verbose] [--no-locate]
      校核 .xlsx、.xls、.et 文件，或文件夹中的全部此类文件；不给路径时校核内置示例工作簿。
      退出码：0 无错误（可有警告），1 有错误，2 有文件未能检查或参数错误（其他文件照常检查）。
      --verbose        未能检查的文件同时给出技术细节；最后给出检查进程的内存峰值
      --no-locate      不推断可能填错的单元格
      --max-memory MB  每个文件的检查进程最多使用的内存（默认 ${DEFAULT_MAX_MEMORY_MB}）
      --timeout 秒     每个文件最多用时（默认 ${DEFAULT_TIMEOUT_S}）
      --soffice 路径   LibreOffice 的 soffice 程序（检查 .xls、.et 需要；默认在 PATH 中查找）
      .xls、.et 文件需要 LibreOffice：${INSTALL_LIBREOFFICE.zh}
  budget-check sample --out 文件     写出内置示例工作簿
  budget-check narrative [工作簿] [--previous 上年工作簿] [--text 情况说明.docx|.txt] [--format text|json]
      由表生成情况说明的数字段落（不给工作簿时用内置示例；给上年工作簿时加比上年增减）；
      给 --text 时核对该情况说明中的数字与表是否一致。退出码：0 一致，1 有不一致，2 无法读取
  budget-check subject 编码 [--year 年度] [--kind function|dept-economic|gov-economic]
      显示科目名称（找不到时退出码 1）
  budget-check subject --search 文本   按编码、名称或拼音首字母（如 xzdwyl）查找科目
  budget-check subject --list [--year 年度] [--kind 分类]   列出全部科目：编码<TAB>名称<TAB>级次
  budget-check round 工作簿... --to 万元|元 [--decimals 2] --out 新文件.xlsx|已有文件夹 [--format text|json]
      舍位平衡：换算单位并舍入，使各表内、表间关系全部相符，写入新文件（从不改写原文件）；
      已是目标单位时，给出消除尾差所需的最少改动。退出码：0 全部相符，1 有关系无法相符或未处理，2 无法读取
  --catalog 文件   导入预算管理一体化系统导出的科目目录（.csv 或 .xlsx，编码、名称两列），优先于内置目录`,
  en: `Usage:
  budget-check check [PATH...] [--format text|json|html] [--out FILE] [--strict] [--lang zh|en] [--verbose] [--no-locate]
      Checks .xlsx, .xls and .et files, or every such file in a folder; with no path, the bundled sample workbook.
      Exit: 0 no error (warnings allowed), 1 errors, 2 a file not checked or bad arguments (the others are still checked).
      --verbose        the technical detail of why a file was not checked; the checking processes' peak memory at the end
      --no-locate      do not work out which cells are likely wrong
      --max-memory MB  memory for the process checking each file (default ${DEFAULT_MAX_MEMORY_MB})
      --timeout S      time for each file (default ${DEFAULT_TIMEOUT_S})
      --soffice PATH   LibreOffice's soffice program (needed for .xls and .et; default: found on the PATH)
      .xls and .et files need LibreOffice: ${INSTALL_LIBREOFFICE.en}
  budget-check sample --out FILE     writes the bundled sample workbook
  budget-check narrative [WORKBOOK] [--previous LAST-YEAR] [--text NARRATIVE.docx|.txt] [--format text|json]
      Drafts the numeric paragraphs of the 情况说明 from the tables (the bundled sample by default; with last
      year's workbook, the changes); with --text, checks that narrative's figures against the tables.
      Exit: 0 all agree, 1 some disagree, 2 not readable
  budget-check subject CODE [--year Y] [--kind function|dept-economic|gov-economic]
      prints the subject's name (exit 1 when unknown)
  budget-check subject --search TEXT   finds subjects by code, name or pinyin initials (e.g. xzdwyl)
  budget-check subject --list [--year Y] [--kind K]   lists every subject: code<TAB>name<TAB>level
  budget-check round WORKBOOK... --to 万元|元 [--decimals 2] --out NEW.xlsx|FOLDER [--format text|json]
      Rounding balance (舍位平衡): converts the unit and rounds so that every relation within and between tables
      holds, into a new file (the original is never written); a workbook already in the unit gets the fewest
      changes that remove its 尾差. Exit: 0 all relations hold, 1 some cannot or not done, 2 not readable
  --catalog FILE   imports the catalog exported by the budget system (.csv or .xlsx, columns code and name); it takes precedence`,
};

interface Args {
  command: string;
  paths: string[];
  format: 'text' | 'json' | 'html';
  out?: string;
  strict: boolean;
  lang: Lang;
  year?: number;
  kind?: SubjectKind;
  search?: string;
  list: boolean;
  catalog?: string;
  verbose: boolean;
  maxMemoryMb: number;
  timeoutS: number;
  soffice?: string;
  locate: boolean;
  to?: Unit;
  decimals?: number;
  previous?: string;
  text?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    command: argv[0] ?? '', paths: [], format: 'text', strict: false, lang: 'zh', list: false, verbose: false,
    maxMemoryMb: DEFAULT_MAX_MEMORY_MB, timeoutS: DEFAULT_TIMEOUT_S, locate: true,
  };
  const count = (v: string, flag: string, min: number): number => {
    if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} 需要不小于 ${min} 的整数 / ${flag} needs a whole number of at least ${min}`);
    return Number(v);
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} 需要一个值 / ${flag} needs a value`);
    return v;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const v = value(i++, a);
      if (v !== 'text' && v !== 'json' && v !== 'html') throw new UsageError(`未知的输出格式 "${v}" / unknown format "${v}" (text|json|html)`);
      args.format = v;
    } else if (a === '--out' || a === '-o') args.out = value(i++, a);
    else if (a === '--lang') {
      const v = value(i++, a);
      if (v !== 'zh' && v !== 'en') throw new UsageError(`未知的语言 "${v}" / unknown language "${v}" (zh|en)`);
      args.lang = v;
    } else if (a === '--strict') args.strict = true;
    else if (a === '--year') {
      const v = value(i++, a);
      if (!/^20\d{2}$/.test(v)) throw new UsageError(`年度"${v}"无效 / invalid year "${v}"`);
      args.year = Number(v);
    } else if (a === '--kind') {
      const v = value(i++, a);
      if (!(SUBJECT_KINDS as readonly string[]).includes(v)) throw new UsageError(`分类"${v}"无效 / invalid kind "${v}" (${SUBJECT_KINDS.join('|')})`);
      args.kind = v as SubjectKind;
    } else if (a === '--search') args.search = value(i++, a);
    else if (a === '--list') args.list = true;
    else if (a === '--catalog') args.catalog = value(i++, a);
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--no-locate') args.locate = false;
    else if (a === '--max-memory') args.maxMemoryMb = count(value(i++, a), a, 256);
    else if (a === '--timeout') args.timeoutS = count(value(i++, a), a, 1);
    else if (a === '--soffice') args.soffice = value(i++, a);
    else if (a === '--to') {
      const v = value(i++, a);
      const unit = ({ 万元: 'wan', wan: 'wan', 元: 'yuan', yuan: 'yuan' } as Record<string, Unit | undefined>)[v];
      if (!unit) throw new UsageError(`未知的单位"${safeText(v)}" / unknown unit "${safeText(v)}" (万元|元)`);
      args.to = unit;
    } else if (a === '--decimals') {
      const v = value(i++, a);
      if (!/^[0-6]$/.test(v)) throw new UsageError(`--decimals 需要 0 到 6 的整数 / --decimals needs a whole number from 0 to 6`);
      args.decimals = Number(v);
    }
    else if (a === '--previous') args.previous = value(i++, a);
    else if (a === '--text') args.text = value(i++, a);
    else if (a.startsWith('-')) throw new UsageError(`未知的选项 "${safeText(a)}" / unknown option "${safeText(a)}"`);
    else args.paths.push(a);
  }
  return args;
}

function progress(io: CliIO, done: number, total: number): void {
  if (!io.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

/** The built-in catalog, or it with the --catalog file's edition in front; import problems go to stderr. */
async function catalogFor(args: Args, io: CliIO): Promise<Catalog> {
  const base = Catalog.builtIn();
  if (!args.catalog) return base;
  let imported;
  try {
    imported = await readCatalogFile(args.catalog, args.year ?? 0);
  } catch (e) {
    const why = e instanceof ReadError ? { zh: errorMessage(e.code, 'zh'), en: errorMessage(e.code, 'en') } : { zh: errorMessage(codeOfSystemError(e), 'zh'), en: errorMessage(codeOfSystemError(e), 'en') };
    const detail = args.verbose ? `\n${safeText(detailOf(e))}` : '';
    throw new UsageError(`无法读取科目目录 ${safePath(args.catalog)}：${why.zh} / cannot read the catalog ${safePath(args.catalog)}: ${why.en}${detail}`);
  }
  for (const p of imported.problems) io.stderr(`${safePath(args.catalog)}: ${safeText(p.text[args.lang])}\n`);
  if (imported.entries === 0) throw new UsageError(`科目目录 ${safePath(args.catalog)} 中没有可用的科目 / no usable subject in ${safePath(args.catalog)}`);
  return base.withImported(imported.edition);
}

async function runSubject(args: Args, io: CliIO): Promise<number> {
  const catalog = await catalogFor(args, io);
  const level = (n: 1 | 2 | 3) => (args.lang === 'zh' ? LEVEL_ZH[n] : (['class', 'section', 'item'] as const)[n - 1]);
  const opts = { year: args.year, kind: args.kind };
  if (args.list) {
    for (const s of catalog.list(opts)) io.stdout(`${s.code}\t${safeText(s.name)}\t${level(s.level)}\n`);
    return 0;
  }
  if (args.search !== undefined) {
    const hits = catalog.search(args.search, { ...opts, limit: 50 });
    for (const h of hits) io.stdout(`${h.subject.code}\t${safeText(h.subject.name)}\t${level(h.subject.level)}\n`);
    if (hits.length === 0) {
      io.stderr(args.lang === 'zh' ? `没有与"${safeText(args.search)}"匹配的科目\n` : `no subject matches "${safeText(args.search)}"\n`);
      return 1;
    }
    return 0;
  }
  if (args.paths.length !== 1) throw new UsageError('subject 需要一个科目编码，或 --search / --list / subject needs one code, or --search / --list');
  const l = catalog.lookup(args.paths[0], opts);
  if (l.kind === 'found') {
    io.stdout(`${safeText(l.subject.name)}\n`);
    return 0;
  }
  io.stderr(`${safeText(l.message[args.lang])}\n`);
  return l.kind === 'malformed' ? 2 : 1;
}

/** The identity of a path on disk (through links), or undefined when it does not exist. */
function realOf(p: string | Buffer): string | undefined {
  try {
    return realpathSync(p, { encoding: 'buffer' }).toString('hex');
  } catch {
    return undefined;
  }
}

async function runCheck(args: Args, io: CliIO): Promise<number> {
  const catalog = args.catalog === undefined ? undefined : { path: args.catalog, year: args.year ?? 0 };
  await catalogFor(args, io); // reports a catalog's problems once, and refuses an unusable one before any file
  const entries: WalkEntry[] = args.paths.length === 0
    ? [{ kind: 'file', path: samplePath(), display: 'sample/张家口市总工会2025年部门预算.xlsx' }]
    : expand(args.paths);
  if (args.out !== undefined) {
    let isDir = false;
    try { isDir = statSync(args.out).isDirectory(); } catch { /* a new file */ }
    if (isDir) throw new UsageError(`--out "${safePath(args.out)}" 是文件夹 / --out "${safePath(args.out)}" is a folder`);
    const out = realOf(args.out);
    if (out !== undefined && entries.some((e) => e.kind === 'file' && realOf(e.path) === out)) {
      throw new UsageError(`--out "${safePath(args.out)}" 是被检查的文件之一，报告会覆盖它 / --out "${safePath(args.out)}" is one of the files checked; the report would overwrite it`);
    }
  }
  const sofficePath = findSoffice(args.soffice ?? process.env.BUDGET_CHECK_SOFFICE);
  const profile = sofficePath ? newProfile() : undefined;
  const timeoutMs = args.timeoutS * 1000;
  const settings: CheckSettings = {
    strict: args.strict, lang: args.lang, verbose: args.verbose, locate: args.locate,
    soffice: sofficePath && profile ? { path: sofficePath, profile: profile.dir } : undefined,
    convertTimeoutMs: Math.max(1000, timeoutMs - 2000),
    // A quarter of the file's time at most: reading and checking come first.
    locateBudgetMs: Math.min(30_000, timeoutMs / 4),
  };
  const pool = new CheckerPool({ settings, catalog, maxMemoryMb: args.maxMemoryMb, timeoutMs });
  const reports: FileReport[] = [];
  const files = entries.filter((e) => e.kind === 'file').length;
  let done = 0;
  try {
    for (const e of entries) {
      if (e.kind === 'problem') {
        reports.push(failed(e.display, e.code, args.lang, e.detail, args.verbose));
        continue;
      }
      reports.push(await pool.check(e.path, e.display));
      progress(io, ++done, files);
    }
  } finally {
    pool.stop();
    profile?.remove();
  }
  // With --verbose, what the checking processes cost: a bureau sizes its machine by it (and the bench reads it).
  if (args.verbose) {
    const mb = Math.round(pool.peakRssKb / 1024);
    io.stderr(args.lang === 'zh' ? `检查进程内存峰值 ${mb} MB\n` : `checking process peak memory ${mb} MB\n`);
  }
  const text = args.format === 'json' ? formatJson(reports) : args.format === 'html' ? formatHtml(reports, args.lang) : formatText(reports, args.lang);
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (args.out) {
    try {
      writeFileSync(args.out, body);
    } catch (e) {
      io.stdout(body);
      io.stderr(args.lang === 'zh'
        ? `无法写入报告文件 ${safePath(args.out)}，报告已输出到标准输出${args.verbose ? `（${safeText(detailOf(e))}）` : ''}\n`
        : `cannot write the report to ${safePath(args.out)}; it went to standard output instead${args.verbose ? ` (${safeText(detailOf(e))})` : ''}\n`);
      return 2;
    }
  } else io.stdout(body);
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Where a batch writes a file's copy: the folder, the file's name as .xlsx, a suffix where names collide. */
function roundTarget(folder: string, display: string, taken: Set<string>): string {
  const base = (display.split(/[\\/]/).pop() ?? 'workbook').replace(/\.(xlsx|xlsm|xls|et)$/i, '');
  let name = `${base}.xlsx`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
  taken.add(name.toLowerCase());
  return join(folder, name);
}

async function runRound(args: Args, io: CliIO): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('round 需要一个工作簿（或文件夹） / round needs a workbook (or folder)');
  if (!args.to) throw new UsageError('round 需要 --to 万元 或 --to 元 / round needs --to 万元 or --to 元');
  if (!args.out) throw new UsageError('round 需要 --out 新文件（或已有的文件夹） / round needs --out NEW-FILE (or an existing folder)');
  if (args.format === 'html') throw new UsageError('round 的报告格式为 text 或 json / round reports as text or json');
  let folder = false;
  try { folder = statSync(args.out).isDirectory(); } catch { /* a new file */ }
  const entries = expand(args.paths);
  if (!folder && (entries.length !== 1 || args.paths.some((p) => { try { return statSync(p).isDirectory(); } catch { return false; } }))) {
    throw new UsageError(`多个工作簿时 --out 应为已有的文件夹 / with several workbooks --out must be an existing folder`);
  }
  const inputs = new Set(entries.flatMap((e) => (e.kind === 'file' ? [realOf(e.path)] : [])));
  const sofficePath = findSoffice(args.soffice ?? process.env.BUDGET_CHECK_SOFFICE);
  const profile = sofficePath ? newProfile() : undefined;
  const timeoutMs = args.timeoutS * 1000;
  const settings: CheckSettings = {
    strict: false, lang: args.lang, verbose: args.verbose,
    soffice: sofficePath && profile ? { path: sofficePath, profile: profile.dir } : undefined,
    convertTimeoutMs: Math.max(1000, timeoutMs - 2000),
  };
  const target = { unit: args.to, decimals: args.decimals ?? 2 };
  // Each file in the checking process, under the same memory and time limits as check.
  const pool = new CheckerPool({ settings, maxMemoryMb: args.maxMemoryMb, timeoutMs });
  const reports: RoundReport[] = [];
  const taken = new Set<string>();
  try {
    for (const e of entries) {
      if (e.kind === 'problem') {
        reports.push({ input: e.display, error: errorMessage(e.code, args.lang), ...(args.verbose ? { detail: e.detail } : {}) });
        continue;
      }
      const out = folder ? roundTarget(args.out, e.display, taken) : args.out;
      // Never over an original: the copy goes beside it or elsewhere, never onto a file being read.
      if (inputs.has(realOf(out))) {
        if (!folder) throw new UsageError(`--out "${safePath(args.out)}" 就是输入文件：舍位平衡从不改写原文件 / --out "${safePath(args.out)}" is the input: rounding never writes over the original`);
        reports.push({ input: e.display, error: args.lang === 'zh' ? `输出文件 ${safePath(out)} 是输入之一，未写出` : `the output ${safePath(out)} is one of the inputs: not written` });
        continue;
      }
      reports.push(await pool.round(e.path, e.display, out, target));
      progress(io, reports.length, entries.length);
    }
  } finally {
    pool.stop();
    profile?.remove();
  }
  io.stdout(args.format === 'json' ? formatRoundJson(reports) : reports.map((r) => formatRoundText(r, args.lang)).join('\n'));
  return reports.reduce((code, r) => Math.max(code, roundExitCode(r)), 0);
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'check') return await runCheck(args, io);
    if (args.command === 'subject') return await runSubject(args, io);
    if (args.command === 'round') return await runRound(args, io);
    if (args.command === 'narrative') {
      if (args.paths.length > 1 || args.format === 'html') throw new UsageError('narrative 需要至多一个工作簿，格式为 text 或 json / narrative takes at most one workbook, as text or json');
      return await runNarrative({ workbook: args.paths[0], previous: args.previous, text: args.text, lang: args.lang, format: args.format, soffice: args.soffice }, io)
        .catch((e: unknown) => { if (e instanceof NarrativeInputError) { io.stderr(`${e.message}\n`); return 2; } throw e; });
    }
    if (args.command === 'sample') {
      if (!args.out) throw new UsageError('sample 需要 --out 文件 / sample needs --out FILE');
      copyFileSync(samplePath(), resolve(args.out));
      io.stdout(`${args.out}\n`);
      return 0;
    }
    if (args.command === '' || args.command === 'help' || args.command === '--help' || args.command === '-h') {
      io.stdout(`${USAGE.zh}\n\n${USAGE.en}\n`);
      return args.command === '' ? 2 : 0;
    }
    throw new UsageError(`未知的命令 "${safeText(args.command)}" / unknown command "${safeText(args.command)}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message.split('\n').map(safeText).join('\n')}\n\n${USAGE.zh}\n`);
      return 2;
    }
    const verbose = argv.includes('--verbose');
    io.stderr(`程序出错，未能完成 / the checker failed: ${safeText(detailOf(e))}${verbose && e instanceof Error && e.stack ? `\n${safeText(e.stack)}` : ''}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
  }).then((code) => { process.exitCode = code; });
}
