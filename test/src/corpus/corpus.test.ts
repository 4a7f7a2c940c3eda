/**
 * The real published Shanghai documents of test/fixtures/corpus (from ../shared/corpus, laid out as a finance
 * user keeps them): each gets exactly the inconsistencies its SOURCE.md lists (EXPECTED.md in the fixture
 * folder gives their cells), graded — material ones as errors, rounding as 尾差 — and nothing else beyond
 * what is explained below. The clean document gets no error and no 尾差.
 */
import { checkWorkbook } from '../../../src/engine';
import type { Finding } from '../../../src/findings';
import { corpusWorkbook } from '../../helpers/fixtures';

type Grade = 'error' | '尾差' | 'warning' | 'info';
/** relation (or rule), subject, columns, grade, difference. */
type Expected = readonly [string, string, readonly string[], Grade, string];

function brief(f: Finding): Expected {
  return [f.relation ?? f.rule, f.subject ?? '', f.columns ?? [], f.rounding ? '尾差' : f.severity, f.difference ?? ''];
}

const sorted = (xs: readonly Expected[]) => [...xs].map((x) => JSON.stringify(x)).sort();


function check(doc: string) {
  return checkWorkbook(corpusWorkbook(doc));
}

describe('万里街道 2025 部门预算 (元, split 类 | 款 | 项)', () => {
  const { tables, findings, edition } = check('sh-putuo-wanli-2025-budget');

  test('nine tables, with the 2025 catalog edition', () => {
    expect(tables.map((t) => [t.kind, t.unit, t.year, t.stage])).toEqual([
      ['summary', 'yuan', 2025, 'budget'], ['income', 'yuan', 2025, 'budget'], ['expenditure', 'yuan', 2025, 'budget'],
      ['fiscal-summary', 'yuan', 2025, 'budget'], ['general-expenditure', 'yuan', 2025, 'budget'], ['fund-expenditure', 'yuan', 2025, 'budget'],
      ['soe-expenditure', 'yuan', 2025, 'budget'], ['basic-expenditure', 'yuan', 2025, 'budget'], ['three-public', 'wan', 2025, 'budget'],
      // The 政府采购 figures of the narrative, kept as a sheet: a table of its own, checked (its relations hold).
      ['procurement', 'wan', undefined, 'budget'],
    ]);
    expect(edition).toEqual({ year: 2025, exact: true });
  });

  test('款 21201 printed 94,995,790 over 项 adding to 94,995,789: 1 元 in whole-元 tables is 尾差, in all three tables, and nothing else', () => {
    // SOURCE.md: 21201 vs Σ项 (02, 03, 05, in every column printing it), 212 vs Σ款 (−1), and in 03/05 the row
    // 94,995,790 vs 77,381,546 + 17,614,243. Amounts print whole 元, so each stands for ±0.5 元.
    expect(sorted(findings.map(brief))).toEqual(sorted([
      ['income.hierarchy', '21201', ['total', 'fiscal'], '尾差', '1.00'],
      ['income.hierarchy', '212', ['total', 'fiscal'], '尾差', '-1.00'],
      ['expenditure.hierarchy', '21201', ['total'], '尾差', '1.00'],
      ['expenditure.hierarchy', '212', ['total'], '尾差', '-1.00'],
      ['general-expenditure.hierarchy', '21201', ['total'], '尾差', '1.00'],
      ['general-expenditure.hierarchy', '212', ['total'], '尾差', '-1.00'],
      ['expenditure.cross-foot', '21201', ['total'], '尾差', '1.00'],
      ['general-expenditure.cross-foot', '21201', ['total'], '尾差', '1.00'],
    ]));
    expect(findings.find((f) => f.relation === 'expenditure.hierarchy' && f.subject === '21201')?.cells).toEqual(['E55', 'E56', 'E57', 'E58', 'E59']);
  });

  test('the split codes are read as codes, never as money: 项 rows are 项, not duplicate 款', () => {
    const exp = tables.find((t) => t.kind === 'expenditure')!;
    expect(exp.columns.slice(0, 3).map((c) => c.role)).toEqual([{ kind: 'code', part: 1 }, { kind: 'code', part: 2 }, { kind: 'code', part: 3 }]);
    expect(exp.index.byCode.get('2120101')?.labels.main?.text).toBe('行政运行');
    expect(exp.index.duplicates.size).toBe(0);
  });
});

