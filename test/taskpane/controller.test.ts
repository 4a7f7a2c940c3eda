import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { parseCsv } from '../../src/csv';
import type { Workbook } from '../../src/snapshot';
import { AUTO_DELAY_MS, PaneController } from '../../taskpane/controller';
import { FakeExcel } from '../../taskpane/office/fake';
import { getState, resetState } from '../../taskpane/state';
import { fakeHost, MemoryDocument } from '../helpers/pane-host';

let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(readFileSync(samplePath())); });
beforeEach(() => resetState());

function values(excel: FakeExcel): string {
  return JSON.stringify(excel.sheets.filter((s) => s.name !== '校验报告').map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value])]));
}

describe('pane controller through the in-memory Excel', () => {
  test('notes: each marked total gets its message, a user\'s own note is kept, 清除标记 removes only ours', async () => {
    const excel = new FakeExcel(sample);
    excel.notes.set('收入总表!E13', '用户自己的批注');
    const doc = new MemoryDocument();
    const c = new PaneController(fakeHost(excel, { doc }));
    const before = values(excel);
    await c.validate();
    expect(excel.notes.get('收入总表!D13')).toMatch(/20805.*536\.45.*536\.44.*尾差/);
    expect(excel.notes.get('收入总表!E13')).toBe('用户自己的批注');
    // The totals of 20805 in every column that does not add up: 收入总表 D13 E13 F13, 支出总表 D13 E13, 一般公共预算支出表
    // D13 E13; all but the user's E13, each with the message of its finding; and the three notes on the 项目绩效目标表.
    expect(doc.get('budget-check.added-notes.v1')).toEqual(['收入总表!D13', '收入总表!F13', '支出总表!D13', '支出总表!E13', '一般公共预算支出表!D13', '一般公共预算支出表!E13', '项目绩效目标表!F7', '项目绩效目标表!F38', '项目绩效目标表!E71']);
    expect(excel.notes.get('收入总表!F13')).toBe(excel.notes.get('收入总表!D13'));
    expect(excel.notes.get('支出总表!E13')).toBe('款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
    // The sample's tables print 2025: the custom functions' default edition for this workbook.
    expect(doc.get('budget-check.budget-year')).toBe(2025);
    // Validating again does not pile notes up.
    await c.validate();
    expect([...excel.notes.keys()]).toHaveLength(10);
    await c.clearMarks();
    expect([...excel.notes]).toEqual([['收入总表!E13', '用户自己的批注']]);
    expect(values(excel)).toBe(before);
  });

  test('without ExcelApi 1.18 no notes are written, marks still are', async () => {
    const excel = new FakeExcel(sample);
    const c = new PaneController(fakeHost(excel, { excelApi: '1.9' }));
    await c.validate();
    expect(excel.notes.size).toBe(0);
    expect(getState().saved.length).toBeGreaterThan(0);
  });

  test('cancel during the read: nothing is marked and the pane says so', async () => {
    const excel = new FakeExcel(sample);
    const c = new PaneController(fakeHost(excel));
    const run = c.validate();
    c.cancel();
    await run;
    expect(getState().cancelled).toBe(true);
    expect(getState().result).toBeUndefined();
    expect(getState().saved).toHaveLength(0);
    expect(c.state.toast?.text.zh).toBe('已取消校验，未做任何标记。');
  });

  test('a message does not outlive its moment: 已恢复…原格式 goes when the cells are marked again', async () => {
    const excel = new FakeExcel(sample);
    const c = new PaneController(fakeHost(excel));
    await c.validate();
    await c.clearMarks();
    expect(c.state.toast?.text.zh).toMatch(/^已恢复 \d+ 个单元格的原格式。$/);
    await c.validate();
    expect(getState().saved.length).toBeGreaterThan(0);
    expect(c.state.toast).toBeUndefined();
  });

  test('export: CSV with every finding and no cell that could run as a formula; HTML; a 校验报告 sheet with links', async () => {
    const excel = new FakeExcel(sample);
    const host = fakeHost(excel);
    const c = new PaneController(host);
    await c.validate();
    const before = values(excel);
    c.exportFile('csv');
    c.exportFile('html');
    const csv = host.downloads.find((d) => d.fileName.endsWith('.csv'))!;
    const rows = parseCsv(csv.content);
    // The header, the three 尾差 and the three notes on the 项目绩效目标表.
    expect(rows).toHaveLength(7);
    expect(rows.flat().every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
    expect(host.downloads.find((d) => d.fileName.endsWith('.html'))!.content).toContain('20805');
    await c.exportSheet();
    const report = excel.sheets.find((s) => s.name === '校验报告')!;
    expect([...report.cells.values()].filter((x) => x.link === "'收入总表'!D13")).toHaveLength(1);
    expect(values(excel)).toBe(before);
    expect(c.state.toast?.text.zh).toBe('已生成工作表“校验报告”（6 条）。');
  });

  test('auto: an edit marks findings stale at once and validates again after a pause', async () => {
    const excel = new FakeExcel(sample);
    const c = new PaneController(fakeHost(excel));
    await c.startWatching();
    c.setAuto(true);
    await c.validate();
    const first = getState().at;
    jest.useFakeTimers();
    try {
      // The 20805 total of column D made to agree with its items: on the next run the 20805 finding covers E and F only.
      excel.edit('收入总表', 'D13', 536.44);
      expect(getState().changes).toEqual([{ sheet: '收入总表', address: 'D13' }]);
      expect(getState().result!.findings.filter((f) => c.isStale(f))).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(AUTO_DELAY_MS - 100);
      expect(getState().at).toBe(first);
      await jest.advanceTimersByTimeAsync(200);
      expect(getState().at).not.toBe(first);
      expect(getState().changes).toEqual([]);
      // The 20805 difference in column D is gone; its parent 208 (D12) now disagrees with the edited item.
      const income = getState().result!.findings.filter((f) => f.sheet === '收入总表');
      expect(income.some((f) => f.cells[0] === 'D13' && f.reported === '536.45')).toBe(false);
      expect(income.filter((f) => f.relation === 'income.hierarchy' && f.subject === '20805').map((f) => [f.cells[0], f.columns])).toEqual([['E13', ['subtotal', 'fiscal']]]);
      expect(income.some((f) => f.cells[0] === 'D12')).toBe(true);
      await c.dispose();
    } finally {
      jest.useRealTimers();
    }
  });
});
