import { compareFindings } from '../../../src/present';
import { findingKey } from '../../../src/export';
import { checkWorkbook } from '../../../src/engine';
import type { Finding } from '../../../src/findings';
import { sheetFromGrid } from '../../../src/snapshot';
import { FakeExcel } from '../../../taskpane/office/fake';
import { REPORT_TITLE, writeReportSheet } from '../../../taskpane/ops/report-sheet';
import { cellsOf, manyFindingsBook, partialBook, sampleBook, sampleFindings } from './helpers';

const HEADER = ['级别', '性质', '表', '单元格', '说明', '填报数', '计算数', '差额', '审核说明'];

function row(excel: FakeExcel, sheet: string, r: number): unknown[] {
  return 'ABCDEFGHI'.split('').map((c) => excel.cellAt(sheet, `${c}${r}`)?.value ?? null);
}

describe('the 校验报告 sheet', () => {
  test('the sample: a new sheet with title, bold header, 6 rows linked to their cells, in 2 syncs; other sheets untouched', async () => {
    const excel = new FakeExcel(await sampleBook());
    const names = excel.sheets.map((s) => s.name);
    const before = cellsOf(excel);
    const findings = await sampleFindings();
    const result = await writeReportSheet(excel, findings, 'zh');
    expect(result).toEqual({ sheet: '校验报告', rows: 6 });
    // No sheet of that name yet: no need to look at one.
    expect(excel.syncs).toHaveLength(2);
    expect(excel.sheets.map((s) => s.name)).toEqual([...names, '校验报告']);
    expect(excel.activeSheet).toBe('校验报告');
    expect(cellsOf(excel, names)).toEqual(before);

    expect(excel.cellAt('校验报告', 'A1')).toMatchObject({ value: REPORT_TITLE.zh, bold: true });
    expect(row(excel, '校验报告', 2)).toEqual(HEADER);
    expect(excel.cellAt('校验报告', 'I2')?.bold).toBe(true);
    expect(row(excel, '校验报告', 3)).toEqual(['警告', '尾差', '收入总表', '收入总表!D13', '款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）', '536.45', '536.44', '0.01', '']);
    expect(excel.cellAt('校验报告', 'D3')).toMatchObject({ link: "'收入总表'!D13", linkText: '收入总表!D13' });
    // Each finding links to its first column's total.
    expect(excel.cellAt('校验报告', 'D5')).toMatchObject({ link: "'一般公共预算支出表'!D13", linkText: '一般公共预算支出表!D13' });
    // Then the three notes on the 项目绩效目标表, and nothing after them.
    expect(excel.cellAt('校验报告', 'D6')).toMatchObject({ link: "'项目绩效目标表'!F7" });
    expect(excel.cellAt('校验报告', 'A9')).toBeUndefined();
    // Amounts stay text as printed.
    expect(excel.cellAt('校验报告', 'F3')).toMatchObject({ value: '536.45', numberFormat: '@' });
  });

  test('a finding about a sheet links to its A1; one about the whole workbook (a missing table) has no place and no link', async () => {
    const book = await partialBook();
    const excel = new FakeExcel(book);
    const findings = checkWorkbook(book).findings;
    expect(await writeReportSheet(excel, findings, 'zh')).toEqual({ sheet: '校验报告', rows: 8 });
    // By level, then table, then cell: the warning about the workbook first, the note about a sheet among the notes.
    const rows = Array.from({ length: 8 }, (_, i) => row(excel, '校验报告', i + 3));
    expect(rows[0]).toEqual(['警告', '', '', '', '工作簿中没有找到收支总表（部门预算公开表应有九张）', '', '', '', '']);
    expect(excel.cellAt('校验报告', 'D3')?.link).toBeUndefined();
    const note = rows.findIndex((r) => r[3] === '附表');
    expect(rows[note]).toEqual(['提示', '', '', '附表', '工作表"附表"中没有识别到部门预算公开表，未检查', '', '', '', '']);
    expect(excel.cellAt('校验报告', `D${note + 3}`)).toMatchObject({ link: "'附表'!A1", linkText: '附表' });
    expect(rows.slice(note).every((r) => r[0] === '提示')).toBe(true);
    expect(excel.cellAt('校验报告', 'D4')).toMatchObject({ link: "'收入总表'!D13", linkText: '收入总表!D13' });
  });

  test('text that looks like a formula or a number stays text', async () => {
    const excel = new FakeExcel(await sampleBook());
    const [f] = await sampleFindings();
    const hostile: Finding = { ...f, message: '=HYPERLINK("http://evil.example","点此")', difference: '-0.01' };
    await writeReportSheet(excel, [hostile], 'en', new Map([[findingKey(hostile), '=1+1']]));
    expect(excel.cellAt('校验报告', 'E3')).toMatchObject({ value: hostile.message, formula: undefined });
    expect(excel.cellAt('校验报告', 'H3')).toMatchObject({ value: '-0.01', formula: undefined });
    expect(excel.cellAt('校验报告', 'I3')).toMatchObject({ value: '=1+1', formula: undefined });
    expect(excel.cellAt('校验报告', 'A1')?.value).toBe(REPORT_TITLE.en);
    expect(row(excel, '校验报告', 2)).toEqual(['Severity', 'Kind', 'Table', 'Cell', 'Message', 'Reported', 'Computed', 'Difference', 'Explanation']);

    // The same write without the text format would have made a formula and a number (the fake models Excel).
    const plain = excel.workbook.worksheets.getItem('校验报告').getRange('K1:L1');
    plain.values = [[hostile.message, '-0.01']];
    await excel.sync();
    expect(excel.cellAt('校验报告', 'K1')?.formula).toBe(hostile.message);
    expect(excel.cellAt('校验报告', 'L1')?.value).toBe(-0.01);
  });

  test('running again replaces our own report (3 syncs) instead of adding another', async () => {
    const excel = new FakeExcel(await sampleBook());
    const findings = await sampleFindings();
    await writeReportSheet(excel, findings, 'zh');
    const count = excel.sheets.length;
    const syncs = excel.syncs.length;
    const result = await writeReportSheet(excel, findings.slice(0, 2), 'en');
    expect(excel.syncs.length - syncs).toBe(3);
    expect(result).toEqual({ sheet: '校验报告', rows: 2 });
    expect(excel.sheets).toHaveLength(count);
    expect(excel.cellAt('校验报告', 'A1')?.value).toBe(REPORT_TITLE.en);
    expect(excel.cellAt('校验报告', 'A5')).toBeUndefined();
  });

  test('a sheet of the user\'s called 校验报告 is kept: the report goes to 校验报告 (2), and later replaces only that', async () => {
    const book = await sampleBook();
    const user = sheetFromGrid('校验报告', [['我的审核记录'], ['2025-03-01', '已报财政局']]);
    const excel = new FakeExcel({ sheets: [...book.sheets, user] });
    const before = cellsOf(excel);
    const findings = await sampleFindings();
    expect((await writeReportSheet(excel, findings, 'zh')).sheet).toBe('校验报告 (2)');
    expect(excel.syncs).toHaveLength(3);
    expect((await writeReportSheet(excel, findings, 'zh')).sheet).toBe('校验报告 (2)');
    expect(excel.sheets.map((s) => s.name).filter((n) => n.startsWith('校验报告'))).toEqual(['校验报告', '校验报告 (2)']);
    expect(cellsOf(excel, excel.sheets.map((s) => s.name).filter((n) => n !== '校验报告 (2)'))).toEqual(before);
    expect(excel.activeSheet).toBe('校验报告 (2)');
  });

  test('hundreds of findings still take at most 3 syncs, one linked row each', async () => {
    const book = manyFindingsBook();
    const findings = checkWorkbook(book).findings;
    expect(findings.length).toBeGreaterThanOrEqual(50);
    const excel = new FakeExcel(book);
    await writeReportSheet(excel, findings, 'zh');
    await writeReportSheet(excel, findings, 'zh');
    expect(excel.syncs).toHaveLength(2 + 3);
    const last = findings.length + 2;
    // One row per finding, each linked to its first cell (the missing tables have none), in the pane's order.
    const sorted = [...findings].sort(compareFindings);
    expect(excel.cellAt('校验报告', `D${last}`)?.link).toBe(`'支出总表'!${sorted[sorted.length - 1].cells[0]}`);
    const links = Array.from({ length: findings.length }, (_, i) => excel.cellAt('校验报告', `D${i + 3}`)?.link);
    expect(links).toEqual(sorted.map((f) => (f.cells.length > 0 ? `'支出总表'!${f.cells[0]}` : undefined)));
    expect(links.filter((l) => l === undefined)).toHaveLength(8);
    expect(excel.cellAt('校验报告', `A${last + 1}`)).toBeUndefined();
  });
});
