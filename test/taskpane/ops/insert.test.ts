import { sheetFromGrid } from '../../../src/snapshot';
import { blockOf } from '../../../src/snapshot';
import { FakeExcel } from '../../../taskpane/office/fake';
import { insertIntoSelection, readSelectionGrid, undoInsert } from '../../../taskpane/ops/insert';
import { cellsOf, sampleBook } from './helpers';

async function sampleExcel(selection: string, sheet = '收入总表'): Promise<FakeExcel> {
  const excel = new FakeExcel(await sampleBook());
  excel.selection = { sheet, boxes: [blockOf(selection)] };
  excel.activeSheet = sheet;
  return excel;
}

describe('inserting a subject into the selected cell', () => {
  test('a 7-digit code is written as text (format @), in 3 syncs, and nothing else changes', async () => {
    const excel = await sampleExcel('G14');
    const before = cellsOf(excel);
    expect(await insertIntoSelection(excel, '2080501')).toEqual({ address: '收入总表!G14', undo: { sheet: '收入总表', cell: 'G14', formula: '', numberFormat: 'General', written: '2080501' } });
    // The selection, what the cell holds, the write.
    expect(excel.syncs).toHaveLength(3);
    expect(excel.cellAt('收入总表', 'G14')).toMatchObject({ value: '2080501', text: '2080501', numberFormat: '@', formula: undefined });
    const after = cellsOf(excel);
    after['收入总表'] = after['收入总表'].filter((c) => !c.startsWith('13,6|'));
    expect(after).toEqual({ ...before, 收入总表: before['收入总表'].filter((c) => !c.startsWith('13,6|')) });
  });

  test('with several cells selected only the top-left one is written', async () => {
    const excel = await sampleExcel('G14:H16');
    expect(await insertIntoSelection(excel, '机关事业单位基本养老保险缴费支出')).toMatchObject({ address: '收入总表!G14' });
    expect(excel.syncs).toHaveLength(3);
    expect(excel.cellAt('收入总表', 'G14')?.value).toBe('机关事业单位基本养老保险缴费支出');
    for (const a of ['H14', 'G15', 'H16']) expect(excel.cellAt('收入总表', a)?.value ?? null).toBeNull();
  });

  test('the same code written without the text format would have become a number (the fake models Excel)', async () => {
    const excel = await sampleExcel('G14');
    excel.workbook.worksheets.getItem('收入总表').getRange('G15').values = [['2080501']];
    await excel.sync();
    expect(excel.cellAt('收入总表', 'G15')?.value).toBe(2080501);
  });

  test('a cell that holds something is not written: the answer names it and what it holds', async () => {
    const excel = await sampleExcel('D13');
    const before = cellsOf(excel);
    expect(await insertIntoSelection(excel, '2080501')).toEqual({ occupied: { address: '收入总表!D13', held: '536.45' } });
    expect(cellsOf(excel)).toEqual(before);
    // The top-left cell of a block is the one asked about.
    excel.selection = { sheet: '收入总表', boxes: [blockOf('C13:D14')] };
    expect(await insertIntoSelection(excel, '2080501')).toEqual({ occupied: { address: '收入总表!C13', held: '行政事业单位养老支出' } });
    expect(cellsOf(excel)).toEqual(before);
  });

  test('a formula counts as content even when it shows nothing', async () => {
    const excel = await sampleExcel('G14');
    const sheet = excel.workbook.worksheets.getItem('收入总表');
    sheet.getRange('G14').formulas = [['=IF(1,"")']];
    await excel.sync();
    const r = await insertIntoSelection(excel, '2080501');
    expect(r).toEqual({ occupied: { address: '收入总表!G14', held: '=IF(1,"")' } });
    expect(excel.cellAt('收入总表', 'G14')?.formula).toBe('=IF(1,"")');
  });

  test('replace names the cell the user agreed to: that cell is written, another one is asked about again', async () => {
    const excel = await sampleExcel('D13');
    expect(await insertIntoSelection(excel, '2080501', { replace: '收入总表!D14' })).toEqual({ occupied: { address: '收入总表!D13', held: '536.45' } });
    expect(excel.cellAt('收入总表', 'D13')?.value).toBe(536.45);
    const before = { ...excel.cellAt('收入总表', 'D13') };
    const r = await insertIntoSelection(excel, '2080501', { replace: '收入总表!D13' });
    expect(r).toMatchObject({ address: '收入总表!D13' });
    expect(excel.cellAt('收入总表', 'D13')).toMatchObject({ value: '2080501', numberFormat: '@' });
    // 撤销: the number and its format back, in 2 syncs.
    const was = excel.syncs.length;
    expect('undo' in r && await undoInsert(excel, r.undo)).toEqual({ done: true });
    expect(excel.syncs.length - was).toBe(2);
    expect(excel.cellAt('收入总表', 'D13')).toEqual(before);
    expect(before).toMatchObject({ value: 536.45, text: '536.45' });
  });

  test('撤销 of an insert into an empty cell empties it again; a cell changed since is left alone, and said', async () => {
    const excel = await sampleExcel('G14');
    const r = await insertIntoSelection(excel, '2080501');
    expect('undo' in r && await undoInsert(excel, r.undo)).toEqual({ done: true });
    expect(excel.cellAt('收入总表', 'G14')?.value ?? '').toBe('');
    expect(excel.cellAt('收入总表', 'G14')?.numberFormat).toBe('General');
    const again = await insertIntoSelection(excel, '2080501');
    excel.edit('收入总表', 'G14', '用户自己的内容');
    expect('undo' in again && await undoInsert(excel, again.undo)).toEqual({ error: { zh: '收入总表!G14 在插入后又被修改，未撤销，以免覆盖您的修改。', en: '收入总表!G14 was changed after the insert: not undone, so as not to overwrite that change.' } });
    expect(excel.cellAt('收入总表', 'G14')?.value).toBe('用户自己的内容');
  });

  test('a long content is quoted cut, with an ellipsis', async () => {
    const excel = await sampleExcel('G14');
    excel.edit('收入总表', 'G14', '说明'.repeat(40));
    const r = await insertIntoSelection(excel, '2080501');
    expect('occupied' in r && r.occupied.held).toBe(`${'说明'.repeat(20)}…`);
  });

  test('nothing to insert is an error in both languages, without touching Excel', async () => {
    const excel = await sampleExcel('G14');
    const r = await insertIntoSelection(excel, '  ');
    expect(r).toEqual({ error: { zh: '没有要插入的内容。', en: 'Nothing to insert.' } });
    expect(excel.syncs).toHaveLength(0);
  });
});

