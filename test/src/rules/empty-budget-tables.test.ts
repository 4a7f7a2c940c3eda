import { gridsWorkbook, rowOf, seedGrids } from '../../helpers/fixtures';
import { only, run } from '../../helpers/build';

describe('empty-budget-tables', () => {
  test('seed 004: the empty 政府性基金 / 国有资本经营 tables match zero lines', () => {
    expect(only(run(gridsWorkbook(seedGrids('004'))), 'empty-budget-tables')).toEqual([]);
  });

  test('an amount on the 政府性基金 line of the 收支总表 while the fund table is empty is an error', () => {
    const g = seedGrids('004');
    const s = g.get('summary')!;
    const r = rowOf(s, '二、政府性基金预算拨款收入');
    s[r][2] = '12.00';
    const fs = only(run(gridsWorkbook(g)), 'empty-budget-tables');
    expect(fs.map((f) => [f.severity, f.table, f.cells[0], f.reported])).toEqual([['error', 'summary', `C${r + 1}`, '12.00']]);
    expect(fs[0].message).toBe('政府性基金预算财政拨款支出表为空表，但收支总表"政府性基金预算拨款收入"为 12.00');
  });

  test('the fund column of the 财政拨款收支总表 against an empty fund table: a link between the tables (the table stands for zero)', () => {
    const g = seedGrids('004');
    const f = g.get('fiscal-summary')!;
    const r = rowOf(f, '本年支出合计');
    f[r][6] = '3.00';
    const fs = run(gridsWorkbook(g));
    expect(only(fs, 'empty-budget-tables')).toEqual([]);
    expect(only(fs, 'cross-table').map((x) => [x.relation, x.table, x.cells, x.reported, x.computed, x.severity])).toEqual([
      ['link.fiscal-fund', 'fiscal-summary', [`G${r + 1}`], '3.00', '0.00', 'error'],
    ]);
  });
});
