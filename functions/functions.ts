import { checkRange, parseRangeOptions, type RangeOptions } from '../src/range-check';
import { loadLocator, loadSolver, locateAll, type Locate } from '../taskpane/solver';
import type { RangeRound } from '../src/range-round';
import { subjectCode, subjectLevel, subjectName, subjectParent, type FunctionResult } from '../src/catalog/functions';
import type { CellValue } from '../src/snapshot';
import { currentCatalog } from '../src/catalog/persist';
import type { FunctionContext } from '../src/catalog/functions';

/** Where the task pane keeps the budget year it found in the workbook's tables (document settings). */
const YEAR_KEY = 'budget-check.budget-year';

/** The workbook's budget year, when a validation found one; on the shared runtime Office.context is at hand. */
function workbookYear(): number | undefined {
  try {
    const y: unknown = typeof Office === 'undefined' ? undefined : Office.context?.document?.settings?.get(YEAR_KEY);
    return typeof y === 'number' && Number.isInteger(y) ? y : undefined;
  } catch {
    return undefined;
  }
}

/** A catalog imported in the task pane (same page, same localStorage) answers first, as in the engine. */
function context(): FunctionContext {
  return { catalog: currentCatalog(typeof localStorage === 'undefined' ? undefined : localStorage), workbookYear: workbookYear() };
}

/** Excel passes scalars; anything else (an error value object) is read as its text. */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function origin(address: string | undefined): { sheet?: string; origin?: string } {
  // "Sheet1!B3:H20" or "'预算 表'!B3:H20"
  const m = address ? /^(?:'?(.*?)'?!)?\$?([A-Z]+)\$?(\d+)/.exec(address) : null;
  return m ? { sheet: m[1] || undefined, origin: `${m[2]}${m[3]}` } : {};
}

/**
 * Where CHECKTOTALS "detail" gets the error locator: the solver chunk (HiGHS), loaded from the add-in's own files
 * on first use, on this shared-runtime page. Tests of the source give the Node solver here.
 */
export const locator: { load: () => Promise<Locate> } = { load: loadLocator };

/**
 * 核对表格区域内的合计是否平衡：类 = Σ款、款 = Σ项、合计 = Σ类，以及合计列 = 各组成列之和；差额在舍入范围内的记为尾差。
 * Checks whether the totals in a budget table range add up; differences within rounding are graded as rounding.
 * @customfunction CHECKTOTALS
 * @requiresParameterAddresses
 * @param range 表格区域，含表头（科目编码、科目名称、合计、基本支出…） / The table range including its header rows.
 * @param [options] 选项：detail（明细，溢出为表格，末列标出疑似错格及其应有值）、strict（严格，差额一律为错误）或 auto（按尾差规则，默认） / Options: detail (spill a table whose last column marks the likely wrong cells and their values), strict (every difference is an error) or auto (the rounding rule, default).
 * @param invocation Invocation parameters.
 * @returns ✓ 平衡（只有尾差时也是 ✓，并列出尾差），或 ✗ 不平之处及其单元格；detail 时为明细表，金额为数值 / ✓ balanced (✓ too when only rounding differs, the differences listed), or ✗ with what does not add up and where; with detail a table, amounts as numbers.
 */
// `unknown[][]` is what the metadata generator reads as a range of any cells.
export async function checkTotals(range: unknown[][], options: unknown, invocation: CustomFunctions.Invocation): Promise<unknown[][]> {
  const opts = parseRangeOptions(typeof options === 'string' ? options : '');
  if ('error' in opts) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, opts.error);
  const values = range.map((row) => row.map(cellValue));
  const settings: RangeOptions = { ...origin(invocation.parameterAddresses?.[0]), strict: opts.strict };
  const r = checkRange(values, settings);
  // One answer shape for both: a 1×1 spill for the summary line.
  if (!opts.detail) return [[r.summary]];
  // Only a table that does not add up (beyond 尾差) loads the solver, for the detail's last column.
  if (!r.failed) return r.table;
  const locate = await locator.load().catch(() => null);
  // One table is small: located in one go, without the pane's time budget.
  return checkRange(values, { ...settings, locate: locate && ((checked) => locateAll(locate(checked))) }).table;
}

/**
 * Where ROUNDBALANCE gets 舍位平衡: its own chunk (roundbalance.js: src/range-round and src/round) and HiGHS (the
 * solver chunk), both loaded from the add-in's own files on first use — none of it is in this bundle. Tests of the
 * source give the Node solver here.
 */
