// The end-to-end tests' browser: Debian's Chromium (playwright-core) on the built playground, one server and one
// browser per test file, pages opened with what the tests watch (script errors, the add-in's files fetched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../scripts/playground';
import { CHROMIUM_ARGS, findChromium } from './browser';

export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

const executablePath = findChromium();
if (!executablePath) {
  console.warn('未找到 Chromium，跳过端到端测试（sudo apt-get install chromium）。/ Chromium not found: end-to-end tests skipped (sudo apt-get install chromium).');
}

/** `describe` for an end-to-end file: skipped without Chromium, except where REQUIRE_BROWSER=1 (CI must not pass by skipping). */
export const e2eSuite = executablePath || process.env.REQUIRE_BROWSER === '1' ? describe : describe.skip;

export interface Session {
  readonly server: Playground;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** The playground (already built: `build: false`) and a headless Chromium for it. */
export async function launch(): Promise<Session> {
  if (!executablePath) throw new Error('Chromium not found (REQUIRE_BROWSER=1): sudo apt-get install chromium');
  const server = await startPlayground({ port: 0, build: false });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    server, browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface Watched {
  readonly page: Page;
  /** Uncaught exceptions and console errors (and warnings, when asked) of the page. */
  readonly errors: string[];
  /** The add-in's files the page asked for, by path under the playground (`taskpane.js`, `solver.js`…). */
  readonly fetched: string[];
}

export interface OpenOptions {
  /** The pane's width in the playground (Excel's narrowest is about 320 px); the default is the playground's. */
  readonly paneWidth?: number;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Count console warnings as errors too. */
  readonly warnings?: boolean;
  /** Let the page use the real clipboard. */
  readonly clipboard?: boolean;
}

/** Opens the playground in a new page and waits until its pane is ready. */
export async function openPane(session: Session, options: OpenOptions = {}): Promise<Watched> {
  const context: BrowserContextOptions = { viewport: options.viewport ?? { width: 1280, height: 860 }, locale: 'zh-CN' };
  const ctx = await session.browser.newContext(context);
  if (options.clipboard) await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url.replace(/\/$/, '') });
  const page = await ctx.newPage();
  const errors: string[] = [];
  const fetched: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || (options.warnings && m.type() === 'warning')) errors.push(m.text());
  });
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  await page.goto(options.paneWidth === undefined ? session.server.url : `${session.server.url}?paneWidth=${options.paneWidth}`);
  await page.waitForSelector('html[data-playground="ready"]');
  return { page, errors, fetched };
}

/** Every element of the pane that reaches past its right edge, and the pane's own scroll and client widths. */
export async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; over: string[] }> {
  return page.evaluate(() => {
    const root = document.getElementById('root')!;
    const right = root.getBoundingClientRect().right;
    const over: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 && b.right > right + 1 && !el.closest('[data-tabster-dummy]')) over.push(`${el.tagName} ${(el.textContent ?? '').slice(0, 20)} → ${Math.round(b.right - right)} px`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, over };
  });
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations in the pane: what a finance user of a screen reader or the keyboard would hit. */
export async function violations(page: Page): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    // Tabster's focus guards (<i data-tabster-dummy>) are invisible helpers that hand focus on.
    const r = await axe.run({ include: [['#root']], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
