// End to end in a real headless Chromium: the 情况说明 tab of the built pane in the playground, at 320 px. Its chunk
// (narrative.js) and ExcelJS's (xlsx.js) are fetched only when used; the draft is copied to the real clipboard;
// last year's workbook is picked through the file input and read in the browser; a pasted text with one changed
// figure gives that finding, whose button selects its cell; the workbook's cells are never changed.
// Screenshot: test-artifacts/pane-narrative.png.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeXlsx } from '../../cli/write';
import { ALL_KINDS } from '../../src/table';
import { ARTIFACTS, e2eSuite, launch, openPane, type Session } from '../helpers/playground-browser';
import { FIXTURES, fixtureGrid } from '../helpers/fixtures';

const suite = e2eSuite;

jest.setTimeout(240_000);

const PUBLISHED = readFileSync(join(FIXTURES, 'seed-004', 'narrative.txt'), 'utf8');

type PlaygroundWindow = Window & { playground: { excel: { selection: { sheet: string; boxes: Array<{ row: number; col: number }> }; activeSheet: string; sheets: Array<{ name: string; cells: Map<string, { value: unknown }> }> } } };

suite('情况说明 in a real browser (playground, 320 px pane)', () => {
  let session: Session | undefined;
  let page: Page;
  let errors: string[] = [];
  let fetched: string[] = [];

  beforeAll(async () => {
    session = await launch();
    ({ page, errors, fetched } = await openPane(session, { viewport: { width: 1100, height: 1900 }, clipboard: true }));
    // The pane as Office opens it at its narrowest.
    await page.addStyleTag({ content: '.pane { width: 320px !important; }' });
  });

  afterAll(async () => {
    await session?.close();
  });

  const pane = () => page.locator('#root');
  const cells = () => page.evaluate(() => JSON.stringify((window as unknown as PlaygroundWindow).playground.excel.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value])])));

  test('the chunks are not part of the first load', () => {
    expect(fetched.filter((p) => /^(narrative|xlsx)\.js$/.test(p))).toEqual([]);
  });

  test('生成 then 复制: the six paragraphs, on the clipboard as text', async () => {
    await pane().getByRole('tab', { name: '情况说明' }).click();
    await pane().getByRole('button', { name: '生成', exact: true }).click();
    const draft = pane().getByTestId('narrative-draft');
    await draft.waitFor();
    expect(fetched.filter((p) => p === 'narrative.js')).toHaveLength(1);
    await expect(draft.textContent()).resolves.toContain('2025年支出预算870.37万元，其中基本支出694.07万元，包括人员经费694.07万元和日常公用经费0.00万元；项目支出176.30万元');
    await pane().getByRole('button', { name: '复制', exact: true }).click();
    await pane().getByText('已复制到剪贴板。').waitFor();
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip.split('\n').filter((l) => /^[一二三四五六]、/.test(l))).toEqual(['一、收入说明', '二、支出说明', '三、机关运行经费安排情况', '四、财政拨款"三公"经费预算情况', '五、政府采购预算情况', '六、国有资产信息']);
  });

  test('last year\'s workbook picked as a file (平乡 2024): xlsx.js fetched, the draft with 比上年增减', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-previous-'));
    const kinds = ALL_KINDS.filter((k) => existsSync(join(FIXTURES, 'seed-000', `${k}.tsv`)));
    const file = join(dir, '2024年部门预算.xlsx');
    writeFileSync(file, await writeXlsx(kinds.map((k) => ({ name: k, grid: fixtureGrid('000', k) }))));
    await pane().getByTestId('previous-file').setInputFiles(file);
    await pane().getByText('上年工作簿：2024年部门预算.xlsx（2024 年）').waitFor();
    expect(fetched.filter((p) => p === 'xlsx.js')).toHaveLength(1);
    await pane().getByText(/2025年预算收入870\.37万元，比上年增加382\.57万元，增长78\.43%/).waitFor();
  });

  test('核对 a pasted text with one changed figure: that error (and the wrong 持平 against last year); its button selects 支出总表!E8; screenshot', async () => {
    const before = await cells();
    await pane().getByRole('textbox', { name: '情况说明文字' }).fill(PUBLISHED.replace('其中基本支出694.07万元', '其中基本支出649.07万元'));
    await pane().getByRole('button', { name: '核对', exact: true }).click();
    await pane().getByTestId('check-summary').waitFor();
    const items = pane().getByTestId('narrative-finding');
    const texts = await items.allTextContents();
    expect(texts.filter((x) => x.includes('基本支出 649.07万元，表中为 694.07万元'))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('说"三公"经费与上年持平，但表中本年 0.00万元、上年 0.16万元'))).toHaveLength(1);
    await items.filter({ hasText: '基本支出 649.07万元' }).getByRole('button', { name: '定位到 支出总表!E8' }).click();
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).playground.excel.activeSheet === '支出总表');
    const sel = await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.excel.selection);
    expect([sel.sheet, sel.boxes[0]]).toEqual(['支出总表', expect.objectContaining({ row: 7, col: 4 })]);
    // Nothing written: every cell as it was.
    expect(await cells()).toBe(before);
    // Nothing wider than the pane: no sideways scrolling at 320 px.
    const overflow = await pane().evaluate((root) => root.scrollWidth - root.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('.pane').screenshot({ path: join(ARTIFACTS, 'pane-narrative.png') });
  });

  test('no script errors on the page', () => {
    expect(errors).toEqual([]);
  });
});
