/**
 * 舍位平衡 in the pane, through the in-memory Excel and the Node solver: a 元 workbook (区政府办公室 2025, the
 * corpus's clean 元 document) is converted into NEW sheets — the user's sheets untouched, the new ones exact by the
 * engine's own strict check, kept in the document so that 撤销 removes exactly them, and asks first when one was
 * edited since; an already rounded workbook with 尾差 (the bundled sample, 款 20805) gets its ±0.01 changes listed,
 * each written only when applied, through 采用建议值's way, with 撤销.
 */
import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { checkWorkbook } from '../../src/engine';
import { Decimal } from '../../src/money';
import type { Workbook } from '../../src/snapshot';
import { PaneController } from '../../taskpane/controller';
import { FakeExcel } from '../../taskpane/office/fake';
import { readWorkbook } from '../../taskpane/office/read';
import { APPLIED_KEY, loadApplied } from '../../taskpane/ops/apply';
import { fingerprint, rectangles, roundSheetNames } from '../../taskpane/ops/round-sheets';
import { loadRoundBatches, ROUND_SHEETS_KEY } from '../../taskpane/ops/round-store';
import { getState, resetState } from '../../taskpane/state';
import { corpusWorkbook } from '../helpers/fixtures';
import { fakeHost, MemoryDocument } from '../helpers/pane-host';
import { changedCells, everyCell } from './locator';
import { nodeRounder, useRoundChunkSources } from './rounder';

const ZFB = 'sh-putuo-zfb-2025-budget';
let sample: Workbook;
beforeAll(async () => {
  sample = await readXlsx(readFileSync(samplePath()));
  useRoundChunkSources();
});
beforeEach(() => resetState());

function setup(book: Workbook, opts: Parameters<typeof fakeHost>[1] & { loadRounder?: typeof nodeRounder } = {}) {
  const excel = new FakeExcel(book);
  const doc = opts.doc ?? new MemoryDocument();
  const loads: string[] = [];
  const load = opts.loadRounder ?? nodeRounder;
  const host = { ...fakeHost(excel, { ...opts, doc }), loadRounder: () => { loads.push('load'); return load(); } };
  return { excel, doc, host, loads, c: new PaneController(host) };
}

/** Every cell of the named sheets (see everyCell). */
function cellsOf(excel: FakeExcel, names: readonly string[], opts: { fills?: boolean } = {}): Map<string, string> {
  const all = everyCell(excel, opts);
  return new Map([...all].filter(([k]) => names.includes(k.slice(0, k.lastIndexOf('!')))));
}

const done = (c: PaneController) => {
  const r = c.state.round;
  if (r?.status !== 'done' || !r.outcome) throw new Error(`not done: ${JSON.stringify(r?.reason ?? r?.status)}`);
  return { ...r, outcome: r.outcome };
};

