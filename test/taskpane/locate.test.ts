/**
 * Which cell is wrong, in the pane: the controller locates the likely wrong cells after a validation with
 * errors (through the host's locator port, here the Node solver), without holding the findings back, one group
 * of failures at a time, giving the page back between groups, within a budget of work; 采用建议值 writes one cell
 * only when asked and keeps what it held in the document; 撤销 puts it back exactly.
 */
import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { locateReport, type Cause } from '../../src/locate/locate';
import type { Workbook } from '../../src/snapshot';
import { LOCATE_BUDGET_MS, PaneController } from '../../taskpane/controller';
import { FakeExcel } from '../../taskpane/office/fake';
import { APPLIED_KEY, applySuggestion, loadApplied, undoApplied } from '../../taskpane/ops/apply';
import { getState, resetState } from '../../taskpane/state';
import { generateBudget } from '../../bench/budget/model';
import { render, VARIANTS } from '../../bench/budget/render';
import { plant, faultCandidates } from '../../bench/budget/faults';
import { corpusWorkbook } from '../helpers/fixtures';
import { fakeHost, MemoryDocument } from '../helpers/pane-host';
import { nodeSolver } from '../helpers/solver';
import { changedCells, everyCell, nodeLocator, watched } from './locator';

const SFJ = 'sh-putuo-sfj-2026-unit-budget';
let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(readFileSync(samplePath())); });
beforeEach(() => resetState());

function setup(book: Workbook, opts: Parameters<typeof fakeHost>[1] & { loadLocator?: () => ReturnType<typeof nodeLocator>; now?: () => number } = {}) {
  const excel = new FakeExcel(book);
  const loads: string[] = [];
  const load = opts.loadLocator ?? nodeLocator;
  const host = { ...fakeHost(excel, opts), loadLocator: () => { loads.push('load'); return load(); }, now: opts.now };
  return { excel, host, loads, c: new PaneController(host) };
}

/** A generated nine-table workbook with twelve retyped details: eight independent groups of failures. */
function manyFaults(): Workbook {
  const budget = generateBudget(21);
  const v = VARIANTS.filter((x) => x.name === 'hebei')[0];
  let rendered = render(budget, v);
  const ids = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).filter((_x, i) => i % 7 === 0).slice(0, 12);
  for (const id of ids) rendered = plant(rendered, { kind: 'detail-off', id }).rendered;
  return rendered.workbook;
}

const brief = (c: Cause) => [`${c.sheet}!${c.cell}`, c.current, c.suggested, c.certain];

describe('locating after a validation', () => {
  test('司法局: the findings come at once, the causes when the solver is done — G8 in both tables, to be 0.00', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const { c } = setup(corpusWorkbook(SFJ), { loadLocator: async () => { await gate; return nodeLocator(); } });
    await c.validate();
    // The findings are there, the location under way (held here until released: no clock).
    expect(getState().result?.findings.length).toBe(11);
    expect(c.state.location).toMatchObject({ status: 'locating', causes: [] });
    release();
    await c.whenLocated();
    expect(c.state.location?.status).toBe('done');
    expect(c.state.location?.result).toBe(getState().result);
    expect(c.state.location?.causes.map(brief)).toEqual([
      ['支出总表!G8', '64840547.00', '0.00', true],
      ['一般公共预算支出功能分类表!G8', '64840547.00', '0.00', true],
    ]);
  });

  test('尾差 only (the sample): nothing to locate, the solver is never loaded', async () => {
    const { c, loads } = setup(sample);
    await c.validate();
    await c.whenLocated();
    expect(getState().result?.findings.length).toBe(6);
    expect(c.state.location).toBeUndefined();
    expect(loads).toEqual([]);
  });

  test('the solver cannot load (no WebAssembly): the findings stay, the location says it failed', async () => {
    const { c } = setup(corpusWorkbook(SFJ), { loadLocator: () => Promise.reject(new Error('WebAssembly is not available')) });
    await c.validate();
    await c.whenLocated();
    expect(c.state.location).toMatchObject({ status: 'failed', causes: [] });
    expect(getState().result?.findings.length).toBe(11);
    expect(getState().error).toBeUndefined();
  });

  test('a failure that no change of cells explains (every cell of it a formula) is left without a cause', async () => {
    const book: Workbook = { ...sample, sheets: sample.sheets.map((s) => s.name !== '支出总表' ? s : {
      ...s,
      // 款 20827 and its two 项, in columns D and E, computed by formulas; its 合计 computes 1.00 too many.
      rows: s.rows.map((row) => row.map((cell) => (cell && /^[DE](18|19|20)$/.test(cell.address)
        ? { ...cell, formula: '=1', ...(cell.address === 'D18' ? { value: 5.11, text: '5.11' } : {}) }
        : cell))),
    }) };
    const { c } = setup(book);
    await c.validate();
    await c.whenLocated();
    const result = getState().result!;
    expect(c.state.location).toMatchObject({ status: 'done', causes: [], unexamined: 0, unsolvable: 0 });
    expect(c.state.location!.unexplained.map((i) => [result.findings[i].sheet, result.findings[i].cells[0], result.findings[i].severity])).toEqual([
      ['支出总表', 'D12', 'error'], ['支出总表', 'D18', 'error'], ['支出总表', 'D18', 'error'], ['支出总表', 'D18', 'error'],
    ]);
  });

  test('a new validation while locating: the old location is dropped, the new result located', async () => {
    const { c } = setup(corpusWorkbook(SFJ));
    await c.validate();
    const first = getState().result;
    await c.validate();
    await c.whenLocated();
    expect(getState().result).not.toBe(first);
    expect(c.state.location?.result).toBe(getState().result);
    expect(c.state.location?.causes).toHaveLength(2);
  });
});

