/**
 * 舍位平衡 of one range, as BUDGET.ROUNDBALANCE receives it: the range read as CHECKTOTALS reads it
 * (src/range-check.ts), balanced by src/round, and given back in the same shape with the amounts replaced by
 * the balanced values (numbers) and the unit line rewritten. The range's own unit is the unit line inside it;
 * without one there is no answer, never a guess. The add-in loads this with HiGHS on first use (functions/
 * round-chunk.ts): none of it is part of the custom functions' first load.
 */
import { checkWorkbookRaw, type RawCheckResult } from './engine';
import type { Text } from './findings';
import { rangeWorkbook } from './range-check';
import type { RoundOutcome, RoundTarget } from './round/round';
import { a1, parseA1, type CellValue, type Workbook } from './snapshot';
import type { Unit } from './table';

/** src/round's `roundWorkbook` with its solver: the host brings it (the add-in's solver chunk, HiGHS). */
export type RoundFn = (workbook: Workbook, result: RawCheckResult, target: RoundTarget) => RoundOutcome;

export interface RangeRoundOptions {
  /** Top-left cell of the range on its sheet (e.g. `B3`), so the unit line and amounts are read at their own addresses. */
  readonly origin?: string;
  readonly sheet?: string;
}

/** What a cell of the spilled table holds: blanks are ''. */
export type SpillValue = string | number | boolean;

/** The balanced table in the range's shape, or why there is none (Excel's #VALUE!, with the message). */
export type RangeRoundResult =
  | { readonly values: SpillValue[][]; readonly outcome: Extract<RoundOutcome, { kind: 'done' }> }
  | { readonly error: Text };

/** {@link roundRange} with its solver: what ROUNDBALANCE calls once the solver is loaded. */
export type RangeRound = (values: ReadonlyArray<ReadonlyArray<CellValue>>, unit: unknown, decimals: unknown, options: RangeRoundOptions) => RangeRoundResult;

const UNITS = new Map<string, Unit>([['万元', 'wan'], ['wan', 'wan'], ['元', 'yuan'], ['yuan', 'yuan']]);

/** The optional arguments: unit (万元 by default, or 元) and decimals (2 by default, 0 to 6). */
export function parseRoundArgs(unit: unknown, decimals: unknown): RoundTarget | { error: Text } {
  const u = unit === null || unit === undefined || unit === '' ? 'wan' : typeof unit === 'string' ? UNITS.get(unit.trim().toLowerCase()) : undefined;
  if (u === undefined) {
    return { error: { zh: `未知单位"${String(unit)}"：可用 万元 或 元`, en: `unknown unit "${String(unit)}": use 万元 (wan) or 元 (yuan)` } };
  }
  const d = decimals === null || decimals === undefined || decimals === '' ? 2 : typeof decimals === 'number' || typeof decimals === 'string' ? Number(decimals) : NaN;
  if (!Number.isInteger(d) || d < 0 || d > 6) {
    return { error: { zh: '小数位数应为 0 到 6 的整数', en: 'decimals must be a whole number from 0 to 6' } };
  }
  return { unit: u, decimals: d };
}

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '' || v === 0;

/**
 * The balanced table of one range. Blanks stay blank (Excel hands a blank as 0 on desktop, as null on the web,
 * so a zero amount is given back blank on both), other cells as they were, the unit line rewritten.
 */
export function roundRange(values: ReadonlyArray<ReadonlyArray<CellValue>>, unit: unknown, decimals: unknown, options: RangeRoundOptions, round: RoundFn): RangeRoundResult {
  const target = parseRoundArgs(unit, decimals);
  if ('error' in target) return target;
  const book = rangeWorkbook(values, options);
  const result = checkWorkbookRaw(book, { expectAll: false, keepRelations: true });
  const tables = result.tables.filter((t) => !t.empty);
  if (tables.length === 0) {
    return { error: { zh: '未识别到有金额的表格：区域应包含表头（科目编码、科目名称、合计…）', en: 'no table with amounts recognised: the range must include the header (code, name, total…)' } };
  }
  if (tables.some((t) => t.unitCell === undefined)) {
    return { error: {
      zh: '区域中没有注明单位（如"单位：元"），无法确定换算：请把表头上方注明单位的那一行一并选入区域，或在区域内表头上方加一行"单位：元"（或"单位：万元"）',
      en: 'the range names no unit (such as "单位：元"): include the line above the header that names the unit in the range, or add a line "单位：元" (or "单位：万元") above the header inside it',
    } };
  }
  const outcome = round(book, result, target);
  if (outcome.kind === 'refused') return { error: outcome.reason };
  const origin = options.origin ? parseA1(options.origin) : { row: 0, col: 0 };
  const amounts = new Map(outcome.cells.map((c) => [c.cell, c.value]));
  const units = new Map(outcome.units.map((u) => [u.cell, u.after]));
  const spilled = values.map((line, r) => line.map((v, c): SpillValue => {
    const at = a1(origin.row + r, origin.col + c);
    const amount = amounts.get(at);
    if (amount !== undefined) return blank(v) && Number(amount) === 0 ? '' : Number(amount);
    return units.get(at) ?? (blank(v) ? '' : (v as SpillValue));
  }));
  return { values: spilled, outcome };
}