describe('舍位平衡 of a 元 workbook: new sheets in 万元', () => {
  test('区政府办公室: the converted tables go into new sheets, exact by the strict check; the user\'s sheets are not touched', async () => {
    const { excel, doc, c, loads } = setup(corpusWorkbook(ZFB));
    const own = excel.sheets.map((s) => s.name);
    const before = everyCell(excel);
    await c.round({ unit: 'wan', decimals: 2 });
    const r = done(c);
    expect(loads).toEqual(['load']);
    expect(r.outcome.mode).toBe('convert');
    // Plain rounding would leave 6 尾差 (as the CLI counts them); the balanced rounding leaves none.
    expect([r.outcome.plainGaps.length, r.outcome.gaps, r.outcome.inputGaps]).toEqual([6, [], []]);
    expect(r.outcome.moved).toBeGreaterThan(0);

    // One new sheet per sheet with a table, after the user's, named after its source.
    const added = r.batch!.sheets.map((s) => s.name);
    expect(added).toEqual(own.filter((n) => r.batch!.sheets.some((s) => s.source === n)).map((n) => `${n}（万元）`));
    expect(added).toHaveLength(10);
    expect(excel.sheets.map((s) => s.name)).toEqual([...own, ...added]);
    expect(excel.activeSheet).toBe(added[0]);
    // The user's sheets, every cell of them, as they were.
    expect(changedCells(before, cellsOf(excel, own))).toEqual([]);

    // The new sheets alone, read back from Excel and checked strictly by the engine: every relation exact, in 万元.
    const book = await readWorkbook(excel);
    const converted = { sheets: book.sheets.filter((s) => added.includes(s.name)) };
    const check = checkWorkbook(converted, { strict: true });
    expect(check.tables.map((t) => t.unit)).toEqual(Array(10).fill('wan'));
    expect(check.findings.filter((f) => f.relation !== undefined)).toEqual([]);
    // Each amount is its exact value in 万元 rounded down or up, shown with two decimals.
    for (const cell of r.outcome.cells) {
      const copy = excel.cellAt(`${cell.sheet}（万元）`, cell.cell);
      if (Number(cell.value) === 0 && copy?.value !== 0) continue;
      expect(copy?.value).toBe(Number(cell.value));
      expect(copy?.text).toMatch(/\.\d\d$/);
      const exact = Number(cell.exact) / (cell.from === 'yuan' ? 10_000 : 1);
      expect(Math.abs((copy?.value as number) - exact)).toBeLessThan(0.01);
    }
    expect(excel.cellAt('收支总表（万元）', 'D2')?.value).toBe('单位：万元');
    expect(excel.cellAt('收支总表', 'D2')?.value).toBe('单位：元');
    // Kept in the document: a pane opened later (the file saved and reopened) offers 撤销 still.
    expect(loadRoundBatches(doc)).toEqual([r.batch]);
    const later = new PaneController(fakeHost(excel, { doc }));
    expect(later.state.roundBatches).toBeUndefined();
    await later.refreshRoundBatches();
    expect(later.state.roundBatches).toEqual([r.batch]);
  });

  test('撤销 removes exactly the new sheets: the workbook is again what it was', async () => {
    const { excel, doc, c } = setup(corpusWorkbook(ZFB));
    const before = everyCell(excel);
    const names = excel.sheets.map((s) => s.name);
    await c.round({ unit: 'wan', decimals: 2 });
    await c.undoRoundSheets(done(c).batch!);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(doc.get(ROUND_SHEETS_KEY)).toBeNull();
    expect(c.state.roundBatches).toEqual([]);
    expect(c.state.round).toBeUndefined();
    expect(c.state.toast?.text.zh).toBe('已删除舍位平衡新增的 10 张工作表。');
  });

  test('a new sheet edited since: 撤销 asks first; cancelled, nothing is deleted; confirmed, all of them go', async () => {
    const { excel, c } = setup(corpusWorkbook(ZFB));
    const names = excel.sheets.map((s) => s.name);
    await c.round({ unit: 'wan', decimals: 2 });
    const batch = done(c).batch!;
    excel.edit('支出总表（万元）', 'D8', 123.45);
    await c.undoRoundSheets(batch);
    expect(c.state.roundConflict).toEqual({ batch, edited: ['支出总表（万元）'] });
    expect(excel.sheets).toHaveLength(names.length + 10);
    c.dismissRoundConflict();
    expect(c.state.roundConflict).toBeUndefined();
    expect(c.state.roundBatches).toEqual([batch]);
    expect(excel.sheets).toHaveLength(names.length + 10);
    await c.undoRoundSheets(batch, true);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    expect(c.state.roundBatches).toEqual([]);
  });

  test('a sheet renamed since is still found (by its id); a user\'s sheet that took a deleted one\'s name is left alone', async () => {
    const { excel, c } = setup(corpusWorkbook(ZFB));
    const names = excel.sheets.map((s) => s.name);
    await c.round({ unit: 'wan', decimals: 2 });
    const batch = done(c).batch!;
    // The user renames one new sheet, deletes another by hand and makes a sheet of their own under its name.
    excel.sheets.find((s) => s.name === '收入总表（万元）')!.name = '收入（万元）';
    const gone = excel.sheets.findIndex((s) => s.name === '支出总表（万元）');
    excel.sheets.splice(gone, 1);
    const ws = excel.workbook.worksheets.add('支出总表（万元）');
    ws.getRange('A1').values = [['我自己的表']];
    await excel.sync();
    await c.undoRoundSheets(batch);
    expect(excel.sheets.map((s) => s.name)).toEqual([...names, '支出总表（万元）']);
    expect(excel.cellAt('支出总表（万元）', 'A1')?.value).toBe('我自己的表');
    expect(c.state.toast?.text.zh).toBe('已删除舍位平衡新增的 9 张工作表。另有 1 张已不在工作簿中（或已不是新增时的内容），未删除。');
  });

  test('a second run converts the user\'s tables again, not the sheets the first one added', async () => {
    const { excel, doc, c } = setup(corpusWorkbook(ZFB));
    await c.round({ unit: 'wan', decimals: 2 });
    const first = done(c).batch!;
    await c.round({ unit: 'wan', decimals: 2 });
    const second = done(c).batch!;
    expect(second.sheets.map((s) => s.source)).toEqual(first.sheets.map((s) => s.source));
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => `${s.source}（万元）(2)`));
    expect(excel.sheets).toHaveLength(first.sheets.length * 3);
    expect(loadRoundBatches(doc)).toEqual([first, second]);
    // Each run's 撤销 is its own.
    await c.undoRoundSheets(first);
    expect(excel.sheets.filter((s) => s.name.endsWith('(2)'))).toHaveLength(10);
    expect(c.state.roundBatches).toEqual([second]);
  });

  test('the marks and notes of a validation stay on the user\'s sheets: the new sheets carry neither', async () => {
    // The sample (万元) to one decimal: a conversion, with the 20805 尾差 marked and noted on the source sheets.
    const { excel, c } = setup(sample);
    await c.validate();
    const marked = excel.fillAt('收入总表', 'D13');
    expect(marked.pattern).not.toBe('None');
    expect(excel.notes.get('收入总表!D13')).toMatch(/尾差/);
    await c.round({ unit: 'wan', decimals: 1 });
    const r = done(c);
    expect(r.outcome.mode).toBe('convert');
    // The input's own 尾差 are said, not hidden.
    expect(r.outcome.inputGaps.length).toBeGreaterThan(0);
    expect(excel.fillAt('收入总表（万元）', 'D13').pattern).toBe('None');
    expect(excel.notes.has('收入总表（万元）!D13')).toBe(false);
    expect(excel.fillAt('收入总表', 'D13')).toEqual(marked);
    expect(excel.notes.get('收入总表!D13')).toMatch(/尾差/);
    expect(excel.cellAt('收入总表（万元）', 'D13')?.text).toMatch(/^\d+\.\d$/);
  });

  test('without ExcelApi 1.10 (no sheet copies) it says so and adds nothing; a solver that cannot load, the same', async () => {
    const old = setup(corpusWorkbook(ZFB), { excelApi: '1.9' });
    const names = old.excel.sheets.map((s) => s.name);
    await old.c.round({ unit: 'wan', decimals: 2 });
    expect(old.c.state.round).toMatchObject({ status: 'refused', reason: { zh: expect.stringContaining('需要 ExcelApi 1.10') } });
    expect(old.excel.sheets.map((s) => s.name)).toEqual(names);

    const offline = setup(corpusWorkbook(ZFB), { loadRounder: () => Promise.reject(new Error('WebAssembly is not available')) });
    await offline.c.round({ unit: 'wan', decimals: 2 });
    expect(offline.c.state.round).toMatchObject({ status: 'failed', reason: { zh: '未能加载舍位平衡组件（无法运行 WebAssembly 或文件无法获取），工作簿未作修改。' } });
    expect(offline.excel.sheets.map((s) => s.name)).toEqual(names);
  });

  test('a workbook with an error beyond rounding, already in 万元: refused with the reason, nothing written', async () => {
    const { excel, c } = setup(corpusWorkbook('sh-putuo-yichuan-2025-final'));
    const before = everyCell(excel);
    await c.round({ unit: 'wan', decimals: 2 });
    expect(c.state.round).toMatchObject({ status: 'refused', reason: { zh: expect.stringMatching(/^工作簿有 \d+ 处超出尾差的不平/) } });
    expect(changedCells(before, everyCell(excel))).toEqual([]);
  });
});

