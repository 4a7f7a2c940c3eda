/**
 * @jest-environment jsdom
 */
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { sheetFromGrid } from '../../../src/snapshot';
import { PaneController } from '../../../taskpane/controller';
import { FakeExcel } from '../../../taskpane/office/fake';
import { resetState } from '../../../taskpane/state';
import { App } from '../../../taskpane/ui/App';
import { fakeHost, MemoryStorage } from '../../helpers/pane-host';

// findBy… waits for the pane to render the result of a run: 1 s (the default) is not always enough on a busy
// 2-core machine, and a slow run is not a failing one.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => resetState());

const book = () => ({ sheets: [
  sheetFromGrid('录入', [['科目编码', '科目名称'], ['', ''], ['', '']]),
  sheetFromGrid('本地目录', [['科目编码', '科目名称'], ['210', '卫生健康支出'], ['21011', '行政事业单位医疗'], ['2101101', '行政单位医疗'], ['2101199', '其他行政事业单位医疗支出（本地）']]),
] });

describe('subject search', () => {
  test('pinyin initials find 行政单位医疗; 插入编码 writes the code into the selected cell only', async () => {
    const excel = new FakeExcel(book());
    excel.selectBoxes(excel.sheets[0], [{ row: 1, col: 0, rows: 1, cols: 1 }]);
    render(<App controller={new PaneController(fakeHost(excel))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目查询' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'xzdwyl' } });
    const hit = screen.getAllByTestId('subject').find((s) => s.textContent?.includes('行政单位医疗'))!;
    expect(hit.textContent).toContain('2101101');
    await act(async () => { fireEvent.click(within(hit).getByRole('button', { name: '插入编码 2101101' })); });
    expect(excel.sheets[0].cell(1, 0)?.value).toBe('2101101');
    expect(excel.sheets[0].cell(1, 1)?.value ?? null).toBeNull();
    expect(await screen.findByText(/已在 .*A2 插入“2101101”/)).toBeTruthy();
  });

  test('a cell that holds something is not written without asking: 取消 leaves it, 替换 writes it', async () => {
    const excel = new FakeExcel(book());
    excel.edit('录入', 'A2', '2101101');
    excel.selectBoxes(excel.sheets[0], [{ row: 1, col: 0, rows: 1, cols: 1 }]);
    const controller = new PaneController(fakeHost(excel));
    render(<App controller={controller} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目查询' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '210' } });
    const hit = screen.getAllByTestId('subject').find((s) => s.textContent?.startsWith('210卫生健康支出'))!;
    await act(async () => { fireEvent.click(within(hit).getByRole('button', { name: '插入编码 210' })); });
    const ask = await screen.findByTestId('insert-ask');
    expect(ask.textContent).toContain('录入!A2 已有内容“2101101”。要用“210”替换吗？');
    expect(excel.sheets[0].cell(1, 0)?.value).toBe('2101101');
    // 取消: the cell keeps its content, the question goes.
    fireEvent.click(within(ask).getByRole('button', { name: '取消' }));
    expect(screen.queryByTestId('insert-ask')).toBeNull();
    expect(excel.sheets[0].cell(1, 0)?.value).toBe('2101101');
    // Asked again, 替换: written, and said.
    await act(async () => { fireEvent.click(within(hit).getByRole('button', { name: '插入名称 卫生健康支出' })); });
    await act(async () => { fireEvent.click(within(await screen.findByTestId('insert-ask')).getByRole('button', { name: '替换' })); });
    expect(excel.sheets[0].cell(1, 0)?.value).toBe('卫生健康支出');
    expect(screen.queryByTestId('insert-ask')).toBeNull();
    const done = await screen.findByTestId('inserted');
    expect(done.textContent).toContain('已在 录入!A2 插入“卫生健康支出”');
    // 撤销: what the user had is back.
    await act(async () => { fireEvent.click(within(done).getByRole('button', { name: '撤销：恢复 录入!A2 原来的内容' })); });
    expect(excel.sheets[0].cell(1, 0)).toMatchObject({ value: '2101101', numberFormat: 'General' });
    expect(await screen.findByText('已恢复 录入!A2 原来的内容和格式。')).toBeTruthy();
    expect(screen.queryByTestId('inserted')).toBeNull();
  });

  test('the edition searched is named as it is: the newest, 2027, as the same as 2025', () => {
    const excel = new FakeExcel(book());
    render(<App controller={new PaneController(fakeHost(excel))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目查询' }));
    expect(screen.getByTestId('subject-edition').textContent).toBe('科目目录 2027 年（同 2025 年版），未注明预算年度');
  });

  test('a code finds its subject and its children by prefix', () => {
    const excel = new FakeExcel(book());
    render(<App controller={new PaneController(fakeHost(excel))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目查询' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '21011' } });
    const hits = screen.getAllByTestId('subject').map((s) => s.textContent ?? '');
    expect(hits[0]).toContain('21011行政事业单位医疗');
    expect(hits.some((h) => h.includes('2101103公务员医疗补助'))).toBe(true);
    expect(hits.every((h) => h.startsWith('21011'))).toBe(true);
  });
});

describe('catalog import from a worksheet', () => {
  test('imports the selected range as a named edition kept for this user, and forgets it on request', async () => {
    const excel = new FakeExcel(book());
    excel.selectBoxes(excel.sheets[1], [{ row: 0, col: 0, rows: 5, cols: 2 }]);
    const user = new MemoryStorage();
    const controller = new PaneController(fakeHost(excel, { user }));
    render(<App controller={controller} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目目录' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '从选区导入' })); });
    expect(await screen.findByText('已导入 4 个科目。')).toBeTruthy();
    expect(controller.state.catalog.catalog.name('2101199')).toBe('其他行政事业单位医疗支出（本地）');
    expect(user.getItem('budget-check.imported-catalog.v1')).toContain('2101199');
    // A new session (restart) finds it again.
    expect(new PaneController(fakeHost(excel, { user })).state.catalog.label).toBe('本地区科目目录');
    fireEvent.click(screen.getByRole('button', { name: '恢复内置目录' }));
    expect(user.getItem('budget-check.imported-catalog.v1')).toBeNull();
  });

  test('the built-in editions: 2026 and 2027 as the same as 2025, not as editions of their own', () => {
    render(<App controller={new PaneController(fakeHost(new FakeExcel(book())))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目目录' }));
    expect(screen.getByTestId('editions').textContent).toBe('内置目录：政府收支分类科目 2024、2025 年版；2026 年（同 2025 年版）、2027 年（同 2025 年版）。');
  });

  test('a sheet that is not a catalog is said so once, with no list of row errors', async () => {
    const rows = [['部门收支总表'], ['收入', '预算数', '支出', '预算数'], ...Array.from({ length: 41 }, (_, i) => [`收入项目${i}`, '1.00', `支出项目${i}`, '1.00'])];
    const excel = new FakeExcel({ sheets: [sheetFromGrid('收支总表', rows)] });
    excel.selectBoxes(excel.sheets[0], [{ row: 0, col: 0, rows: 1, cols: 1 }]);
    const user = new MemoryStorage();
    render(<App controller={new PaneController(fakeHost(excel, { user }))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目目录' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '从选区导入' })); });
    expect(await screen.findByText('没有找到科目编码和科目名称两列：请选中含“科目编码”“科目名称”的区域后再导入。')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /发现 \d+ 个问题/ })).toBeNull();
    expect(screen.queryByText(/第 \d+ 行/)).toBeNull();
    expect(user.getItem('budget-check.imported-catalog.v1')).toBeNull();
  });

  test('a range with malformed codes is refused with the problems listed', async () => {
    const excel = new FakeExcel({ sheets: [sheetFromGrid('坏目录', [['科目编码', '科目名称'], ['21A', '错'], ['2101101', '行政单位医疗'], ['2101101', '重复']])] });
    excel.selectBoxes(excel.sheets[0], [{ row: 0, col: 0, rows: 4, cols: 2 }]);
    const user = new MemoryStorage();
    render(<App controller={new PaneController(fakeHost(excel, { user }))} />);
    fireEvent.click(screen.getByRole('tab', { name: '科目目录' }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '从选区导入' })); });
    expect(await screen.findByText(/未导入/)).toBeTruthy();
    expect(screen.getByRole('region', { name: /发现 \d+ 个问题/ }).textContent).toMatch(/21A/);
    expect(user.getItem('budget-check.imported-catalog.v1')).toBeNull();
  });
});
