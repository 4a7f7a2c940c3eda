import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import type { Workbook } from '../../src/snapshot';
import { capabilities } from '../../taskpane/capabilities';
import { onClearMarks, onValidate, type CommandHost } from '../../taskpane/commands';
import { FakeExcel, NO_FILL } from '../../taskpane/office/fake';
import { MARK_COLORS, type SavedFill } from '../../taskpane/office/marks';
import type { ExcelContext } from '../../taskpane/office/port';
import { fillStore } from '../../taskpane/deps';
import { documentStore } from '../../taskpane/host';
import { getState, resetState, setState as setStateForTest, subscribe } from '../../taskpane/state';
import { validateWorkbook, type FillStore } from '../../taskpane/validate';

function host(excel: FakeExcel, fills: SavedFill[][], opts: { failRead?: boolean; noPane?: boolean } = {}): CommandHost & { shown: number } {
  const store: FillStore = { load: async () => fills[0] ?? [], save: async (f) => { fills[0] = [...f]; } };
  const h = {
    shown: 0,
    deps: () => ({
      run: <T>(batch: (c: ExcelContext) => Promise<T>) => (opts.failRead ? Promise.reject(new Error('RichApi.Error: 工作簿已被保护')) : batch(excel)),
      fills: store,
    }),
    showPane: async () => {
      if (opts.noPane) throw new Error('no shared runtime');
      h.shown++;
    },
  };
  return h;
}

let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(readFileSync(samplePath())); });
beforeEach(() => resetState());

describe('ribbon commands', () => {
  test('校验工作簿: validates, marks, keeps the originals, opens the pane, completes the event', async () => {
    const excel = new FakeExcel(sample);
    const fills: SavedFill[][] = [];
    const h = host(excel, fills);
    let completed = 0;
    await onValidate({ completed: () => { completed++; } }, h);
    expect(completed).toBe(1);
    expect(h.shown).toBe(1);
    expect(getState().result?.findings).toHaveLength(6);
    expect(getState().error).toBeUndefined();
    // Read 3 syncs + mark 2 syncs.
    expect(excel.syncs).toHaveLength(5);
    expect(excel.fillAt('收入总表', 'D13').color).toBe(MARK_COLORS.rounding);
    // 款 20805's 35 cells and the three notes on the 项目绩效目标表.
    expect(fills[0]).toHaveLength(38);
  });

  test('清除标记 restores every fill, also from originals kept in the document by an earlier session', async () => {
    const excel = new FakeExcel(sample);
    excel.setFill('支出总表', 'D13', { color: '#00FF00', pattern: 'Solid' });
    const fills: SavedFill[][] = [];
    await onValidate({ completed: () => undefined }, host(excel, fills));
    // Saved and reopened: a new runtime, the originals come from the document.
    resetState();
    let completed = 0;
    await onClearMarks({ completed: () => { completed++; } }, host(excel, fills));
    expect(completed).toBe(1);
    expect(excel.fillAt('支出总表', 'D13')).toMatchObject({ color: '#00FF00', pattern: 'Solid' });
    expect(excel.fillAt('收入总表', 'D13')).toEqual(NO_FILL);
    expect(fills[0]).toEqual([]);
  });

  test('a failure is kept for the pane to show, and the event is still completed', async () => {
    const excel = new FakeExcel(sample);
    let completed = 0;
    const h = host(excel, [], { failRead: true, noPane: true });
    await onValidate({ completed: () => { completed++; } }, h);
    expect(completed).toBe(1);
    expect(getState()).toMatchObject({ running: false, error: { zh: '校验未能完成：RichApi.Error: 工作簿已被保护' } });
  });

  test('re-validating after a fix un-marks the cells that are no longer cited', async () => {
    const excel = new FakeExcel(sample);
    const fills: SavedFill[][] = [];
    await onValidate({ completed: () => undefined }, host(excel, fills));
    // The user fixes the 收入总表's 20805 children so that they add up to 536.45 in every column.
    const fixed: Workbook = {
      sheets: sample.sheets.map((s) => (s.name !== '收入总表' ? s : {
        ...s, rows: s.rows.map((r, i) => (i !== 16 ? r : r.map((c) => (c && c.col >= 3 && c.col <= 5 ? { ...c, value: 20.15, text: '20.15' } : c)))),
      })),
    };
    const excel2 = new FakeExcel(fixed);
    for (const f of fills[0]) excel2.setFill(f.sheet, f.address, { color: MARK_COLORS.rounding, pattern: 'Solid' });
    await onValidate({ completed: () => undefined }, host(excel2, fills));
    // The two other tables still carry 20805; and 2080506 now differs between 收入总表 and 支出总表 by 0.01.
    expect(getState().result?.findings.map((f) => `${f.rule} ${f.sheet}`)).toEqual([
      'hierarchy-sum 支出总表', 'hierarchy-sum 一般公共预算支出表', 'cross-table 支出总表',
      'spending-plan 项目绩效目标表', 'indicators 项目绩效目标表', 'indicators 项目绩效目标表',
    ]);
    expect(excel2.fillAt('收入总表', 'D13')).toEqual(NO_FILL);
    expect(excel2.fillAt('收入总表', 'E14')).toEqual(NO_FILL);
    expect(excel2.fillAt('收入总表', 'D17').color).toBe(MARK_COLORS.rounding);
    expect(excel2.fillAt('支出总表', 'D13').color).toBe(MARK_COLORS.rounding);
    // 2 findings × (2 totals + 2 × 4 项), plus 收入总表!D17 cited by the cross-table finding, plus the three notes on the 项目绩效目标表.
    expect(fills[0]).toHaveLength(24);
  });
});

