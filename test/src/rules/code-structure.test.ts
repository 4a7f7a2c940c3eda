import { book, codeTable, EXP_HEADER, only, run } from '../../helpers/build';

describe('code-structure', () => {
  const grid = () => codeTable('部门预算支出总表', EXP_HEADER, [
    ['208', '社会保障和就业支出', '10.00', '10.00', ''],
    ['20805', '行政事业单位养老支出', '10.00', '10.00', ''],
    ['2080505', '机关事业单位基本养老保险缴费支出', '10.00', '10.00', ''],
  ]);

  test('a complete chain gives no finding', () => {
    expect(only(run(book(['s', grid()])), 'code-structure')).toEqual([]);
  });

  test('a 项 whose 款 is missing', () => {
    const g = grid();
    g.splice(4, 1);
    const fs = only(run(book(['s', g])), 'code-structure');
    expect(fs.map((f) => [f.severity, f.cells.join(','), f.message])).toEqual([['error', 'A5', '支出总表：上级款 20805 不在表中（其下有 2080505）']]);
  });

  test('malformed codes and duplicates', () => {
    const g = grid();
    g.push(['208050', '错位编码', '', '', ''], ['2080505', '机关事业单位基本养老保险缴费支出', '', '', '']);
    const fs = only(run(book(['s', g])), 'code-structure');
    expect(fs.find((f) => f.severity === 'warning')?.cells).toEqual(['A6', 'A8']);
    expect(fs.map((f) => [f.severity, f.cells[0], f.message])).toEqual([
      ['error', 'A7', '支出总表：科目编码格式错误："208050"'],
      // Reported once for the code, citing both occurrences.
      ['warning', 'A6', '支出总表：科目 2080505 在本表中出现 2 次（只按第一次核对）'],
    ]);
  });

  test('a missing 款 is reported once for the 款, listing every 项 under it, and nothing else follows from it', () => {
    const g = codeTable('部门预算支出总表', EXP_HEADER, [
      ['208', '社会保障和就业支出', '30.00', '30.00', ''],
      ['2080501', '行政单位离退休', '10.00', '10.00', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '20.00', '20.00', ''],
    ]);
    const fs = run(book(['s', g]));
    expect(fs.map((f) => [f.rule, f.subject, f.cells])).toEqual([['code-structure', '20805', ['A5', 'A6']]]);
  });
});
