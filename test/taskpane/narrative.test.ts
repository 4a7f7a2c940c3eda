/**
 * The pane's 情况说明 through the in-memory Excel: 生成 from the open workbook (the paragraphs the CLI prints), 复制
 * with its fallback, last year's workbook picked as an .xlsx file and read as the browser reads it (ExcelJS: the same
 * cells as the batch checker's reader), 核对 of a pasted text with one changed figure giving exactly that finding,
 * a wrong 与上年持平 found against last year's workbook, and nothing ever written to the workbook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePath } from '../../cli/sample';
import { writeXlsx } from '../../cli/write';
import { readXlsx } from '../../cli/xlsx';
import { render } from '../../src/findings';
import { workbookFacts } from '../../src/narrative';
import type { Workbook } from '../../src/snapshot';
import { ALL_KINDS } from '../../src/table';
import { NarrativeController, type PickedFile } from '../../taskpane/narrative';
import { FakeExcel } from '../../taskpane/office/fake';
import { readXlsxInBrowser } from '../../taskpane/office/xlsx-file';
import { resetState } from '../../taskpane/state';
import * as chunk from '../../taskpane/xlsx-chunk';
import { xlsxChunk } from '../../taskpane/xlsx-loader';
import { FIXTURES, fixtureGrid } from '../helpers/fixtures';
import { fakeHost, MemoryDocument } from '../helpers/pane-host';

const PUBLISHED = readFileSync(join(FIXTURES, 'seed-004', 'narrative.txt'), 'utf8');
const SAMPLE = readFileSync(samplePath());

let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(SAMPLE); });
beforeEach(() => resetState());
// webpack's import() of the chunk does not exist under Jest: the source module instead.
xlsxChunk.load = async () => chunk;

const file = (name: string, bytes: Uint8Array): PickedFile => ({
  name, size: bytes.byteLength,
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

/** Seed 000 (平乡 2024) as the .xlsx a bureau keeps: amounts as numbers with their printed formats. */
async function seed000(): Promise<Uint8Array> {
  const kinds = ALL_KINDS.filter((k) => existsSync(join(FIXTURES, 'seed-000', `${k}.tsv`)));
  return new Uint8Array(await writeXlsx(kinds.map((k) => ({ name: k, grid: fixtureGrid('000', k) }))));
}

function values(excel: FakeExcel): string {
  return JSON.stringify(excel.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value, c.formula ?? null, c.fill])]));
}

function setup() {
  const excel = new FakeExcel(sample);
  const doc = new MemoryDocument();
  const copied: string[] = [];
  let refuse = false;
  const host = fakeHost(excel, { doc });
  // The clipboard the pane is given (the browser's, in Office); this one can refuse, as a locked-down webview does.
  const nc = new NarrativeController(host, async (text) => {
    if (refuse) throw new Error('NotAllowedError');
    copied.push(text);
  });
  return { excel, doc, nc, copied, refuse: () => { refuse = true; } };
}

describe('the browser\'s reading of an .xlsx (ExcelJS) against the batch checker\'s', () => {
  test('the sample: every cell the same value and text, the same figures', async () => {
    const mine = await readXlsxInBrowser(SAMPLE.buffer.slice(SAMPLE.byteOffset, SAMPLE.byteOffset + SAMPLE.byteLength) as ArrayBuffer, 'sample.xlsx');
    const flat = (wb: Workbook) => wb.sheets.map((s) => [s.name, s.rows.flatMap((r) => r.filter((x) => x !== undefined).map((x) => [x.address, x.value, x.text]))]);
    expect(flat(mine)).toEqual(flat(sample));
    expect([...workbookFacts(mine).facts].map(([k, f]) => [k, f.value.toFixed(2)])).toEqual([...workbookFacts(sample).facts].map(([k, f]) => [k, f.value.toFixed(2)]));
  });
});

