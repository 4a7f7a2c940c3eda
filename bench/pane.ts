// The task pane's figures: first-load bundle size of the built add-in page, the time from opening the pane
// (navigation) to rendered findings for the sample in the playground, in Debian's Chromium, and validate →
// findings measured inside the page (click to the findings painted), first and warm. The peer,
// measured in the same run: the same validation by the engine alone in this Node process, so the ratio is
// what the browser, Office round trips (in-memory here) and React add to the check itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { readXlsx } from '../cli/xlsx';
import { checkWorkbook } from '../src/engine';

export interface PaneFigures {
  /** gzip bytes of what the pane page loads: taskpane.html and the bundles it lists (core.js, functions.js, taskpane.js; office.js and the webview check apart). */
  readonly firstLoadGzip?: number;
  readonly paneGzip?: number;
  /** Medians over fresh pages (nothing cached); undefined without Chromium. */
  readonly readyMs?: number;
  readonly toFindingsMs?: number;
  /** The first 校验工作簿 of a fresh page: click → findings painted, measured inside the page. */
  readonly firstValidateMs?: number;
  /** 重新校验 on a page that has validated before (the code warm, as after an edit): median of `warmRuns`. */
  readonly validateMs?: number;
  /** Each warm run, in order, for the spread. */
  readonly warmMs?: readonly number[];
  readonly engineMs: number;
  readonly runs: number;
  readonly warmRuns?: number;
  readonly note?: string;
}

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function gz(path: string): number | undefined {
  return existsSync(path) ? gzipSync(readFileSync(path)).length : undefined;
}

/**
 * The add-in's own bundles a built page lists, in order (office.js and the small webview check apart): what a
 * first load fetches besides the page, whatever chunks webpack split them into.
 */
export function pageBundles(addinDir: string, page: string): string[] {
  const html = readFileSync(join(addinDir, page), 'utf8');
  return [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)]
    .map((m) => m[1].replace(/^.*\//, ''))
    .filter((f, i, all) => f.endsWith('.js') && !/^(office|probe|check)\.js$/.test(f) && all.indexOf(f) === i);
}

/** gzip bytes of files of the built add-in, or undefined when one is missing. */
export function gzTotal(addinDir: string, files: readonly string[]): number | undefined {
  let total = 0;
  for (const f of files) {
    const n = gz(join(addinDir, f));
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

/** Starts `npm run playground` as a child (it builds when stale) and resolves with its URL. */
function startPlayground(root: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const tsx = require.resolve('tsx/cli', { paths: [root] });
    const child = spawn(process.execPath, [tsx, join(root, 'scripts', 'playground.ts'), '--port', '0', '--no-build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ url: m[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`playground exited (${String(code)}): ${out.slice(-500)}`)));
  });
}

/**
 * Run inside the page: clicks 校验工作簿 (or 重新校验) and resolves with the milliseconds from the click to the new
 * result's findings painted — the task after the frame that drew them — as the page's own clock reads them. A new
 * result is told by the summary's data-checked (its time); -1 when none comes within 10 s. A string, so nothing
 * of this process's compiled helpers is sent to the page.
 */
const CLICK_TO_FINDINGS = `new Promise((resolve) => {
  const root = document.getElementById('root');
  const button = [...root.querySelectorAll('button')].find((b) => /^(校验工作簿|重新校验)$/.test((b.textContent || '').trim()));
  if (!button || button.disabled) { resolve(-1); return; }
  const checked = () => root.querySelector('[data-testid="summary"]')?.getAttribute('data-checked') ?? '';
  const before = checked();
  let done = false;
  const give = setTimeout(() => { done = true; observer.disconnect(); resolve(-1); }, 10000);
  const observer = new MutationObserver(() => {
    if (done || checked() === before || !root.querySelector('[data-testid="finding"]')) return;
    done = true;
    observer.disconnect();
    clearTimeout(give);
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-checked'] });
  const t0 = performance.now();
  button.click();
})`;

/** Run inside the page: resolves when no validation is running (校验工作簿 / 重新校验 offered again). */
const IDLE = `new Promise((resolve) => {
  const until = Date.now() + 10000;
  const poll = () => {
    const idle = [...document.querySelectorAll('#root button')].some((b) => /^(校验工作簿|重新校验)$/.test((b.textContent || '').trim()) && !b.disabled);
    if (idle || Date.now() > until) setTimeout(() => resolve(idle), 200);
    else setTimeout(poll, 20);
  };
  poll();
})`;

export async function measurePane(root: string, addinDir: string, samplePath: string, runs = 5, warmRuns = 15): Promise<PaneFigures> {
  const html = gz(join(addinDir, 'taskpane.html'));
  const bundles = html === undefined ? undefined : gzTotal(addinDir, pageBundles(addinDir, 'taskpane.html'));
  const pane = gz(join(addinDir, 'taskpane.js'));
  const firstLoadGzip = html !== undefined && bundles !== undefined ? html + bundles : undefined;

  const sample = await readXlsx(readFileSync(samplePath));
  const engineTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    checkWorkbook(sample);
    engineTimes.push(performance.now() - t);
  }
  const engineMs = median(engineTimes);
  if (!CHROMIUM) return { firstLoadGzip, paneGzip: pane, engineMs, runs: 0, note: 'Chromium not found (apt-get install chromium): pane timing skipped' };

  // playwright-core is a development dependency: loaded only here.
  const { chromium } = await import('playwright-core');
  const { url, child } = await startPlayground(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const ready: number[] = [];
  const found: number[] = [];
  const first: number[] = [];
  const warm: number[] = [];
  const inPage = async (page: import('playwright-core').Page, script: string): Promise<number> => {
    const ms = await page.evaluate(script) as number;
    if (ms < 0) throw new Error('the pane showed no findings within 10 s');
    return ms;
  };
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context per run: nothing cached, like opening the pane for the first time.
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('#root').getByRole('button', { name: '校验工作簿' }).waitFor();
      const readyAt = await page.evaluate('performance.now()') as number;
      const ms = await inPage(page, CLICK_TO_FINDINGS);
      ready.push(readyAt);
      first.push(ms);
      found.push(readyAt + ms);
      // The last fresh page goes on: 重新校验 again and again, as after edits, each once the last run is over.
      if (i === runs - 1) {
        for (let k = 0; k < warmRuns; k++) {
          await page.evaluate(IDLE);
          warm.push(await inPage(page, CLICK_TO_FINDINGS));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  return { firstLoadGzip, paneGzip: pane, readyMs: median(ready), toFindingsMs: median(found), firstValidateMs: median(first), validateMs: median(warm), warmMs: warm, engineMs, runs, warmRuns };
}
