import { checkRange } from '../src/range-check';
import type { CellValue } from '../src/snapshot';

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
 * 核对表格区域内的合计是否平衡：类 = Σ款、款 = Σ项、合计 = Σ类，以及合计列 = 各组成列之和；差额在舍入范围内的记为尾差。
 * Checks whether the totals in a budget table range add up.
 * @customfunction CHECKTOTALS
 * @requiresParameterAddresses
 * @param range 表格区域，含表头（科目编码、科目名称、合计、基本支出…） / The table range including its header rows.
 * @param invocation Invocation parameters.
 * @returns ✓ 平衡，或 ✗ 不平之处及其单元格 / ✓ balanced, or ✗ with what does not add up and where.
 */
// `unknown[][]` is what the metadata generator reads as a range of any cells.
export function checkTotals(range: unknown[][], invocation: CustomFunctions.Invocation): string {
  const where = origin(invocation.parameterAddresses?.[0]);
  return checkRange(range.map((row) => row.map(cellValue)), where).summary;
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('CHECKTOTALS', checkTotals);
}
