// 舍位平衡 end to end in a real headless Chromium, in the built pane of the playground at Excel's task-pane widths
// (320 px and 450 px): its chunk (round.js) is fetched when its tab is first opened and the solver (solver.js,
// highs.wasm) on the first run, never with the pane; on the sample (万元, 3 尾差) the ±0.01 changes are listed and one
// is written only when applied, then undone; converted to one decimal, the tables go into new sheets the grid
// shows, and 撤销 removes them; nothing reaches past the pane's edge. Screenshots: test-artifacts/pane-round*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, e2eSuite, launch, openPane, overflow, violations, type Session } from '../helpers/playground-browser';

const suite = e2eSuite;

jest.setTimeout(240_000);

interface Cell { value: unknown; text: string }
type PlaygroundWindow = Window & { playground: { excel: { sheets: Array<{ name: string; cells: Map<string, Cell> }>; cellAt(sheet: string, a: string): Cell | undefined } } };


/** Every cell of the workbook, as the playground's in-memory Excel holds it. */
const everyCell = (page: Page) => page.evaluate(() => JSON.stringify((window as unknown as PlaygroundWindow).playground.excel.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value, c.text])])));

const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.sheets.map((s) => s.name));

suite('舍位平衡 in a real browser (playground)', () => {
  let session: Session | undefined;

  beforeAll(async () => {
    session = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  const open = (width: number) => openPane(session!, { paneWidth: width, viewport: { width: 1280, height: 1000 } });

  test('320 px: the chunk on opening the tab, the solver on the run; the ±0.01 changes listed; one applied and undone', async () => {
    const { page, fetched, errors } = await open(320);
    const pane = page.locator('#root');
    expect(fetched).toEqual(expect.arrayContaining(['taskpane.js']));
    expect(fetched.filter((f) => /^(round|solver)\.js$|\.wasm$/.test(f))).toEqual([]);
    await pane.getByRole('tab', { name: '舍位平衡' }).click();
    await pane.getByTestId('round-view').waitFor();
    expect(fetched.filter((f) => /^(round|solver)\.js$|\.wasm$/.test(f))).toEqual(['round.js']);

    const before = await everyCell(page);
    await pane.getByRole('button', { name: '舍位平衡', exact: true }).click();
    const result = pane.getByTestId('round-result');
    await result.waitFor();
    expect(fetched.filter((f) => /^solver\.js$|\.wasm$/.test(f)).sort()).toEqual(['highs.wasm', 'solver.js']);
    await expect(result.getAttribute('data-mode')).resolves.toBe('tails');
    await expect(result.textContent()).resolves.toMatch(/工作簿已是万元（2 位小数），有 3 处尾差/);
    const changes = pane.getByTestId('round-change');
    expect(await changes.count()).toBeGreaterThan(1);
    // Listed only: not a cell changed.
    expect(await everyCell(page)).toBe(before);
    const o = await overflow(page);
    expect({ ...o, over: o.over.slice(0, 5) }).toEqual({ scrollWidth: o.clientWidth, clientWidth: o.clientWidth, over: [] });
    await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'pane-round.png') });
    expect(await violations(page)).toEqual([]);

    // One change, on its own click: that cell and no other.
    const first = changes.first();
    const where = (await first.getAttribute('data-cell')) ?? '';
    const [sheet, address] = where.split('!');
    const was = await page.evaluate(([s, a]) => (window as unknown as PlaygroundWindow).playground.excel.cellAt(s, a)?.value, [sheet, address] as const);
    await first.getByRole('button', { name: /^采用：把 / }).click();
    await page.waitForFunction((w) => document.querySelector(`#root [data-cell="${w}"]`)?.getAttribute('data-applied') === 'true', where);
    const now = await page.evaluate(([s, a]) => (window as unknown as PlaygroundWindow).playground.excel.cellAt(s, a)?.value, [sheet, address] as const);
    expect(Math.round(Math.abs((now as number) - (was as number)) * 100)).toBe(1);
    const changed = JSON.parse(await everyCell(page)) as Array<[string, Array<[string, unknown, string]>]>;
    const original = JSON.parse(before) as Array<[string, Array<[string, unknown, string]>]>;
    const diff = changed.flatMap(([s, cells], i) => cells.filter((c, j) => JSON.stringify(c) !== JSON.stringify(original[i][1][j])).map((c) => `${s}!${c[0]}`));
    expect(diff).toHaveLength(1);
    await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'pane-round-applied.png') });
    await first.getByRole('button', { name: `撤销：恢复 ${where} 原来的内容` }).click();
    await page.waitForFunction((w) => document.querySelector(`#root [data-cell="${w}"]`)?.getAttribute('data-applied') === 'false', where);
    expect(await everyCell(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('450 px: converted to one decimal, the tables go into new sheets the grid shows; 撤销 removes exactly them', async () => {
    const { page, errors } = await open(450);
    const pane = page.locator('#root');
    const names = await sheetNames(page);
    const before = await everyCell(page);
    await pane.getByRole('tab', { name: '舍位平衡' }).click();
    await pane.getByRole('combobox', { name: '小数位数' }).click();
    await page.getByRole('option', { name: '1', exact: true }).click();
    await pane.getByRole('button', { name: '舍位平衡', exact: true }).click();
    const result = pane.getByTestId('round-result');
    await result.waitFor();
    await expect(result.getAttribute('data-mode')).resolves.toBe('convert');
    await expect(result.textContent()).resolves.toMatch(/已换算为万元（1 位小数）：新增 \d+ 张工作表/);
    const added = (await sheetNames(page)).filter((n) => !names.includes(n));
    expect(added).toContain('收入总表（万元）');
    // The grid shows them as sheets of the workbook.
    await expect(page.locator('.sheet-tabs').getByRole('tab', { name: '收入总表（万元）' }).count()).resolves.toBe(1);
    // The sample's own 尾差 are said (folded), as are the cells rounded the other way: both unfolded here.
    await pane.getByRole('button', { name: /^改为另一方向舍入的单元格（\d+）$/ }).click();
    await pane.getByRole('button', { name: /^原表本身不相符的关系（\d+）$/ }).click();
    await expect(pane.getByTestId('round-input-gap-list').textContent()).resolves.toContain('收入总表!D13 款 20805 合计：差额 0.01 万元');
    const o = await overflow(page);
    expect({ ...o, over: o.over.slice(0, 5) }).toEqual({ scrollWidth: o.clientWidth, clientWidth: o.clientWidth, over: [] });
    await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'pane-round-450.png') });
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-round-sheets.png') });

    await pane.getByRole('button', { name: /^撤销：删除新增的工作表/ }).click();
    await pane.getByTestId('round-batches').waitFor({ state: 'detached' });
    expect(await sheetNames(page)).toEqual(names);
    // The user's sheets were never written: the workbook is what it was (the marks of no validation, no notes).
    expect(await everyCell(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