describe('司法局 2026 单位预算 (a cell repeating 64,840,547.00)', () => {
  const { findings } = check('sh-putuo-sfj-2026-unit-budget');

  test('the repeated 项目支出 is an error where it breaks a sum; the total printed without its 0.34 元 is 尾差', () => {
    expect(sorted(findings.map(brief))).toEqual(sorted([
      // 2040601 项目支出 64,840,547.00 (should be 0.00): its row and its 款 20406, in 03 and 05.
      ['expenditure.cross-foot', '2040601', ['total'], 'error', '-64840547.00'],
      ['expenditure.hierarchy', '20406', ['project'], 'error', '-64840547.00'],
      ['general-expenditure.cross-foot', '2040601', ['total'], 'error', '-64840547.00'],
      ['general-expenditure.hierarchy', '20406', ['project'], 'error', '-64840547.00'],
      // 合计 基本支出 printed 22,118,861 (no decimals) against Σ类 22,118,861.34, and its consequences.
      ['expenditure.hierarchy', 'total', ['basic'], '尾差', '-0.34'],
      ['general-expenditure.hierarchy', 'total', ['basic'], '尾差', '-0.34'],
      ['expenditure.cross-foot', 'total', ['total'], '尾差', '0.34'],
      ['general-expenditure.cross-foot', 'total', ['total'], '尾差', '0.34'],
      ['link.general-basic', 'general-basic', ['basic'], '尾差', '-0.34'],
      // 收支总表 (单位 layout): 一、公共安全支出 and 支出总计 vs 人员经费 + 公用经费 + 项目支出 printed in whole 元.
      ['summary.expense-cross-foot-split', 'expense:公共安全支出', ['expense:total'], '尾差', '0.34'],
      ['summary.expense-cross-foot-split', 'expense:grand-total', ['expense:total'], '尾差', '0.34'],
    ]));
    const row = findings.find((f) => f.relation === 'expenditure.cross-foot' && f.subject === '2040601')!;
    expect(row.cells).toEqual(['E8', 'F8', 'G8']);
    expect(row.message).toBe('项 2040601 合计（基本支出 + 项目支出） 填报数 14348853.34 ≠ 计算数 79189400.34（差额 -64840547.00）');
  });
});

describe('财政局 2024 部门决算 (万元, codes joined with spaces, two-sided 基本支出表)', () => {
  const { tables, findings, edition } = check('sh-putuo-czj-2024-final');

  test('judged by the 2024 edition, as 决算', () => {
    expect(edition).toEqual({ year: 2024, exact: true });
    expect(tables.every((t) => t.stage === 'final' && t.year === 2024)).toBe(true);
  });

  test('the 0.01 / 0.02 differences listed, all 尾差, and nothing else', () => {
    expect(sorted(findings.map(brief))).toEqual(sorted([
      ['income.hierarchy', 'total', ['subtotal', 'fiscal'], '尾差', '-0.01'],
      ['expenditure.hierarchy', 'total', ['total', 'basic'], '尾差', '-0.01'],
      ['general-expenditure.hierarchy', 'total', ['total', 'basic'], '尾差', '-0.01'],
      ['basic-expenditure.hierarchy', '301', ['total'], '尾差', '-0.01'],
      ['basic-expenditure.hierarchy', '302', ['total'], '尾差', '-0.02'],
      // 01 / 04 print 八、社会保障和就业支出 326.71 where 03 / 05 give 类 208 326.72.
      ['link.summary-expenditure', '208', ['expense:total'], '尾差', '-0.01'],
      ['link.fiscal-general', '208', ['expense:general'], '尾差', '-0.01'],
    ]));
  });

  test('the two lists of the 基本支出表 side by side: right-hand amounts belong to right-hand codes', () => {
    const basic = tables.find((t) => t.kind === 'basic-expenditure')!;
    const r = basic.index.byCode.get('30201')!;
    expect([r.segment, r.codeCells, [...r.amounts.values()].map((a) => a.address)]).toEqual([1, ['D7'], ['F7']]);
    expect(basic.index.byRole.get('main:personnel-total')?.[0].labels.main?.text).toBe('人员经费合计');
    expect(basic.index.byRole.get('main:public-total')?.[0].labels.main?.text).toBe('公用经费合计');
  });

  test('决算 blank 结转 rows are blanks, and the empty 政府性基金 / 国有资本经营 tables are recognised as empty', () => {
    const fund = tables.find((t) => t.kind === 'fund-expenditure')!;
    expect([fund.empty, fund.rows.length]).toEqual([true, 1]);
    expect(tables.find((t) => t.kind === 'soe-expenditure')?.empty).toBe(true);
  });
});

