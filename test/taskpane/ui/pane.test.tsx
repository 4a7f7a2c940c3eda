/**
 * @jest-environment jsdom
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { samplePath } from '../../../cli/sample';
import { readXlsx } from '../../../cli/xlsx';
import type { Workbook } from '../../../src/snapshot';
import { PaneController } from '../../../taskpane/controller';
import { FakeExcel, NO_FILL } from '../../../taskpane/office/fake';
import { MARK_COLORS } from '../../../taskpane/office/marks';
import { getState, resetState } from '../../../taskpane/state';
import { App } from '../../../taskpane/ui/App';
import { seedWorkbook } from '../../helpers/fixtures';
import { fakeHost, MemoryDocument, MemoryStorage } from '../../helpers/pane-host';

// findBy… waits for the pane to render the result of a run: 1 s (the default) is not always enough on a busy
// 2-core machine, and a slow run is not a failing one.
configure({ asyncUtilTimeout: 10_000 });

let sample: Workbook;
beforeAll(async () => {
  sample = await readXlsx(readFileSync(samplePath()));
});
beforeEach(() => resetState());

function setup(book: Workbook = sample, opts: Parameters<typeof fakeHost>[1] = {}) {
  const excel = new FakeExcel(book);
  const host = fakeHost(excel, opts);
  const controller = new PaneController(host);
  const view = render(<App controller={controller} />);
  return { excel, host, controller, view };
}

async function validate(): Promise<void> {
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: /校验工作簿|Validate workbook/ })); });
  await screen.findByTestId('summary');
  // The findings show before the cells are marked: the run ends after the marks and notes are on.
  await waitFor(() => expect(getState().running).toBe(false));
}

describe('task pane on the sample workbook', () => {
  test('validates: summary by severity and table, then the findings grouped by table, 20805 as 尾差', async () => {
    setup();
    expect(screen.getByText(/尚未校验/)).toBeTruthy();
    await validate();
    const items = screen.getAllByTestId('finding');
    expect(items).toHaveLength(6);
    // The three 尾差, then three notes on the 项目绩效目标表 (a plan without 12 月底, values without a comparator).
    expect(items.map((i) => i.getAttribute('data-grade'))).toEqual(['rounding', 'rounding', 'rounding', 'info', 'info', 'info']);
    expect(screen.getByTestId('count-rounding').textContent).toContain('3');
    // One line says where the workbook stands: no error, three 尾差 to explain, three notes.
    expect(screen.getByTestId('verdict').textContent).toBe('没有错误；3 处尾差可说明；3 条提示');
    // The sample is a 2025 budget: its codes were judged by the 2025 catalog, and the summary says so.
    expect(screen.getByTestId('meta').textContent).toContain('科目目录 2025 年版');
    // Grouped by level, ordered by table within it: one finding per table, as 款 20805 fails the same way in every
    // column that prints it.
    const rounding = screen.getByRole('region', { name: '尾差（可说明）' });
    expect(within(rounding).getAllByTestId('finding').map((f) => f.querySelector('button[data-row]')?.getAttribute('title'))).toEqual([
      '定位到 收入总表!D13', '定位到 支出总表!D13', '定位到 一般公共预算支出表!D13',
    ]);
    expect(within(screen.getByRole('region', { name: '提示' })).getAllByTestId('finding')).toHaveLength(3);
    const first = within(rounding).getAllByTestId('finding')[0];
    // As a 审核公式 result: the subject with its printed name, the relation with the terms' codes, the unit.
    expect(first.textContent).toContain('表内');
    expect(first.textContent).toContain('款 20805 行政事业单位养老支出');
    expect(within(first).getByTestId('equation').textContent).toBe('合计、本年收入小计、财政拨款收入 536.45 ≠ 2080501 + 2080502 + 2080505 + 2080506 = 536.44（差额 0.01 万元）');
    expect(first.textContent).toContain('尾差');
  });

  test('clicking a finding activates its sheet and selects the total with its terms', async () => {
    const { excel } = setup();
    await validate();
    const item = screen.getAllByTestId('finding').find((i) => i.textContent?.includes('收入总表!D13'))!;
    await act(async () => { fireEvent.click(within(item).getAllByRole('button')[0]); });
    expect(excel.activeSheet).toBe('收入总表');
    expect(excel.selection.sheet).toBe('收入总表');
    // D13 is row 12, column 3 (0-based); the terms are the 项 rows under it.
    expect(excel.selection.boxes[0]).toMatchObject({ row: 12, col: 3 });
    expect(excel.selection.boxes.length).toBeGreaterThan(1);
  });

  test('marks in colour-blind-safe fills and 清除标记 puts the user\'s own fill back', async () => {
    const { excel } = setup();
    excel.setFill('收入总表', 'D13', { color: '#FFFF00', pattern: 'Solid' });
    await validate();
    expect(excel.fillAt('收入总表', 'D13').color).toBe(MARK_COLORS.rounding);
    expect(excel.fillAt('收入总表', 'E13').color).toBe(MARK_COLORS.rounding);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '清除标记' })); });
    expect(excel.fillAt('收入总表', 'D13')).toMatchObject({ color: '#FFFF00', pattern: 'Solid' });
    expect(excel.fillAt('收入总表', 'E13')).toEqual(NO_FILL);
    expect(await screen.findByText(/已恢复 \d+ 个单元格的原格式/)).toBeTruthy();
  });

  test('filters by severity, table and text', async () => {
    setup();
    await validate();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'F13' } });
    expect(screen.getAllByTestId('finding')).toHaveLength(1);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '没有这个' } });
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    expect(screen.getByText('没有符合筛选条件的结果。')).toBeTruthy();
  });

  test('switches to English without validating again, and remembers the choice', async () => {
    const user = new MemoryStorage();
    const { excel } = setup(sample, { user });
    await validate();
    const syncs = excel.syncs.length;
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Validate again' })).toBeTruthy();
    expect(screen.getAllByTestId('finding')[0].textContent).toMatch(/Rounding/);
    expect(excel.syncs.length).toBe(syncs);
    expect(user.getItem('budget-check.pane.lang')).toBe('en');
  });

  test('a stale mark appears on findings whose cells were edited since the run', async () => {
    const { excel, controller } = setup();
    await act(async () => { await controller.startWatching(); });
    await validate();
    expect(screen.queryByText('已修改')).toBeNull();
    await act(async () => { excel.edit('收入总表', 'D14', 1); });
    // D14 (2080501, column D) is a term of the 收入总表's 20805 finding only: that one finding is stale, the other tables' not.
    const stale = screen.getAllByTestId('finding').filter((i) => within(i).queryByText('已修改'));
    expect(stale).toHaveLength(1);
    expect(stale[0].textContent).toContain('收入总表!D13');
  });

  test('审核说明: a warning marked explained keeps its note in the document, shown in a later run', async () => {
    const doc = new MemoryDocument();
    setup(sample, { doc });
    await validate();
    const item = screen.getAllByTestId('finding')[0];
    fireEvent.click(within(item).getByRole('button', { name: /^说明/ }));
    fireEvent.change(within(item).getByRole('textbox'), { target: { value: '按元取整后的尾差' } });
    await act(async () => { fireEvent.click(within(item).getByRole('button', { name: '保存' })); });
    expect(within(item).getByText('已说明')).toBeTruthy();
    expect(JSON.stringify(doc.get('budget-check.explanations.v1'))).toContain('按元取整后的尾差');
    // A new session on the same document.
    screenCleanup();
    resetState();
    setup(sample, { doc });
    await validate();
    expect(screen.getAllByText(/按元取整后的尾差/)).toHaveLength(1);
  });

  test('审核说明 belongs to the finding it explained: the 0.01 尾差 turned into a 63.56 error shows as new, not 已说明', async () => {
    const doc = new MemoryDocument();
    const { excel } = setup(sample, { doc });
    await validate();
    const income = () => screen.getAllByTestId('finding').filter((f) => f.querySelector('button[data-row]')?.getAttribute('title')?.includes('收入总表!'));
    const [item] = income();
    fireEvent.click(within(item).getByRole('button', { name: /^说明/ }));
    fireEvent.change(within(item).getByRole('textbox'), { target: { value: '四舍五入尾差' } });
    await act(async () => { fireEvent.click(within(item).getByRole('button', { name: '保存' })); });
    expect(within(item).getByText('已说明')).toBeTruthy();

    // 款 20805's 合计 typed 600.00: its 0.01 尾差 in that column becomes a 63.56 error.
    await act(async () => { excel.edit('收入总表', 'D13', 600); });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '重新校验' })); });
    const error = income().find((i) => i.getAttribute('data-grade') === 'error' && /20805/.test(i.textContent ?? '') && /63\.56/.test(i.textContent ?? ''))!;
    expect(error).toBeTruthy();
    expect(within(error).queryByText('已说明')).toBeNull();
    expect(error.textContent).not.toContain('四舍五入尾差');
    // 小计 and 财政拨款收入 still differ by that same 0.01: the finding the note was written for keeps it.
    const rounding = income().find((i) => i.getAttribute('data-grade') === 'rounding')!;
    expect(rounding.textContent).toContain('四舍五入尾差');
    expect(within(rounding).getByText('已说明')).toBeTruthy();
  });
});

describe('task pane on other workbooks', () => {
  test('a workbook whose totals all add up shows 工作簿已平衡', async () => {
    setup(seedWorkbook('003'));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '校验工作簿' })); });
    const ok = await screen.findByTestId('balanced');
    expect(ok.textContent).toContain('工作簿已平衡');
    expect(ok.textContent).toMatch(/已识别 9 张表，核对 \d+ 项勾稽关系/);
  });

  test('a workbook without its 收支总表: the warning is listed under 其他 with no place, and clicking it changes nothing', async () => {
    const { excel } = setup({ sheets: sample.sheets.filter((s) => s.name !== '收支总表') });
    await validate();
    const [item] = within(screen.getByRole('region', { name: '警告（可说明）' })).getAllByTestId('finding');
    const go = within(item).getAllByRole('button')[0];
    expect(go.textContent).toBe('警告工作簿中没有找到收支总表（部门预算公开表应有九张）');
    expect(go.getAttribute('title')).toBeNull();
    const syncs = excel.syncs.length;
    const active = excel.activeSheet;
    await act(async () => { fireEvent.click(go); });
    expect(excel.syncs.length).toBe(syncs);
    expect(excel.activeSheet).toBe(active);
    expect(screen.queryByText(/操作未能完成/)).toBeNull();
  });

  test('errors of seed 000 (三公 off by 0.16) are shown as 错误 before warnings', async () => {
    setup(seedWorkbook('000'));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '校验工作簿' })); });
    await screen.findByTestId('summary');
    const grades = screen.getAllByTestId('finding').map((i) => i.getAttribute('data-grade'));
    expect(grades).toContain('error');
    expect(screen.getByTestId('count-error').textContent).toMatch(/错误 \d+/);
  });

  test('a failure is shown, not thrown', async () => {
    const excel = new FakeExcel(sample);
    const host = { ...fakeHost(excel), run: () => Promise.reject(new Error('RichApi.Error: 工作簿已被保护')) };
    render(<App controller={new PaneController(host)} />);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '校验工作簿' })); });
    expect((await screen.findByRole('alert')).textContent).toContain('校验未能完成：RichApi.Error: 工作簿已被保护');
  });
});

function screenCleanup(): void {
  document.body.innerHTML = '';
}
