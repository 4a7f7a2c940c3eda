/**
 * Checks one file in the current process: what its bytes are (never what its name says), reading, the engine,
 * and the verdict. Every failure becomes a FileReport with an error code and a sentence; the technical detail
 * is kept for `--verbose`. The batch runs this in a child process (cli/pool.ts) under memory and time limits.
 */
import { statSync } from 'node:fs';
import { checkWorkbook } from '../src/engine';
import { locateReport, type LocateReport } from '../src/locate/locate';
import { nodeSolver } from './solver';
import type { Lang } from '../src/findings';
import type { Catalog } from '../src/catalog/catalog';
import { CFB_SIGNATURE, classifyOle } from './cfb';
import { convertToXlsx } from './convert';
import { codeOfSystemError, detailOf, errorMessage, ReadError, type ErrorCode } from './read-error';
import { tableSummary, type FileReport } from './report';
import { readXlsxSource, type ReadResult } from './xlsx';
import { fileSource, type ByteSource } from './zip';

export interface CheckSettings {
  readonly strict: boolean;
  readonly lang: Lang;
  readonly verbose: boolean;
  /** LibreOffice, when found, and its batch profile folder; undefined: .xls and .et files cannot be converted. */
  readonly soffice?: { readonly path: string; readonly profile: string };
  /** Time for one conversion (a little less than the file's whole time limit). */
  readonly convertTimeoutMs: number;
  /** Locate the likely wrong cells of a file with errors (off with --no-locate). */
  readonly locate?: boolean;
  /** Time for locating them, so a file wrong on every row keeps its findings instead of timing out. */
  readonly locateBudgetMs?: number;
}

export function failed(path: string, code: ErrorCode, lang: Lang, detail?: string, verbose = false, extra?: { zh: string; en: string }): FileReport {
  return { path, tables: [], findings: [], error: errorMessage(code, lang, extra), errorCode: code, ...(verbose && detail ? { detail } : {}) };
}

type Kind = 'zip' | 'ole' | 'markup' | 'other';

function sniff(head: Buffer): Kind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.length >= 8 && head.subarray(0, 8).equals(CFB_SIGNATURE)) return 'ole';
  const text = head.toString('utf8').replace(/^\ufeff/, '').trimStart().slice(0, 4096).toLowerCase();
  // Many systems export "xls" files that are really HTML tables or Excel 2003 XML; LibreOffice reads both.
  if (text.startsWith('<') && (/<(html|table)\b/.test(text) || text.includes('urn:schemas-microsoft-com:office:spreadsheet'))) return 'markup';
  return 'other';
}

/** The file as an .xlsx on disk: itself, or LibreOffice's conversion of an .xls / .et / exported HTML or XML. */
export interface XlsxFile {
  readonly path: string | Buffer;
  readonly converted: boolean;
  readonly cleanup: () => void;
}

/** What the bytes are, never what the name says; converts what LibreOffice must read. Throws ReadError. */
export async function xlsxOf(path: string | Buffer, ext: string, settings: Pick<CheckSettings, 'soffice' | 'convertTimeoutMs'>, onSpawn?: (pid: number) => void): Promise<XlsxFile> {
  let src: ByteSource;
  try {
    src = fileSource(path);
  } catch (e) {
    throw new ReadError(codeOfSystemError(e), detailOf(e));
  }
  let convert: 'xls' | 'html' | 'xml' | undefined;
  try {
    if (src.size === 0) throw new ReadError('empty', '0 bytes', { zh: '文件大小为 0 字节', en: 'the file has 0 bytes' });
    const head = src.read(0, 4096);
    const kind = sniff(head);
    if (kind === 'zip') return { path, converted: false, cleanup: () => undefined };
    if (kind === 'ole') {
      const ole = classifyOle(src);
      if (ole === 'encrypted-ooxml' || ole === 'xls-encrypted') throw new ReadError('encrypted', `OLE file: ${ole}`);
      if (ole === 'other' && ext !== 'et') throw new ReadError('not-workbook', 'an OLE compound file without a workbook stream (a Word or other Office file?)');
      convert = 'xls';
    } else if (kind === 'markup' && (ext === 'xls' || ext === 'et')) {
      convert = head.toString('utf8').toLowerCase().includes('urn:schemas-microsoft-com:office:spreadsheet') ? 'xml' : 'html';
    } else if (ext === 'csv' || ext === 'ods' || ext === 'numbers') {
      throw new ReadError('unsupported', `.${ext}`);
    } else throw new ReadError('not-workbook', `starts with bytes ${head.subarray(0, 8).toString('hex')}`);
  } finally {
    src.close();
  }
  if (!settings.soffice) throw new ReadError('converter-missing', 'LibreOffice (soffice) not found');
  const converted = await convertToXlsx(path, convert, { soffice: settings.soffice.path, profile: settings.soffice.profile, timeoutMs: settings.convertTimeoutMs, onStart: onSpawn });
  return { path: converted.path, converted: true, cleanup: converted.cleanup };
}

