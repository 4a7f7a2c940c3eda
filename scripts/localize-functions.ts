// Splits the bilingual custom-function metadata that custom-functions-metadata-plugin generates from the JSDoc
// into one file per language:
//   functions.json        English descriptions only
//   functions.zh-CN.json  Chinese descriptions only; ids, names and parameters identical
// The JSDoc descriptions in functions/functions.ts are written "中文 … / English …" on one line, or as a Chinese
// line followed by an English line. A description without both parts fails the build, so no function ships
// untranslated. webpack.config.js runs localize() inside the build (npm run build:addin is webpack alone, so its
// options reach webpack, and the dev server serves both files); on a folder built otherwise:
//   npx tsx scripts/localize-functions.ts [dir]   (dir defaults to dist/addin)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { description?: string; [key: string]: unknown };
  options?: Record<string, boolean | undefined>;
  [key: string]: unknown;
}

/** functions.json as custom-functions-metadata writes it; other top-level keys are kept as they are. */
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
/** Han characters, CJK symbols and punctuation (，。、：（）…) and full-width forms. */
export const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const LATIN_WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*/g;
/** A slash with space on both sides: the "中文 / English" separator (never "function/dept-economic"). */
const SEPARATOR = /\s+[/／]\s+/g;

export class LocalizeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`${problems.length} function description${problems.length === 1 ? '' : 's'} cannot be split into Chinese and English `
      + '(write "中文 / English" on one line, or a Chinese line then an English line, in functions/functions.ts):\n'
      + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'LocalizeError';
  }
}

type Lang = 'zh' | 'en' | 'neutral';

/** A line is English when its first letter is Latin and its Latin words outnumber its Han characters. */
function lineLang(line: string): Lang {
  const han = (line.match(HAN_RUN) ?? []).join('').length;
  const words = (line.match(LATIN_WORD) ?? []).length;
  const first = /\p{L}/u.exec(line)?.[0];
  if (first !== undefined && /[A-Za-z]/.test(first) && words > han) return 'en';
  return han > 0 ? 'zh' : 'neutral';
}

/** The one " / " in a line with Chinese before it and English after it; ambiguous splits are refused. */
function splitAtSlash(line: string): Bilingual | 'ambiguous' | undefined {
  const candidates: Bilingual[] = [];
  for (const m of line.matchAll(SEPARATOR)) {
    const zh = line.slice(0, m.index).trim();
    const en = line.slice(m.index + m[0].length).trim();
    if (HAN.test(zh) && lineLang(en) === 'en') candidates.push({ zh, en });
  }
  if (candidates.length <= 1) return candidates[0];
  // "分类：function / dept-economic / Classification kind.": the English sentence starts with a capital.
  const capital = candidates.filter((c) => /^[A-Z]/.test(c.en));
  return capital.length === 1 ? capital[0] : 'ambiguous';
}

/** Wrapped Chinese lines join without a space, except between two Latin words or numbers. */
function joinLines(lines: readonly string[], lang: 'zh' | 'en'): string {
  if (lang === 'en') return lines.join(' ');
  return lines.reduce((out, line) => (out === '' ? line : /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line) ? `${out} ${line}` : out + line), '');
}

/**
 * Splits one bilingual description into its Chinese and English parts; throws an Error naming what is wrong
 * when either part is missing, the order is English first, or the English part keeps Chinese text.
 */
export function splitDescription(text: string): Bilingual {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const zh: string[] = [];
  const en: string[] = [];
  for (const line of lines) {
    const lang = lineLang(line);
    if (en.length > 0) {
      if (lang === 'zh') throw new Error(`Chinese text after the English part: "${line}"`);
      en.push(line);
    } else if (lang === 'en') {
      if (!zh.some((l) => HAN.test(l))) throw new Error('no Chinese part (the Chinese text comes first)');
      en.push(line);
    } else {
      const split = lang === 'zh' ? splitAtSlash(line) : undefined;
      if (split === 'ambiguous') throw new Error(`more than one " / " could separate the Chinese from the English in "${line}"; put the English on its own line`);
      if (split) {
        zh.push(split.zh);
        en.push(split.en);
      } else {
        zh.push(line);
      }
    }
  }
  if (!zh.some((l) => HAN.test(l))) throw new Error('no Chinese part');
  if (en.length === 0) throw new Error('no English part');
  const english = joinLines(en, 'en');
  const left = english.match(new RegExp(CHINESE.source, 'gu'));
  if (left) throw new Error(`the English part "${english}" contains Chinese (${[...new Set(left)].join(' ')}); write it in English`);
  return { zh: joinLines(zh, 'zh'), en: english };
}

