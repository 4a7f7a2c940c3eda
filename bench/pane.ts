// The task pane's figures: first-load bundle size of the built add-in page, and the time from opening the
// pane (navigation) to rendered findings for the sample in the playground, in Debian's Chromium. The peer,
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
  /** Median over runs; undefined without Chromium. */
  readonly readyMs?: number;
  readonly toFindingsMs?: number;
  readonly validateMs?: number;
  readonly engineMs: number;
  readonly runs: number;
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

export async function measurePane(root: string, addinDir: string, samplePath: string, runs = 5): Promise<PaneFigures> {
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
  const validate: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context per run: nothing cached, like opening the pane for the first time.
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(url);
      const button = page.locator('#root').getByRole('button', { name: '校验工作簿' });
      await button.waitFor();
      const readyAt = await page.evaluate(() => window.performance.now());
      await button.click();
      await page.locator('#root [data-testid="finding"]').first().waitFor();
      const foundAt = await page.evaluate(() => window.performance.now());
      ready.push(readyAt);
      found.push(foundAt);
      validate.push(foundAt - readyAt);
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
  return { firstLoadGzip, paneGzip: pane, readyMs: median(ready), toFindingsMs: median(found), validateMs: median(validate), engineMs, runs };
}
