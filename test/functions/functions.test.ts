import { checkTotals, locator, subjectCodeFn, subjectLevelFn, subjectNameFn, subjectParentFn } from '../../functions/functions';
import { nodeLocator } from '../taskpane/locator';
import { fixtureGrid } from '../helpers/fixtures';
import { importCatalog } from '../../src/catalog/import';
import { forgetImportedCatalog, saveImportedCatalog } from '../../src/catalog/persist';

/** The 支出总表 as Excel hands it to a custom function: numbers as numbers, blanks as 0 (desktop) or null (web). */
function rangeOf(blank: 0 | null): unknown[][] {
  return fixtureGrid('004', 'expenditure').slice(4).map((row) => row.map((c) => (c === '' ? blank : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

const invocation = (address?: string) => ({ parameterAddresses: address ? [address] : undefined }) as CustomFunctions.Invocation;

describe('BUDGET.CHECKTOTALS', () => {
  // The solver chunk is webpack's; the source gets the Node solver (test/functions/harness.test.ts loads the chunk).
  const chunk = locator.load;
  beforeAll(() => { locator.load = nodeLocator; });
  afterAll(() => { locator.load = chunk; });

  test('the 张家口 支出总表 reports 20805 as 尾差, citing the sheet addresses of the range', async () => {
    // The range starts at the header row, A5 on the sheet.
    const out = (await checkTotals(rangeOf(null), null, invocation('支出总表!A5:I27')))[0][0];
    // 合计 and 基本支出 fail alike (536.45 vs 536.44): one finding naming both columns, at the first one's total.
    expect(out).toBe('✓ 没有错误；1 处尾差（可说明）：D13 款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
    // Only a 尾差 is no error (✓); strict makes it one (✗).
    expect((await checkTotals(rangeOf(null), 'strict', invocation('支出总表!A5:I27')))[0][0]).toMatch(/^✗ 1 处不平：D13 款 20805 /);
  });

  test('detail spills a row per column of the 20805 finding, and a row per number stored as text', async () => {
    const range = rangeOf(null);
    const r2080501 = range.findIndex((row) => String(row[1]) === '2080501');
    range[r2080501][3] = '269.32';
    range[r2080501][4] = '269.32';
    const detail = await checkTotals(range, 'detail', invocation('支出总表!A5:I27'));
    // 尾差 and notes are no errors to locate: the last column (疑似错格) stays empty.
    expect(detail).toEqual([
      ['行', '科目', '列', '填报数', '计算数', '差额', '级别', '疑似错格'],
      [13, '20805', '合计', 536.45, 536.44, 0.01, '尾差', ''],
      [13, '20805', '基本支出', 536.45, 536.44, 0.01, '尾差', ''],
      // One value-hygiene finding for both cells (text numbers still count in the sums), a row for each.
      [14, '2080501', '合计', 269.32, '', '', '警告', ''],
      [14, '2080501', '基本支出', 269.32, '', '', '警告', ''],
    ]);
    expect((await checkTotals(range, null, invocation('支出总表!A5:I27')))[0][0]).toBe('✓ 没有错误；1 处尾差（可说明）：D13 款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）；另有 1 处须注意：D14 支出总表有 2 个数字以文本存储（D14、E14，如"269.32"），求和公式会漏算它们');
  });

  test('empty cells as 0 (desktop) and as null (web) give the same answer', async () => {
    expect((await checkTotals(rangeOf(0), null, invocation('支出总表!A5:I27')))[0][0]).toBe((await checkTotals(rangeOf(null), null, invocation('支出总表!A5:I27')))[0][0]);
  });

  test('detail marks the likely wrong cell of a real error, with its value: 2082701 typed 0.27 for 0.72', async () => {
    const range = rangeOf(null);
    const r = range.findIndex((row) => String(row[1]) === '2082701');
    range[r][3] = 0.27;
    const detail = await checkTotals(range, 'detail', invocation('支出总表!A5:I27'));
    expect(detail).toEqual([
      ['行', '科目', '列', '填报数', '计算数', '差额', '级别', '疑似错格'],
      [13, '20805', '合计', 536.45, 536.44, 0.01, '尾差', ''],
      [13, '20805', '基本支出', 536.45, 536.44, 0.01, '尾差', ''],
      [18, '20827', '合计', 4.11, 3.66, 0.45, '错误', 'D19 应为 0.72'],
      [19, '2082701', '合计', 0.27, 0.72, -0.45, '错误', 'D19 应为 0.72'],
    ]);
  });

  test('detail when the solver cannot load: the errors say they were not located; the check itself is whole', async () => {
    const range = rangeOf(null);
    range[range.findIndex((row) => String(row[1]) === '2082701')][3] = 0.27;
    locator.load = () => Promise.reject(new Error('WebAssembly is not available'));
    try {
      const detail = await checkTotals(range, 'detail', invocation('支出总表!A5:I27'));
      expect(detail.map((row) => row[7])).toEqual(['疑似错格', '', '', '未能定位（求解器未能加载）', '未能定位（求解器未能加载）']);
    } finally {
      locator.load = nodeLocator;
    }
  });

  test('a balanced table says how many relations it verified', async () => {
    const range = rangeOf(null);
    const r20805 = range.findIndex((row) => String(row[1]) === '20805');
    range[r20805][3] = 536.44;
    range[r20805][4] = 536.44;
    const r208 = range.findIndex((row) => String(row[1]) === '208');
    range[r208][3] = 540.55;
    range[r208][4] = 540.55;
    const rTotal = range.findIndex((row) => row[2] === '合计');
    range[rTotal][3] = 870.36;
    range[rTotal][4] = 694.06;
    // 6 amount columns × (9 parents with children + the 合计 row) + 20 row cross-foots.
    expect((await checkTotals(range, null, invocation()))[0][0]).toBe('✓ 平衡（已核对 80 项勾稽关系）');
  });

  test('a range without a header says so instead of guessing', async () => {
    expect((await checkTotals([[1, 2], [3, 4]], null, invocation()))[0][0]).toBe('✗ 未识别到表格：区域应包含表头（科目编码、科目名称、合计…）');
  });
});

describe('BUDGET.SUBJECT* wrappers', () => {
  class FakeError extends Error {
    constructor(readonly code: string, message: string) { super(message); }
  }
  beforeAll(() => {
    (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeError, ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' } };
  });
  afterAll(() => {
    delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test('values come back as values; errors as CustomFunctions.Error with a message', () => {
    expect(subjectNameFn('2101103')).toBe('公务员医疗补助');
    expect(subjectCodeFn('公务员医疗补助')).toBe('2101103');
    expect(subjectLevelFn(21011)).toBe('款');
    expect(subjectParentFn('2101103')).toBe('21011');
    expect(() => subjectNameFn('2101109', 2025)).toThrow(expect.objectContaining({ code: '#N/A', message: '2025年支出功能分类中没有科目 2101109' }));
    expect(() => subjectNameFn('abc')).toThrow(expect.objectContaining({ code: '#VALUE!' }));
  });
});

describe('an imported catalog answers first in the add-in', () => {
  const data = new Map<string, string>();
  const store = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => { data.set(k, v); }, removeItem: (k: string) => { data.delete(k); } };
  beforeAll(() => { (globalThis as { localStorage?: unknown }).localStorage = store; });
  afterAll(() => { delete (globalThis as { localStorage?: unknown }).localStorage; });

  test('SUBJECTNAME reads the import the pane saved, and the built-in name again once it is forgotten', () => {
    expect(subjectNameFn('2101199')).toBe('其他行政事业单位医疗支出');
    const result = importCatalog([['科目编码', '科目名称'], ['210', '卫生健康支出'], ['21011', '行政事业单位医疗'], ['2101199', '其他行政事业单位医疗支出（本地口径）']], '本地目录', 2026);
    saveImportedCatalog(store, '本地目录', 2026, result);
    expect(subjectNameFn('2101199')).toBe('其他行政事业单位医疗支出（本地口径）');
    expect(subjectCodeFn('其他行政事业单位医疗支出（本地口径）')).toBe('2101199');
    forgetImportedCatalog(store);
    expect(subjectNameFn('2101199')).toBe('其他行政事业单位医疗支出');
  });
});

describe("the workbook's budget year is the default edition", () => {
  class FakeError extends Error {
    constructor(readonly code: string, message: string) { super(message); }
  }
  beforeAll(() => {
    (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeError, ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' } };
  });
  afterAll(() => { delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions; });
  afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

  test('a year found by the validation (document settings) names the edition in the #N/A message', () => {
    const settings = new Map<string, unknown>([['budget-check.budget-year', 2025]]);
    (globalThis as { Office?: unknown }).Office = { context: { document: { settings: { get: (k: string) => settings.get(k) ?? null } } } };
    expect(() => subjectNameFn('2101109')).toThrow(/2025年支出功能分类中没有科目 2101109/);
    settings.delete('budget-check.budget-year');
    expect(() => subjectNameFn('2101109')).toThrow(/2027年（同2025年版）支出功能分类中没有科目 2101109/);
  });
});