/** English-only and Chinese-only copies of the metadata; every problem is collected, then thrown as one LocalizeError. */
export function localize(metadata: FunctionsMetadata): { en: FunctionsMetadata; zh: FunctionsMetadata } {
  const problems: string[] = [];
  const split = (where: string, text: string | undefined): Bilingual => {
    if (text === undefined || text.trim() === '') {
      problems.push(`${where}: no description`);
      return { zh: '', en: '' };
    }
    try {
      return splitDescription(text);
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message} in ${JSON.stringify(text)}`);
      return { zh: '', en: '' };
    }
  };
  const parts = metadata.functions.map((f) => ({
    self: split(f.id, f.description),
    parameters: f.parameters.map((p) => split(`${f.id} parameter ${p.name}`, p.description)),
    result: f.result?.description === undefined ? undefined : split(`${f.id} result`, f.result.description),
  }));
  if (problems.length > 0) throw new LocalizeError(problems);
  const build = (lang: keyof Bilingual): FunctionsMetadata => ({
    ...metadata,
    functions: metadata.functions.map((f, i) => {
      const p = parts[i];
      const out: FunctionMetadata = { ...f, description: p.self[lang], parameters: f.parameters.map((q, j) => ({ ...q, description: p.parameters[j][lang] })) };
      if (f.result && p.result) out.result = { ...f.result, description: p.result[lang] };
      return out;
    }),
  });
  return { en: build('en'), zh: build('zh') };
}

export const ZH_FILE = 'functions.zh-CN.json';

function descriptions(m: FunctionsMetadata): string[] {
  return m.functions.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description), f.result?.description]).filter((d): d is string => d !== undefined);
}

function shape(m: FunctionsMetadata): string {
  return JSON.stringify(m.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]));
}

/**
 * Rewrites dir/functions.json in English and writes dir/functions.zh-CN.json. On a folder already localized (by
 * the build, or by an earlier run) — functions.json without Chinese, next to a Chinese file for the same
 * functions — it leaves both alone.
 */
export function localizeDir(dir: string): { functions: number; written: boolean } {
  const enPath = join(dir, 'functions.json');
  const zhPath = join(dir, ZH_FILE);
  if (!existsSync(enPath)) throw new Error(`${enPath} not found: run webpack first (npm run build:addin)`);
  const metadata = JSON.parse(readFileSync(enPath, 'utf8')) as FunctionsMetadata;
  // Already done: no Chinese left in functions.json, and a Chinese file for the same functions beside it. (The
  // build writes both at once, so their times say nothing about their order.)
  if (existsSync(zhPath) && !descriptions(metadata).some((d) => HAN.test(d))) {
    const zh = JSON.parse(readFileSync(zhPath, 'utf8')) as FunctionsMetadata;
    if (shape(zh) === shape(metadata)) return { functions: metadata.functions.length, written: false };
  }
  const { en, zh } = localize(metadata);
  // Four-space indent, as custom-functions-metadata writes it.
  writeFileSync(enPath, JSON.stringify(en, null, 4));
  writeFileSync(zhPath, JSON.stringify(zh, null, 4));
  return { functions: en.functions.length, written: true };
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', 'dist', 'addin'));
  try {
    const r = localizeDir(dir);
    console.log(r.written ? `localized ${r.functions} functions: ${join(dir, 'functions.json')} (en), ${join(dir, ZH_FILE)} (zh-CN)` : `${dir}: already localized`);
  } catch (e) {
    console.error(`localize-functions: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