describe('reading the selection for a catalog import', () => {
  test('several cells selected: their text, in 2 syncs', async () => {
    const excel = await sampleExcel('B13:C17');
    const grid = await readSelectionGrid(excel);
    expect(excel.syncs).toHaveLength(2);
    expect(grid).toEqual([
      ['20805', '行政事业单位养老支出'],
      ['2080501', '行政单位离退休'],
      ['2080502', '事业单位离退休'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['2080506', '机关事业单位职业年金缴费支出'],
    ]);
  });

  test('one cell selected: the active sheet\'s used range', async () => {
    const excel = await sampleExcel('C3');
    const grid = await readSelectionGrid(excel);
    expect(excel.syncs).toHaveLength(2);
    expect(grid).toHaveLength(27);
    expect(grid.every((r) => r.length === 13)).toBe(true);
    expect(grid[0][0]).toBe('部门预算收入总表');
    expect(grid[12].slice(1, 4)).toEqual(['20805', '行政事业单位养老支出', '536.45']);
  });

  test('whole columns selected: cut to the used rows', async () => {
    const excel = await sampleExcel('B1:C1');
    excel.selection = { sheet: '收入总表', boxes: [{ row: 0, col: 1, rows: 1048576, cols: 2 }] };
    const grid = await readSelectionGrid(excel);
    expect(grid).toHaveLength(27);
    expect(grid[13]).toEqual(['2080501', '行政单位离退休']);
  });

  test('an empty active sheet gives an empty grid after one sync', async () => {
    const excel = new FakeExcel({ sheets: [{ name: '空表', rows: [] }, sheetFromGrid('科目', [['201', '一般公共服务支出']])] });
    expect(await readSelectionGrid(excel)).toEqual([]);
    expect(excel.syncs).toHaveLength(1);
  });
});
