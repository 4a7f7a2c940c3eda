/**
 * The normalisers, one step at a time, on small grids: page furniture, column typing by header and content,
 * two-sided tables, rows (codes joined or split from names, 合计 in a code cell, wrapped names), header paths.
 */
import { classifyHeader } from '../../../src/layouts/vocabulary';
import { parseAmount } from '../../../src/money';
import { bodyLines } from '../../../src/recognize/furniture';
import { readHeader } from '../../../src/recognize/header';
import { findRegions } from '../../../src/recognize/regions';
import { recognizeWorkbook } from '../../../src/recognize/recognize';
import { assignSides, splitLists } from '../../../src/recognize/sides';
import { splitCodeName, typeColumns } from '../../../src/recognize/typing';
import { isColumnNumberRow, isHeaderRow } from '../../../src/recognize/header';
import { checkWorkbook } from '../../../src/engine';
import { sheetFromGrid } from '../../../src/snapshot';

type Grid = string[][];

/** Header and body of the first region of a one-sheet grid, as the recogniser reads them. */
function read(g: Grid) {
  const sheet = sheetFromGrid('s', g);
  const region = findRegions(sheet)[0];
  const header = readHeader(sheet, region, region.titleRow >= 0 ? [region.title] : []);
  if (!header) throw new Error('no header');
  const body = bodyLines(sheet, header.end, region.end, header, region.kind);
  return { sheet, region, header, body };
}

function types(g: Grid) {
  const { sheet, header, body } = read(g);
  return typeColumns(sheet, header.paths, body.lines);
}

describe('1. page furniture', () => {
  const page: Grid = [
    ['部门预算支出总表'], ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['栏次', '1', '2', '3', '4'],
    ['201', '一般公共服务支出', '10.00', '10.00', ''],
    ['第 1 页，共 2 页'],
    ['部门预算支出总表（续）'],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['栏次', '1', '2', '3', '4'],
    ['20101', '人大事务', '10.00', '10.00', ''],
    ['- 2 -'],
    ['注：本表为示例。'],
  ];

  test('repeated header rows, 栏次, unit lines, a continued title and page numbers are no body rows; notes are kept apart', () => {
    const { body, header } = read(page);
    expect(body.lines.map((l) => l.row)).toEqual([4, 10]);
    expect(body.notes).toEqual(['注:本表为示例。']);
    expect(body.declaredEmpty).toBe(false);
    expect([...header.paths.values()]).toEqual([['科目编码'], ['科目名称'], ['合计'], ['基本支出'], ['项目支出']]);
  });

  test('a note saying the table is empty on purpose (空表列示, 本表无数据, 无…支出) marks it empty', () => {
    for (const note of ['注：无政府性基金预算财政拨款预算，空表列示。', '注:本单位2026年无政府性基金预算财政拨款安排的预算，故本表为空表。', '注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。']) {
      const { body } = read([['政府性基金预算财政拨款支出表'], ['单位：万元'], ['科目编码', '科目名称', '合计'], [note]]);
      expect([note, body.declaredEmpty, body.lines]).toEqual([note, true, []]);
    }
  });

  test('a table number (公开01表) near the title is no title of another table', () => {
    const sheet = sheetFromGrid('s', [['收入支出决算总表'], ['公开01表'], ['单位：万元'], ['项目', '决算数', '项目', '决算数'], ['本年收入合计', '1.00', '本年支出合计', '1.00']]);
    expect(findRegions(sheet).map((r) => [r.kind, r.start, r.end])).toEqual([['summary', 1, 5]]);
  });
});

