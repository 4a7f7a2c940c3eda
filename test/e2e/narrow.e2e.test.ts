// The pane at Excel's real task-pane widths (320 px, the default, and 450 px), in a real Chromium over the
// playground: nothing scrolls sideways on any tab, five findings show above the fold on the sample with an error
// planted, and the findings can be walked with the keyboard alone. Screenshots: test-artifacts/pane-320-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, e2eSuite, launch, openPane, overflow, type Session } from '../helpers/playground-browser';

const suite = e2eSuite;

jest.setTimeout(240_000);

type PlaygroundWindow = Window & { playground: { excel: { edit(sheet: string, a: string, v: number): void; selection: { sheet: string; boxes: Array<{ row: number; col: number }> } } } };


/**
 * Buttons whose label wraps inside a word (插入编/码): the lines of a label's visible text, when more than one, must
 * break at a space. Icons apart, and the hidden bold copy a Fluent tab keeps to reserve its width.
 */
async function brokenLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#root button, #root [role="tab"]')].filter((b) => {
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    const tops = new Set<number>();
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || getComputedStyle(parent).visibility === 'hidden' || (n.textContent ?? '').trim() === '') continue;
      text += n.textContent;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top / 4));
    }
    return text.trim() !== '' && !/\s/.test(text.trim()) && tops.size > 1;
  }).map((b) => (b.textContent ?? '').trim()));
}

suite.each([320, 450])('task pane at %i px', (width) => {
  let session: Session | undefined;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    session = await launch();
    ({ page, errors } = await openPane(session, { paneWidth: width }));
    // The acceptance workbook's error: 支出总表 2080505 typed 192.48 for 129.48.
    await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.edit('支出总表', 'D16', 192.48));
  });

  afterAll(async () => {
    await session?.close();
  });

  const pane = () => page.locator('#root');

  test('validate: the verdict in one line, both sides of the 表间 error named, five findings above the fold', async () => {
    expect(await page.locator('#pane').evaluate((p) => Math.round(p.getBoundingClientRect().width))).toBe(width);
    await pane().getByRole('button', { name: '校验工作簿' }).click();
    await pane().getByTestId('verdict').waitFor();
    await expect(pane().getByTestId('verdict').textContent()).resolves.toBe('3 处错误须修改；3 处尾差可说明；3 条提示');
    // The wrong cell first, its three findings folded under it.
    const cause = pane().getByTestId('cause');
    await cause.waitFor();
    await expect(cause.getByTestId('finding').count()).resolves.toBe(0);
    // Above the fold: the findings whose bottom is inside the pane's visible height, before any scrolling.
    const visible = await page.evaluate(() => {
      const root = document.getElementById('root')!;
      const bottom = root.getBoundingClientRect().bottom;
      return [...root.querySelectorAll('[data-testid="finding"]')].filter((f) => f.getBoundingClientRect().bottom <= bottom).length;
    });
    expect(visible).toBeGreaterThanOrEqual(5);
    if (width === 320) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.locator('#pane').screenshot({ path: join(ARTIFACTS, 'pane-320-findings.png') });
    }
    await cause.getByRole('button', { name: '对应的校验结果（3 条）' }).click();
    const between = cause.getByTestId('finding').filter({ hasText: '表间' });
    await expect(between.getByTestId('equation').textContent()).resolves.toContain('支出总表 D16 192.48 ≠ 收入总表 D16 129.48');
    // Both sides of the 表间 relation can be gone to.
    await between.getByRole('button', { name: '收入总表 D16', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).playground.excel.selection.sheet === '收入总表');
    await between.getByRole('button', { name: '支出总表 D16', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).playground.excel.selection.sheet === '支出总表');
    const toolbar = await pane().getByRole('toolbar').evaluate((t) => [...t.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(toolbar).size).toBe(1);
  });

  test('no horizontal scroll and no label broken inside a word, on every tab', async () => {
    // Every tab the pane has (a Fluent tab keeps a hidden bold copy of its label: the visible text is its name).
    const tabs = await pane().getByRole('tab').evaluateAll((all) => all.map((t) => (t as HTMLElement).innerText.trim()));
    expect(tabs).toEqual(expect.arrayContaining(['校验结果', '科目查询', '科目目录']));
    for (const tab of tabs) {
      await pane().getByRole('tab', { name: tab, exact: true }).click();
      if (tab === '科目查询') await pane().getByRole('searchbox').fill('行政运行');
      // A tab loaded on first use (舍位平衡) is measured once it shows, not its spinner.
      await page.waitForFunction(() => document.querySelector('#root main .fui-Spinner') === null);
      const o = await overflow(page);
      expect({ tab, ...o, over: o.over.slice(0, 5) }).toEqual({ tab, scrollWidth: o.clientWidth, clientWidth: o.clientWidth, over: [] });
      expect({ tab, broken: await brokenLabels(page) }).toEqual({ tab, broken: [] });
      if (width === 320) await page.locator('#pane').screenshot({ path: join(ARTIFACTS, `pane-320-${tab}.png`) });
    }
    await pane().getByRole('tab', { name: '校验结果' }).click();
  });

  test('keyboard only: Home to the first finding (its cause unfolds), ↓ to the next (its cells selected), → 说明, type, Esc back', async () => {
    // The cell a focused finding goes to (its tooltip) is the one selected in the sheet.
    const selected = () => page.waitForFunction(() => {
      const m = /([^ ]+)!([A-Z]+)(\d+)/.exec(document.activeElement?.getAttribute('title') ?? '');
      const { sheet, boxes } = (window as unknown as PlaygroundWindow).playground.excel.selection;
      const col = m ? [...m[2]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1 : -1;
      return m !== null && sheet === m[1] && boxes.some((b) => b.row === Number(m[3]) - 1 && b.col === col);
    });
    // The cause folded (as after switching tabs): the walk must open it.
    const cause = pane().getByTestId('cause');
    const fold = cause.getByRole('button', { name: '对应的校验结果（3 条）' });
    if ((await fold.getAttribute('aria-expanded')) === 'true') await fold.click();
    await expect(cause.getByTestId('finding').count()).resolves.toBe(0);
    // The first finding listed below the cause: one Tab stop, the arrow keys walk from it.
    const first = pane().locator('section[aria-label="尾差（可说明）"] [data-testid="finding"] button[data-row]').first();
    await first.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="cause"]') !== null && document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('aria-current') === 'true');
    await expect(pane().getByTestId('position').textContent()).resolves.toBe('1/9');
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('data-grade'))).resolves.toBe('error');
    await selected();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('#root [data-testid="position"]')?.textContent === '2/9' && document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('aria-current') === 'true');
    await selected();
    // Walk down to the first 尾差 (an error cannot be explained), open 说明 with →, Enter.
    for (let i = 3; i <= 9; i++) {
      const grade = await page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('data-grade'));
      if (grade === 'rounding') break;
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((n) => document.querySelector('#root [data-testid="position"]')?.textContent === `${n}/9` && document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('aria-current') === 'true', i);
    }
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.getAttribute('data-grade'))).resolves.toBe('rounding');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('尾差');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-row') === true);
    expect(await pane().locator('textarea').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
