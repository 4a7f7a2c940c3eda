import { gridsWorkbook, rowOf, seedGrids } from '../../helpers/fixtures';
import { only, run } from '../../helpers/build';

describe('three-public-vs-basic', () => {
  test('seed 000: 30231 0.16 equals the 三公 公务用车运行维护费 0.16 — passes', () => {
    expect(only(run(gridsWorkbook(seedGrids('000'))), 'three-public-vs-basic')).toEqual([]);
  });

  // Information, not an error: the two tables differ in scope (30231 also pays for law-enforcement vehicles,
  // 三公 also counts project money), and real 决算 print 30231 81.11 beside a 三公 line of 19.56.
  test('30231 above the 三公 line is information asking to check the scope, citing both cells', () => {
    const g = seedGrids('000');
    const tp = g.get('three-public')!;
    const r = rowOf(tp, '公务用车运行维护费');
    tp[r][2] = '0.10';
    tp[r][3] = '0.10';
    const fs = only(run(gridsWorkbook(g)), 'three-public-vs-basic');
    const b = g.get('basic-expenditure')!;
    expect(fs.map((f) => [f.severity, f.cells.join(','), f.reported, f.computed])).toEqual([
      ['info', `C${r + 1},'basic-expenditure'!D${rowOf(b, '30231') + 1}`, '0.10', '0.16'],
    ]);
  });

  test('units are converted: a 三公 table in 元 showing 1600.00 covers 0.16 万元', () => {
    const g = seedGrids('000');
    const tp = g.get('three-public')!;
    tp[1] = tp[1].map((c) => c.replace('单位：万元', '单位：元'));
    for (const label of ['公务用车运行维护费']) {
      const r = rowOf(tp, label);
      tp[r][2] = '1600.00';
      tp[r][3] = '1600.00';
    }
    expect(only(run(gridsWorkbook(g)), 'three-public-vs-basic')).toEqual([]);
    tp[rowOf(tp, '公务用车运行维护费')][2] = '1500.00';
    expect(only(run(gridsWorkbook(g)), 'three-public-vs-basic').map((f) => [f.reported, f.computed])).toEqual([['1500.00', '1600.00']]);
  });
});
