import { FakeExcel } from '../../../taskpane/office/fake';
import { marksFor } from '../../../taskpane/office/marks';
import { addNotes, removeNotes } from '../../../taskpane/ops/notes';
import { checkWorkbook } from '../../../src/engine';
import { cellsOf, manyFindingsBook, sampleBook, sampleFindings } from './helpers';

async function sampleItems(): Promise<Array<{ sheet: string; address: string; text: string }>> {
  const findings = await sampleFindings();
  return findings.flatMap((f) => marksFor([f]).map((m) => ({ sheet: m.sheet, address: m.address, text: f.message })));
}

describe('notes on marked cells', () => {
  test('the sample: notes on the 38 cells (35 of 款 20805, 3 on the 项目绩效目标表) except where the user has one, in 2 syncs; removal takes exactly ours in 1', async () => {
    const excel = new FakeExcel(await sampleBook());
    const before = cellsOf(excel);
    excel.notes.set('收入总表!D13', '用户自己的批注');
    const items = await sampleItems();
    expect(items).toHaveLength(38);
    const added = await addNotes(excel, items);
    expect(excel.syncs).toHaveLength(2);
    expect(added).toHaveLength(37);
    expect(added).not.toContain('收入总表!D13');
    expect(excel.notes.get('收入总表!D13')).toBe('用户自己的批注');
    expect(excel.notes.get('收入总表!D14')).toBe('款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
    expect(excel.notes.get('一般公共预算支出表!E17')).toBe('款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');

    // A second run adds nothing over the notes already there.
    expect(await addNotes(excel, items)).toEqual([]);
    expect(excel.syncs).toHaveLength(3);

    await removeNotes(excel, added);
    expect(excel.syncs).toHaveLength(4);
    expect([...excel.notes]).toEqual([['收入总表!D13', '用户自己的批注']]);
    expect(cellsOf(excel)).toEqual(before);
  });

  test('a cell named twice gets one note (the first); odd sheet names are quoted', async () => {
    const excel = new FakeExcel(await sampleBook());
    const added = await addNotes(excel, [
      { sheet: "it's", address: '$A$1', text: '第一' },
      { sheet: "it's", address: 'A1', text: '第二' },
    ]);
    expect(added).toEqual(["it's!A1"]);
    expect([...excel.notes]).toEqual([["it's!A1", '第一']]);
    await removeNotes(excel, added);
    expect(excel.notes.size).toBe(0);
  });

  test('hundreds of cells: still 2 syncs to add, 1 to remove', async () => {
    const findings = checkWorkbook(manyFindingsBook()).findings;
    expect(findings.length).toBeGreaterThanOrEqual(50);
    const excel = new FakeExcel(manyFindingsBook());
    const items = findings.flatMap((f) => marksFor([f]).map((m) => ({ sheet: m.sheet, address: m.address, text: f.message })));
    const added = await addNotes(excel, items);
    expect(added.length).toBeGreaterThan(400);
    expect(excel.syncs).toHaveLength(2);
    await removeNotes(excel, added);
    expect(excel.syncs).toHaveLength(3);
    expect(excel.notes.size).toBe(0);
  });

  test('the fake, like Excel, refuses to tell whether a note exists before load and sync', async () => {
    const excel = new FakeExcel(await sampleBook());
    excel.notes.set('收入总表!D13', 'x');
    const note = excel.workbook.notes.getItemOrNullObject("'收入总表'!D13");
    expect(() => note.isNullObject).toThrow(/PropertyNotLoaded/);
    note.load('isNullObject');
    expect(() => note.isNullObject).toThrow(/PropertyNotLoaded/);
    await excel.sync();
    expect(note.isNullObject).toBe(false);
  });
});