describe('without a shared runtime (manifest-excel2016-2019.xml): ribbon and pane in runtimes of their own', () => {
  test('the pane clears what the ribbon marked after the pane last looked: the document, not its memory, is the truth', async () => {
    const excel = new FakeExcel(sample);
    const fills: SavedFill[][] = [];
    // The pane validates: 20805 is marked in its memory and in the document.
    await onValidate({ completed: () => undefined }, host(excel, fills, { noPane: true }));
    const paneMemory = getState().saved;
    expect(paneMemory.length).toBeGreaterThan(0);

    // The ribbon's runtime (memory of its own) validates after an edit that adds an error elsewhere.
    resetState();
    excel.edit('支出总表', 'D13', 600);
    await onValidate({ completed: () => undefined }, host(excel, fills, { noPane: true }));
    expect(fills[0].length).toBeGreaterThan(paneMemory.length);
    const marked = fills[0].map((f) => `${f.sheet}!${f.address}`);
    expect(marked).toContain('支出总表!D13');

    // Back in the pane, whose memory still holds its own run: 清除标记 restores every cell the document lists.
    resetState();
    setStateForTest({ saved: paneMemory });
    await onClearMarks({ completed: () => undefined }, host(excel, fills));
    for (const at of marked) {
      const [sheet, address] = at.split('!');
      expect([at, excel.fillAt(sheet, address)]).toEqual([at, NO_FILL]);
    }
    expect(fills[0]).toEqual([]);
  });

  test("Office's document settings are re-read before every read of the fills and before every save", async () => {
    // Two runtimes' copies of one document's settings, as Office.Settings keeps them.
    const saved = new Map<string, string>();
    const copy = (): Office.Settings & { bag: Map<string, string> } => {
      const bag = new Map<string, string>();
      return {
        bag,
        get: (k: string) => (bag.has(k) ? JSON.parse(bag.get(k)!) as unknown : null),
        set: (k: string, v: unknown) => { bag.set(k, JSON.stringify(v)); },
        remove: (k: string) => { bag.delete(k); },
        saveAsync: (cb?: (r: Office.AsyncResult<void>) => void) => {
          saved.clear();
          for (const [k, v] of bag) saved.set(k, v);
          cb?.({ status: 'succeeded' } as unknown as Office.AsyncResult<void>);
        },
        refreshAsync: (cb?: (r: Office.AsyncResult<Office.Settings>) => void) => {
          bag.clear();
          for (const [k, v] of saved) bag.set(k, v);
          cb?.({ status: 'succeeded' } as unknown as Office.AsyncResult<Office.Settings>);
        },
      } as unknown as Office.Settings & { bag: Map<string, string> };
    };
    (globalThis as Record<string, unknown>).Office = { AsyncResultStatus: { Succeeded: 'succeeded' } };
    try {
      const pane = documentStore(copy());
      const ribbonSettings = copy();
      const ribbon = documentStore(ribbonSettings);
      // The ribbon marks and saves the originals; the pane then saves an explanation from its older copy.
      await ribbon.set('budget-check.saved-fills.v1', [{ sheet: '收入总表', address: 'D13' }]);
      await pane.set('budget-check.explanations.v1', { k: { note: 'x', at: '2025-01-01T00:00:00.000Z' } });
      // Nothing the ribbon saved was lost, and the ribbon's fill store reads the document again.
      expect([...saved.keys()].sort()).toEqual(['budget-check.explanations.v1', 'budget-check.saved-fills.v1']);
      ribbonSettings.bag.set('budget-check.saved-fills.v1', '[]');
      expect(await fillStore({ document: ribbon }).load()).toEqual([{ sheet: '收入总表', address: 'D13' }]);
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });
});

describe('capabilities', () => {
  test('retail Office before Version 2311 (SharedRuntime, no CustomFunctionsRuntime): no custom functions, a clear message, the rest works', () => {
    const caps = capabilities({ isSetSupported: (name) => name !== 'CustomFunctionsRuntime' });
    expect(caps).toMatchObject({ customFunctions: false, sharedRuntime: true, exactMarks: true });
    // Microsoft's Custom Functions requirement sets: 365 Version 1903, retail Version 2311, volume-licensed Office 2021.
    expect(caps.notes.map((n) => n.zh)).toEqual(['此版本的 Excel 不支持自定义函数（需要 Microsoft 365 版本 1903 及以上、零售版 Office 版本 2311 及以上、批量授权版 Office 2021 及以上，或 Excel 网页版）。工作簿校验和任务窗格仍可使用。']);
  });

  test('Excel 2019 volume-licensed (ExcelApi 1.7, nothing newer): no functions, no shared runtime, no marks; both said', () => {
    const caps = capabilities({ isSetSupported: (name, v = '1.1') => name === 'ExcelApi' && Number(v.split('.')[1]) <= 7 });
    expect(caps).toMatchObject({ customFunctions: false, sharedRuntime: false, exactMarks: false, cellNotes: false });
    expect(caps.notes).toHaveLength(2);
  });

  test('no ExcelApi 1.9: findings without colouring', () => {
    const caps = capabilities({ isSetSupported: (name, v) => !(name === 'ExcelApi' && v === '1.9') });
    expect(caps.exactMarks).toBe(false);
    expect(caps.notes).toHaveLength(1);
  });
});

describe('the findings before the marks', () => {
  test('the result is in the state, and the page gets a turn, before any cell is marked', async () => {
    const excel = new FakeExcel(sample);
    const fills: SavedFill[][] = [];
    const seen: { findings: number; marked: string }[] = [];
    const stop = subscribe((s) => {
      if (s.phase === 'mark' && seen.length === 0) seen.push({ findings: s.result?.findings.length ?? 0, marked: excel.fillAt('收入总表', 'D13').color });
    });
    let turn = false;
    // A task queued when the findings are shown runs before the marks' first write: the page can paint them.
    const stopTurn = subscribe((s) => {
      if (s.phase === 'mark' && !turn) setTimeout(() => { turn = excel.fillAt('收入总表', 'D13').color !== MARK_COLORS.rounding; }, 0);
    });
    await validateWorkbook({ ...host(excel, fills).deps(), mark: true });
    stop();
    stopTurn();
    expect(seen).toEqual([{ findings: 6, marked: NO_FILL.color }]);
    expect(turn).toBe(true);
    expect(excel.fillAt('收入总表', 'D13').color).toBe(MARK_COLORS.rounding);
  });

  test('取消 while the findings are shown: they stay, nothing is marked', async () => {
    const excel = new FakeExcel(sample);
    const fills: SavedFill[][] = [];
    const abort = new AbortController();
    const stop = subscribe((s) => { if (s.phase === 'mark') abort.abort(); });
    const outcome = await validateWorkbook({ ...host(excel, fills).deps(), signal: abort.signal });
    stop();
    expect(outcome).toBe('cancelled');
    expect(getState().result?.findings).toHaveLength(6);
    expect(getState().running).toBe(false);
    expect(excel.fillAt('收入总表', 'D13').color).toBe(NO_FILL.color);
    expect(fills).toEqual([]);
  });
});
