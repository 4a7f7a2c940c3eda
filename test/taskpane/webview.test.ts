/**
 * @jest-environment jsdom
 */
import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'taskpane', 'webview');
const PROBE = readFileSync(join(DIR, 'probe.js'), 'utf8');
const CHECK = readFileSync(join(DIR, 'check.js'), 'utf8');

type Win = Window & { budgetCheckWebview?: { modern: number }; budgetCheckUnsupportedWebview?: boolean; validateWorkbook?: unknown; clearMarks?: unknown; CSS?: unknown };

function page(): void {
  document.body.innerHTML = '<main id="root"><h1>预算表校核助手</h1></main>';
  const w = window as Win;
  delete w.budgetCheckWebview;
  delete w.budgetCheckUnsupportedWebview;
  delete w.validateWorkbook;
  delete w.clearMarks;
}

/** Runs a script as a classic <script> of the page would (global scope). */
function run(source: string): void {
  new Function(source)();
}

describe('the webview check (taskpane/webview): a message where the bundles cannot run', () => {
  test('check.js is ES5 (it must run in Internet Explorer 11); probe.js needs ES2020, as the bundles do', () => {
    expect(() => parse(CHECK, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(PROBE, { ecmaVersion: 2019 })).toThrow();
    expect(() => parse(PROBE, { ecmaVersion: 2020 })).not.toThrow();
  });

  test('a modern webview: the probe sets its flag and the check changes nothing', () => {
    page();
    (window as Win).CSS = { supports: () => true };
    run(PROBE);
    expect((window as Win).budgetCheckWebview).toEqual({ modern: 1 });
    run(CHECK);
    expect((window as Win).budgetCheckUnsupportedWebview).toBeUndefined();
    expect(document.getElementById('root')!.textContent).toBe('预算表校核助手');
    expect((window as Win).validateWorkbook).toBeUndefined();
  });

  test('Internet Explorer 11 / Edge Legacy (the probe did not run): the pane says why, in both languages, and the ribbon completes', () => {
    page();
    (window as Win).CSS = undefined;
    run(CHECK);
    const w = window as Win;
    expect(w.budgetCheckUnsupportedWebview).toBe(true);
    const root = document.getElementById('root')!;
    expect(root.getAttribute('data-unsupported-webview')).toBe('true');
    const [zh, en] = [...root.querySelectorAll('section')];
    expect(zh.getAttribute('lang')).toBe('zh-CN');
    expect(zh.getAttribute('role')).toBe('alert');
    expect(zh.textContent).toContain('无法运行预算表校核助手');
    expect(zh.textContent).toContain('WebView2');
    expect(zh.textContent).toContain('budget-check');
    expect(en.getAttribute('lang')).toBe('en');
    expect(en.textContent).toContain('cannot run the Budget Table Assistant');
    let completed = 0;
    (w.validateWorkbook as (e: { completed(): void }) => void)({ completed: () => { completed++; } });
    (w.clearMarks as (e: { completed(): void }) => void)({ completed: () => { completed++; } });
    expect(completed).toBe(2);
  });

  test('a webview that parses the bundles but has no CSS custom properties (the pane\'s styles) is not enough', () => {
    page();
    (window as Win).CSS = { supports: () => false };
    run(PROBE);
    run(CHECK);
    expect((window as Win).budgetCheckUnsupportedWebview).toBe(true);
  });
});