describe('舍位平衡 of a workbook already in 万元 with 尾差: the changes, each applied on its click', () => {
  /** The sample's cells, without marks or notes (ExcelApi 1.8): every cell, fills included, can be compared. */
  const plain = () => setup(sample, { excelApi: '1.8' });

  test('the sample: the fewest ±0.01 changes that remove its 3 尾差 are listed; nothing is written', async () => {
    const { excel, c } = plain();
    const before = everyCell(excel);
    await c.round({ unit: 'wan', decimals: 2 });
    const r = done(c);
    expect(r.outcome.mode).toBe('tails');
    // The 3 尾差 of 款 20805, in each column where its total is off: 7 relations.
    expect(r.outcome.plainGaps.map((g) => `${g.sheet}!${g.cell} ${g.subject}`).sort()).toEqual([
      '一般公共预算支出表!D13 20805', '一般公共预算支出表!E13 20805', '支出总表!D13 20805', '支出总表!E13 20805', '收入总表!D13 20805', '收入总表!E13 20805', '收入总表!F13 20805',
    ]);
    expect(r.outcome.gaps).toEqual([]);
    // Each a change of one unit of the last digit, never a formula.
    expect(r.outcome.cells.map((x) => [new Decimal(x.value).minus(x.plain).abs().toFixed(2), x.formula])).toEqual(r.outcome.cells.map(() => ['0.01', false]));
    expect(r.batch).toBeUndefined();
    expect(changedCells(before, everyCell(excel))).toEqual([]);
  });

  test('applying one change writes that cell only, kept for 撤销; 撤销 puts it back', async () => {
    const { excel, doc, c } = plain();
    const before = everyCell(excel);
    await c.round({ unit: 'wan', decimals: 2 });
    const change = done(c).outcome.cells[0];
    const where = `${change.sheet}!${change.cell}`;
    await c.applyRoundChanges([change]);
    expect(changedCells(before, everyCell(excel))).toEqual([where]);
    expect(excel.cellAt(change.sheet, change.cell)?.value).toBe(Number(change.value));
    expect(loadApplied(doc)).toEqual([expect.objectContaining({ sheet: change.sheet, address: change.cell, written: Number(change.value), was: change.plain })]);
    expect(c.state.toast?.text.zh).toBe(`已将 ${where} 改为 ${change.value}（原为 ${change.plain}），并已重新校验。可在“已采用的建议值”中撤销。`);
    await c.undoApplied(c.state.applied[0]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(doc.get(APPLIED_KEY)).toBeNull();
  });

  test('applying all of them removes every 尾差: validated again, no difference is left', async () => {
    const { excel, c } = plain();
    const before = everyCell(excel);
    await c.validate();
    expect(getState().result?.findings.filter((f) => f.severity === 'warning' && f.relation !== undefined)).toHaveLength(3);
    await c.round({ unit: 'wan', decimals: 2 });
    const cells = done(c).outcome.cells;
    await c.applyRoundChanges(cells);
    expect(changedCells(before, everyCell(excel))).toEqual(cells.map((x) => `${x.sheet}!${x.cell}`).sort());
    expect(getState().result?.findings.filter((f) => f.relation !== undefined && f.severity !== 'info')).toEqual([]);
    expect(c.state.toast?.text.zh).toBe(`已采用 ${cells.length} 处调整，并已重新校验；每一处都可撤销。`);
    expect(c.state.applied).toHaveLength(cells.length);
  });

  test('a listed cell changed since: nothing is written, and the pane says why', async () => {
    const { excel, c } = plain();
    await c.round({ unit: 'wan', decimals: 2 });
    const [a, b] = done(c).outcome.cells;
    excel.edit(b.sheet, b.cell, 1);
    const before = everyCell(excel);
    await c.applyRoundChanges([a, b]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(c.state.toast).toMatchObject({ intent: 'error', text: { zh: `${b.sheet}!${b.cell} 在校验后已被修改，未采用建议值。请重新校验。` } });
  });
});

describe('the new sheets\' names and writes', () => {
  test('names: the source and the unit, numbered when taken (in any case), cut to Excel\'s 31 characters', () => {
    const long = '一般公共预算基本支出经济分类表附表一二三四五六七八九十甲乙';
    const names = roundSheetNames(['收入总表', '收入总表（万元）', 'Sheet（万元）'], ['收入总表', 'sheet', long], 'wan');
    expect(names.get('收入总表')).toBe('收入总表（万元）(2)');
    expect(names.get('sheet')).toBe('sheet（万元）(2)');
    expect(names.get(long)).toHaveLength(31);
    expect(names.get(long)?.endsWith('（万元）')).toBe(true);
    expect(roundSheetNames([], ['表'], 'yuan').get('表')).toBe('表（元）');
  });

  test('rectangles cover exactly the cells given, joined along rows and down columns', () => {
    const cells = [{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 1 }, { row: 5, col: 3 }];
    const boxes = rectangles(cells);
    const covered = boxes.flatMap((b) => Array.from({ length: b.rows * b.cols }, (_, i) => `${b.row + Math.floor(i / b.cols)},${b.col + (i % b.cols)}`));
    expect(covered.sort()).toEqual(cells.map((x) => `${x.row},${x.col}`).sort());
    expect(boxes).toContainEqual({ row: 0, col: 0, rows: 2, cols: 2 });
    expect(boxes).toHaveLength(3);
  });

  test('a fingerprint changes with any formula or value of the used range, and not with the sheet\'s name', () => {
    const a = fingerprint({ isNullObject: false, address: 'A!A1:B2', formulas: [[1, '=A1'], ['x', 2]] });
    expect(fingerprint({ isNullObject: false, address: 'B（万元）!A1:B2', formulas: [[1, '=A1'], ['x', 2]] })).toBe(a);
    expect(fingerprint({ isNullObject: false, address: 'A!A1:B2', formulas: [[1, '=A2'], ['x', 2]] })).not.toBe(a);
    expect(fingerprint({ isNullObject: false, address: 'A!A1:B3', formulas: [[1, '=A1'], ['x', 2], ['', '']] })).not.toBe(a);
  });
});
