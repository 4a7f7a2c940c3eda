/**
 * @jest-environment jsdom
 */
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePath } from '../../../cli/sample';
import { readXlsx } from '../../../cli/xlsx';
import type { Workbook } from '../../../src/snapshot';
import { PaneController } from '../../../taskpane/controller';
import { FakeExcel } from '../../../taskpane/office/fake';
import { resetState } from '../../../taskpane/state';
import { App } from '../../../taskpane/ui/App';
import { narrativeChunk } from '../../../taskpane/narrative-loader';
import * as narrative from '../../../taskpane/narrative-chunk';
import * as chunk from '../../../taskpane/xlsx-chunk';
import { xlsxChunk } from '../../../taskpane/xlsx-loader';
import { FIXTURES } from '../../helpers/fixtures';
import { fakeHost } from '../../helpers/pane-host';

configure({ asyncUtilTimeout: 10_000 });

const SAMPLE = readFileSync(samplePath());
const PUBLISHED = readFileSync(join(FIXTURES, 'seed-004', 'narrative.txt'), 'utf8');
let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(SAMPLE); });
beforeEach(() => resetState());
// webpack's import() of the chunks does not exist under Jest: the source modules instead.
xlsxChunk.load = async () => chunk;
narrativeChunk.load = async () => narrative;

async function setup() {
  const excel = new FakeExcel(sample);
  const controller = new PaneController(fakeHost(excel));
  render(<App controller={controller} />);
  await act(async () => { fireEvent.click(screen.getByRole('tab', { name: '情况说明' })); });
  // The view's chunk loaded (here the source module): its first button shows.
  await screen.findByRole('button', { name: '生成' });
  return { excel, controller };
}

describe('情况说明 view', () => {
  test('生成 shows the six paragraphs; 复制 where the webview has no clipboard shows the text selected for Ctrl+C', async () => {
    await setup();
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '生成' })); });
    const draft = await screen.findByTestId('narrative-draft');
    expect(within(draft).getByText('二、支出说明')).toBeTruthy();
    expect(draft.textContent).toContain('2025年支出预算870.37万元，其中基本支出694.07万元');
    // jsdom has neither the Clipboard API nor the copy command: the fallback.
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '复制' })); });
    const area = await screen.findByRole('textbox', { name: '情况说明草稿' }) as HTMLTextAreaElement;
    expect(area.value.startsWith('一、收入说明\n2025年预算收入870.37万元')).toBe(true);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
    expect(screen.getByText(/请按 Ctrl\+C 复制/)).toBeTruthy();
  });

  test('核对 a pasted text with one changed figure: that finding, quoting its sentence; its cell button selects 支出总表!E8', async () => {
    const { excel } = await setup();
    fireEvent.change(screen.getByRole('textbox', { name: '情况说明文字' }), { target: { value: PUBLISHED.replace('其中基本支出694.07万元', '其中基本支出649.07万元') } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '核对' })); });
    const items = await screen.findAllByTestId('narrative-finding');
    expect(items.map((i) => i.getAttribute('data-grade'))).toEqual(['error']);
    expect(items[0].textContent).toContain('情况说明"2025年支出预算870.37万元，其中基本支出649.07万元，包括人员经费694.07万元和日常公用经费0.00万元；"：基本支出 649.07万元，表中为 694.07万元');
    expect(screen.getByTestId('check-summary').textContent).toBe('核对 21 个数字：1 个错误，0 个警告或提示。');
    expect(screen.getByText('5 处比上年增减或“与上年持平”未核对：选择上年工作簿后可核对。')).toBeTruthy();
    await act(async () => { fireEvent.click(within(items[0]).getByRole('button', { name: '定位到 支出总表!E8' })); });
    expect([excel.activeSheet, excel.selection.boxes[0]]).toEqual(['支出总表', { row: 7, col: 4, rows: 1, cols: 1 }]);
  });

  test('last year\'s workbook picked in the file input: named with its year, the draft with 比上年增减; English strings', async () => {
    await setup();
    const input = screen.getByTestId('previous-file') as HTMLInputElement;
    const bytes = new Uint8Array(SAMPLE);
    const file = { name: '上年.xlsx', size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => { fireEvent.change(input); });
    expect((await screen.findByTestId('previous-status')).textContent).toBe('上年工作簿：上年.xlsx（2025 年）');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: '生成' })); });
    expect((await screen.findByTestId('narrative-draft')).textContent).toContain('2025年预算收入870.37万元，与上年持平，其中：');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Draft' })).toBeTruthy();
    expect(screen.getByTestId('previous-status').textContent).toBe('Last year\'s workbook: 上年.xlsx (2025)');
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Remove last year\'s workbook' })); });
    expect(screen.queryByTestId('previous-status')).toBeNull();
    expect(screen.getByTestId('narrative-draft').textContent).not.toContain('与上年持平');
  });
});