describe('2. column types by header and content', () => {
  test('类 | 款 | 项 without a 科目编码 parent header: 项 holding two-digit strings is a code part, never money', () => {
    const t = types([['2025年部门支出预算总表'], ['单位：元'], ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['201', '', '', '一般公共服务支出', '100', '100', '0'], ['201', '05', '', '统计信息事务', '100', '100', '0'], ['201', '05', '07', '专项普查活动', '100', '100', '0']]);
    expect(t.map((c) => c.type)).toEqual([
      { type: 'code-part', part: 1 }, { type: 'code-part', part: 2 }, { type: 'code-part', part: 3 }, { type: 'name', side: undefined },
      { type: 'amount', role: 'total', side: undefined, measure: undefined }, { type: 'amount', role: 'basic', side: undefined, measure: undefined },
      { type: 'amount', role: 'project', side: undefined, measure: undefined },
    ]);
  });

  test('a 项 header over words is the 项目 (name) column, not a code part', () => {
    const t = types([['"三公"经费支出表'], ['单位：万元'], ['项', '合计'], ['因公出国（境）费', '1.00'], ['公务接待费', '2.00'], ['公务用车购置及运维费', '0.00']]);
    expect(t[0].type).toEqual({ type: 'name' });
  });

  test('a code column whose cells also hold the name is a code-and-name column; so is a name column of codes and names', () => {
    const body = [['[201]一般公共服务支出', '10.00'], ['[20101]人大事务', '10.00'], ['[2010101]行政运行', '10.00']];
    expect(types([['部门预算支出总表'], ['单位：万元'], ['科目编码', '合计'], ...body])[0].type).toEqual({ type: 'code-name' });
    expect(types([['部门预算支出总表'], ['单位：万元'], ['科目名称', '合计'], ...body])[0].type).toEqual({ type: 'code-name' });
    expect(types([['部门预算支出总表'], ['单位：万元'], ['功能分类科目', '合计'], ...body])[0].type).toEqual({ type: 'code-name' });
  });

  test('an amount header over words is text, not money; an unknown header is unknown, never an amount', () => {
    const t = types([['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '资金来源', '其他资金'],
      ['201', '一般公共服务支出', '10.00', '财政拨款', '1.00'], ['20101', '人大事务', '10.00', '财政拨款', '1.00'], ['2010101', '行政运行', '10.00', '财政拨款', '1.00']]);
    expect(t.map((c) => [c.type.type, c.note])).toEqual([['code', undefined], ['name', undefined], ['amount', undefined], ['unknown', 'unknown-header'], ['unknown', 'unknown-header']]);
  });

  test('splitCodeName: code then name in one cell, and near misses', () => {
    expect(splitCodeName('[2010101]行政运行')).toEqual({ code: '2010101', name: '行政运行' });
    expect(splitCodeName('【2010101】行政运行')).toEqual({ code: '2010101', name: '行政运行' });
    expect(splitCodeName('2010101 行政运行')).toEqual({ code: '2010101', name: '行政运行' });
    expect(splitCodeName('201 一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出' });
    expect(splitCodeName('201 06 01 行政运行')).toEqual({ code: '2010601', name: '行政运行' });
    expect(splitCodeName('２０１ 一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出' });
    // Not a code and a name: a code alone, a year, a number, words.
    for (const t of ['201 06 01', '2010101', '2020年预算', '12.30', '行政运行', '20 一般']) expect([t, splitCodeName(t)]).toEqual([t, undefined]);
  });
});

describe('2b. column types (near misses)', () => {
  const head = [['部门预算支出总表'], ['单位：万元']];
  const kinds = (t: ReturnType<typeof types>) => t.map((c) => [c.col, c.type.type, c.note]);

  test('a column with numbers and no header is unknown and said so, in its place among the others; one with only words is skipped', () => {
    const t = types([...head, ['科目编码', '科目名称', '', '合计', ''], ['201', '一般公共服务支出', '3.00', '10.00', '见说明'], ['20101', '人大事务', '3.00', '10.00', '']]);
    expect(kinds(t)).toEqual([[0, 'code', undefined], [1, 'name', undefined], [2, 'unknown', 'no-header'], [3, 'amount', undefined]]);
  });

  test('项 is a code part only beside both 类 and 款, and only over numbers', () => {
    const rows = [['201', '05', '07', '专项普查活动', '100'], ['201', '05', '08', '统计抽样调查', '100']];
    const headed = (h: string[], body = rows) => kinds(types([['2025年部门支出预算总表'], ['单位：元'], h, ...body]));
    expect(headed(['类', '款', '项', '科目名称', '合计'])[2]).toEqual([2, 'code-part', undefined]);
    // Without 款 (or without 类) a 项 column of numbers is not understood, and is reported.
    expect(headed(['类', '', '项', '科目名称', '合计'])[2]).toEqual([2, 'unknown', 'unknown-header']);
    expect(headed(['', '款', '项', '科目名称', '合计'])[2]).toEqual([2, 'unknown', 'unknown-header']);
    // Beside 类 and 款 but holding a word: the 项目 column; holding a code with its name: not understood.
    expect(headed(['类', '款', '项', '科目名称', '合计'], [['201', '05', '07', '专项普查活动', '100'], ['201', '05', '其他', '其他统计', '100']])[2]).toEqual([2, 'name', undefined]);
    expect(headed(['类', '款', '项', '科目名称', '合计'], [['201', '05', '[2010507]专项普查活动', '专项普查活动', '100']])[2]).toEqual([2, 'unknown', 'unknown-header']);
  });

  test('a code column is a code-and-name column when half or more of its cells hold both', () => {
    const col = (cells: string[]) => types([...head, ['科目编码', '合计'], ...cells.map((c) => [c, '1.00'])])[0].type.type;
    expect(col(['[201]一般公共服务支出', '[20101]人大事务', '2010101', '2010102'])).toBe('code-name');
    expect(col(['[201]一般公共服务支出', '20101', '2010101'])).toBe('code');
  });

  test('a name column holding codes with names stays the name column when the table has its own code column', () => {
    const t = types([...head, ['科目编码', '科目名称', '合计'], ['201', '[201]一般公共服务支出', '1.00'], ['20101', '[20101]人大事务', '1.00']]);
    expect(kinds(t)).toEqual([[0, 'code', undefined], [1, 'name', undefined], [2, 'amount', undefined]]);
    const parts = types([['2025年部门支出预算总表'], ['单位：元'], ['类', '款', '项', '科目名称', '合计'], ['201', '05', '07', '[2010507]专项普查活动', '100']]);
    expect(parts[3].type.type).toBe('name');
  });

  test('an amount header over words is text only when words outnumber the numbers more than two to one, and at least three', () => {
    const col = (cells: string[]) => {
      const t = types([...head, ['科目名称', '金额'], ...cells.map((c, i) => [`品目${i}`, c])]);
      return [t[1].type.type, t[1].note];
    };
    expect(col(['台式计算机', '打印机', '复印纸', '空调', '1.00', '2.00'])).toEqual(['amount', undefined]);
    expect(col(['台式计算机', '打印机', '复印纸', '空调', '扫描仪', '1.00', '2.00'])).toEqual(['text', 'text-in-amounts']);
    expect(col(['台式计算机', '打印机'])).toEqual(['amount', undefined]);
    expect(col(['台式计算机', '打印机', '复印纸'])).toEqual(['text', 'text-in-amounts']);
  });

  test('blank marks (-, —, ／, \\) are no words; a word that only starts or ends with one is', () => {
    const col = (cells: string[]) => types([...head, ['科目名称', '金额'], ...cells.map((c, i) => [`品目${i}`, c])])[1].type.type;
    expect(col(['-', '--', '—', '——', '－', '/', '\\'])).toBe('amount');
    expect(col(['-台式计算机', '-打印机', '-复印纸'])).toBe('text');
    expect(col(['台式计算机/', '打印机/', '复印纸/'])).toBe('text');
  });

  test('a number is counted as a number whatever it displays (¥10.00 under a currency format)', () => {
    const sheet = sheetFromGrid('s', [...head, ['科目名称', '金额'], ['a', 'x'], ['b', 'x'], ['c', 'x']]);
    const currency = (r: number) => ({ address: `B${r + 1}`, row: r, col: 1, value: 10, text: '¥10.00', numberFormat: '"¥"0.00' });
    const rows = sheet.rows.map((row, r) => (r >= 3 ? [row[0], currency(r)] : row));
    const s2 = { name: 's', rows };
    const region = findRegions(s2)[0];
    const header = readHeader(s2, region, [region.title]);
    if (!header) throw new Error('no header');
    const body = bodyLines(s2, header.end, region.end, header, region.kind);
    expect(typeColumns(s2, header.paths, body.lines)[1].type.type).toBe('amount');
  });

  test('splitCodeName reads past spaces around the cell, and a name wrapped onto a second line of the cell', () => {
    expect(splitCodeName('  [2010101]行政运行 ')).toEqual({ code: '2010101', name: '行政运行' });
    expect(splitCodeName('（201）一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出' });
    expect(splitCodeName('201\n一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出' });
    expect(splitCodeName('2010101 一般公共\n服务支出')).toEqual({ code: '2010101', name: '一般公共服务支出' });
  });
});

describe('3. header paths', () => {
  test('a group written once is carried over its span; a single header merged down its column is not; a new group ends a span', () => {
    const { header } = read([['2025年部门支出决算表'], ['单位：万元'],
      ['科目编码', '科目名称', '年初结转和结余', '本年支出', '', '', '公务接待费', ''],
      ['', '', '', '合计', '基本支出', '项目支出', '预算数', '决算数']]);
    expect([...header.paths.values()]).toEqual([
      ['科目编码'], ['科目名称'], ['年初结转和结余'], ['本年支出', '合计'], ['本年支出', '基本支出'], ['本年支出', '项目支出'],
      ['公务接待费', '预算数'], ['公务接待费', '决算数'],
    ]);
  });
});

describe('4. header words (near misses)', () => {
  test.each<[string[], unknown]>([
    [['基本支出合计'], { type: 'amount', role: 'basic' }],
    [['项目支出'], { type: 'amount', role: 'project' }],
    [['项目'], { type: 'name' }],
    [['项'], { type: 'code-part', part: 3 }],
    [['合计', '预算数'], { type: 'amount', role: 'total', measure: 'budget' }],
    [['合计决算数'], { type: 'amount', role: 'total', measure: 'final' }],
    [['年初预算数', '基本支出'], { type: 'amount', role: 'basic', measure: 'initial' }],
    [['调整预算数'], { type: 'amount', role: 'total', measure: 'adjusted' }],
    [['本年收入', '预算数'], { type: 'amount', role: 'total', side: 'income', measure: 'budget' }],
    [['本年收入'], { type: 'amount', role: 'subtotal' }],
    [['本年支出', '小计'], { type: 'amount', role: 'total' }],
    [['公务用车购置及运行费', '小计'], { type: 'amount', role: 'vehicle' }],
    [['机关运行经费预算数'], { type: 'amount', role: 'admin-costs', measure: 'budget' }],
    [['事业单位经营收入'], { type: 'amount', role: 'operating' }],
    [['上缴上级支出'], { type: 'amount', role: 'remit' }],
    [['其他资金'], { type: 'unknown' }],
    [['12.3abc'], { type: 'unknown' }],
    [['备注'], { type: 'text' }],
  ])('%j', (path, expected) => {
    expect(classifyHeader(path)).toMatchObject(expected as object);
  });
});

describe('5. amounts (near misses)', () => {
  test.each<[string, string]>([
    ['12.3abc', 'invalid'], ['1,23.4', 'invalid'], ['1.2.3', 'invalid'], ['见说明', 'invalid'],
    ['', 'blank'], ['-', 'blank'], ['--', 'blank'], ['—', 'blank'], ['——', 'blank'], ['－', 'blank'], ['/', 'blank'], ['\\', 'blank'], ['　', 'blank'],
    ['1,234.50', 'number'], ['１２３．４', 'number'], [' 20.14 ', 'number'], ['-3', 'number'],
  ])('%j is %s', (text, kind) => {
    expect(parseAmount(text, text).kind).toBe(kind);
  });

  test('decimals: from the text for text numbers, from the format for numbers', () => {
    expect(parseAmount('1,234.5', '1,234.5')).toMatchObject({ kind: 'number', fromText: true, amount: { decimals: 1 } });
    expect(parseAmount(1234.5, '1,234.50', '#,##0.00')).toMatchObject({ kind: 'number', fromText: false, amount: { decimals: 2 } });
  });
});

describe('5b. the lines above a header: unit, year, how many', () => {
  const header = (g: Grid) => read(g).header;
  const body = [['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1.00']];

  test('the unit line names the unit and the cell printing it, also when 单位 and 元 stand in two cells or without a colon', () => {
    expect(header([['部门预算支出总表'], ['编制部门：某区财政局', '', '单位：元'], ...body])).toMatchObject({ unit: 'yuan', unitFound: true, unitCell: { row: 1, col: 2 } });
    expect(header([['部门预算支出总表'], ['', '单位：', '元'], ...body])).toMatchObject({ unit: 'yuan', unitFound: true, unitCell: { row: 1, col: 2 } });
    expect(header([['部门预算支出总表'], ['单位 元'], ...body])).toMatchObject({ unit: 'yuan', unitFound: true, unitCell: { row: 1, col: 0 } });
    expect(header([['部门预算支出总表'], ['单位：万元'], ...body])).toMatchObject({ unit: 'wan', unitFound: true, unitCell: { row: 1, col: 0 } });
    // No unit anywhere: 万元 assumed, and said to be assumed.
    const none = header([['部门预算支出总表'], ...body]);
    expect([none.unit, none.unitFound, none.unitCell]).toEqual(['wan', false, undefined]);
  });

  test('with no unit line, a header cell may print the unit (价值（金额单位：元）), and that cell is the unit cell', () => {
    expect(header([['固定资产占用情况表'], ['项目', '数量', '价值（金额单位：元）'], ['房屋', '1', '100']])).toMatchObject({ unit: 'yuan', unitFound: true, unitCell: { row: 1, col: 2 } });
    expect(header([['固定资产占用情况表'], ['项目', '', ''], ['', '数量', '价值（万元）'], ['房屋', '1', '100.00']])).toMatchObject({ unit: 'wan', unitFound: true, unitCell: { row: 2, col: 2 } });
    // A unit line wins over a header cell.
    expect(header([['固定资产占用情况表'], ['单位：万元'], ['项目', '数量', '价值（元）'], ['房屋', '1', '100.00']])).toMatchObject({ unit: 'wan', unitCell: { row: 1, col: 0 } });
  });

  test('the budget year comes from the title or the lines under it, never from the date of a stock (截至…)', () => {
    expect(header([['2025年部门预算支出总表'], ['单位：万元'], ...body]).year).toBe(2025);
    expect(header([['部门预算支出总表'], ['预算年度：2026', '单位：万元'], ...body]).year).toBe(2026);
    expect(header([['固定资产占用情况表（截至2024年12月31日）'], ['2025年度', '单位：万元'], ['项目', '数量', '价值'], ['房屋', '1', '1.00']]).year).toBe(2025);
    expect(header([['2025年固定资产占用情况表'], ['截止时间：2024年12月31日', '单位：万元'], ['项目', '数量', '价值'], ['房屋', '1', '1.00']]).year).toBe(2025);
    expect(header([['部门预算支出总表'], ['单位：万元'], ...body]).year).toBeUndefined();
  });

  test('up to eight lines between the title and the header; blank rows do not count; a ninth line means no header', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => [`说明第${i + 1}行`]);
    const sheetOf = (g: Grid) => sheetFromGrid('s', g);
    const headerOf = (g: Grid) => { const sheet = sheetOf(g); const region = findRegions(sheet)[0]; return readHeader(sheet, region, [region.title]); };
    expect(headerOf([['部门预算支出总表'], ...lines(8), ...body])?.rows).toEqual([9]);
    expect(headerOf([['部门预算支出总表'], ...lines(9), ...body])).toBeUndefined();
    const blanks = Array.from({ length: 10 }, () => [] as string[]);
    expect(headerOf([['部门预算支出总表'], ['单位：万元'], ...blanks, ...body])?.rows).toEqual([12]);
  });

  test('a blank row inside a header block does not end it; a column blank in every header row gets no path', () => {
    const h = header([['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '本年支出', '', '', ''], [], ['', '', '合计', '基本支出', '', '项目支出'], ['201', '一般公共服务支出', '1.00', '1.00', '', '']]);
    expect(h.rows).toEqual([2, 4]);
    expect([...h.paths.entries()]).toEqual([[0, ['科目编码']], [1, ['科目名称']], [2, ['本年支出', '合计']], [3, ['本年支出', '基本支出']], [5, ['本年支出', '项目支出']]]);
  });

  test('a single header merged down its column (合计) is never the group of the columns right of it', () => {
    const h = header([['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '', ''], ['', '', '', '基本支出', '项目支出'], ['201', '一般公共服务支出', '1.00', '1.00', '']]);
    expect([...h.paths.values()]).toEqual([['科目编码'], ['科目名称'], ['合计'], ['基本支出'], ['项目支出']]);
  });

  test('three header rows: a group in the middle row carries over its span below the group above it', () => {
    const h = header([['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '本年支出', '', '', ''], ['', '', '合计', '基本支出', '', '项目支出'],
      ['', '', '', '人员经费', '公用经费', ''], ['201', '一般公共服务支出', '3.00', '1.00', '1.00', '1.00']]);
    expect([...h.paths.values()]).toEqual([['科目编码'], ['科目名称'], ['本年支出', '合计'], ['本年支出', '基本支出', '人员经费'], ['本年支出', '基本支出', '公用经费'], ['本年支出', '项目支出']]);
  });
});

describe('6. two-sided tables', () => {
  test('a list printed twice side by side: the right-hand code starts a second list; a header over a whole list names it', () => {
    const g: Grid = [['一般公共预算财政拨款基本支出决算表'], ['单位：万元'],
      ['人员经费', '', '', '公用经费', '', ''],
      ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', '5.00', '302', '商品和服务支出', '2.00'],
      ['301 01', '基本工资', '5.00', '302 01', '办公费', '2.00'],
      ['', '人员经费合计', '5.00', '', '公用经费合计', '2.00']];
    const { sheet, header, body } = read(g);
    const seg = splitLists(typeColumns(sheet, header.paths, body.lines));
    expect(seg.segments).toBe(2);
    expect(seg.columns.map((c) => [c.segment, c.path.join('>'), c.type.type === 'amount' ? c.type.role : c.type.type])).toEqual([
      [0, '经济分类科目编码', 'code'], [0, '科目名称', 'name'], [0, '决算数', 'total'],
      [1, '经济分类科目编码', 'code'], [1, '科目名称', 'name'], [1, '决算数', 'total'],
    ]);
    const [t] = recognizeWorkbook({ sheets: [sheet] }).tables;
    const cells = (code: string) => [...(t.index.byCode.get(code)?.amounts.values() ?? [])].map((a) => a.address);
    expect([cells('30101'), cells('30201')]).toEqual([['C6'], ['F6']]);
    expect(checkWorkbook({ sheets: [sheet] }, { expectAll: false }).findings).toEqual([]);
  });

  test('summary sides: from 收入 | 支出 headers, else the first label column is income and amounts follow the label on their left', () => {
    const { sheet, header, body } = read([['部门收支总表'], ['单位：万元'], ['项目', '预算数', '项目', '预算数'], ['一、财政拨款收入', '1.00', '一、一般公共服务支出', '1.00']]);
    const sides = assignSides(typeColumns(sheet, header.paths, body.lines));
    expect(sides.columns.map((c) => c.side)).toEqual(['income', 'income', 'expense', 'expense']);
  });
});

describe('7. rows', () => {
  function rows(g: Grid) {
    const r = recognizeWorkbook({ sheets: [sheetFromGrid('s', g)] });
    return r.tables[0].rows.map((x) => [x.code.kind === 'code' ? x.code.subject.code : x.code.kind, x.labels.main?.text, x.roles.main, x.codeCells]);
  }

  test('合计 written in the 类 cell, or nothing in the code cells: the 合计 row either way', () => {
    const head = [['2025年部门支出预算总表'], ['单位：元'], ['类', '款', '项', '功能分类科目名称', '合计']];
    expect(rows([...head, ['合计', '', '', '', '100'], ['201', '', '', '一般公共服务支出', '100']])[0]).toEqual(['none', '合计', 'total', []]);
    expect(rows([...head, ['', '', '', '合计', '100'], ['201', '', '', '一般公共服务支出', '100']])[0]).toEqual(['none', '合计', 'total', []]);
  });

  test('code and name in one cell: codes read, so a planted 105 ≠ 100 is reported', () => {
    const g = [['部门预算支出总表'], ['单位：万元'], ['功能分类科目', '合计'],
      ['201 一般公共服务支出', '105.00'], ['20101 人大事务', '100.00'], ['2010101 行政运行', '100.00']];
    expect(rows(g).map((r) => r[0])).toEqual(['201', '20101', '2010101']);
    const fs = checkWorkbook({ sheets: [sheetFromGrid('s', g)] }, { expectAll: false }).findings.filter((f) => f.rule === 'hierarchy-sum');
    expect(fs.map((f) => [f.subject, f.reported, f.computed, f.severity])).toEqual([['201', '105.00', '100.00', 'error']]);
  });

  test('a name wrapped onto the next line joins the coded row above; a row of amounts without a code is said', () => {
    const g = [['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', '4.11'], ['20827', '财政对其他社会保险基金的', '4.11'], ['', '补助', ''],
      ['2082701', '财政对失业保险基金的补助', '4.11']];
    expect(rows(g).map((r) => [r[0], r[1]])).toEqual([['208', '社会保障和就业支出'], ['20827', '财政对其他社会保险基金的补助'], ['2082701', '财政对失业保险基金的补助']]);
  });
});

describe('8. 小计 under a group', () => {
  test.each<[string[], string]>([
    [['本年收入', '财政拨款收入', '小计'], 'fiscal'],
    [['本年收入', '小计'], 'subtotal'],
    [['本年支出', '小计'], 'total'],
    [['基本支出', '小计'], 'basic'],
    [['公务用车购置及运行维护费', '小计', '预算数'], 'vehicle'],
    [['"三公"经费', '因公出国（境）费', '小计'], 'travel'],
    [['资金性质', '小计'], 'subtotal'],
  ])('%j is %s', (path, role) => {
    expect(classifyHeader(path)).toMatchObject({ type: 'amount', role });
  });
});

describe('5. the rows around a header (near misses)', () => {
  test.each<[string[], boolean]>([
    [['栏次', '1', '2', '3'], true],
    [['栏次', '', ''], true],
    [['列次', '1', '2'], true],
    [['', '1', '2', '3', '4'], true],
    [['A', 'B', 'C'], true],
    [['1', '2', 'A', 'B'], true],
    // Too few to be a numbering, out of order, or a body line that starts with 1.
    [['1', '2'], false],
    [['1', '2', '4'], false],
    [['1', '一般公共服务支出', '176.30'], false],
    [['2', '3', '4'], false],
    [['栏', '1', '2', '3'], false],
    [['栏次合计', '1', '2'], false],
    [['合计栏次', '1', '2'], false],
    [['A', 'B', 'C1'], false],
    [['A1', 'B', 'C'], false],
    [['', '', ''], false],
  ])('%j is a column-number (栏次) row: %p', (cells, expected) => {
    expect(isColumnNumberRow(cells)).toBe(expected);
  });

  test.each<[string[], boolean]>([
    [['科目编码', '科目名称', '合计'], true],
    [['项目', '金额'], true],
    // A unit line is not a header; a unit inside a header cell still is (cells as the reader passes them, half-width).
    [['单位：万元', '金额'], false],
    [['项 目', '数量', '价值(金额单位:万元)'], true],
    [['项 目', '数量', '价值 金额单位:万元'], false],
    // Body lines: a code, an amount, a numbered item, 其中 starting a line, a code with its name.
    [['2010101', '行政运行'], false],
    [['合计', '870.37'], false],
    [['一、一般公共服务支出', '金额'], false],
    [['其中：办公用房', '数量'], false],
    [['201一般公共服务支出', '合计'], false],
    // One cell, or words with no column word among them.
    [['科目名称'], false],
    [['张家口市总工会', '2025年'], false],
  ])('%j is a header row: %p', (cells, expected) => {
    expect(isHeaderRow(cells)).toBe(expected);
  });
});
