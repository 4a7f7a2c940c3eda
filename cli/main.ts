#!/usr/bin/env node
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkWorkbook } from '../src/engine';
import type { Lang } from '../src/findings';
import { formatHtml, formatJson, formatText, tableSummary, type FileReport } from './report';
import { samplePath } from './sample';
import { readXlsx } from './xlsx';
import { Catalog, LEVEL_ZH, SUBJECT_KINDS, type SubjectKind } from '../src/catalog/catalog';
import { readCatalogFile } from './catalog-file';

export interface CliIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
}

class UsageError extends Error {}

const USAGE = {
  zh: `用法：
  budget-check check [路径...] [--format text|json|html] [--out 文件] [--strict] [--lang zh|en]
      校核 .xlsx 文件或文件夹中的全部 .xlsx；不给路径时校核内置示例工作簿。
      退出码：0 无错误（可有警告），1 有错误，2 输入无法读取或参数错误。
  budget-check sample --out 文件     写出内置示例工作簿
  budget-check subject 编码 [--year 年度] [--kind function|dept-economic|gov-economic]
      显示科目名称（找不到时退出码 1）
  budget-check subject --search 文本   按编码、名称或拼音首字母（如 xzdwyl）查找科目
  budget-check subject --list [--year 年度] [--kind 分类]   列出全部科目：编码<TAB>名称<TAB>级次
  --catalog 文件   导入预算管理一体化系统导出的科目目录（.csv 或 .xlsx，编码、名称两列），优先于内置目录`,
  en: `Usage:
  budget-check check [PATH...] [--format text|json|html] [--out FILE] [--strict] [--lang zh|en]
      Checks .xlsx files, or every .xlsx in a folder; with no path, the bundled sample workbook.
      Exit: 0 no error (warnings allowed), 1 errors, 2 unreadable input or bad arguments.
  budget-check sample --out FILE     writes the bundled sample workbook
  budget-check subject CODE [--year Y] [--kind function|dept-economic|gov-economic]
      prints the subject's name (exit 1 when unknown)
  budget-check subject --search TEXT   finds subjects by code, name or pinyin initials (e.g. xzdwyl)
  budget-check subject --list [--year Y] [--kind K]   lists every subject: code<TAB>name<TAB>level
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
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: argv[0] ?? '', paths: [], format: 'text', strict: false, lang: 'zh', list: false };
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
    else if (a.startsWith('-')) throw new UsageError(`未知的选项 "${a}" / unknown option "${a}"`);
    else args.paths.push(a);
  }
  return args;
}

/** Expands folders to the .xlsx files inside them (recursively, sorted); lock files (~$…) are skipped. */
function expand(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try { st = statSync(p); } catch { missing.push(p); return; }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) {
        const q = join(p, e);
        if (statSync(q).isDirectory()) walk(q);
        else if (/\.xlsx$/i.test(e) && !e.startsWith('~$')) files.push(q);
      }
    } else files.push(p);
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

function progress(io: CliIO, done: number, total: number): void {
  if (!io.isTTY || total < 2) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

export async function checkFile(path: string, display: string, strict: boolean, lang: Lang, catalog?: Catalog): Promise<FileReport> {
  if (/\.(xls|et|csv|ods)$/i.test(path)) {
    const error = lang === 'zh' ? '只支持 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx' : 'only .xlsx files are supported: save it as .xlsx in Excel or WPS';
    return { path: display, tables: [], findings: [], error };
  }
  try {
    const data = readFileSync(path);
    const wb = await readXlsx(data, display);
    const { tables, findings, year, edition } = checkWorkbook(wb, { strict, lang, catalog });
    return { path: display, tables: tables.map(tableSummary), findings, year, edition };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { path: display, tables: [], findings: [], error: lang === 'zh' ? `不是可读取的 .xlsx 文件（${why}）` : `not a readable .xlsx file (${why})` };
  }
}

/** The built-in catalog, or it with the --catalog file's edition in front; import problems go to stderr. */
async function catalogFor(args: Args, io: CliIO): Promise<Catalog> {
  const base = Catalog.builtIn();
  if (!args.catalog) return base;
  let imported;
  try {
    imported = await readCatalogFile(args.catalog, args.year ?? 0);
  } catch (e) {
    throw new UsageError(`无法读取科目目录 ${args.catalog}（${e instanceof Error ? e.message : String(e)}）/ cannot read the catalog ${args.catalog}`);
  }
  for (const p of imported.problems) io.stderr(`${args.catalog}: ${p.text[args.lang]}\n`);
  if (imported.entries === 0) throw new UsageError(`科目目录 ${args.catalog} 中没有可用的科目 / no usable subject in ${args.catalog}`);
  return base.withImported(imported.edition);
}

async function runSubject(args: Args, io: CliIO): Promise<number> {
  const catalog = await catalogFor(args, io);
  const level = (n: 1 | 2 | 3) => (args.lang === 'zh' ? LEVEL_ZH[n] : (['class', 'section', 'item'] as const)[n - 1]);
  const opts = { year: args.year, kind: args.kind };
  if (args.list) {
    for (const s of catalog.list(opts)) io.stdout(`${s.code}\t${s.name}\t${level(s.level)}\n`);
    return 0;
  }
  if (args.search !== undefined) {
    const hits = catalog.search(args.search, { ...opts, limit: 50 });
    for (const h of hits) io.stdout(`${h.subject.code}\t${h.subject.name}\t${level(h.subject.level)}\n`);
    if (hits.length === 0) {
      io.stderr(args.lang === 'zh' ? `没有与"${args.search}"匹配的科目\n` : `no subject matches "${args.search}"\n`);
      return 1;
    }
    return 0;
  }
  if (args.paths.length !== 1) throw new UsageError('subject 需要一个科目编码，或 --search / --list / subject needs one code, or --search / --list');
  const l = catalog.lookup(args.paths[0], opts);
  if (l.kind === 'found') {
    io.stdout(`${l.subject.name}\n`);
    return 0;
  }
  io.stderr(`${l.message[args.lang]}\n`);
  return l.kind === 'malformed' ? 2 : 1;
}

async function runCheck(args: Args, io: CliIO): Promise<number> {
  const catalog = await catalogFor(args, io);
  let targets: Array<{ path: string; display: string }>;
  const { files, missing } = expand(args.paths);
  if (args.paths.length === 0) targets = [{ path: samplePath(), display: 'sample/张家口市总工会2025年部门预算.xlsx' }];
  else targets = files.map((f) => ({ path: f, display: f }));
  const reports: FileReport[] = missing.map((m) => ({
    path: m, tables: [], findings: [], error: args.lang === 'zh' ? '文件或文件夹不存在' : 'no such file or folder',
  }));
  for (let i = 0; i < targets.length; i++) {
    reports.push(await checkFile(targets[i].path, targets[i].display, args.strict, args.lang, catalog));
    progress(io, i + 1, targets.length);
  }
  const text = args.format === 'json' ? formatJson(reports) : args.format === 'html' ? formatHtml(reports, args.lang) : formatText(reports, args.lang);
  if (args.out) writeFileSync(args.out, text.endsWith('\n') ? text : `${text}\n`);
  else io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'check') return await runCheck(args, io);
    if (args.command === 'subject') return await runSubject(args, io);
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
    throw new UsageError(`未知的命令 "${args.command}" / unknown command "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE.zh}\n`);
      return 2;
    }
    io.stderr(`内部错误 / internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
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
