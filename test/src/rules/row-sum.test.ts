import { fixtureGrid } from '../../helpers/fixtures';
import { book, only, run } from '../../helpers/build';

function find(grid: string[][], label: string): number {
  const r = grid.findIndex((row) => row.includes(label));
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

describe('row-sum', () => {
  test('the published 收支总表 balances', () => {
    expect(only(run(book(['收支总表', fixtureGrid('004', 'summary')])), 'row-sum')).toEqual([]);
  });

  test('收入总计 ≠ 本年收入合计 + 上年结转结余 is an error; 收入总计 ≠ 支出总计 too', () => {
    const g = fixtureGrid('004', 'summary');
    const r = find(g, '收入总计');
    g[r][2] = '880.37';
    const fs = only(run(book(['收支总表', g])), 'row-sum');
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
    expect(only(run(book(['收支总表', g])), 'row-sum')).toEqual([]);
  });

  test('本年支出合计 = Σ 类 lines', () => {
    const g = fixtureGrid('004', 'summary');
    g[find(g, '十、卫生健康支出')][4] = '86.60';
    const fs = only(run(book(['收支总表', g])), 'row-sum');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', rounding: true, difference: '0.01' })]);
  });
});

describe('row-sum: "三公" lines (rows form)', () => {
  test('seed 000 as published: 0.16 under a blank 公务用车购置及运维费 — one error for both amount columns', () => {
    const fs = only(run(book(['三公', fixtureGrid('000', 'three-public')])), 'row-sum');
    expect(fs.map((f) => [f.severity, f.relation, f.columns, f.cells.join(',')])).toEqual([
      ['error', 'three-public.vehicle', ['total', 'general'], 'C11,D11,C13,D13'],
    ]);
    expect(fs[0].message).toBe('公务用车购置及运维费 合计、一般公共预算财政拨款 填报数 0.00（空白） ≠ 计算数 0.16（差额 -0.16）');
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

  test('合计 = "三公"经费小计 + 会议费 + 培训费: a 会议费 under the 合计 is part of it', () => {
    const g = fixtureGrid('000', 'three-public');
    const at = (label: string) => g.findIndex((row, i) => i > 4 && row[1].replace(/[“”]/g, '"').endsWith(label));
    for (const [label, v] of [['合计', '1.16'], ['"三公"经费小计', '0.16'], ['二、公务用车购置及运维费', '0.16'], ['四、会议费', '1.00'], ['其他会议费', '1.00']] as const) {
      g[at(label)][2] = v;
      g[at(label)][3] = v;
    }
    expect(run(book(['三公', g]))).toEqual([]);
    g[at('四、会议费')][2] = '2.00';
    expect(only(run(book(['三公', g])), 'row-sum').map((f) => [f.relation, f.cells[0]])).toEqual([['three-public.total', `C${at('合计') + 1}`]]);
  });
});

describe('row-sum: budget lines under a carry-over (财政拨款收支总表)', () => {
  // The 张家口 2025 table with 10.00 of 年初财政拨款结转和结余 carried in, its 收入总计 raised to match.
  function carried(): { g: string[][]; carry: number } {
    const g = fixtureGrid('004', 'fiscal-summary');
    const carry = find(g, '年初财政拨款结转和结余');
    g[carry][2] = '10.00';
    g[find(g, '收入总计')][2] = '880.37';
    return { g, carry };
  }
  const parts = (g: string[][]) => run(book(['财政拨款收支总表', g])).filter((f) => f.relation === 'fiscal-summary.income-parts');

  test('the lines under it left blank, as many tables print them: not checked, no finding', () => {
    expect(parts(carried().g)).toEqual([]);
  });

  test('filled in, they must add up to it: 6.00 + 3.00 under 10.00 is an error citing the carry-over and its lines', () => {
    const { g, carry } = carried();
    g[carry + 1][2] = '6.00';
    g[carry + 2][2] = '3.00';
    expect(parts(g).map((f) => [f.severity, f.cells, f.reported, f.computed])).toEqual([
      ['error', [`C${carry + 1}`, `C${carry + 2}`, `C${carry + 3}`], '10.00', '9.00'],
    ]);
  });

  test('one line filled is enough to check them: 6.00 alone under 10.00 is an error; 10.00 holds', () => {
    const { g, carry } = carried();
    g[carry + 1][2] = '6.00';
    expect(parts(g).map((f) => [f.severity, f.reported, f.computed])).toEqual([['error', '10.00', '6.00']]);
    g[carry + 1][2] = '10.00';
    expect(parts(g)).toEqual([]);
  });
});
