// Which cell is wrong, end to end in a real headless Chromium (Debian's, driven by playwright-core): the built
// pane in the playground loads its solver chunk and highs.wasm only after a validation with errors, shows the
// likely wrong cell first, writes the suggested value only on 采用建议值 and puts the cell back exactly on 撤销.
// Screenshot: test-artifacts/pane-causes.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Playground } from '../../scripts/playground';
import { ARTIFACTS, e2eSuite, launch, openPane, violations, type Session } from '../helpers/playground-browser';

const suite = e2eSuite;

jest.setTimeout(240_000);

interface Cell { value: unknown; text: string; numberFormat: string; formula?: string; fill: { color: string; pattern: string } }
type PlaygroundWindow = Window & { playground: { excel: { cellAt(sheet: string, a: string): Cell | undefined; edit(sheet: string, a: string, v: number): void } } };

suite('which cell is wrong, in a real browser (playground)', () => {
  let server: Playground;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  /** The add-in's files the page asked for, by name. */
  let fetched: string[] = [];

  let session: Session | undefined;

  beforeAll(async () => {
    session = await launch();
    ({ server, browser } = session);
    ({ page, errors, fetched } = await openPane(session, { warnings: true }));
  });

  afterAll(async () => {
    await session?.close();
  });

  const pane = () => page.locator('#root');
  const cellAt = (sheet: string, address: string) => page.evaluate(([s, a]) => (window as unknown as PlaygroundWindow).playground.excel.cellAt(s, a), [sheet, address] as const);

  test('the first load and a validation with 尾差 only never fetch the solver', async () => {
    expect(fetched).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js']));
    await pane().getByRole('button', { name: '校验工作簿' }).click();
    // 3 尾差 and the 3 提示 of the sample's 项目绩效目标表 (as published).
    await page.waitForFunction(() => document.querySelectorAll('#root [data-testid="finding"]').length === 6);
    expect(fetched.filter((f) => /solver|wasm/.test(f))).toEqual([]);
    expect(await pane().getByTestId('causes').count()).toBe(0);
  });

  let planted: Cell | undefined;

  test('a planted error (支出总表 2080505 typed 192.48 for 129.48): the solver is fetched, and the cell is shown first', async () => {
    await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.edit('支出总表', 'D16', 192.48));
    await pane().getByRole('button', { name: '重新校验' }).click();
    const cause = pane().getByTestId('cause').first();
    await cause.waitFor();
    expect(fetched.filter((f) => /solver|wasm/.test(f))).toEqual(['solver.js', 'highs.wasm']);
    await expect(cause.getAttribute('data-cell')).resolves.toBe('支出总表!D16');
    await expect(cause.textContent()).resolves.toContain('D16 很可能填错：应为 129.48（现为 192.48）— 改这一格可消除 3 处不平（表内 2 处、表间 1 处）');
    // Located step by step on the page's clock, well within its budget: no failure is left without its cause.
    expect(await pane().getByTestId('location-unlocated').count()).toBe(0);
    // First: above every finding listed by table.
    const causeFirst = await page.evaluate(() => {
      const c = document.querySelector('#root [data-testid="cause"]');
      const f = document.querySelector('#root [data-testid="finding"]');
      return c !== null && f !== null && (c.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(causeFirst).toBe(true);
    // Its three errors are folded under it; unfolded, they are listed there, still clickable.
    await cause.getByRole('button', { name: '对应的校验结果（3 条）' }).click();
    await expect(cause.getByTestId('finding').count()).resolves.toBe(3);
    // A cause selects its cell.
    await cause.getByTitle('定位到 支出总表!D16').first().click();
    await page.waitForFunction(() => {
      const excel = (window as unknown as { playground: { excel: { activeSheet: string; selection: { sheet: string; boxes: Array<{ row: number; col: number }> } } } }).playground.excel;
      return excel.activeSheet === '支出总表' && excel.selection.boxes[0]?.row === 15 && excel.selection.boxes[0]?.col === 3;
    });
    planted = await cellAt('支出总表', 'D16');
    expect(planted).toMatchObject({ value: 192.48, text: '192.48', numberFormat: '#,##0.00' });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'pane-causes.png') });
  });

  test('accessibility: axe-core finds no serious or critical violation in the causes view', async () => {
    expect(await violations(page)).toEqual([]);
  });

  test('采用建议值 writes 129.48 into D16 only; 撤销 puts the cell back exactly', async () => {
    const before = await page.evaluate(() => {
      const out: Record<string, unknown> = {};
      const excel = (window as unknown as { playground: { excel: { sheets: Array<{ name: string; cells: Map<string, unknown> }> } } }).playground.excel;
      for (const s of excel.sheets) for (const [k, c] of s.cells) out[`${s.name}!${k}`] = JSON.parse(JSON.stringify(c)) as unknown;
      return out;
    });
    await pane().getByRole('button', { name: '采用建议值：把 支出总表!D16 改为 129.48' }).click();
    await pane().getByTestId('applied').waitFor();
    await expect(pane().getByTestId('applied').textContent()).resolves.toContain('支出总表!D16：192.48 → 129.48');
    expect(await cellAt('支出总表', 'D16')).toMatchObject({ value: 129.48, text: '129.48', numberFormat: '#,##0.00' });
    await page.locator('.sheet-tabs').getByRole('tab', { name: '支出总表', exact: true }).click();
    await expect(page.locator('[data-sheet="支出总表"] td[data-address="D16"]').textContent()).resolves.toBe('129.48');
    // Validated again: no error is left, so no cause either.
    await page.waitForFunction(() => document.querySelectorAll('#root [data-testid="cause"]').length === 0 && document.querySelectorAll('#root [data-grade="error"]').length === 0);
    await page.screenshot({ path: join(ARTIFACTS, 'pane-applied.png') });

    await pane().getByRole('button', { name: '撤销：恢复 支出总表!D16 原来的内容' }).click();
    await pane().getByTestId('applied').waitFor({ state: 'detached' });
    await pane().getByTestId('cause').first().waitFor();
    expect(await cellAt('支出总表', 'D16')).toEqual(planted);
    const after = await page.evaluate(() => {
      const out: Record<string, unknown> = {};
      const excel = (window as unknown as { playground: { excel: { sheets: Array<{ name: string; cells: Map<string, unknown> }> } } }).playground.excel;
      for (const s of excel.sheets) for (const [k, c] of s.cells) out[`${s.name}!${k}`] = JSON.parse(JSON.stringify(c)) as unknown;
      return out;
    });
    // Every cell of the workbook as before 采用建议值 (the marks too: the same run's marks are back).
    expect(after).toEqual(before);
  });

  test('English: the same cause in English', async () => {
    await pane().getByRole('button', { name: 'English' }).click();
    await expect(pane().getByTestId('cause').first().textContent()).resolves.toContain('D16 is very likely wrong: it should be 129.48 (now 192.48) — changing this one cell resolves 3 failures (2 within tables, 1 between tables)');
    await pane().getByRole('button', { name: '中文' }).click();
  });

  test('where the solver cannot be fetched, the findings stay and a note says so', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    try {
      await other.route('**/highs.wasm', (r) => r.abort());
      await other.goto(server.url);
      await other.waitForSelector('html[data-playground="ready"]');
      await other.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.edit('支出总表', 'D16', 192.48));
      await other.locator('#root').getByRole('button', { name: '校验工作簿' }).click();
      await other.locator('#root [data-testid="location-failed"]').waitFor();
      await expect(other.locator('#root [data-testid="location-failed"]').textContent()).resolves.toBe('未能计算可能填错的单元格（此环境无法运行定位组件）。下列校验结果完整，不受影响。');
      // The planted error's 3 failures, the 3 尾差 and the 3 提示 of the 项目绩效目标表.
      expect(await other.locator('#root [data-testid="finding"]').count()).toBe(9);
      expect(await other.locator('#root [data-testid="cause"]').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  test('no script errors or warnings on the page', () => {
    expect(errors).toEqual([]);
  });
});