describe('one group at a time, on the page\'s one thread', () => {
  test('a location runs a step per group and gets to its end; its report is the core\'s', async () => {
    const book = manyFaults();
    const { locate, runs } = watched(await nodeLocator());
    const { c } = setup(book, { loadLocator: async () => locate });
    await c.validate();
    await c.whenLocated();
    const result = getState().result!;
    const report = locateReport(result.checked ?? [], await nodeSolver());
    // Eight groups: eight steps, and a last one handing over the report.
    expect(runs).toEqual([{ steps: 9, finished: true }]);
    expect(c.state.location).toEqual({ result, status: 'done', ...report });
    expect(report.causes).toHaveLength(12);
  });

  test('a second validation started while locating stops the first location between two groups', async () => {
    let firstStep = (): void => undefined;
    const stepped = new Promise<void>((resolve) => { firstStep = resolve; });
    const { locate, runs } = watched(await nodeLocator(), () => firstStep());
    const { c } = setup(manyFaults(), { loadLocator: async () => locate });
    await c.validate();
    const first = getState().result;
    // The first location has examined a group; a new validation replaces its result meanwhile.
    await stepped;
    await c.validate();
    await c.whenLocated();
    expect(getState().result).not.toBe(first);
    expect(runs).toHaveLength(2);
    // The first run was left unfinished: never asked for the rest of its groups.
    expect(runs[0].finished).toBe(false);
    expect(runs[0].steps).toBeLessThan(runs[1].steps);
    expect(runs[1]).toEqual({ steps: 9, finished: true });
    expect(c.state.location).toMatchObject({ result: getState().result, status: 'done', unexamined: 0 });
    expect(c.state.location?.causes).toHaveLength(12);
  });

  test('the budget counts work only: two groups of 6 s each, 100 s of pauses between them, then the rest is unexamined', async () => {
    let t = 0;
    // Each group costs 6 s of the pane's clock; after it, while the page is given back, 100 s pass (a throttled
    // background tab): the budget must not count them.
    const { locate, runs } = watched(await nodeLocator(), () => {
      t += 6_000;
      queueMicrotask(() => { t += 100_000; });
    });
    const { c } = setup(manyFaults(), { loadLocator: async () => locate, now: () => t });
    await c.validate();
    await c.whenLocated();
    expect(LOCATE_BUDGET_MS).toBe(10_000);
    // Group 1 starts at 0 s of work, group 2 at 6 s, group 3 would start at 12 s: past the budget.
    const result = getState().result!;
    let started = 0;
    const twoGroups = locateReport(result.checked ?? [], await nodeSolver(), { deadline: { now: () => (started++ < 2 ? 0 : 1), until: 0 } });
    expect(runs).toEqual([{ steps: 3, finished: true }]);
    expect(twoGroups.unexamined).toBeGreaterThan(0);
    expect(c.state.location).toEqual({ result, status: 'done', ...twoGroups });
  });
});

