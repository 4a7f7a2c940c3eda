// End to end in a real headless Chromium (Debian's, driven by playwright-core): the built task pane in the
// playground, over the in-memory Excel. Screenshot: test-artifacts/pane-findings.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Playground } from '../../scripts/playground';
import { MARK_COLORS } from '../../taskpane/office/marks';
import { ARTIFACTS, e2eSuite, launch, openPane, violations, type Session } from '../helpers/playground-browser';

const suite = e2eSuite;

jest.setTimeout(240_000);

interface Fill { color: string; pattern: string }
type PlaygroundWindow = Window & { playground: { excel: { fillAt(sheet: string, a: string): Fill; setFill(sheet: string, a: string, f: Partial<Fill>): void; selection: { sheet: string; boxes: Array<{ row: number; col: number }> }; activeSheet: string } } };

suite('task pane in a real browser (playground)', () => {
  let server: Playground;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  let session: Session | undefined;

  beforeAll(async () => {
    session = await launch();
    ({ server, browser } = session);
    const opened = await openPane(session);
    page = opened.page;
    errors = opened.errors;
  });

  afterAll(async () => {
    await session?.close();
  });

  const pane = () => page.locator('#root');
  const fillAt = (sheet: string, address: string) => page.evaluate(([s, a]) => (window as unknown as PlaygroundWindow).playground.excel.fillAt(s, a), [sheet, address] as const);

  test('validate the sample: 3 rounding findings (款 20805 in three tables) and the 项目绩效目标表\'s 3 notes; screenshot', async () => {
    // A fill of the user's own on a cell that will be marked: 清除标记 must bring it back exactly.
    await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.setFill('收入总表', 'E13', { color: '#FFFF00', pattern: 'Solid' }));
    await pane().getByRole('button', { name: '校验工作簿' }).click();
    await pane().getByTestId('finding').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#root [data-testid="finding"]').length === 6);
    const d13 = pane().getByTestId('finding').filter({ hasText: '收入总表!D13' });
    // As an 审核公式 result: the subject by name, the equation with its terms' codes, the difference in the table's unit.
    await expect(d13.textContent()).resolves.toMatch(/尾差[\s\S]*款 20805 行政事业单位养老支出：合计、本年收入小计、财政拨款收入 536\.45 ≠ 2080501 \+ 2080502 \+ 2080505 \+ 2080506 = 536\.44（差额 0\.01 万元）/);
    expect(await pane().getByTestId('count-rounding').textContent()).toContain('3');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'pane-findings.png') });
    await pane().screenshot({ path: join(ARTIFACTS, 'pane-only.png') });
  });

  test('the marks show in the sheet in the rounding colour', async () => {
    expect((await fillAt('收入总表', 'D13')).color).toBe(MARK_COLORS.rounding);
    await page.locator('.sheet-tabs').getByRole('tab', { name: '收入总表', exact: true }).click();
    const bg = await page.locator('[data-sheet="收入总表"] td[data-address="D13"]').evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(bg).toBe('rgb(169, 212, 245)'); // #A9D4F5
  });

  test('clicking the finding activates its sheet and selects the total with its terms', async () => {
    await page.locator('.sheet-tabs').getByRole('tab', { name: '收支总表', exact: true }).click();
    await pane().getByTestId('finding').filter({ hasText: '收入总表!D13' }).getByRole('button').first().click();
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).playground.excel.activeSheet === '收入总表');
    const sel = await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.selection);
    expect(sel.sheet).toBe('收入总表');
    expect(sel.boxes[0]).toMatchObject({ row: 12, col: 3 });
    expect(sel.boxes.length).toBeGreaterThan(1);
    await expect(page.locator('.sheet-tabs').getByRole('tab', { name: '收入总表', exact: true }).getAttribute('aria-selected')).resolves.toBe('true');
  });

  test('清除标记 brings the original fills back', async () => {
    await pane().getByRole('button', { name: '清除标记' }).click();
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).playground.excel.fillAt('收入总表', 'D13').pattern === 'None');
    expect(await fillAt('收入总表', 'D13')).toMatchObject({ pattern: 'None' });
    expect(await fillAt('收入总表', 'E13')).toMatchObject({ color: '#FFFF00', pattern: 'Solid' });
    const e13 = await page.locator('[data-sheet="收入总表"] td[data-address="E13"]').evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(e13).toBe('rgb(255, 255, 0)');
    const bg = await page.locator('[data-sheet="收入总表"] td[data-address="D13"]').evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(bg).not.toBe('rgb(169, 212, 245)');
  });

  test('switch language to English and back', async () => {
    await pane().getByRole('button', { name: 'English' }).click();
    await pane().getByRole('button', { name: 'Validate again' }).waitFor();
    expect(await pane().getByTestId('finding').first().textContent()).toMatch(/Rounding/);
    await pane().getByRole('button', { name: '中文' }).click();
    await pane().getByRole('button', { name: '重新校验' }).waitFor();
  });

  test('accessibility: axe-core finds no serious or critical violation in the pane', async () => {
    expect(await violations(page)).toEqual([]);
  });

  test('follows Office: English UI language and the dark theme from the start', async () => {
    const other = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    try {
      await other.goto(`${server.url}?lang=en-US&theme=dark`);
      await other.waitForSelector('html[data-playground="ready"]');
      await other.locator('#root').getByRole('button', { name: 'Validate workbook' }).waitFor();
      const bg = await other.locator('#root .fui-FluentProvider > div').first().evaluate((d) => getComputedStyle(d).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      expect(r + g + b).toBeLessThan(3 * 80);
    } finally {
      await other.close();
    }
  });

  test('no script errors on the page', () => {
    expect(errors).toEqual([]);
  });
});
