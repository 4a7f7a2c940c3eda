import { book, codeTable, EXP_HEADER, only, run } from '../../helpers/build';

const body = (over: Record<string, string> = {}) => [
  ['', '合计', '100.00', '60.00', '40.00'],
  ['208', '社会保障和就业支出', '100.00', '60.00', '40.00'],
  ['20805', '行政事业单位养老支出', '100.00', '60.00', '40.00'],
  ['2080501', '行政单位离退休', over['2080501'] ?? '70.00', '30.00', '40.00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '30.00', '30.00', ''],
];

describe('hierarchy-sum', () => {
  test('a consistent hierarchy gives no finding', () => {
    expect(run(book(['支出总表', codeTable('部门预算支出总表', EXP_HEADER, body())]))).toEqual([]);
  });

  test('a 项 that breaks its 款 by more than rounding is an error naming the 款 and its terms', () => {
    const fs = only(run(book(['支出总表', codeTable('部门预算支出总表', EXP_HEADER, body({ '2080501': '70.50' }))])), 'hierarchy-sum');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', rounding: false, table: 'expenditure', cells: ['C6', 'C7', 'C8'], reported: '100.00', computed: '100.50', difference: '-0.50' });
    expect(fs[0].message).toBe('款 20805 合计 填报数 100.00 ≠ 计算数 100.50（差额 -0.50）');
  });

  test('a 0.01 difference over two terms is a rounding warning', () => {
    const fs = only(run(book(['支出总表', codeTable('部门预算支出总表', EXP_HEADER, body({ '2080501': '70.01' }))])), 'hierarchy-sum');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', rounding: true, difference: '-0.01' })]);
  });

  test('合计 = Σ类 and economic codes (301 = Σ301xx) are checked too', () => {
    const grid = codeTable('一般公共预算财政拨款基本支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费'], [
      ['', '合计', '50.00', '40.00', '10.00'],
      ['301', '工资福利支出', '40.00', '40.00', ''],
      ['30101', '基本工资', '25.00', '25.00', ''],
      ['30102', '津贴补贴', '14.00', '14.00', ''],
      ['302', '商品和服务支出', '9.00', '', '9.00'],
      ['30201', '办公费', '9.00', '', '9.00'],
    ]);
    const fs = only(run(book(['基本支出表', grid])), 'hierarchy-sum');
    // 301 = 30101 + 30102 fails by 1.00 in 合计 and 人员经费 alike: one finding naming both columns; then
    // 合计 = 301 + 302 (49 ≠ 50) in 合计 and 公用经费 (9 ≠ 10).
    expect(fs.map((f) => [f.cells, f.columns, f.severity, f.difference])).toEqual([
      [['C5', 'D5', 'C6', 'C7', 'D6', 'D7'], ['total', 'personnel'], 'error', '1.00'],
      [['C4', 'E4', 'C5', 'C8', 'E8'], ['total', 'public'], 'error', '1.00'],
    ]);
    expect(fs[0].message).toBe('类 301 合计、人员经费 填报数 40.00 ≠ 计算数 39.00（差额 1.00）');
    expect(fs[1].message).toBe('合计行：合计 填报数 50.00 ≠ 计算数 49.00；公用经费 填报数 10.00 ≠ 计算数 9.00（差额 1.00）');
  });
});
