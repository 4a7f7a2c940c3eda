import { readFileSync } from 'node:fs';
import { fixtureGrid } from '../helpers/fixtures';
import { at, callFunction, callFunctionAsync, consoleErrors, loadBundle, METADATA, registeredIds, requests, TEST_BASE_URL } from './harness';
import type { FunctionsMetadata } from '../../scripts/localize-functions';

/** The 张家口 支出总表 from its header row (A5 on the sheet) down: numbers as numbers, blanks as null (web) or 0 (desktop). */
function expenditureRange(blank: 0 | null): unknown[][] {
  return fixtureGrid('004', 'expenditure').slice(4).map((row) => row.map((c) => (c === '' ? blank : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

describe('the built custom functions bundle (dist/addin-test/functions.js) in a fake Excel runtime', () => {
  // Builds first (npm run build:addin) when the bundle is missing or older than its sources (about a minute).
  beforeAll(() => {
    loadBundle();
  }, 300_000);

  test('registers exactly the functions of functions.json', () => {
    const meta = JSON.parse(readFileSync(METADATA, 'utf8')) as FunctionsMetadata;
    expect(registeredIds().sort()).toEqual(meta.functions.map((f) => f.id).sort());
    expect(registeredIds().sort()).toEqual(['CHECKTOTALS', 'ROUNDBALANCE', 'SUBJECTCODE', 'SUBJECTLEVEL', 'SUBJECTNAME', 'SUBJECTPARENT']);
  });

  test('SUBJECTNAME', () => {
    expect(callFunction('SUBJECTNAME', '2101103')).toEqual({ value: '公务员医疗补助' });
    expect(callFunction('SUBJECTNAME', '2101109', 2025)).toEqual({ error: { code: '#N/A', message: '2025年支出功能分类中没有科目 2101109' } });
    expect(callFunction('SUBJECTNAME', 'abc').error?.code).toBe('#VALUE!');
  });

  test('SUBJECTCODE, SUBJECTLEVEL and SUBJECTPARENT', () => {
    expect(callFunction('SUBJECTCODE', '公务员医疗补助')).toEqual({ value: '2101103' });
    expect(callFunction('SUBJECTLEVEL', 21011)).toEqual({ value: '款' });
    expect(callFunction('SUBJECTPARENT', '2101103')).toEqual({ value: '21011' });
    const parent = callFunction('SUBJECTPARENT', '210');
    expect(parent.value).toBeUndefined();
    expect(parent.error).toMatchObject({ code: '#N/A' });
    expect(parent.error?.unhandled).toBeUndefined();
  });

  test('CHECKTOTALS on the 张家口 支出总表 cites the sheet addresses of the range', async () => {
    const r = await callFunctionAsync('CHECKTOTALS', expenditureRange(null), at('支出总表!A5:I27'));
    expect(r.error).toBeUndefined();
    const value = r.value as string[][];
    expect(value).toHaveLength(1);
    expect(value[0][0]).toBe('✓ 没有错误；1 处尾差（可说明）：D13 款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
  });

  test('CHECKTOTALS detail on a table with an error loads the solver chunk and highs.wasm from the add-in, and marks the likely wrong cell', async () => {
    // Until then nothing was loaded: the summary lines need no solver.
    expect(requests).toEqual([]);
    const range = expenditureRange(null);
    range[range.findIndex((row) => String(row[1]) === '2082701')][3] = 0.27;
    const detail = await callFunctionAsync('CHECKTOTALS', range, 'detail', at('支出总表!A5:I27'));
    expect(detail.value).toEqual([
      ['行', '科目', '列', '填报数', '计算数', '差额', '级别', '疑似错格'],
      [13, '20805', '合计', 536.45, 536.44, 0.01, '尾差', ''],
      [13, '20805', '基本支出', 536.45, 536.44, 0.01, '尾差', ''],
      [18, '20827', '合计', 4.11, 3.66, 0.45, '错误', 'D19 应为 0.72'],
      [19, '2082701', '合计', 0.27, 0.72, -0.45, '错误', 'D19 应为 0.72'],
    ]);
    // From the add-in's own base URL, nowhere else: the chunk, then the WebAssembly (compiled as it streams in).
    expect(requests).toEqual([`${TEST_BASE_URL}solver.js`, `${TEST_BASE_URL}highs.wasm`]);
    expect(consoleErrors).toEqual([]);
    // Once loaded, the solver is not fetched again.
    const again = await callFunctionAsync('CHECKTOTALS', range, 'detail', at('支出总表!A5:I27'));
    expect(again).toEqual(detail);
    expect(requests).toHaveLength(2);
  });

  test('CHECKTOTALS with detail spills one row per difference; strict makes them errors; a bad option is #VALUE!', async () => {
    const detail = await callFunctionAsync('CHECKTOTALS', expenditureRange(null), 'detail', at('支出总表!A5:I27'));
    expect(detail.value).toEqual([
      ['行', '科目', '列', '填报数', '计算数', '差额', '级别', '疑似错格'],
      [13, '20805', '合计', 536.45, 536.44, 0.01, '尾差', ''],
      [13, '20805', '基本支出', 536.45, 536.44, 0.01, '尾差', ''],
    ]);
    const strict = await callFunctionAsync('CHECKTOTALS', expenditureRange(null), '明细 严格', at('支出总表!A5:I27'));
    expect((strict.value as string[][]).slice(1).map((r) => r[6])).toEqual(['错误', '错误']);
    // Strict grades the 0.01 as an error, but a 尾差 is still no error to locate.
    expect((strict.value as string[][]).slice(1).map((r) => r[7])).toEqual(['', '']);
    const bad = await callFunctionAsync('CHECKTOTALS', expenditureRange(null), 'verbose', at('支出总表!A5:I27'));
    expect(bad.error).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('未知选项"verbose"') });
  });

  test('CHECKTOTALS gives the same answer with blanks as 0 (desktop) and as null (web)', async () => {
    const web = await callFunctionAsync('CHECKTOTALS', expenditureRange(null), at('支出总表!A5:I27'));
    const desktop = await callFunctionAsync('CHECKTOTALS', expenditureRange(0), at('支出总表!A5:I27'));
    expect(desktop).toEqual(web);
  });

  test('the harness refuses calls Excel could not make', () => {
    expect(() => callFunction('SUBJECTLEVEL')).toThrow(/required argument code/);
    expect(() => callFunction('SUBJECTLEVEL', 1, 2)).toThrow(/takes 1 arguments/);
    expect(() => callFunction('SUBJECTLEVEL', [[21011]])).toThrow(/single value/);
    expect(() => callFunction('CHECKTOTALS', expenditureRange(null))).toThrow(/requires parameter addresses/);
    expect(() => callFunction('CHECKTOTALS', [[undefined]], at('Sheet1!A1'))).toThrow(/not a value Excel can pass/);
    expect(() => callFunction('NOSUCHFN')).toThrow(/not registered/);
  });
});
