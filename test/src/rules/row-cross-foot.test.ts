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