describe('宜川路街道 2025 部门决算 (a 302 that repeats its 类, many 0.01)', () => {
  const { findings } = check('sh-putuo-yichuan-2025-final');

  test('30299 repeating 1,844.57 is the one error; the 0.01 / 0.02 roundings are 尾差; the 三公 scope notes are information', () => {
    const h = (t: string, s: string, c: string[], d: string): Expected => [`${t}.hierarchy`, s, c, '尾差', d];
    expect(sorted(findings.map(brief))).toEqual(sorted([
      ['basic-expenditure.hierarchy', '302', ['total'], 'error', '-1844.57'],
      h('income', '201', ['subtotal', 'fiscal'], '-0.01'), h('income', '208', ['subtotal', 'fiscal'], '-0.01'),
      h('income', '20805', ['subtotal', 'fiscal'], '0.01'), h('income', '20807', ['subtotal', 'fiscal'], '0.01'),
      h('income', '210', ['subtotal', 'fiscal'], '-0.01'), h('income', 'total', ['subtotal', 'fiscal'], '0.02'),
      h('expenditure', '201', ['total', 'project'], '-0.01'), h('expenditure', '208', ['total'], '-0.01'),
      h('expenditure', '20805', ['total', 'basic'], '0.01'), h('expenditure', '20807', ['total', 'project'], '0.01'),
      h('expenditure', '210', ['total'], '-0.01'), h('expenditure', 'total', ['total'], '0.02'), h('expenditure', 'total', ['project'], '0.01'),
      h('general-expenditure', '201', ['total', 'project'], '-0.01'), h('general-expenditure', '208', ['total'], '-0.01'),
      h('general-expenditure', '20805', ['total', 'basic'], '0.01'), h('general-expenditure', '20807', ['total', 'project'], '0.01'),
      h('general-expenditure', '210', ['total'], '-0.01'), h('general-expenditure', 'total', ['total'], '0.02'), h('general-expenditure', 'total', ['project'], '0.01'),
      ['expenditure.cross-foot', 'total', ['total'], '尾差', '-0.01'], ['expenditure.cross-foot', '208', ['total'], '尾差', '-0.01'],
      ['expenditure.cross-foot', '210', ['total'], '尾差', '-0.01'], ['general-expenditure.cross-foot', '208', ['total'], '尾差', '-0.01'],
      ['general-expenditure.cross-foot', '210', ['total'], '尾差', '-0.01'], ['general-expenditure.cross-foot', 'total', ['total'], '尾差', '-0.01'],
      // The same roundings seen from the summaries: 本年支出合计 20,323.21 against its 类 lines 20,323.19.
      ['summary.expense-year', 'expense:year-total', ['expense:total'], '尾差', '0.02'],
      ['fiscal-summary.expense-year', 'expense:year-total', ['expense:total', 'expense:general'], '尾差', '0.02'],
      ['link.general-basic', 'general-basic', ['basic'], '尾差', '0.01'],
      // 30212 / 30217 / 30231 of the 基本支出表 above the 三公 决算数: different scopes, information to check.
      ['three-public-vs-basic', '30212', [], 'info', '-13.24'],
      ['three-public-vs-basic', '30217', [], 'info', '-8.01'],
      ['three-public-vs-basic', '30231', [], 'info', '-61.55'],
    ]));
  });

  test('legitimate differences are not raised: 05 221 (1,076.78) ≠ 03 221 (1,181.78) because 105.00 is fund money', () => {
    expect(findings.filter((f) => f.subject === '221')).toEqual([]);
  });
});

describe('区政府办公室 2025 部门预算 (clean)', () => {
  test('no finding at all: the nine tables and the 政府采购 figures (34 = 0 + 0 + 34, 预留 34 ≤ 34, 小微 34 ≤ 34) hold', () => {
    const { findings, tables } = check('sh-putuo-zfb-2025-budget');
    expect(tables).toHaveLength(10);
    expect(findings.map(brief)).toEqual([]);
  });
});

describe('the 政府采购 figures of the narratives, as a table (10_政府采购预算_文字说明)', () => {
  test.each([
    ['sh-putuo-wanli-2025-budget', ['4821.20', '57.43', '3780.72', '983.05', '1928.48', '1349.94']],
    ['sh-putuo-sfj-2026-unit-budget', ['1484.2', '1.44', '36.44', '1446.32', '', '']],
    ['sh-putuo-zfb-2025-budget', ['34', '0', '0', '34', '34', '34']],
  ] as const)('%s: 总额 = 货物 + 工程 + 服务, 预留 ≤ 总额, 小微 ≤ 预留, all holding', (doc, figures) => {
    const wb = corpusWorkbook(doc);
    const { tables, findings } = checkWorkbook(wb);
    const t = tables.find((x) => x.kind === 'procurement')!;
    const roles = ['total', 'goods', 'works', 'services', 'sme-reserved', 'small-reserved'];
    const cells = roles.map((r) => t.rows[0].amounts.get(r));
    expect(cells.map((c) => (c?.parse.kind === 'number' ? c.parse.amount.value.toFixed(c.precision) : ''))).toEqual([...figures]);
    expect(findings.filter((f) => f.table === 'procurement')).toEqual([]);
  });
});
