import type { Lang } from '../findings';
import { Catalog, LEVEL_ZH, SUBJECT_KINDS, type LookupOptions, type SubjectKind } from './catalog';

/** What a custom function returns: a value, or an Excel error with a message (never an error-looking string). */
export type FunctionResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: 'na' | 'value'; readonly message: string };

const ok = <T>(value: T): FunctionResult<T> => ({ ok: true, value });
const fail = (error: 'na' | 'value', message: string): FunctionResult<never> => ({ ok: false, error, message });

const KIND_WORDS: Record<string, SubjectKind> = {
  function: 'function', 功能: 'function', 功能分类: 'function', 支出功能分类: 'function',
  'dept-economic': 'dept-economic', 部门经济分类: 'dept-economic', 部门: 'dept-economic', 部门预算支出经济分类: 'dept-economic',
  'gov-economic': 'gov-economic', 政府经济分类: 'gov-economic', 政府: 'gov-economic', 政府预算支出经济分类: 'gov-economic',
};

/** Reads the optional year and kind arguments; empty means default. */
function options(year: number | string | null | undefined, kind: string | null | undefined, defaultYear: number | undefined, lang: Lang): FunctionResult<LookupOptions> {
  let y: number | undefined = defaultYear;
  if (year !== null && year !== undefined && year !== '' && year !== 0) {
    const n = Number(year);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) return fail('value', lang === 'zh' ? `年度"${year}"无效，应为如 2025 的四位年份` : `invalid year "${year}": use a four-digit year such as 2025`);
    y = n;
  }
  let k: SubjectKind | undefined;
  if (kind !== null && kind !== undefined && String(kind).trim() !== '') {
    k = KIND_WORDS[String(kind).trim()];
    if (!k) return fail('value', lang === 'zh' ? `分类"${kind}"无效，应为 ${SUBJECT_KINDS.join(' / ')}（或 功能 / 部门 / 政府）` : `invalid kind "${kind}": use ${SUBJECT_KINDS.join(' / ')}`);
  }
  return ok({ year: y, kind: k });
}

export interface FunctionContext {
  readonly catalog?: Catalog;
  /** The workbook's budget year, when known; else the newest edition answers. */
  readonly workbookYear?: number;
  readonly lang?: Lang;
}

function empty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** =BUDGET.SUBJECTNAME("2101103") → 公务员医疗补助 */
export function subjectName(code: string | number, year?: number | string | null, kind?: string | null, ctx: FunctionContext = {}): FunctionResult<string> {
  const lang = ctx.lang ?? 'zh';
  if (empty(code)) return fail('value', lang === 'zh' ? '请给出科目编码' : 'a subject code is required');
  const o = options(year, kind, ctx.workbookYear, lang);
  if (!o.ok) return o;
  const l = (ctx.catalog ?? Catalog.builtIn()).lookup(code, o.value);
  if (l.kind === 'found') return ok(l.subject.name);
  return fail(l.kind === 'malformed' ? 'value' : 'na', l.message[lang]);
}

/** =BUDGET.SUBJECTCODE("公务员医疗补助") → 2101103; a name shared by several subjects is #N/A naming them. */
export function subjectCode(name: string, year?: number | string | null, kind?: string | null, ctx: FunctionContext = {}): FunctionResult<string> {
  const lang = ctx.lang ?? 'zh';
  if (empty(name)) return fail('value', lang === 'zh' ? '请给出科目名称' : 'a subject name is required');
  const o = options(year, kind, ctx.workbookYear, lang);
  if (!o.ok) return o;
  const catalog = ctx.catalog ?? Catalog.builtIn();
  const exact = catalog.byName(String(name), o.value);
  if (exact.length === 1) return ok(exact[0].code);
  if (exact.length > 1) {
    const codes = exact.slice(0, 5).map((s) => s.code).join('、') + (exact.length > 5 ? '…' : '');
    return fail('na', lang === 'zh' ? `"${name}"对应 ${exact.length} 个科目（${codes}），请加上级名称区分` : `"${name}" names ${exact.length} subjects (${codes})`);
  }
  const near = catalog.search(String(name), { ...o.value, limit: 3 }).filter((h) => h.how !== 'code');
  const hint = near.length > 0 ? (lang === 'zh' ? `；是否指：${near.map((h) => `${h.subject.code} ${h.subject.name}`).join('，')}` : `; did you mean: ${near.map((h) => `${h.subject.code} ${h.subject.name}`).join(', ')}`) : '';
  return fail('na', (lang === 'zh' ? `没有名为"${name}"的科目` : `no subject named "${name}"`) + hint);
}

/** =BUDGET.SUBJECTLEVEL("21011") → 款 */
export function subjectLevel(code: string | number, ctx: FunctionContext = {}): FunctionResult<string> {
  const lang = ctx.lang ?? 'zh';
  const l = (ctx.catalog ?? Catalog.builtIn()).lookup(code, { year: ctx.workbookYear });
  if (l.kind === 'malformed') return fail('value', l.message[lang]);
  // The level follows from the code's length even for a code missing from the catalog.
  const level = l.kind === 'found' ? l.subject.level : l.code.length === 3 ? 1 : l.code.length === 5 ? 2 : 3;
  return ok(lang === 'zh' ? LEVEL_ZH[level] : (['class', 'section', 'item'] as const)[level - 1]);
}

/** =BUDGET.SUBJECTPARENT("2101103") → 21011; a 类 has no parent (#N/A). */
export function subjectParent(code: string | number, ctx: FunctionContext = {}): FunctionResult<string> {
  const lang = ctx.lang ?? 'zh';
  const l = (ctx.catalog ?? Catalog.builtIn()).lookup(code, { year: ctx.workbookYear });
  if (l.kind === 'malformed') return fail('value', l.message[lang]);
  const c = l.kind === 'found' ? l.subject.code : l.code;
  if (c.length === 3) return fail('na', lang === 'zh' ? `${c} 是类级科目，没有上级` : `${c} is a class: it has no parent`);
  return ok(c.slice(0, -2));
}
