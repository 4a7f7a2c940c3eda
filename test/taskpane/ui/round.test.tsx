/**
 * @jest-environment jsdom
 */
// The 舍位平衡 tab on the in-memory Excel with the Node solver: its view comes from its chunk (here the sources)
// with the Fluent UI parts the pane hands it; convert (区政府办公室, 元) lists the new sheets with 撤销 and asks
// before deleting an edited one; tails (the sample, 万元) lists the ±0.01 changes, each applied on its own click.
import { readFileSync } from 'node:fs';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { samplePath } from '../../../cli/sample';
import { readXlsx } from '../../../cli/xlsx';
import type { Workbook } from '../../../src/snapshot';
import { PaneController } from '../../../taskpane/controller';
import { FakeExcel } from '../../../taskpane/office/fake';
import { resetState } from '../../../taskpane/state';
import { App } from '../../../taskpane/ui/App';
import { corpusWorkbook } from '../../helpers/fixtures';
import { fakeHost, MemoryDocument } from '../../helpers/pane-host';
import { changedCells, everyCell } from '../locator';
import { nodeRounder, useRoundChunkSources } from '../rounder';

// See pane.test.tsx: a busy 2-core machine may need more than a second to render a run.
configure({ asyncUtilTimeout: 10_000 });

let sample: Workbook;
beforeAll(async () => {
  sample = await readXlsx(readFileSync(samplePath()));
  useRoundChunkSources();
});
beforeEach(() => resetState());

function setup(book: Workbook, opts: Parameters<typeof fakeHost>[1] = {}) {
  const excel = new FakeExcel(book);
  const doc = opts.doc ?? new MemoryDocument();
  const host = { ...fakeHost(excel, { ...opts, doc }), loadRounder: nodeRounder };
  const controller = new PaneController(host);
  render(<App controller={controller} />);
  return { excel, doc, controller };
}

async function openTab(): Promise<void> {
  await act(async () => { fireEvent.click(screen.getByRole('tab', { name: '舍位平衡' })); });
  await screen.findByTestId('round-view');
}

async function run(): Promise<void> {
  await act(async () => { fireEvent.click(screen.getByRole('button', { name: '舍位平衡' })); });
  await screen.findByTestId('round-result');
}

