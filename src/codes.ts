import { toHalfWidth } from './text';

/** function = 支出功能分类 (3/5/7 digits, starts with 2); economic = 支出经济分类 (3/5 digits, 301…/501…). */
export type CodeFamily = 'function' | 'economic';
export type CodeLevel = 1 | 2 | 3;

export interface SubjectCode {
  readonly code: string;
  readonly family: CodeFamily;
  /** 1 = 类, 2 = 款, 3 = 项 */
  readonly level: CodeLevel;
}

export type CodeParse =
  | { readonly kind: 'code'; readonly subject: SubjectCode }
  | { readonly kind: 'malformed'; readonly text: string }
  | { readonly kind: 'none' };

/** Digits only: full-width to half-width, inner spaces removed, a trailing `.0` from a number dropped. */
export function cleanCodeText(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '').replace(/\.0+$/, '');
}

export function familyOf(code: string): CodeFamily | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'function';
  if (/^[35]\d{2}(\d{2})?$/.test(code)) return 'economic';
  return undefined;
}

/** One frozen answer per code: a table of 200,000 rows prints a few thousand codes at most. */
const parsedCodes = new Map<string, CodeParse & { kind: 'code' }>();
const NONE: CodeParse = Object.freeze({ kind: 'none' as const });

export function toSubject(code: string): SubjectCode | undefined {
  return codeParse(code)?.subject;
}

/** A well-formed code as a shared, frozen parse (or undefined). */
export function codeParse(code: string): (CodeParse & { kind: 'code' }) | undefined {
  const known = parsedCodes.get(code);
  if (known) return known;
  const family = familyOf(code);
  if (!family) return undefined;
  const subject: SubjectCode = Object.freeze({ code, family, level: (((code.length - 3) / 2) + 1) as CodeLevel });
  const p = Object.freeze({ kind: 'code' as const, subject });
  // Codes are few; the bound only keeps a hostile sheet from growing the table without end.
  if (parsedCodes.size < 100_000) parsedCodes.set(code, p);
  return p;
}

/** Parses a code written in one cell (`2101101`, `210110 1`, `２１０`). */
export function parseCode(raw: string): CodeParse {
  const t = cleanCodeText(raw);
  if (t === '') return NONE;
  if (!/^\d+$/.test(t)) return NONE;
  return codeParse(t) ?? { kind: 'malformed', text: raw.trim() };
}

/**
 * Joins a code split over 类 / 款 / 项 columns. A part may repeat its parent (`20129` in the 款 column),
 * or have lost its leading zero when the column was numeric (`301 | 2` → 30102).
 */
export function joinCodeParts(parts: readonly string[]): CodeParse {
  let code = '';
  let any = false;
  for (let i = 0; i < parts.length; i++) {
    const p = cleanCodeText(parts[i]);
    if (p === '') {
      // A part may be blank only after the code ends (a 类 row leaves 款 and 项 empty).
      continue;
    }
    any = true;
    if (!/^\d+$/.test(p)) return { kind: 'malformed', text: parts.join(' ').trim() };
    if (i === 0) code = p;
    else if (code !== '' && p.length > 2 && p.startsWith(code)) code = p;
    else if (p.length <= 2) code += p.padStart(2, '0');
    else return { kind: 'malformed', text: parts.join(' ').trim() };
  }
  if (!any) return NONE;
  return codeParse(code) ?? { kind: 'malformed', text: parts.filter((p) => p.trim()).join(' ') };
}

export function parentCode(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

export const LEVEL_NAMES_ZH: Record<CodeLevel, string> = { 1: '类', 2: '款', 3: '项' };
export const LEVEL_NAMES_EN: Record<CodeLevel, string> = { 1: 'class', 2: 'section', 3: 'item' };
