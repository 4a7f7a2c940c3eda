import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { checkWorkbook } from '../../src/engine';
import { sheetFromGrid } from '../../src/snapshot';
import { FakeExcel, NO_FILL } from '../../taskpane/office/fake';
import { applyMarks, clearMarks, MARK_COLORS, marksFor } from '../../taskpane/office/marks';
import { readWorkbook } from '../../taskpane/office/read';

describe('marking and unmarking cells', () => {
  test('the sample: rounding marks in 2 syncs, the user\'s own fill restored exactly, values untouched', async () => {
    const book = await readXlsx(readFileSync(samplePath()));
    const excel = new FakeExcel(book);
    excel.setFill('收入总表', 'D13', { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0.2 });
    const marks = marksFor(checkWorkbook(book).findings);
    // 7 findings, 5 cells each (a 款 and its four 项), all distinct; and the three notes on the 项目绩效目标表.
    expect(marks).toHaveLength(38);
    expect(marks.filter((m) => m.kind === 'rounding')).toHaveLength(35);
    expect(marks.filter((m) => m.sheet === '项目绩效目标表').map((m) => [m.address, m.kind])).toEqual([['F7', 'info'], ['F38', 'info'], ['E71', 'info']]);
    const before = excel.syncs.length;
    const saved = await applyMarks(excel, marks);
    expect(excel.syncs.length - before).toBe(2);
    expect(excel.fillAt('收入总表', 'D13')).toMatchObject({ color: MARK_COLORS.rounding, pattern: 'Solid' });
    expect(excel.fillAt('支出总表', 'E17')).toMatchObject({ color: MARK_COLORS.rounding });
    expect(saved.find((s) => s.sheet === '收入总表' && s.address === 'D13')).toMatchObject({ color: '#FFFF00', pattern: 'Gray50' });

    // Marking again (a re-validation) keeps the first originals.
    const again = await applyMarks(excel, marks, saved);
    expect(again).toEqual(saved);

    await clearMarks(excel, again);
    expect(excel.fillAt('收入总表', 'D13')).toEqual({ color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0.2, patternTintAndShade: 0 });
    expect(excel.fillAt('支出总表', 'E17')).toEqual(NO_FILL);
    const after = await readWorkbook(excel);
    const texts = (wb: typeof book) => wb.sheets.map((s) => s.rows.map((r) => r.map((c) => `${String(c?.value ?? '')}|${c?.text ?? ''}`)));
    expect(texts(after)).toEqual(texts(book));
  });

  test('marks of many findings still take 2 syncs; errors win over rounding on a shared cell', async () => {
    const rows = [['部门预算支出总表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
    for (let i = 0; i < 500; i++) rows.push([String(2010101 + (i % 50)), '行政运行', '12.50', '10.00', '2.00']);
    const book = { sheets: [sheetFromGrid('支出总表', rows)] };
    const findings = checkWorkbook(book).findings;
    const marks = marksFor(findings);
    expect(marks.length).toBeGreaterThan(400);
    const excel = new FakeExcel(book);
    await applyMarks(excel, marks);
    expect(excel.syncs).toHaveLength(2);
    expect(excel.fillAt('支出总表', 'C3').color).toBe(MARK_COLORS.error);
  });

  test('cells on other sheets cited as \'sheet\'!A1 are marked on their own sheet', () => {
    const marks = marksFor([{
      rule: 'cross-table', severity: 'error', rounding: false, table: 'summary', sheet: '收支总表',
      cells: ['E15', "'支出总表'!D12", "'it''s'!A1"], reported: null, computed: null, difference: null, message: '',
    }]);
    expect(marks.map((m) => `${m.sheet}!${m.address}`)).toEqual(['收支总表!E15', '支出总表!D12', "it's!A1"]);
  });
});