describe('情况说明 in the pane, through the in-memory Excel', () => {
  test('生成: the sample\'s paragraphs, as the CLI drafts them; nothing written to the workbook or its settings', async () => {
    const { excel, doc, nc } = setup();
    const before = values(excel);
    await nc.draft();
    const d = nc.state.draft!;
    expect(d.paragraphs.map((p) => p.heading)).toEqual(['收入说明', '支出说明', '机关运行经费安排情况', '财政拨款"三公"经费预算情况', '政府采购预算情况', '国有资产信息']);
    expect(d.text).toContain('一、收入说明\n2025年预算收入870.37万元，其中：一般公共预算收入870.37万元，');
    expect(d.paragraphs[1].text).toBe('2025年支出预算870.37万元，其中基本支出694.07万元，包括人员经费694.07万元和日常公用经费0.00万元；项目支出176.30万元，主要为冀财行【2024】97号—提前下达2025年省级困难职工及劳模帮扶救助专项资金20.30万元，困难职工及劳模帮扶救助资金55.00万元，市级劳模疗休养资金56.00万元，市劳模表彰奖励资金45.00万元。');
    expect(d.withPrevious).toBe(false);
    expect(values(excel)).toBe(before);
    expect(doc.saves).toBe(0);
  });

  test('复制: the draft on the clipboard; refused, the text is offered selected instead', async () => {
    const { nc, copied, refuse } = setup();
    await nc.draft();
    await nc.copy();
    expect([nc.state.copied, copied]).toEqual(['clipboard', [nc.state.draft!.text]]);
    refuse();
    await nc.copy();
    expect(nc.state.copied).toBe('manual');
  });

  test('a workbook without the tables the narrative repeats: said, no draft', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const nc = new NarrativeController(fakeHost(excel));
    await nc.draft();
    expect([nc.state.draft, nc.state.problem?.zh]).toEqual([undefined, '工作簿中没有识别到情况说明引用的表（收支总表、支出总表、“三公”经费支出表等）。']);
  });

  test('核对: the published 情况说明 agrees; one figure changed (694.07 → 649.07) gives exactly that finding, which selects 支出总表!E8', async () => {
    const { excel, nc } = setup();
    const before = values(excel);
    await nc.check(PUBLISHED);
    const ok = nc.state.check!.result;
    expect([ok.findings, ok.checked, ok.changesUnchecked]).toEqual([[], 21, 5]);
    await nc.check(PUBLISHED.replace('其中基本支出694.07万元', '其中基本支出649.07万元'));
    const fs = nc.state.check!.result.findings;
    expect(fs.map((f) => [f.severity, f.sheet, f.cells, f.reported, f.computed, render(f, 'zh').message])).toEqual([
      ['error', '支出总表', ['E8'], '649.07万元', '694.07', '情况说明"2025年支出预算870.37万元，其中基本支出649.07万元，包括人员经费694.07万元和日常公用经费0.00万元；"：基本支出 649.07万元，表中为 694.07万元'],
    ]);
    await nc.select(fs[0], 'zh');
    expect([excel.activeSheet, excel.selection.sheet, excel.selection.boxes[0]]).toEqual(['支出总表', '支出总表', { row: 7, col: 4, rows: 1, cols: 1 }]);
    expect(values(excel)).toBe(before);
  });

  test('an empty text is refused with a word, not checked', async () => {
    const { nc } = setup();
    await nc.check('  \n');
    expect([nc.state.check, nc.state.problem?.zh]).toEqual([undefined, '请先粘贴情况说明的文字。']);
  });

  test('last year\'s workbook picked as a file: the draft gets 比上年增减, and a wrong 与上年持平 is found', async () => {
    const { nc } = setup();
    await nc.draft();
    // Last year = 平乡 2024 (seed 000): 三公 0.16 (its parts), this year's 0.00 — "与2024年持平" is wrong.
    await nc.pickPrevious(file('2024年部门预算.xlsx', await seed000()));
    expect([nc.state.previous?.status, nc.state.previous?.facts?.year]).toEqual(['ready', 2024]);
    // The draft shown is redone with last year's figures.
    expect(nc.state.draft!.withPrevious).toBe(true);
    expect(nc.state.draft!.paragraphs[0].text).toContain('2025年预算收入870.37万元，比上年增加382.57万元，增长78.43%，其中：');
    await nc.check(PUBLISHED);
    const r = nc.state.check!.result;
    expect(r.changesUnchecked).toBe(0);
    const tp = r.findings.filter((f) => f.subject === 'tp.total').map((f) => render(f, 'zh').message);
    expect(tp).toEqual(['情况说明"与2024年持平，无增减变化。"：说"三公"经费与上年持平，但表中本年 0.00万元、上年 0.16万元']);
    // The sample itself as last year: every 与上年持平 right, every 增加 wrong (as budget-check narrative --previous).
    await nc.pickPrevious(file('张家口2025.xlsx', new Uint8Array(SAMPLE)));
    expect(nc.state.check!.result.findings.map((f) => [f.subject, f.reported, f.computed])).toEqual([
      ['expense.total', '86.80万元', '0.00'], ['expense.basic', '11.32万元', '0.00'], ['expense.personnel', '11.32万元', '0.00'], ['expense.project', '75.48万元', '0.00'],
    ]);
    await nc.clearPrevious();
    expect([nc.state.previous, nc.state.draft!.withPrevious, nc.state.check!.result.changesUnchecked]).toEqual([undefined, false, 5]);
  });

  test('a file that is not an .xlsx, or not readable, or without budget tables, is refused with its reason', async () => {
    const { nc } = setup();
    await nc.pickPrevious(file('2024.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])));
    expect([nc.state.previous?.status, nc.state.previous?.reason?.zh]).toEqual(['failed', '只能读取 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再选择。']);
    await nc.pickPrevious(file('坏.xlsx', new TextEncoder().encode('PK not really a zip')));
    expect([nc.state.previous?.status, nc.state.previous?.reason?.zh]).toEqual(['failed', '无法读取该文件（可能已损坏、设有密码或不是 .xlsx）。']);
    const empty = new Uint8Array(await writeXlsx([{ name: 'Sheet1', grid: [['备注'], ['无']] }]));
    await nc.pickPrevious(file('空.xlsx', empty));
    expect([nc.state.previous?.status, nc.state.previous?.reason?.zh]).toEqual(['failed', '该文件中没有识别到部门预算表。']);
  });
});