describe('the 舍位平衡 tab', () => {
  test('区政府办公室 (元): 万元 with 2 decimals by default; the result names the new sheets, the cells rounded the other way, and 撤销', async () => {
    const { excel, controller } = setup(corpusWorkbook('sh-putuo-zfb-2025-budget'));
    const before = everyCell(excel);
    await openTab();
    expect(screen.getByRole('combobox', { name: '目标单位' }).textContent).toContain('万元');
    expect(screen.getByRole('combobox', { name: '小数位数' }).textContent).toContain('2');
    await run();
    const result = screen.getByTestId('round-result');
    expect(result.getAttribute('data-mode')).toBe('convert');
    expect(result.textContent).toContain('已换算为万元（2 位小数）：新增 10 张工作表');
    expect(result.textContent).toContain('原工作表未作任何修改');
    expect(result.textContent).toContain('直接四舍五入会留下 3 处尾差');
    expect(result.textContent).toContain('结果中全部关系相符。');
    // The cells rounded the other way, folded under their count; unfolded, each is shown where it now is, on its new
    // sheet, and a click selects it there.
    expect(screen.queryAllByTestId('round-moved-cell')).toEqual([]);
    const fold = within(screen.getByTestId('round-moved')).getByRole('button', { name: `改为另一方向舍入的单元格（${controller.state.round?.outcome?.moved}）` });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    const moved = screen.getAllByTestId('round-moved-cell');
    expect(moved.length).toBe(controller.state.round?.outcome?.moved);
    expect(moved.every((m) => /（万元）!/.test(m.getAttribute('data-cell') ?? ''))).toBe(true);
    const where = moved[0].getAttribute('data-cell') ?? '';
    await act(async () => { fireEvent.click(within(moved[0]).getByRole('button')); });
    expect(excel.activeSheet).toBe(where.split('!')[0]);
    // The run is listed with 撤销; 撤销 deletes the sheets and the workbook is what it was.
    const batch = screen.getByTestId('round-batch');
    expect(batch.textContent).toContain('换算为万元（2 位小数）：收支总表（万元）、收入总表（万元）');
    await act(async () => { fireEvent.click(within(batch).getByRole('button', { name: /^撤销：删除新增的工作表/ })); });
    expect(screen.queryByTestId('round-batch')).toBeNull();
    expect(screen.queryByTestId('round-result')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('已删除舍位平衡新增的 10 张工作表。');
    expect(changedCells(before, everyCell(excel))).toEqual([]);
  });

  test('an added sheet edited since: 撤销 asks; 取消 keeps everything, 仍然删除 deletes', async () => {
    const { excel } = setup(corpusWorkbook('sh-putuo-zfb-2025-budget'));
    const names = excel.sheets.map((s) => s.name);
    await openTab();
    await run();
    excel.edit('收入总表（万元）', 'E8', 1);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: /^撤销：删除新增的工作表/ })); });
    const ask = screen.getByTestId('round-conflict');
    expect(ask.textContent).toContain('新增的工作表 收入总表（万元） 在生成后被修改过。仍要删除吗？');
    await act(async () => { fireEvent.click(within(ask).getByRole('button', { name: '取消' })); });
    expect(screen.queryByTestId('round-conflict')).toBeNull();
    expect(excel.sheets).toHaveLength(names.length + 10);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: /^撤销：删除新增的工作表/ })); });
    await act(async () => { fireEvent.click(within(screen.getByTestId('round-conflict')).getByRole('button', { name: '仍然删除' })); });
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(screen.queryByTestId('round-batches')).toBeNull();
  });

  test('a later pane (the file reopened) lists the runs kept in the document, with 撤销 still', async () => {
    const doc = new MemoryDocument();
    const first = setup(corpusWorkbook('sh-putuo-zfb-2025-budget'), { doc });
    await openTab();
    await run();
    await first.controller.dispose();
    document.body.innerHTML = '';
    resetState();
    const excel = first.excel;
    render(<App controller={new PaneController({ ...fakeHost(excel, { doc }), loadRounder: nodeRounder })} />);
    await openTab();
    expect((await screen.findByTestId('round-batch')).textContent).toContain('收支总表（万元）');
  });

  test('the sample (万元, 3 尾差): the changes listed, nothing written until one is applied; then only that cell, with 撤销', async () => {
    const { excel } = setup(sample, { excelApi: '1.8' });
    const before = everyCell(excel);
    await openTab();
    await run();
    const result = screen.getByTestId('round-result');
    expect(result.getAttribute('data-mode')).toBe('tails');
    expect(result.textContent).toMatch(/工作簿已是万元（2 位小数），有 3 处尾差；以下 \d+ 个单元格各调整一个末位单位即可全部消除。点击“采用”才修改，可撤销。/);
    const changes = screen.getAllByTestId('round-change');
    expect(changes.length).toBeGreaterThan(1);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    const first = changes[0];
    const cell = first.getAttribute('data-cell') ?? '';
    await act(async () => { fireEvent.click(within(first).getByRole('button', { name: /^采用：把 / })); });
    expect(changedCells(before, everyCell(excel))).toEqual([cell]);
    const applied = screen.getAllByTestId('round-change')[0];
    expect(applied.getAttribute('data-applied')).toBe('true');
    expect(applied.textContent).toContain('已采用');
    expect(screen.getByRole('button', { name: `全部采用（${changes.length - 1} 处）` })).toBeTruthy();
    await act(async () => { fireEvent.click(within(applied).getByRole('button', { name: `撤销：恢复 ${cell} 原来的内容` })); });
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(screen.getAllByTestId('round-change')[0].getAttribute('data-applied')).toBe('false');
  });

  test('a workbook with an error beyond rounding: the refusal says why; in English too', async () => {
    const { controller } = setup(corpusWorkbook('sh-putuo-yichuan-2025-final'));
    await openTab();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '舍位平衡' })); });
    const refused = await screen.findByTestId('round-refused');
    expect(refused.textContent).toMatch(/^工作簿有 \d+ 处超出尾差的不平，舍位平衡只消除尾差/);
    act(() => controller.setLang('en'));
    expect(screen.getByTestId('round-refused').textContent).toMatch(/^the workbook has \d+ failure\(s\) beyond rounding/);
    expect(screen.getByRole('button', { name: 'Balance the rounding' })).toBeTruthy();
  });
});
