import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { deserialize, serialize } from '../../playground/document';
import { linkTarget, typedValue } from '../../playground/grid';
import { installOffice, isSetSupported, parseOptions } from '../../playground/office-stub';
import type { Workbook } from '../../src/snapshot';
import { FakeExcel } from '../../taskpane/office/fake';
import type { ExcelContext } from '../../taskpane/office/port';

interface StubGlobals {
  Office: {
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    AsyncResultStatus: { Succeeded: string };
    context: {
      displayLanguage: string;
      officeTheme: { bodyBackgroundColor: string };
      requirements: { isSetSupported(name: string, version?: string): boolean };
      document: { settings: { get(k: string): unknown; set(k: string, v: unknown): void; remove(k: string): void; saveAsync(cb: (r: { status: string }) => void): void } };
    };
    actions: { associate(id: string, handler: (event: { completed(): void }) => void): void };
  };
  Excel: { run<T>(...args: unknown[]): Promise<T> };
  CustomFunctions: { associate(id: string, f: () => unknown): void };
}

let sample: Workbook;
beforeAll(async () => { sample = await readXlsx(readFileSync(samplePath())); });

describe('URL options', () => {
  test('a current Excel by default', () => {
    const o = parseOptions('');
    expect(o.displayLanguage).toBe('zh-CN');
    expect(o.theme).toBe('light');
    expect(o.platform).toBe('PC');
    expect(isSetSupported(o, 'ExcelApi', '1.18')).toBe(true);
    expect(isSetSupported(o, 'excelapi', '1.9')).toBe(true);
    expect(isSetSupported(o, 'ExcelApi', '1.19')).toBe(false);
    expect(isSetSupported(o, 'SharedRuntime', '1.1')).toBe(true);
    expect(isSetSupported(o, 'CustomFunctionsRuntime', '1.1')).toBe(true);
    expect(isSetSupported(o, 'WordApi', '1.1')).toBe(false);
  });

  test('an older Excel, another language, the dark theme', () => {
    const o = parseOptions('?excelApi=1.8&sharedRuntime=0&lang=en-US&theme=dark&platform=web');
    expect(isSetSupported(o, 'ExcelApi', '1.8')).toBe(true);
    expect(isSetSupported(o, 'ExcelApi', '1.9')).toBe(false);
    expect(isSetSupported(o, 'SharedRuntime', '1.1')).toBe(false);
    expect(o.displayLanguage).toBe('en-US');
    expect(o.theme).toBe('dark');
    expect(o.platform).toBe('OfficeOnline');
  });
});

