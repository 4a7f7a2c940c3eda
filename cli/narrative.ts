/**
 * `budget-check narrative [FILE] [--previous FILE] [--text 说明.docx|.txt]`: drafts the numeric paragraphs of the
 * 情况说明 from a workbook's tables (the bundled sample by default), with 比上年增减 when last year's workbook is
 * given; with --text, checks a written 情况说明 against the tables instead and lists every figure that disagrees.
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { checkWorkbook } from '../src/engine';
import type { Finding, Lang } from '../src/findings';
import { checkNarrative, draftNarrative, draftText, readFacts, type Facts } from '../src/narrative';
import { render } from '../src/findings';
import { findSoffice, newProfile } from './convert';
import { readXlsxFile, xlsxOf } from './check-file';
import { codeOfSystemError, detailOf, errorMessage, ReadError } from './read-error';
import { samplePath } from './sample';
import { safePath, safeText } from './safe-text';

export interface NarrativeOptions {
  /** The workbook (the bundled sample when absent). */
  readonly workbook?: string;
  readonly previous?: string;
  /** A 情况说明 to check (.txt or .docx). */
  readonly text?: string;
  readonly lang: Lang;
  readonly format: 'text' | 'json';
  readonly soffice?: string;
}

export interface NarrativeIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/** A file that could not be read, in the checker's words. */
export class NarrativeInputError extends Error {}

async function factsOf(path: string, lang: Lang, soffice: string | undefined): Promise<Facts> {
  const ext = (/\.([^./\\]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  const sofficePath = findSoffice(soffice ?? process.env.BUDGET_CHECK_SOFFICE);
  const profile = sofficePath ? newProfile() : undefined;
  try {
    const file = await xlsxOf(path, ext, { soffice: sofficePath && profile ? { path: sofficePath, profile: profile.dir } : undefined, convertTimeoutMs: 60_000 });
    try {
      const read = await readXlsxFile(file);
      const result = checkWorkbook(read.workbook, { expectAll: false });
      return readFacts(result.tables, result.year);
    } finally {
      file.cleanup();
    }
  } catch (e) {
    const code = e instanceof ReadError ? e.code : codeOfSystemError(e);
    throw new NarrativeInputError(`${safePath(path)}: ${errorMessage(code, lang, e instanceof ReadError ? e.words : undefined)}`);
  } finally {
    profile?.remove();
  }
}

/** A text file's characters: UTF-8 (with or without BOM), else GB18030 as Chinese Windows saves plain text. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A .txt or .docx 情况说明 as plain text (paragraphs on their own lines). */
export async function readNarrativeText(path: string, lang: Lang): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new NarrativeInputError(`${safePath(path)}: ${errorMessage(codeOfSystemError(e), lang)}`);
  }
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.docx$/i.test(path) || zip) {
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (e) {
      throw new NarrativeInputError(lang === 'zh'
        ? `${safePath(path)}: 无法读取 Word 文档（${safeText(detailOf(e))}）：请另存为 .docx 或 .txt`
        : `${safePath(path)}: cannot read the Word document (${safeText(detailOf(e))}): save it as .docx or .txt`);
    }
  }
  if (/\.doc$/i.test(path)) {
    throw new NarrativeInputError(lang === 'zh' ? `${safePath(path)}: 不支持 .doc 格式，请在 Word 或 WPS 中另存为 .docx 或 .txt` : `${safePath(path)}: .doc is not supported; save it as .docx or .txt`);
  }
  return decodeText(bytes);
}

function line(f: Finding): string {
  const mark = f.severity === 'error' ? '✗' : f.severity === 'warning' ? '⚠' : 'ℹ';
  const where = f.cells.length > 0 ? `  ${f.sheet}!${f.cells[0]}` : '';
  return `  ${mark}${f.rounding ? ' [尾差]' : ''}${where}  ${safeText(f.message)}\n`;
}

export async function runNarrative(o: NarrativeOptions, io: NarrativeIO): Promise<number> {
  const path = o.workbook ?? samplePath();
  const current = await factsOf(path, o.lang, o.soffice);
  const previous = o.previous ? await factsOf(o.previous, o.lang, o.soffice) : undefined;
  const display = o.workbook ?? 'sample/张家口市总工会2025年部门预算.xlsx';
  if (o.text === undefined) {
    const paragraphs = draftNarrative(current, previous);
    if (o.format === 'json') {
      io.stdout(`${JSON.stringify({ workbook: display, previous: o.previous ?? null, paragraphs }, null, 2)}\n`);
      return 0;
    }
    io.stdout(draftText(paragraphs));
    return 0;
  }
  const text = await readNarrativeText(o.text, o.lang);
  const result = checkNarrative(text, current, previous);
  const findings = result.findings.map((f) => render(f, o.lang));
  if (o.format === 'json') {
    io.stdout(`${JSON.stringify({ workbook: display, text: o.text, checked: result.checked, changesUnchecked: result.changesUnchecked, unknown: result.unknown, findings }, null, 2)}\n`);
  } else {
    const errors = findings.filter((f) => f.severity === 'error').length;
    const head = o.lang === 'zh'
      ? `${safePath(o.text)} 对 ${safePath(display)}：核对 ${result.checked} 个数字，${findings.length === 0 ? '全部与表一致' : `${errors} 个错误，${findings.length - errors} 个警告或提示`}`
      : `${safePath(o.text)} against ${safePath(display)}: ${result.checked} figures checked, ${findings.length === 0 ? 'all agree with the tables' : `${errors} errors, ${findings.length - errors} warnings or information`}`;
    const notes: string[] = [];
    if (result.changesUnchecked > 0) {
      notes.push(o.lang === 'zh' ? `${result.changesUnchecked} 处比上年增减或"与上年持平"未核对（用 --previous 给出上年工作簿）` : `${result.changesUnchecked} changes against last year not checked (give last year's workbook with --previous)`);
    }
    if (result.unknown > 0) notes.push(o.lang === 'zh' ? `${result.unknown} 个金额未对应到表中项目，未核对` : `${result.unknown} figures name no item of the tables; not checked`);
    io.stdout(`${head}\n${notes.map((n) => `  ${n}\n`).join('')}${findings.map(line).join('')}`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