describe('采用建议值 and 撤销', () => {
  test('writes the one cell, keeps what it held in the document, validates again; 撤销 restores every cell', async () => {
    const doc = new MemoryDocument();
    // ExcelApi 1.8: no marks and no notes, so every cell of the workbook, fills included, can be compared.
    const { excel, c } = setup(corpusWorkbook(SFJ), { doc, excelApi: '1.8' });
    const original = everyCell(excel);
    await c.validate();
    await c.whenLocated();
    expect(changedCells(original, everyCell(excel))).toEqual([]);
    const [cause] = c.state.location!.causes;

    await c.applySuggestion(cause);
    const applied = everyCell(excel);
    expect(changedCells(original, applied)).toEqual(['支出总表!G8']);
    expect(excel.cellAt('支出总表', 'G8')).toMatchObject({ value: 0, text: '0.00', numberFormat: '#,##0.00', formula: undefined });
    expect(loadApplied(doc)).toEqual([expect.objectContaining({ sheet: '支出总表', address: 'G8', before: { value: 64840547 }, written: 0, shown: '0.00', was: '64840547.00' })]);
    expect(c.state.toast?.text.zh).toBe('已将 支出总表!G8 改为 0.00（原为 64,840,547.00），并已重新校验。可在“已采用的建议值”中撤销。');
    // Validated again: the 支出总表's two errors are gone, the other table's G8 is still the one cause.
    await c.whenLocated();
    expect(getState().result?.findings.filter((f) => f.sheet === '支出总表' && f.severity === 'error')).toEqual([]);
    expect(c.state.location?.causes.map(brief)).toEqual([['一般公共预算支出功能分类表!G8', '64840547.00', '0.00', true]]);

    await c.undoApplied(c.state.applied[0]);
    expect(changedCells(original, everyCell(excel))).toEqual([]);
    expect(doc.get(APPLIED_KEY)).toBeNull();
    expect(c.state.applied).toEqual([]);
    expect(c.state.toast?.text.zh).toBe('已恢复 支出总表!G8 原来的内容（64,840,547.00），并已重新校验。');
    await c.whenLocated();
    expect(c.state.location?.causes).toHaveLength(2);
  });

  test('with marks on: only the cell\'s content changes, and 撤销 after reopening the workbook puts it back', async () => {
    const doc = new MemoryDocument();
    const { excel, c } = setup(corpusWorkbook(SFJ), { doc });
    const original = everyCell(excel, { fills: false });
    await c.validate();
    await c.whenLocated();
    await c.applySuggestion(c.state.location!.causes[1]);
    expect(changedCells(original, everyCell(excel, { fills: false }))).toEqual(['一般公共预算支出功能分类表!G8']);
    // A new session on the same document: the way back is read from its settings.
    resetState();
    const again = new PaneController(fakeHost(excel, { doc }));
    expect(again.state.applied.map((e) => `${e.sheet}!${e.address}`)).toEqual(['一般公共预算支出功能分类表!G8']);
    await again.undoApplied(again.state.applied[0]);
    expect(changedCells(original, everyCell(excel, { fills: false }))).toEqual([]);
    await again.clearMarks();
    expect(changedCells(everyCell(new FakeExcel(corpusWorkbook(SFJ))), everyCell(excel))).toEqual([]);
  });

  test('nothing is written unless asked: validating and locating change no cell', async () => {
    const { excel, c } = setup(corpusWorkbook(SFJ), { excelApi: '1.8' });
    const before = everyCell(excel);
    await c.validate();
    await c.whenLocated();
    await c.selectCause(c.state.location!.causes[0]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(excel.selection).toMatchObject({ sheet: '支出总表', boxes: [{ row: 7, col: 6, rows: 1, cols: 1 }] });
  });

  test('a cell edited since the validation is not overwritten', async () => {
    const doc = new MemoryDocument();
    const { excel, c } = setup(corpusWorkbook(SFJ), { doc, excelApi: '1.8' });
    await c.validate();
    await c.whenLocated();
    excel.edit('支出总表', 'G8', 1000);
    const before = everyCell(excel);
    await c.applySuggestion(c.state.location!.causes[0]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(c.state.toast).toMatchObject({ intent: 'error', text: { zh: '支出总表!G8 在校验后已被修改，未采用建议值。请重新校验。' } });
    expect(doc.get(APPLIED_KEY)).toBeNull();
  });

  test('撤销 is refused when the cell was changed after 采用建议值, and says what it held', async () => {
    const doc = new MemoryDocument();
    const { excel, c } = setup(corpusWorkbook(SFJ), { doc, excelApi: '1.8' });
    await c.validate();
    await c.whenLocated();
    await c.applySuggestion(c.state.location!.causes[0]);
    excel.edit('支出总表', 'G8', 5);
    const before = everyCell(excel);
    await c.undoApplied(c.state.applied[0]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(c.state.toast?.text.zh).toBe('支出总表!G8 在采用建议值后又被修改，未撤销，以免覆盖您的修改；它原来的内容是 64,840,547.00。');
    expect(c.state.applied).toEqual([]);
  });

  test('保留修改 forgets the way back and writes nothing', async () => {
    const doc = new MemoryDocument();
    const { excel, c } = setup(corpusWorkbook(SFJ), { doc, excelApi: '1.8' });
    await c.validate();
    await c.whenLocated();
    await c.applySuggestion(c.state.location!.causes[0]);
    const before = everyCell(excel);
    await c.keepApplied(c.state.applied[0]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(doc.get(APPLIED_KEY)).toBeNull();
  });
});

describe('the write itself (two syncs), on cells of every kind', () => {
  function book(): Workbook {
    return { sheets: [{ name: '表', rows: [[
      { address: 'A1', row: 0, col: 0, value: 30, text: '30.00', numberFormat: '#,##0.00', formula: '=SUM(B1:C1)' },
      { address: 'B1', row: 0, col: 1, value: 1234.5, text: '1,234.50', numberFormat: '#,##0.00' },
      undefined,
      { address: 'D1', row: 0, col: 3, value: '12.00', text: '12.00' },
    ]] }] };
  }
  const keep = async (): Promise<void> => undefined;

  test('a formula is kept and put back as that formula, computing what it did', async () => {
    const excel = new FakeExcel(book());
    const before = everyCell(excel);
    const s0 = excel.syncs.length;
    const r = await applySuggestion(excel, { sheet: '表', cell: 'A1', current: '30.00', suggested: '25.00' }, keep);
    expect(excel.syncs.length - s0).toBe(2);
    expect(r).toEqual({ applied: expect.objectContaining({ before: { formula: '=SUM(B1:C1)' }, written: 25 }) });
    expect(excel.cellAt('表', 'A1')).toMatchObject({ value: 25, text: '25.00', formula: undefined });
    if (!('applied' in r)) throw new Error('not applied');
    const s1 = excel.syncs.length;
    expect(await undoApplied(excel, r.applied)).toEqual({ done: true });
    expect(excel.syncs.length - s1).toBe(2);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
    expect(excel.cellAt('表', 'A1')).toMatchObject({ formula: '=SUM(B1:C1)', value: 30, text: '30.00' });
  });

  test('a number goes back as the same number with its format untouched; an empty cell goes back empty', async () => {
    const excel = new FakeExcel(book());
    const before = everyCell(excel);
    const a = await applySuggestion(excel, { sheet: '表', cell: 'B1', current: '1234.50', suggested: '1243.50' }, keep);
    expect(excel.cellAt('表', 'B1')).toMatchObject({ value: 1243.5, text: '1,243.50', numberFormat: '#,##0.00' });
    const b = await applySuggestion(excel, { sheet: '表', cell: 'C1', current: '0.00', suggested: '7.00' }, keep);
    expect(excel.cellAt('表', 'C1')).toMatchObject({ value: 7 });
    if (!('applied' in a) || !('applied' in b)) throw new Error('not applied');
    expect(b.applied.before).toEqual({ value: null });
    await undoApplied(excel, b.applied);
    await undoApplied(excel, a.applied);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
  });

  test('text is never rewritten, and a cell that no longer shows what was read is left alone', async () => {
    const excel = new FakeExcel(book());
    const before = everyCell(excel);
    const kept: unknown[] = [];
    const text = await applySuggestion(excel, { sheet: '表', cell: 'D1', current: '12.00', suggested: '21.00' }, async (e) => { kept.push(e); });
    expect(text).toEqual({ error: expect.objectContaining({ zh: '表!D1 中是文本，不能自动改写，请手动修改。' }) });
    const moved = await applySuggestion(excel, { sheet: '表', cell: 'B1', current: '1234.00', suggested: '1.00' }, async (e) => { kept.push(e); });
    expect('error' in moved).toBe(true);
    expect(kept).toEqual([]);
    expect(changedCells(before, everyCell(excel))).toEqual([]);
  });
});