/** Reads an .xlsx on disk; a conversion's failure to read says the original could not be converted well. */
export async function readXlsxFile(file: XlsxFile): Promise<ReadResult> {
  let src: ByteSource;
  try {
    src = fileSource(file.path);
  } catch (e) {
    throw new ReadError(codeOfSystemError(e), detailOf(e));
  }
  try {
    return await readXlsxSource(src);
  } catch (e) {
    // What LibreOffice wrote is sound; a failure reading it says the original could not be converted well.
    throw file.converted && e instanceof ReadError && e.code === 'corrupt' ? new ReadError('conversion-failed', e.detail) : e;
  } finally {
    src.close();
  }
}

async function readBook(path: string | Buffer, ext: string, settings: CheckSettings, onSpawn?: (pid: number) => void): Promise<ReadResult> {
  const file = await xlsxOf(path, ext, settings, onSpawn);
  try {
    return await readXlsxFile(file);
  } finally {
    file.cleanup();
  }
}

function hasContent(r: ReadResult): boolean {
  return r.workbook.sheets.some((s) => s.rows.some((row) => row.some((c) => c !== undefined && c.text.trim() !== '')));
}

/** Checks one file; never throws. */
export async function checkOne(path: string | Buffer, display: string, settings: CheckSettings, catalog: Catalog | undefined, onSpawn?: (pid: number) => void): Promise<FileReport> {
  const { lang, verbose } = settings;
  const ext = (/\.([^./\\]+)$/.exec(display)?.[1] ?? '').toLowerCase();
  try {
    const st = statSync(path);
    if (!st.isFile()) return failed(display, 'not-a-file', lang, `mode ${st.mode.toString(8)}`, verbose);
  } catch (e) {
    return failed(display, codeOfSystemError(e), lang, detailOf(e), verbose);
  }
  let read: ReadResult;
  try {
    read = await readBook(path, ext, settings, onSpawn);
  } catch (e) {
    if (e instanceof ReadError) return failed(display, e.code, lang, e.detail, verbose, e.words);
    const sys = (e as { code?: unknown } | null)?.code;
    if (typeof sys === 'string' && /^E[A-Z]+$/.test(sys)) return failed(display, codeOfSystemError(e), lang, detailOf(e), verbose);
    return failed(display, 'internal', lang, detailOf(e), verbose);
  }
  const u = read.uncalculated;
  if (u.count > 0) {
    const cells = u.first.join('、');
    return failed(display, 'uncalculated', lang, `${u.count} formula cells without a cached value`, verbose, {
      zh: `共 ${u.count} 个单元格，如 ${cells}`,
      en: `${u.count} cell${u.count === 1 ? '' : 's'}, e.g. ${u.first.join(', ')}`,
    });
  }
  if (!hasContent(read)) return failed(display, 'empty', lang, `${read.workbook.sheets.length} sheets without content`, verbose);
  try {
    const locate = settings.locate !== false;
    const { tables, findings, year, edition, checked } = checkWorkbook(read.workbook, { strict: settings.strict, lang, catalog, keepRelations: locate });
    if (tables.length === 0) return failed(display, 'no-tables', lang, `${read.workbook.sheets.length} sheets, no table recognised`, verbose);
    const report: FileReport = { path: display, tables: tables.map(tableSummary), findings, year, edition };
    // Only a relation failing beyond rounding has a cause to look for; the solver loads then, once per process.
    if (!locate || !checked?.some((c) => c.outcome === 'failed')) return report;
    const failing = checked.filter((c) => c.outcome === 'failed').length;
    let located: LocateReport;
    try {
      located = locateReport(checked, await nodeSolver(), { deadline: { now: Date.now, until: Date.now() + (settings.locateBudgetMs ?? 30_000) } });
    } catch {
      // No solver (a damaged installation): the findings stand, without causes.
      located = { causes: [], unexamined: 0, unsolvable: failing, unexplained: [] };
    }
    const { causes, unexamined, unsolvable, unexplained } = located;
    return {
      ...report, causes,
      ...(unexplained.length > 0 ? { unexplained } : {}), ...(unexamined > 0 ? { unexamined } : {}), ...(unsolvable > 0 ? { unsolvable } : {}),
    };
  } catch (e) {
    return failed(display, 'internal', lang, detailOf(e), verbose);
  }
}
