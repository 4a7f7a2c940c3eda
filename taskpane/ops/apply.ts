import type { Text } from '../../src/findings';
import { Decimal } from '../../src/money';
import { groupDigits } from '../../src/locate/text';
import type { DocumentStore } from '../host';
import type { ExcelContext } from '../office/port';

/**
 * 采用建议值 and 撤销. A suggested value is written into its one cell only when the user clicks, after what the
 * cell held (its formula, or its value) is kept in the workbook's own settings: 撤销 puts exactly that back,
 * also after the file was saved and reopened. The cell's number format, fill and note are never touched.
 */
export const APPLIED_KEY = 'budget-check.applied-values.v1';

/** What a cell held: a formula, or a value (null: empty). */
export type Held = { readonly formula: string } | { readonly value: number | boolean | null };

export interface AppliedValue {
  readonly sheet: string;
  readonly address: string;
  readonly before: Held;
  /** The suggested value written into the cell. */
  readonly written: number;
  /** The written value and the one it replaced as the validation showed them (`0.00`, `64840547.00`). */
  readonly shown: string;
  readonly was: string;
  /** When (ISO 8601). */
  readonly at: string;
}

/** A suggestion to write: the cell, what the validation read there (its shown decimals), and the new value. */
export interface Suggestion {
  readonly sheet: string;
  readonly cell: string;
  readonly current: string;
  readonly suggested: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isHeld(x: unknown): x is Held {
  if (!isRecord(x)) return false;
  if ('formula' in x) return typeof x.formula === 'string' && x.formula.startsWith('=');
  return 'value' in x && (x.value === null || typeof x.value === 'boolean' || (typeof x.value === 'number' && Number.isFinite(x.value)));
}

/** The kept entries, oldest first; anything damaged or hand-edited into another shape is skipped. */
export function loadApplied(store: DocumentStore): AppliedValue[] {
  let raw: unknown;
  try {
    raw = store.get(APPLIED_KEY);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter((e): e is AppliedValue => isRecord(e) && typeof e.sheet === 'string' && typeof e.address === 'string' && /^[A-Z]{1,3}\d+$/.test(e.address)
    && isHeld(e.before) && typeof e.written === 'number' && Number.isFinite(e.written) && typeof e.shown === 'string' && typeof e.was === 'string' && typeof e.at === 'string');
}

export function saveApplied(store: DocumentStore, list: readonly AppliedValue[]): Promise<void> {
  return store.set(APPLIED_KEY, list.length === 0 ? undefined : list);
}

/**
 * Adds an entry; a cell written before keeps what it held before the first write, so 撤销 always goes back to
 * the user's own content.
 */
export function withApplied(list: readonly AppliedValue[], entry: AppliedValue): AppliedValue[] {
  const had = list.find((e) => e.sheet === entry.sheet && e.address === entry.address);
  return [...list.filter((e) => e !== had), had ? { ...entry, before: had.before, was: had.was } : entry];
}

const ref = (sheet: string, address: string): string => `${sheet}!${address}`;

/** What a cell held, for a sentence: its formula, its number as the validation showed it, or 空 (empty). */
export function heldText(e: Pick<AppliedValue, 'before' | 'was'>): Text {
  const h = e.before;
  if ('formula' in h) return { zh: h.formula, en: h.formula };
  if (h.value === null) return { zh: '（空）', en: '(empty)' };
  return { zh: groupDigits(e.was), en: groupDigits(e.was) };
}

/** Whether a cell still shows what the validation read, at the decimals it was read with. */
function shows(value: unknown, current: string): boolean {
  const decimals = current.split('.')[1]?.length ?? 0;
  if (value === '' || value === null) return new Decimal(0).toFixed(decimals) === current;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return new Decimal(String(value)).toFixed(decimals) === current;
}

/**
 * Writes the suggested value into its cell, in 2 syncs: one reads what the cell holds (refused when it no
 * longer shows what the validation read, or holds text), then `keep` stores that, then one writes the number.
 */
export async function applySuggestion(ctx: ExcelContext, s: Suggestion, keep: (entry: AppliedValue) => Promise<void>, now = new Date()): Promise<{ applied: AppliedValue } | { error: Text }> {
  const r = await applySuggestions(ctx, [s], (entries) => keep(entries[0]), now);
  return 'error' in r ? r : { applied: r.applied[0] };
}

/**
 * Several suggestions at once (舍位平衡's "apply all"), as undoable as one each: 2 syncs whatever their number.
 * All or none: if any cell no longer shows what was read, or holds text, nothing is written.
 */
export async function applySuggestions(ctx: ExcelContext, list: readonly Suggestion[], keep: (entries: AppliedValue[]) => Promise<void>, now = new Date()): Promise<{ applied: AppliedValue[] } | { error: Text }> {
  const ranges = list.map((s) => {
    const range = ctx.workbook.worksheets.getItem(s.sheet).getRange(s.cell);
    range.load('values,formulas');
    return { s, range };
  });
  await ctx.sync();
  const applied: AppliedValue[] = [];
  for (const { s, range } of ranges) {
    const value: unknown = range.values[0]?.[0];
    const formula: unknown = range.formulas[0]?.[0];
    const where = ref(s.sheet, s.cell);
    if (typeof value === 'string' && value !== '') {
      return { error: { zh: `${where} 中是文本，不能自动改写，请手动修改。`, en: `${where} holds text: it cannot be rewritten automatically; please edit it by hand.` } };
    }
    if (!shows(value, s.current)) {
      return { error: { zh: `${where} 在校验后已被修改，未采用建议值。请重新校验。`, en: `${where} changed since the validation; the suggested value was not applied. Please validate again.` } };
    }
    const before: Held = typeof formula === 'string' && formula.startsWith('=')
      ? { formula }
      : { value: typeof value === 'number' || typeof value === 'boolean' ? value : null };
    applied.push({ sheet: s.sheet, address: s.cell, before, written: Number(s.suggested), shown: s.suggested, was: s.current, at: now.toISOString() });
  }
  // Kept before the cells are written: a write that fails leaves entries 撤销 refuses (the cell does not hold the
  // written value), never a written cell without its way back.
  await keep(applied);
  ranges.forEach(({ range }, i) => { range.values = [[applied[i].written]]; });
  await ctx.sync();
  return { applied };
}

/**
 * 撤销: puts back what the cell held before 采用建议值 — a formula as a formula, a number as that number (its
 * format was never changed), an empty cell empty — in 2 syncs. Refused when the cell no longer holds the
 * written value: the user changed it since, and that change is theirs to keep.
 */
export async function undoApplied(ctx: ExcelContext, entry: AppliedValue): Promise<{ done: true } | { error: Text }> {
  const range = ctx.workbook.worksheets.getItem(entry.sheet).getRange(entry.address);
  range.load('values,formulas');
  await ctx.sync();
  const value: unknown = range.values[0]?.[0];
  const formula: unknown = range.formulas[0]?.[0];
  const where = ref(entry.sheet, entry.address);
  if (value !== entry.written || (typeof formula === 'string' && formula.startsWith('='))) {
    const held = heldText(entry);
    return { error: {
      zh: `${where} 在采用建议值后又被修改，未撤销，以免覆盖您的修改；它原来的内容是 ${held.zh}。`,
      en: `${where} was changed after the suggested value was applied: not undone, so as not to overwrite that change; it held ${held.en}.`,
    } };
  }
  if ('formula' in entry.before) range.formulas = [[entry.before.formula]];
  else range.values = [[entry.before.value ?? '']];
  await ctx.sync();
  return { done: true };
}
