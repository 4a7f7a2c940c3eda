/**
 * CHECKTOTALS "detail"'s last column (src/range-check): how each kind of located cause is written, given the
 * causes directly — certain, ambiguous (every alternative named, never worded as certain), not verified, none
 * because no change of cells explains the failure, none because the locator did not work it out.
 */
import type { Cause, LocateReport } from '../../src/locate/locate';
import { checkRange, type RangeLocate } from '../../src/range-check';
import { fixtureGrid } from '../helpers/fixtures';

/** The 张家口 支出总表 from its header row (A5), with 2082701 typed 0.27 for 0.72: rows 18 (20827) and 19 fail. */
function planted(): unknown[][] {
  const range: unknown[][] = fixtureGrid('004', 'expenditure').slice(4).map((row) => row.map((c) => (c === '' ? null : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  range[range.findIndex((row) => String(row[1]) === '2082701')][3] = 0.27;
  return range;
}

const values = () => planted().map((row) => row.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : null)));

/** A locator answering `make(findings failing)`, with the rest of its report (`more`) given the same findings. */
function causesOf(make: (findings: number[]) => Cause[], more: (findings: number[]) => Partial<LocateReport> = () => ({})): RangeLocate {
  return (checked) => {
    const findings = [...new Set(checked.flatMap((c) => (c.outcome === 'failed' && c.finding !== undefined ? [c.finding] : [])))];
    return { causes: make(findings), unexamined: 0, unsolvable: 0, unexplained: [], ...more(findings) };
  };
}

const at = (cell: string, suggested = '0.72', sheet = '支出总表') => ({ sheet, cell, table: 'expenditure', current: '0.27', suggested });

function cause(findings: number[], more: Partial<Cause> = {}): Cause {
  return { ...at('D19'), id: 'C1', findings, within: 2, between: 0, alternatives: [], together: [], certain: true, ...more };
}

const column = (locate: RangeLocate | null | undefined, lang: 'zh' | 'en' = 'zh') =>
  checkRange(values(), { origin: 'A5', sheet: '支出总表', locate, lang }).table.slice(1).map((row) => row[7]);

test('without a locator the column is empty; 尾差 rows are always empty', () => {
  expect(column(undefined)).toEqual(['', '', '', '']);
  expect(checkRange(values(), { origin: 'A5', sheet: '支出总表' }).failed).toBe(true);
});

test('certain: the cell and the value it should have, in either language', () => {
  expect(column(causesOf((f) => [cause(f)]))).toEqual(['', '', 'D19 应为 0.72', 'D19 应为 0.72']);
  expect(column(causesOf((f) => [cause(f)]), 'en')).toEqual(['', '', 'D19 should be 0.72', 'D19 should be 0.72']);
});

test('ambiguous: "可能", with every other explanation named; cells of other sheets with their sheet', () => {
  const locate = causesOf((f) => [cause(f, { certain: false, alternatives: [[at('D18', '4.11')], [at('E19', '0'), at('E5', '1', '收入总表')]] })]);
  expect(column(locate)).toEqual(['', '', '可能 D19 应为 0.72（或 D18；或 E19 和 收入总表!E5）', '可能 D19 应为 0.72（或 D18；或 E19 和 收入总表!E5）']);
  expect(column(locate, 'en')[2]).toBe('maybe D19 should be 0.72 (or D18; or E19 and 收入总表!E5)');
});

test('not verified exactly, and no cause at all', () => {
  expect(column(causesOf((f) => [cause(f, { certain: false })]))[2]).toBe('可能 D19 应为 0.72（未能精确核验）');
  expect(column(null)).toEqual(['', '', '未能定位（求解器未能加载）', '未能定位（求解器未能加载）']);
});

test('no cause: "no change of cells explains it" only when the locator says so, else not worked out', () => {
  const unexplained = causesOf(() => [], (f) => ({ unexplained: f }));
  expect(column(unexplained)).toEqual(['', '', '没有能解释它的单元格改动', '没有能解释它的单元格改动']);
  expect(column(unexplained, 'en')[2]).toBe('no change of cells explains it');
  // Not reached in its time, or beyond the solver: the locator does not know, and neither does the column.
  for (const more of [(f: number[]) => ({ unexamined: f.length }), (f: number[]) => ({ unsolvable: f.length })]) {
    expect(column(causesOf(() => [], more))).toEqual(['', '', '未能推断原因', '未能推断原因']);
    expect(column(causesOf(() => [], more), 'en')[3]).toBe('the cause could not be worked out');
  }
});

test('a table that adds up (尾差 only) has nothing to locate, and the locator is not asked', () => {
  const range = values();
  range[range.findIndex((row) => String(row[1]) === '2082701')][3] = 0.72;
  let asked = 0;
  const r = checkRange(range, { origin: 'A5', sheet: '支出总表', locate: causesOf(() => { asked++; return []; }) });
  expect(r.failed).toBe(false);
  expect(asked).toBe(0);
});

test('strict: the 尾差 graded as errors are still not located; the real error is', () => {
  let given = 0;
  const locate: RangeLocate = (checked) => {
    given = checked.filter((c) => c.outcome === 'failed').length;
    return causesOf((f) => [cause(f)])(checked);
  };
  const r = checkRange(values(), { origin: 'A5', sheet: '支出总表', locate, strict: true });
  expect(r.table.slice(1).map((row) => [row[0], row[6], row[7]])).toEqual([
    [13, '错误', ''], [13, '错误', ''], [18, '错误', 'D19 应为 0.72'], [19, '错误', 'D19 应为 0.72'],
  ]);
  // The locator is given the relations graded by the rounding rule: the two that fail beyond it.
  expect(given).toBe(2);
});