export const rounder: { load: () => Promise<RangeRound> } = {
  load: async () => {
    // `.js` as Node's ES module rules want it: webpack maps it to the .ts source (resolve.extensionAlias).
    const [m, solver] = await Promise.all([import(/* webpackChunkName: "roundbalance" */ './round-chunk.js'), loadSolver()]);
    return (values, unit, decimals, options) => m.roundRange(values, unit, decimals, options, (workbook, result, target) => m.roundWorkbook(workbook, result, target, solver));
  },
};

/**
 * 舍位平衡：把表格区域换算为目标单位和小数位数，使每个合计与其明细之和完全相等（每格只向下或向上舍入，离原值不超过末位一个单位）；已是目标单位的，用最少的 ±0.01 调整消除尾差。溢出为同样形状的表格，金额为数值，单位行改写。
 * Rounding balance: the table range converted to the target unit and decimals with every total exactly equal to the sum of its details (each cell rounded down or up only); a range already at the target gets the fewest one-unit changes that remove its rounding differences. Spills a table of the same shape, amounts as numbers, the unit line rewritten.
 * @customfunction ROUNDBALANCE
 * @requiresParameterAddresses
 * @param range 表格区域，含注明单位的行（如"单位：元"）和表头 / The table range, including the line above the header that names its unit, and the header.
 * @param [unit] 目标单位：万元（默认）或 元 / Target unit: wan (10,000 yuan; the default) or yuan.
 * @param [decimals] 小数位数，0 到 6，默认 2 / Decimals, 0 to 6; 2 by default.
 * @param invocation Invocation parameters.
 * @returns 平衡后的表格，与区域同样形状 / The balanced table, in the shape of the range.
 */
export async function roundBalance(range: unknown[][], unit: unknown, decimals: unknown, invocation: CustomFunctions.Invocation): Promise<unknown[][]> {
  const round = await rounder.load().catch(() => null);
  if (!round) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, '舍位平衡组件未能加载（此环境无法运行 WebAssembly，或文件无法获取） / the rounding component could not load (no WebAssembly here, or a file could not be fetched)');
  const r = round(range.map((row) => row.map(cellValue)), unit, decimals, origin(invocation.parameterAddresses?.[0]));
  if ('error' in r) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${r.error.zh} / ${r.error.en}`);
  return r.values;
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('CHECKTOTALS', checkTotals);
  CustomFunctions.associate('ROUNDBALANCE', roundBalance);
}

function settle<T>(r: FunctionResult<T>): T {
  if (r.ok) return r.value;
  throw new CustomFunctions.Error(r.error === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue, r.message);
}

/**
 * 按科目编码返回科目名称（政府收支分类科目，内置目录，离线可用）。
 * Returns the name of a budget subject code.
 * @customfunction SUBJECTNAME
 * @param code 科目编码，如 2101103 或 "210 11 03" / The subject code.
 * @param [year] 年度，默认最新版目录 / Edition year; the newest by default.
 * @param [kind] 分类：function、dept-economic、gov-economic / Classification kind.
 * @returns 科目名称 / The subject name.
 */
export function subjectNameFn(code: unknown, year?: unknown, kind?: unknown): string {
  return settle(subjectName(scalar(code), optional(year), optionalText(kind), context()));
}

/**
 * 按科目名称返回科目编码。
 * Returns the code of a budget subject name.
 * @customfunction SUBJECTCODE
 * @param name 科目名称，如 公务员医疗补助 / The subject name.
 * @param [year] 年度 / Edition year.
 * @param [kind] 分类：function、dept-economic、gov-economic / Classification kind.
 * @returns 科目编码 / The subject code.
 */
export function subjectCodeFn(name: unknown, year?: unknown, kind?: unknown): string {
  return settle(subjectCode(String(scalar(name)), optional(year), optionalText(kind), context()));
}

/**
 * 返回科目级次：类、款或项。
 * Returns the level of a subject code (class, section or item), in Chinese.
 * @customfunction SUBJECTLEVEL
 * @param code 科目编码 / The subject code.
 * @returns 类、款或项 / The level.
 */
export function subjectLevelFn(code: unknown): string {
  return settle(subjectLevel(scalar(code), context()));
}

/**
 * 返回上级科目编码（项→款，款→类）。
 * Returns the parent code of a subject.
 * @customfunction SUBJECTPARENT
 * @param code 科目编码 / The subject code.
 * @returns 上级科目编码 / The parent code.
 */
export function subjectParentFn(code: unknown): string {
  return settle(subjectParent(scalar(code), context()));
}

function scalar(v: unknown): string | number {
  return typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v);
}

function optional(v: unknown): number | string | null {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

function optionalText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('SUBJECTNAME', subjectNameFn);
  CustomFunctions.associate('SUBJECTCODE', subjectCodeFn);
  CustomFunctions.associate('SUBJECTLEVEL', subjectLevelFn);
  CustomFunctions.associate('SUBJECTPARENT', subjectParentFn);
}
