import { gridsWorkbook, rowOf, seedGrids } from '../../helpers/fixtures';
import { only, run } from '../../helpers/build';

const brief = (f: { severity: string; sheet: string; cells: readonly string[]; reported: string | null; computed: string | null }) =>
  [f.severity, f.sheet, f.cells.join(','), f.reported, f.computed];

describe('cross-table', () => {
  test('收支总表 expense line against the 类 of the 支出总表', () => {
    const g = seedGrids('004');
    const s = g.get('summary')!;
    const r = rowOf(s, '八、社会保障和就业支出');
    s[r][4] = '540.66';
    const fs = only(run(gridsWorkbook(g)), 'cross-table');
    const e = g.get('expenditure')!;
    expect(fs.map(brief)).toEqual([['error', 'summary', `E${r + 1},expenditure!D${rowOf(e, '208') + 1}`, '540.66', '540.56']]);
    expect(fs[0]).toMatchObject({ relation: 'link.summary-expenditure', subject: '208', columns: ['expense:total'] });
    expect(fs[0].message).toBe('收支总表"社会保障和就业支出"（对支出总表类 208） 540.66 ≠ 540.56（差额 0.10）');
  });

  test('收支总表 income lines against the 收入总表 合计 row: 财政拨款, 财政专户, 单位资金', () => {
    const g = seedGrids('004');
    const s = g.get('summary')!;
    s[rowOf(s, '五、单位资金')][2] = '5.00';
    const inc = g.get('income')!;
    const total = rowOf(inc, '合计');
    const fs = only(run(gridsWorkbook(g)), 'cross-table');
    expect(fs.map((f) => f.message)).toEqual(['收支总表"单位资金"（对收入总表） 5.00 ≠ 0.00（差额 5.00）']);
    // The same 5.00 as 事业收入 in the 收入总表 合计 row matches it.
    inc[total][7] = '5.00';
    expect(only(run(gridsWorkbook(g)), 'cross-table').filter((f) => f.message.includes('单位资金'))).toEqual([]);
    s[rowOf(s, '四、财政专户管理资金收入')][2] = '1.00';
    expect(only(run(gridsWorkbook(g)), 'cross-table').map((f) => f.message)).toEqual(['收支总表"财政专户管理资金收入"（对收入总表） 1.00 ≠ 0.00（差额 1.00）']);
  });

  test('财政拨款收支总表 一般公共预算 column by 类 against the 一般公共预算财政拨款支出表', () => {
    const g = seedGrids('004');
    const f = g.get('fiscal-summary')!;
    const r = rowOf(f, '十、卫生健康支出');
    f[r][4] = '86.71';
    f[r][5] = '86.71';
    const fs = only(run(gridsWorkbook(g)), 'cross-table');
    const gen = g.get('general-expenditure')!;
    expect(fs.map(brief)).toEqual([['error', 'fiscal-summary', `F${r + 1},'general-expenditure'!D${rowOf(gen, '210') + 1}`, '86.71', '86.61']]);
  });

  test('一般公共预算支出表 基本支出 合计 against the 基本支出表 合计', () => {
    const g = seedGrids('004');
    const b = g.get('basic-expenditure')!;
    const r = rowOf(b, '合计');
    b[r][3] = '695.07';
    b[r][4] = '695.07';
    const fs = only(run(gridsWorkbook(g)), 'cross-table');
    const gen = g.get('general-expenditure')!;
    expect(fs.map(brief)).toEqual([['error', 'general-expenditure', `E${rowOf(gen, '合计') + 1},'basic-expenditure'!D${r + 1}`, '694.07', '695.07']]);
  });

  const both = (g: ReturnType<typeof seedGrids>) => (['zh', 'en'] as const).map((lang) =>
    only(run(gridsWorkbook(g), { lang }), 'cross-table').map((f) => [f.severity, f.cells.join(','), f.reported, f.computed, f.subject, f.message]));

  test('收支总表 expense line whose name matches no 类, and the 类 left without its line: both said, each once', () => {
    const g = seedGrids('004');
    const s = g.get('summary')!;
    const r = rowOf(s, '八、社会保障和就业支出');
    s[r][3] = '八、社会保障支出';
    const d = `D${rowOf(g.get('expenditure')!, '208') + 1}`;
    expect(both(g)).toEqual([[
      ['error', d, null, null, '208', '支出总表类 208"社会保障和就业支出"在收支总表中没有对应的支出行'],
      ['error', `E${r + 1}`, '540.56', '0.00', 'expense:社会保障支出', '收支总表"社会保障支出"（对支出总表） 540.56 ≠ 0.00（差额 540.56）'],
    ], [
      ['error', d, null, null, '208', 'class 208 of the expenditure table has no matching line in the revenue and expenditure summary'],
      ['error', `E${r + 1}`, '540.56', '0.00', 'expense:社会保障支出', 'revenue and expenditure summary "社会保障支出" (vs expenditure table) 540.56 ≠ 0.00 (difference 540.56)'],
    ]]);
  });

  test('收支总表 本年支出合计 against the 支出总表 合计 row', () => {
    const g = seedGrids('004');
    const s = g.get('summary')!;
    const r = rowOf(s, '本年支出合计');
    s[r][4] = '870.47';
    const t = `expenditure!D${rowOf(g.get('expenditure')!, '合计') + 1}`;
    expect(both(g)).toEqual([
      [['error', `E${r + 1},${t}`, '870.47', '870.37', 'expense:year-total', '收支总表 本年支出合计（对支出总表合计） 870.47 ≠ 870.37（差额 0.10）']],
      [['error', `E${r + 1},${t}`, '870.47', '870.37', 'expense:year-total', 'revenue and expenditure summary 本年支出合计 (vs the expenditure table total) 870.47 ≠ 870.37 (difference 0.10)']],
    ]);
    // With a carry-over printed (年终结转结余) the 支出总计 line is no measure of the year; 本年支出合计 still is.
    s[rowOf(s, '年终结转结余')][4] = '1.00';
    s[rowOf(s, '支出总计')][4] = '871.37';
    expect(both(g)[0].map((f) => f[4])).toEqual(['expense:year-total']);
  });

  test('a table printed in 元 is compared with one in 万元 after conversion: consistent as published, a changed 元 figure found', () => {
    const g = seedGrids('004');
    const inc = g.get('income')!;
    const start = rowOf(inc, '合计');
    // The 收入总表 as a unit printing 元 would: every amount times 10,000, no decimals.
    for (let r = 0; r < inc.length; r++) {
      if (/单位[:：]万元/.test(inc[r].join(''))) inc[r] = inc[r].map((c) => c.replace('万元', '元'));
      if (r >= start) inc[r] = inc[r].map((c, i) => (i >= 3 && /^\d+\.\d{2}$/.test(c) ? String(Math.round(Number(c) * 10000)) : c));
    }
    expect(inc[start][3]).toBe('8703700');
    expect(only(run(gridsWorkbook(g)), 'cross-table')).toEqual([]);
    inc[start][3] = '8703800';
    inc[start][4] = '8703800';
    inc[start][5] = '8703800';
    // 100 元 more: 0.01 万元 against one summary line (an error), and against 财政拨款收入 = Σ three summary lines,
    // two of them blank, whose rounding intervals of ±50 元 each cover it (尾差, by the one interval rule).
    const s = g.get('summary')!;
    const fs = only(run(gridsWorkbook(g)), 'cross-table');
    expect(fs.map((f) => [f.cells.join(','), f.reported, f.computed, f.difference, f.rounding])).toEqual([
      [`F${start + 1},summary!C${rowOf(s, '一、一般公共预算拨款收入') + 1}`, '8703800.00', '8703700.00', '100.00', true],
      [`C${rowOf(s, '本年收入合计') + 1},income!E${start + 1}`, '870.37', '870.38', '-0.01', false],
      [`C${rowOf(s, '收入总计') + 1},income!D${start + 1}`, '870.37', '870.38', '-0.01', false],
    ]);
  });

  test('收入总表 vs 支出总表 code by code: an error without carry-over, information with it', () => {
    const g = seedGrids('004');
    const inc = g.get('income')!;
    // 1.00 more income for 2012906 than is spent, carried in 上年结转 (column 12).
    const r = rowOf(inc, '2012906');
    expect(inc[r][3]).toBe('176.30');
    inc[r][3] = '177.30';
    let fs = only(run(gridsWorkbook(g)), 'cross-table').filter((f) => f.message.includes('2012906'));
    expect(fs.map((f) => f.severity)).toEqual(['error']);
    inc[r][11] = '1.00';
    fs = only(run(gridsWorkbook(g)), 'cross-table').filter((f) => f.message.includes('2012906'));
    expect(fs.map((f) => [f.severity, f.reported, f.computed])).toEqual([['info', '176.30', '177.30']]);
  });

  test('a code in one twin table and not the other; one code with two names', () => {
    const g = seedGrids('004');
    const exp = g.get('expenditure')!;
    exp[rowOf(exp, '2101101'.replace(/(\d{6})(\d)/, '$1 $2'))][2] = '行政单位医疗补助';
    const inc = g.get('income')!;
    inc.splice(rowOf(inc, '2082702'), 1);
    const all = run(gridsWorkbook(g));
    const fs = [...only(all, 'cross-table'), ...only(all, 'code-names')].filter((f) => f.severity === 'warning');
    expect(fs.map((f) => f.message)).toEqual([
      '科目 2082702 在支出总表中有、在收入总表中没有',
      '科目 2101101 在支出总表中名为"行政单位医疗补助"，在收入总表中名为"行政单位医疗"',
    ]);
  });

  test('an information-only link stays information, a 0.01 difference too, and --strict never makes it milder or graver', () => {
    const g = seedGrids('004');
    const inc = g.get('income')!;
    const r = rowOf(inc, '2012906');
    inc[r][3] = '176.31';
    inc[r][11] = '0.01';
    for (const strict of [false, true]) {
      const fs = only(run(gridsWorkbook(g), { strict }), 'cross-table').filter((f) => f.subject === '2012906');
      expect(fs.map((f) => [f.severity, f.difference])).toEqual([['info', '-0.01']]);
    }
  });
});
