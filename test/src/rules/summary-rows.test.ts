import { fixtureGrid } from '../../helpers/fixtures';
import { book, only, run } from '../../helpers/build';

function find(grid: string[][], label: string): number {
  const r = grid.findIndex((row) => row.includes(label));
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

describe('summary-rows', () => {
  test('the published 收支总表 balances', () => {
    expect(only(run(book(['收支总表', fixtureGrid('004', 'summary')])), 'summary-rows')).toEqual([]);
  });

  test('收入总计 ≠ 本年收入合计 + 上年结转结余 is an error; 收入总计 ≠ 支出总计 too', () => {
    const g = fixtureGrid('004', 'summary');
    const r = find(g, '收入总计');
    g[r][2] = '880.37';
    const fs = only(run(book(['收支总表', g])), 'summary-rows');
    expect(fs.map((f) => [f.severity, f.cells[0], f.reported, f.computed])).toEqual([
      ['error', `C${r + 1}`, '880.37', '870.37'],
      ['error', `E${r + 1}`, '870.37', '880.37'],
    ]);
  });

  test('本年收入合计 ≠ 本年支出合计 is legitimate when carry-overs are spent', () => {
    const g = fixtureGrid('004', 'summary');
    const carry = find(g, '上年结转结余');
    const yearExp = find(g, '本年支出合计');
    const grandExp = find(g, '支出总计');
    const line = find(g, '八、社会保障和就业支出');
    // 10.00 of carry-over spent on 208: expenditure for the year 880.37 against income 870.37.
    g[carry][2] = '10.00';
    g[find(g, '收入总计')][2] = '880.37';
    g[line][4] = '550.56';
    g[yearExp][4] = '880.37';
    g[grandExp][4] = '880.37';
    expect(only(run(book(['收支总表', g])), 'summary-rows')).toEqual([]);
  });

  test('本年支出合计 = Σ 类 lines', () => {
    const g = fixtureGrid('004', 'summary');
    g[find(g, '十、卫生健康支出')][4] = '86.60';
    const fs = only(run(book(['收支总表', g])), 'summary-rows');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', rounding: true, difference: '0.01' })]);
  });
});
