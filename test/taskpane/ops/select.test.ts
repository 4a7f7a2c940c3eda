import type { Finding } from '../../../src/findings';
import { blockOf } from '../../../src/snapshot';
import { FakeExcel } from '../../../taskpane/office/fake';
import { MAX_ADDRESS_LENGTH, selectFinding, selectionAddress } from '../../../taskpane/ops/select';
import { checkWorkbook } from '../../../src/engine';
import { cellsOf, partialBook, sampleBook, sampleFindings } from './helpers';

describe('selecting a finding', () => {
  test('the sample\'s 20805 rounding: 收入总表 active, D13 then E13, F13 and the four 项 of each column selected, in one sync, nothing changed', async () => {
    const excel = new FakeExcel(await sampleBook());
    const before = cellsOf(excel);
    const [f] = await sampleFindings();
    // One finding for the three columns that print 536.45: the totals first, then each column's 项.
    expect(f.cells).toEqual(['D13', 'E13', 'F13', 'D14', 'D15', 'D16', 'D17', 'E14', 'E15', 'E16', 'E17', 'F14', 'F15', 'F16', 'F17']);
    await selectFinding(excel, f);
    expect(excel.syncs).toHaveLength(1);
    expect(excel.activeSheet).toBe('收入总表');
    // D13 alone (the active cell); column D's 项 are one block, columns E and F (total and 项) another.
    expect(excel.selection).toEqual({ sheet: '收入总表', boxes: [blockOf('D13'), blockOf('D14:D17'), blockOf('E13:F17')] });
    expect(cellsOf(excel)).toEqual(before);
  });

  test('a finding on another sheet moves there; terms on other sheets are left out of the selection', async () => {
    const excel = new FakeExcel(await sampleBook());
    const base = (await sampleFindings())[1];
    expect(base.sheet).toBe('支出总表');
    const cross: Finding = { ...base, rule: 'cross-table', sheet: '收支总表', cells: ['E15', "'支出总表'!D8", 'E16', 'E17', 'F15'] };
    await selectFinding(excel, cross);
    expect(excel.selection).toEqual({ sheet: '收支总表', boxes: [blockOf('E15'), blockOf('E16:E17'), blockOf('F15')] });

    const qualifiedTotal: Finding = { ...base, sheet: '收支总表', cells: ["'支出总表'!D13", "'支出总表'!D14", 'E15'] };
    await selectFinding(excel, qualifiedTotal);
    expect(excel.activeSheet).toBe('支出总表');
    expect(excel.selection).toEqual({ sheet: '支出总表', boxes: [blockOf('D13'), blockOf('D14')] });
    expect(excel.syncs).toHaveLength(2);
  });

  test('a finding about a sheet activates it; one about the whole workbook (a missing table) has nothing to show: no sync', async () => {
    const book = await partialBook();
    const excel = new FakeExcel(book);
    const [sheetNote, missing] = checkWorkbook(book).findings;
    expect([sheetNote.sheet, sheetNote.cells, sheetNote.message]).toEqual(['附表', [], '工作表"附表"中没有识别到部门预算公开表，未检查']);
    expect([missing.sheet, missing.cells, missing.message]).toEqual(['', [], '工作簿中没有找到收支总表（部门预算公开表应有九张）']);
    const selection = excel.selection;
    await selectFinding(excel, sheetNote);
    expect(excel.syncs).toHaveLength(1);
    expect(excel.activeSheet).toBe('附表');
    await selectFinding(excel, missing);
    expect(excel.syncs).toHaveLength(1);
    expect(excel.activeSheet).toBe('附表');
    expect(excel.selection).toEqual(selection);
  });

  test('terms merge into blocks: a column run, a row run, a rectangle', () => {
    expect(selectionAddress('D8', ['D9', 'D10', 'D11', 'D12'])).toBe('D8,D9:D12');
    expect(selectionAddress('D5', ['E5', 'F5', 'G5', 'L5'])).toBe('D5,E5:G5,L5');
    expect(selectionAddress('A1', ['B2', 'B3', 'C2', 'C3', 'D2'])).toBe('A1,B2:C3,D2');
    expect(selectionAddress('D20', ['D14', 'D20', 'D13'])).toBe('D20,D13:D14');
  });

  test('hundreds of scattered terms: the address stays under Excel\'s limit, total first, still one sync', async () => {
    const excel = new FakeExcel(await sampleBook());
    const terms = Array.from({ length: 600 }, (_, i) => `D${20 + 2 * i}`);
    const address = selectionAddress('D13', terms);
    expect(address.length).toBeLessThanOrEqual(MAX_ADDRESS_LENGTH);
    expect(address.startsWith('D13,D20,D22,')).toBe(true);
    const [f] = await sampleFindings();
    await selectFinding(excel, { ...f, cells: ['D13', ...terms] });
    expect(excel.syncs).toHaveLength(1);
    expect(excel.selection.boxes[0]).toEqual(blockOf('D13'));
    expect(excel.selection.boxes.length).toBe(address.split(',').length);
    // A long contiguous column is one block.
    expect(selectionAddress('D2', Array.from({ length: 2000 }, (_, i) => `D${3 + i}`))).toBe('D2,D3:D2002');
  });
});
