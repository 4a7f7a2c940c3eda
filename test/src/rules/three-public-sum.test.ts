import { fixtureGrid } from '../../helpers/fixtures';
import { book, only, run } from '../../helpers/build';

describe('three-public-sum', () => {
  test('seed 000 as published: 0.16 under a blank 公务用车购置及运维费', () => {
    const fs = only(run(book(['三公', fixtureGrid('000', 'three-public')])), 'three-public-sum');
    expect(fs.map((f) => [f.severity, f.cells.join(',')])).toEqual([['error', 'C11,C13'], ['error', 'D11,D13']]);
  });

  test('filled in consistently, it gives no finding', () => {
    const g = fixtureGrid('000', 'three-public');
    for (const label of ['合计', '"三公"经费小计', '二、公务用车购置及运维费']) {
      // Body rows only: the header also has a 合计 cell.
      const r = g.findIndex((row, i) => i > 4 && row[1].replace(/[“”]/g, '"') === label);
      expect(r).toBeGreaterThan(4);
      g[r][2] = '0.16';
      g[r][3] = '0.16';
    }
    expect(run(book(['三公', g]))).toEqual([]);
  });

  test('one row of columns: 合计 = 出国 + 公车 + 接待, 公车 = 购置 + 运维', () => {
    const g = [
      ['财政拨款"三公"经费支出表'], ['单位：万元'],
      ['合计', '因公出国（境）费', '公务用车购置及运维费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''],
      ['3.50', '1.00', '2.00', '0.00', '2.00', '0.50'],
    ];
    expect(run(book(['三公', g]))).toEqual([]);
    g[4][4] = '2.50';
    const fs = only(run(book(['三公', g])), 'three-public-sum');
    expect(fs.map((f) => [f.cells[0], f.reported, f.computed])).toEqual([['C5', '2.00', '2.50']]);
  });
});
