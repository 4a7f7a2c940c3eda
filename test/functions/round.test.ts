/**
 * BUDGET.ROUNDBALANCE from its source, with the Node solver (the add-in loads its chunk and highs.wasm instead:
 * test/functions/harness.test.ts): a 元 table converted to 万元 spills a table CHECKTOTALS finds exact where plain
 * rounding leaves 尾差; a 万元 table with 尾差 gets its ±0.01 changes; bad arguments and ranges are #VALUE! with a
 * Chinese-first message, a solver that cannot load is #N/A.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rounder, roundBalance } from '../../functions/functions';
import { checkRange } from '../../src/range-check';
import { parseRoundArgs, roundRange, type RangeRound, type RoundFn } from '../../src/range-round';
import { roundWorkbook } from '../../src/round/round';
import { Decimal } from '../../src/money';
import { parseTsv, type CellValue } from '../../src/snapshot';
import { CORPUS, fixtureGrid } from '../helpers/fixtures';
import { nodeSolver } from '../helpers/solver';

/** 舍位平衡 with the Node solver (HiGHS from node_modules), where the add-in loads roundbalance.js and highs.wasm. */
async function nodeRounder(): Promise<RoundFn> {
  const solver = await nodeSolver();
  return (workbook, result, target) => roundWorkbook(workbook, result, target, solver);
}

async function nodeRangeRounder(): Promise<RangeRound> {
  const round = await nodeRounder();
  return (values, unit, decimals, options) => roundRange(values, unit, decimals, options, round);
}

class FakeError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

const invocation = (address?: string) => ({ parameterAddresses: address ? [address] : undefined }) as CustomFunctions.Invocation;
/** An amount (printed with its decimals) as a number; codes and their parts (301, 01) as the text they are printed as. */
const NUMBER = /^-?[\d,]+\.\d+$/;

/** A grid as Excel hands it to a custom function: numbers as numbers, blanks as 0 (desktop) or null (web). */
function asRange(grid: readonly (readonly string[])[], blank: 0 | null): CellValue[][] {
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((row) => Array.from({ length: width }, (_, c): CellValue => {
    const v = row[c] ?? '';
    return v === '' ? blank : NUMBER.test(v) ? Number(v.replace(/,/g, '')) : v;
  }));
}

/** 区政府办公室's 一般公共预算基本支出经济分类表 in 元, from its unit line (A2) down. */
function basicInYuan(blank: 0 | null = null): CellValue[][] {
  const grid = parseTsv(readFileSync(join(CORPUS, 'sh-putuo-zfb-2025-budget', '08_一般公共预算基本支出经济分类表.tsv'), 'utf8'));
  return asRange(grid.slice(1), blank);
}
const BASIC_AT = '一般公共预算基本支出经济分类表!A2';

/** Each amount rounded on its own, as Excel's ROUND(x/10000, 2) does. */
function plainRound(range: CellValue[][]): CellValue[][] {
  return range.map((row) => row.map((v) => (typeof v === 'number' ? new Decimal(v).div(10_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber() : v === '单位：元' ? '单位：万元' : v)));
}

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeError, ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' } };
  rounder.load = nodeRangeRounder;
});
afterAll(() => { delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions; });