describe('the stub office.js', () => {
  function install(search = ''): { g: StubGlobals; stub: ReturnType<typeof installOffice> } {
    const target = {};
    const stub = installOffice(parseOptions(search), target);
    return { g: target as StubGlobals, stub };
  }

  test('Office.onReady waits for the workbook, then answers as Excel', async () => {
    const { g, stub } = install('?theme=dark');
    let called = false;
    const ready = g.Office.onReady(() => { called = true; });
    await Promise.resolve();
    expect(called).toBe(false);
    stub.load(Promise.resolve(sample));
    await expect(ready).resolves.toEqual({ host: 'Excel', platform: 'PC' });
    expect(called).toBe(true);
    expect(g.Office.context.officeTheme.bodyBackgroundColor).toBe('#1F1F1F');
    expect(g.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
  });

  test('a sample that is not a workbook fails the load', async () => {
    const { stub } = install();
    stub.load(Promise.resolve({ nope: true }));
    await expect(stub.ready).rejects.toThrow(/not a workbook/);
  });

  test('document settings: get, set, remove, saveAsync', async () => {
    const { g } = install();
    const s = g.Office.context.document.settings;
    expect(s.get('x')).toBeNull();
    s.set('x', [{ a: 1 }]);
    expect(s.get('x')).toEqual([{ a: 1 }]);
    const status = await new Promise<string>((resolve) => s.saveAsync((r) => resolve(r.status)));
    expect(status).toBe(g.Office.AsyncResultStatus.Succeeded);
    s.remove('x');
    expect(s.get('x')).toBeNull();
  });

  test('Excel.run runs batches on the one fake; a change registration can be removed in its own context', async () => {
    const { g, stub } = install();
    stub.load(Promise.resolve(sample));
    const excel = await stub.ready;
    const seen: string[] = [];
    const registration = await g.Excel.run<{ context: unknown; remove(): void }>(async (c: ExcelContext) => {
      expect(c).toBe(excel);
      const r = c.workbook.worksheets.onChanged.add(async (e) => { seen.push(e.address); }) as { context: unknown; remove(): void };
      await c.sync();
      return r;
    });
    expect(registration.context).toBe(excel);
    excel.edit('收入总表', 'D13', 1);
    expect(seen).toEqual(['D13']);
    await g.Excel.run(registration.context, async (c: ExcelContext) => {
      registration.remove();
      await c.sync();
    });
    excel.edit('收入总表', 'D13', 2);
    expect(seen).toEqual(['D13']);
  });

  test('ribbon commands run through Office.actions and finish with event.completed()', async () => {
    const { g, stub } = install();
    stub.load(Promise.resolve(sample));
    const done: string[] = [];
    g.Office.actions.associate('validateWorkbook', (event) => { setTimeout(() => { done.push('v'); event.completed(); }, 5); });
    await stub.invoke('validateWorkbook');
    expect(done).toEqual(['v']);
    await expect(stub.invoke('nothing')).rejects.toThrow(/no handler/);
  });

  test('custom functions are collected', () => {
    const { g, stub } = install();
    g.CustomFunctions.associate('subjectName', () => 'x');
    expect([...stub.functions.keys()]).toEqual(['SUBJECTNAME']);
  });
});

describe('the saved document', () => {
  test('keeps values, fills, bold, links, notes and sheets across a reload', () => {
    const excel = new FakeExcel(sample);
    excel.setFill('收入总表', 'D13', { color: '#A9D4F5', pattern: 'Solid' });
    excel.notes.set('收入总表!D13', '尾差');
    excel.edit('收入总表', 'E14', 270.32);
    const s = excel.sheets[1].ensure(0, 0);
    s.bold = true;
    s.link = "'收入总表'!D13";
    excel.activeSheet = '收入总表';
    const back = deserialize(serialize(excel))!;
    expect(back.sheets.map((x) => x.name)).toEqual(excel.sheets.map((x) => x.name));
    expect(back.fillAt('收入总表', 'D13')).toEqual(excel.fillAt('收入总表', 'D13'));
    expect(back.notes.get('收入总表!D13')).toBe('尾差');
    expect(back.sheets[1].cell(13, 4)).toEqual(excel.sheets[1].cell(13, 4));
    expect(back.sheets[1].cell(0, 0)).toEqual(excel.sheets[1].cell(0, 0));
    expect(back.activeSheet).toBe('收入总表');
    for (const [i, sh] of excel.sheets.entries()) expect(new Map(back.sheets[i].cells)).toEqual(new Map(sh.cells));
  });

  test('anything unreadable is no document', () => {
    expect(deserialize(null)).toBeUndefined();
    expect(deserialize('{')).toBeUndefined();
    expect(deserialize('{"v":2}')).toBeUndefined();
  });
});

describe('grid helpers', () => {
  test('typed text becomes a number where Excel would read one', () => {
    expect(typedValue('536.45')).toBe(536.45);
    expect(typedValue('1,234.5')).toBe(1234.5);
    expect(typedValue('-3')).toBe(-3);
    expect(typedValue('  ')).toBeNull();
    expect(typedValue('合计')).toBe('合计');
    expect(typedValue('12a')).toBe('12a');
  });

  test('hyperlink targets', () => {
    expect(linkTarget("'收入总表'!D13", 'x')).toEqual({ sheet: '收入总表', box: { row: 12, col: 3, rows: 1, cols: 1 } });
    expect(linkTarget('#收入总表!$D$13:$D$20', 'x')).toEqual({ sheet: '收入总表', box: { row: 12, col: 3, rows: 8, cols: 1 } });
    expect(linkTarget('B2', '支出总表')).toEqual({ sheet: '支出总表', box: { row: 1, col: 1, rows: 1, cols: 1 } });
    expect(linkTarget('https://example.org/', 'x')).toBeUndefined();
  });
});
