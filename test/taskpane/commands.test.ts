import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import type { Workbook } from '../../src/snapshot';
import { capabilities } from '../../taskpane/capabilities';
import { onClearMarks, onValidate, type CommandHost } from '../../taskpane/commands';
import { FakeExcel, NO_FILL } from '../../taskpane/office/fake';
import { MARK_COLORS, type SavedFill } from '../../taskpane/office/marks';
import type { ExcelContext } from '../../taskpane/office/port';
import { getState, resetState } from '../../taskpane/state';
import type { FillStore } from '../../taskpane/validate';

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
    expect(getState().result?.findings).toHaveLength(3);
    expect(getState().error).toBeUndefined();
    // Read 3 syncs + mark 2 syncs.
    expect(excel.syncs).toHaveLength(5);
    expect(excel.fillAt('收入总表', 'D13').color).toBe(MARK_COLORS.rounding);
    expect(fills[0]).toHaveLength(35);
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
    ]);
    expect(excel2.fillAt('收入总表', 'D13')).toEqual(NO_FILL);
    expect(excel2.fillAt('收入总表', 'E14')).toEqual(NO_FILL);
    expect(excel2.fillAt('收入总表', 'D17').color).toBe(MARK_COLORS.rounding);
    expect(excel2.fillAt('支出总表', 'D13').color).toBe(MARK_COLORS.rounding);
    // 2 findings × (2 totals + 2 × 4 项), plus 收入总表!D17 cited by the cross-table finding.
    expect(fills[0]).toHaveLength(21);
  });
});

describe('capabilities', () => {
  test('volume-licensed Office 2021: no custom functions, a clear message, the rest works', () => {
    const caps = capabilities({ isSetSupported: (name) => name !== 'CustomFunctionsRuntime' });
    expect(caps).toMatchObject({ customFunctions: false, sharedRuntime: true, exactMarks: true });
    expect(caps.notes.map((n) => n.zh)).toEqual(['此版本的 Excel 不支持自定义函数（需要 Microsoft 365 或零售版 Office 2016 及以上；批量授权版 Office 2021 及更早版本不支持）。工作簿校验和任务窗格仍可使用。']);
  });

  test('no ExcelApi 1.9: findings without colouring', () => {
    const caps = capabilities({ isSetSupported: (name, v) => !(name === 'ExcelApi' && v === '1.9') });
    expect(caps.exactMarks).toBe(false);
    expect(caps.notes).toHaveLength(1);
  });
});
