/**
 * ROUNDBALANCE in the BUILT custom functions bundle (test/functions/harness.ts): its chunk (roundbalance.js) and
 * HiGHS (solver.js, highs.wasm) are fetched from the add-in's own files on its first call only, and the spilled
 * table is exact; bad arguments are #VALUE! with the message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRange } from '../../src/range-check';
import { parseTsv } from '../../src/snapshot';
import { CORPUS } from '../helpers/fixtures';
import { at, callFunction, callFunctionAsync, consoleErrors, loadBundle, requests, TEST_BASE_URL } from './harness';

/** 区政府办公室's 一般公共预算基本支出经济分类表 in 元 from its unit line (A2): amounts as numbers, codes as text, blanks null. */
function basicInYuan(): unknown[][] {
  const grid = parseTsv(readFileSync(join(CORPUS, 'sh-putuo-zfb-2025-budget', '08_一般公共预算基本支出经济分类表.tsv'), 'utf8')).slice(1);
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => {
    const v = row[c] ?? '';
    return v === '' ? null : /^-?[\d,]+\.\d+$/.test(v) ? Number(v.replace(/,/g, '')) : v;
  }));
}
const ADDRESS = "'一般公共预算基本支出经济分类表'!A2:G40";

describe('ROUNDBALANCE in the built bundle', () => {
  beforeAll(() => {
    loadBundle();
  }, 300_000);

  test('the first call loads its chunk and HiGHS from the add-in, and spills a table CHECKTOTALS finds exact', async () => {
    expect(requests).toEqual([]);
    const range = basicInYuan();
    const r = await callFunctionAsync('ROUNDBALANCE', range, null, null, at(ADDRESS));
    expect(r.error).toBeUndefined();
    const out = r.value as unknown[][];
    expect(out).toHaveLength(range.length);
    expect(out[0]).toContain('单位：万元');
    expect(checkRange(out as never, { origin: 'A2', strict: true }).summary).toMatch(/^✓ 平衡/);
    // The chunk and the solver side by side, then the WebAssembly: from the add-in's own base URL, nowhere else.
    expect([...requests].sort()).toEqual([`${TEST_BASE_URL}highs.wasm`, `${TEST_BASE_URL}roundbalance.js`, `${TEST_BASE_URL}solver.js`]);
    expect(consoleErrors).toEqual([]);
    // Once loaded, nothing is fetched again.
    expect(await callFunctionAsync('ROUNDBALANCE', range, '万元', 2, at(ADDRESS))).toEqual(r);
    expect(requests).toHaveLength(3);
  });

  test('a bad unit, bad decimals and a range without its unit line: #VALUE! with the reason', async () => {
    expect(await callFunctionAsync('ROUNDBALANCE', basicInYuan(), '千元', null, at(ADDRESS))).toEqual({ error: { code: '#VALUE!', message: '未知单位"千元"：可用 万元 或 元 / unknown unit "千元": use 万元 (wan) or 元 (yuan)' } });
    expect((await callFunctionAsync('ROUNDBALANCE', basicInYuan(), null, 9, at(ADDRESS))).error).toEqual({ code: '#VALUE!', message: '小数位数应为 0 到 6 的整数 / decimals must be a whole number from 0 to 6' });
    const noUnit = await callFunctionAsync('ROUNDBALANCE', basicInYuan().slice(1), null, null, at("'一般公共预算基本支出经济分类表'!A3:G40"));
    expect(noUnit.error).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^区域中没有注明单位/) });
    expect(noUnit.error?.unhandled).toBeUndefined();
  });

  test('answers with a promise (Excel shows #BUSY! meanwhile): it never holds up recalculation', () => {
    expect(() => callFunction('ROUNDBALANCE', basicInYuan(), null, null, at(ADDRESS))).toThrow('ROUNDBALANCE returned a promise');
  });
});
