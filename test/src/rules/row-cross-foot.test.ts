import { book, codeTable, EXP_HEADER, only, run } from '../../helpers/build';

describe('row-cross-foot', () => {
  test('支出总表 合计 = 基本 + 项目 per row; a broken row is an error with the row cells', () => {
    const grid = codeTable('部门预算支出总表', EXP_HEADER, [
      ['', '合计', '10.00', '6.00', '4.00'],
      ['201', '一般公共服务支出', '10.00', '6.00', '4.00'],
      ['20129', '群众团体事务', '10.00', '6.00', '4.00'],
      ['2012906', '工会事务', '10.00', '6.00', '4.00'],
    ]);
    expect(run(book(['s', grid]))).toEqual([]);
    grid[6][3] = '5.00';
    const fs = only(run(book(['s', grid])), 'row-cross-foot');
    expect(fs).toEqual([expect.objectContaining({ severity: 'error', cells: ['C7', 'D7', 'E7'], reported: '10.00', computed: '9.00' })]);
    expect(fs[0].message).toContain('2012906 合计（基本支出 + 项目支出）');
  });

  test('收入总表: 合计 = 小计 + 上年结转 and 小计 = Σ sources', () => {
    const grid = codeTable('部门预算收入总表', ['科目编码', '科目名称', '合计', '小计', '财政拨款收入', '事业收入', '上年结转'], [
      ['', '合计', '12.00', '10.00', '8.00', '2.00', '2.00'],
      ['201', '一般公共服务支出', '12.00', '10.00', '8.00', '1.00', '2.00'],
    ]);
    const fs = only(run(book(['s', grid])), 'row-cross-foot');
    expect(fs.map((f) => [f.cells[0], f.reported, f.computed])).toEqual([['D5', '10.00', '9.00']]);
  });

  test('基本支出表: 合计 = 人员经费 + 公用经费', () => {
    const grid = codeTable('基本支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费'], [
      ['301', '工资福利支出', '40.00', '39.99', ''],
    ]);
    expect(only(run(book(['s', grid])), 'row-cross-foot')).toEqual([expect.objectContaining({ rounding: true, severity: 'warning' })]);
  });
});

describe('row-cross-foot: "三公" as one row of columns', () => {
  const g = () => [
    ['财政拨款"三公"经费支出表'], ['单位：万元'],
    ['合计', '因公出国（境）费', '公务用车购置及运维费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
    ['3.50', '1.00', '2.00', '0.00', '2.00', '0.50'],
  ];

  test('合计 = 出国 + 公车 + 接待, 公车 = 购置 + 运维', () => {
    expect(run(book(['三公', g()]))).toEqual([]);
    const x = g();
    x[4][4] = '2.50';
    const fs = only(run(book(['三公', x])), 'row-cross-foot');
    expect(fs.map((f) => [f.relation, f.cells[0], f.reported, f.computed])).toEqual([['three-public.vehicle-parts', 'C5', '2.00', '2.50']]);
  });

  test('预算数 and 决算数 pairs are checked measure by measure, 机关运行经费 beside them is no part of the sum', () => {
    const pairs = [
      ['财政拨款“三公”经费支出决算表'], ['单位：万元'],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费', '', '机关运行经费'],
      ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行维护费', '', '', '', ''],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', ''],
      // yichuan 2025 决算, with 机关运行经费 added beside.
      ['31.47', '19.86', '', '', '30.67', '19.56', '', '', '30.67', '19.56', '0.80', '0.30', '99.00'],
    ];
    expect(run(book(['三公', pairs]))).toEqual([]);
    pairs[5][1] = '20.86';
    const fs = only(run(book(['三公', pairs])), 'row-cross-foot');
    expect(fs.map((f) => [f.relation, f.columns, f.cells, f.difference])).toEqual([['three-public.parts', ['total@final'], ['B6', 'F6', 'L6'], '1.00']]);
  });
});
