/**
 * 决算 tables print several figures per subject: 年初预算数 | 调整预算数 | 决算数, or 预算数 | 决算数 pairs under each
 * item. Each figure is its own column: sums are checked within a measure, never across them; the 合计 row may
 * come first or last.
 */
import { checkWorkbook } from '../../../src/engine';
import { sheetFromGrid } from '../../../src/snapshot';

const check = (g: string[][]) => checkWorkbook({ sheets: [sheetFromGrid('s', g)] }, { expectAll: false });

describe('measures', () => {
  const header = [['一般公共预算财政拨款支出决算表'], ['2024年度'], ['单位：万元'],
    ['科目编码', '科目名称', '年初预算数', '', '', '决算数', '', ''],
    ['', '', '合计', '基本支出', '项目支出', '合计', '基本支出', '项目支出']];
  const body = [
    ['201', '一般公共服务支出', '100.00', '80.00', '20.00', '96.50', '80.00', '16.50'],
    ['20106', '财政事务', '100.00', '80.00', '20.00', '96.50', '80.00', '16.50'],
    ['2010601', '行政运行', '80.00', '80.00', '', '80.00', '80.00', ''],
    ['2010602', '一般行政管理事务', '20.00', '', '20.00', '16.50', '', '16.50'],
  ];
  const total = ['', '合计', '100.00', '80.00', '20.00', '96.50', '80.00', '16.50'];

  test.each([['合计 row first', [...header, total, ...body]], ['合计 row last', [...header, ...body, total]]])('%s: columns by role and measure, no finding', (_n, g) => {
    const { tables, findings } = check(g);
    expect(tables[0].columns.filter((c) => c.role.kind === 'amount').map((c) => c.key)).toEqual([
      'total@initial', 'basic@initial', 'project@initial', 'total@final', 'basic@final', 'project@final',
    ]);
    expect(tables[0].stage).toBe('final');
    expect(findings).toEqual([]);
  });

  test('a 决算数 that breaks its row and its 款 is reported in the 决算数 columns only', () => {
    const g = [...header, ...body.map((r) => [...r]), total];
    g[header.length + 3][6] = '1.00'; // 2010602 决算 基本支出
    const fs = check(g).findings;
    expect(fs.map((f) => [f.relation, f.subject, f.columns])).toEqual([
      ['general-expenditure.hierarchy', '20106', ['basic@final']],
      ['general-expenditure.cross-foot', '2010602', ['total@final']],
    ]);
  });

  test('年初预算数 | 调整预算数 | 决算数 side by side: three measures of one figure, each summed on its own', () => {
    const g = [['一般公共预算财政拨款支出决算表'], ['单位：万元'], ['科目编码', '科目名称', '年初预算数', '调整预算数', '决算数'],
      ['201', '一般公共服务支出', '100.00', '110.00', '96.50'], ['20106', '财政事务', '100.00', '110.00', '96.50'],
      ['2010601', '行政运行', '80.00', '85.00', '80.00'], ['2010602', '一般行政管理事务', '20.00', '25.00', '16.50']];
    const { tables, findings } = check(g);
    expect(tables[0].columns.filter((c) => c.role.kind === 'amount').map((c) => c.key)).toEqual(['total@initial', 'total@adjusted', 'total@final']);
    expect(findings).toEqual([]);
  });
});