describe('BUDGET.ROUNDBALANCE', () => {
  test('元 → 万元: the spilled table is exact (CHECKTOTALS strict: ✓) where plain rounding leaves 尾差; each amount within 0.01', async () => {
    const range = basicInYuan();
    // The unit line names 元 in its last column: plain rounding to 万元 leaves differences CHECKTOTALS sees strictly.
    const plain = checkRange(plainRound(range), { origin: 'A2', strict: true });
    expect(plain.summary).toMatch(/^✗ 3 处不平/);
    const out = await roundBalance(range, null, null, invocation(`'${BASIC_AT.split('!')[0]}'!A2:G40`));
    expect(out).toHaveLength(range.length);
    expect(out.every((row, r) => row.length === range[r].length)).toBe(true);
    expect(out[0]).toContain('单位：万元');
    expect(checkRange(out as never, { origin: 'A2', strict: true }).summary).toMatch(/^✓ 平衡/);
    // Amounts are numbers with at most two decimals, each its 元 value in 万元 rounded down or up; text as it was.
    range.forEach((row, r) => row.forEach((v, c) => {
      const got = out[r][c];
      if (typeof v === 'number') {
        expect(typeof got).toBe('number');
        expect(new Decimal(got as number).decimalPlaces()).toBeLessThanOrEqual(2);
        expect(new Decimal(got as number).minus(new Decimal(v).div(10_000)).abs().lt(0.01)).toBe(true);
      } else if (v !== null && v !== '单位：元' && !String(v).includes('单位：元')) {
        expect(got).toBe(v);
      } else if (v === null) {
        expect(got).toBe('');
      }
    }));
    // Only a few cells leave plain rounding: those that make the totals add up.
    const moved = out.flatMap((row, r) => row.filter((v, c) => typeof v === 'number' && v !== plainRound(range)[r][c]));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThanOrEqual(6);
  });

  test('blanks as 0 (desktop) and as null (web) give the same table', async () => {
    const at = invocation(`'一般公共预算基本支出经济分类表'!A2:G40`);
    expect(await roundBalance(basicInYuan(0), '万元', 2, at)).toEqual(await roundBalance(basicInYuan(null), '万元', 2, at));
  });

  test('a 万元 table with 尾差 (张家口 支出总表, 款 20805): the fewest ±0.01 changes, then exact', async () => {
    const grid = fixtureGrid('004', 'expenditure');
    const from = grid.findIndex((row) => row.some((c) => c.startsWith('单位：')));
    const range = asRange(grid.slice(from), null);
    const origin = `A${from + 1}`;
    expect(checkRange(range, { origin, strict: true }).summary).toMatch(/^✗ 1 处不平：D\d+ 款 20805/);
    const out = await roundBalance(range, null, null, invocation(`支出总表!${origin}:I30`));
    expect(checkRange(out as never, { origin, strict: true }).summary).toMatch(/^✓ 平衡/);
    const changed = range.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'number' && out[r][c] !== v ? [[v, out[r][c]]] : [])));
    expect(changed.length).toBeGreaterThan(0);
    for (const [was, now] of changed) expect(new Decimal(now as number).minus(was as number).abs().toFixed(2)).toBe('0.01');
  });

  test('元 with 0 decimals, and back to 元 from 万元: the arguments are read', async () => {
    const at = invocation(`'一般公共预算基本支出经济分类表'!A2:G40`);
    const whole = await roundBalance(basicInYuan(), '万元', 0, at);
    expect(checkRange(whole as never, { origin: 'A2', strict: true }).summary).toMatch(/^✓ 平衡/);
    expect(whole.flat().filter((v) => typeof v === 'number').every((v) => Number.isInteger(v))).toBe(true);
    const yuan = await roundBalance(basicInYuan(), '元', 2, at);
    // Already in 元 with two decimals and exact: nothing changes but nothing is lost either.
    expect(yuan).toEqual(basicInYuan().map((row) => row.map((v) => (v === null ? '' : v))));
  });

  test('no unit in the range, a bad unit, bad decimals, no table: #VALUE! with the reason, Chinese first', async () => {
    const noUnit = basicInYuan().slice(1);
    await expect(roundBalance(noUnit, null, null, invocation(`'一般公共预算基本支出经济分类表'!A3:G40`))).rejects.toMatchObject({
      code: '#VALUE!', message: expect.stringMatching(/^区域中没有注明单位（如"单位：元"），无法确定换算.* \/ the range names no unit/),
    });
    await expect(roundBalance(basicInYuan(), '千元', null, invocation())).rejects.toMatchObject({ code: '#VALUE!', message: '未知单位"千元"：可用 万元 或 元 / unknown unit "千元": use 万元 (wan) or 元 (yuan)' });
    for (const d of [7, 1.5, -1, 'two', true]) {
      await expect(roundBalance(basicInYuan(), null, d, invocation())).rejects.toMatchObject({ code: '#VALUE!', message: '小数位数应为 0 到 6 的整数 / decimals must be a whole number from 0 to 6' });
    }
    await expect(roundBalance([[1, 2], [3, 4]], null, null, invocation())).rejects.toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^未识别到有金额的表格/) });
  });

  test('the solver cannot load (no WebAssembly): #N/A saying so', async () => {
    rounder.load = () => Promise.reject(new Error('WebAssembly is not available'));
    try {
      await expect(roundBalance(basicInYuan(), null, null, invocation())).rejects.toMatchObject({ code: '#N/A', message: expect.stringMatching(/^舍位平衡组件未能加载.* \/ the rounding component could not load/) });
    } finally {
      rounder.load = nodeRangeRounder;
    }
  });
});

describe('the arguments (src/range-round)', () => {
  test('unit: 万元 by default, 万元 / 元 / wan / yuan in any case and spacing; decimals 2 by default, 0 to 6', () => {
    expect(parseRoundArgs(null, null)).toEqual({ unit: 'wan', decimals: 2 });
    expect(parseRoundArgs('', '')).toEqual({ unit: 'wan', decimals: 2 });
    expect(parseRoundArgs(' 元 ', 0)).toEqual({ unit: 'yuan', decimals: 0 });
    expect(parseRoundArgs('WAN', '6')).toEqual({ unit: 'wan', decimals: 6 });
    expect(parseRoundArgs('Yuan', 3)).toEqual({ unit: 'yuan', decimals: 3 });
    // Names every object has are no units.
    expect(parseRoundArgs('constructor', null)).toMatchObject({ error: { zh: '未知单位"constructor"：可用 万元 或 元' } });
    expect(parseRoundArgs(1, null)).toMatchObject({ error: { zh: '未知单位"1"：可用 万元 或 元' } });
  });

  test('the range is read at its sheet addresses: a table placed anywhere gives the same values', async () => {
    const round = await nodeRounder();
    const a = roundRange(basicInYuan(), null, null, { origin: 'A2' }, round);
    const b = roundRange(basicInYuan(), null, null, { origin: 'K20' }, round);
    expect('values' in a && 'values' in b && a.values).toEqual('values' in b && b.values);
  });
});
