import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { samplePath } from '../../cli/sample';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, isTTY: false });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'budget-check-'));

describe('budget-check check', () => {
  test('no path checks the bundled sample: 7 rounding warnings, exit 0', async () => {
    const r = await cli('check');
    expect(r.code).toBe(0);
    expect(r.out).toContain('9 张表，0 个错误，7 个警告（其中 7 个尾差），0 个提示');
    expect(r.out).toContain('⚠ [尾差] D13  款 20805 合计 536.45 ≠ 明细 536.44（差 0.01，尾差）');
  });

  test('--format json follows the documented shape', async () => {
    const r = await cli('check', '--format', 'json');
    const json = JSON.parse(r.out) as { files: Array<{ path: string; tables: Array<{ sheet: string; kind: string; range: string }>; findings: Array<Record<string, unknown>> }> };
    expect(json.files).toHaveLength(1);
    const f = json.files[0];
    expect(f.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'basic-expenditure', 'fund-expenditure', 'soe-expenditure', 'three-public']);
    expect(f.tables[1]).toEqual({ sheet: '收入总表', kind: 'income', range: 'A1:M27' });
    expect(f.findings[0]).toEqual({
      rule: 'hierarchy-sum', severity: 'warning', rounding: true, table: 'income', sheet: '收入总表',
      cells: ['D13', 'D14', 'D15', 'D16', 'D17'], reported: '536.45', computed: '536.44', difference: '0.01',
      message: '款 20805 合计 536.45 ≠ 明细 536.44（差 0.01，尾差）',
    });
  });

  test('--strict makes the rounding differences errors: exit 1; --lang en', async () => {
    const r = await cli('check', '--strict', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('7 errors, 0 warnings (0 rounding), 0 info');
  });

  test('--format html --out writes an escaped report', async () => {
    const out = join(tmp(), 'r.html');
    const r = await cli('check', '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('款 20805 合计 536.45 ≠ 明细 536.44');
    expect((html.match(/<tr class="warning">/g) ?? []).length).toBe(7);
  });

  test('a folder of workbooks, one unreadable and one missing path: the others are still checked, exit 2', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(samplePath(), join(dir, 'a.xlsx'));
    copyFileSync(samplePath(), join(dir, 'sub', 'b.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'this is not a zip');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const r = await cli('check', dir, join(dir, 'missing.xlsx'), '--format', 'json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: Array<{ path: string; error?: string; findings: unknown[] }> };
    expect(json.files.map((f) => [f.path.replace(dir, '<dir>'), f.error === undefined, f.findings.length])).toEqual([
      ['<dir>/missing.xlsx', false, 0],
      ['<dir>/a.xlsx', true, 7],
      ['<dir>/broken.xlsx', false, 0],
      ['<dir>/sub/b.xlsx', true, 7],
    ]);
    expect(json.files[2].error).toMatch(/^不是可读取的 .xlsx 文件/);
  });

  test('an old .xls workbook gets a message saying what to do', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.xls'), 'binary');
    const r = await cli('check', join(dir, 'old.xls'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('只支持 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx');
  });

  test('a progress bar on stderr when checking several files on a terminal', async () => {
    const dir = tmp();
    for (const n of ['a', 'b', 'c']) copyFileSync(samplePath(), join(dir, `${n}.xlsx`));
    let err = '';
    const code = await main(['check', dir], { stdout: () => undefined, stderr: (s) => { err += s; }, isTTY: true });
    expect(code).toBe(0);
    expect(err.split('\r').filter(Boolean).map((l) => l.trim())).toEqual([
      '[##########....................] 1/3', '[####################..........] 2/3', '[##############################] 3/3',
    ]);
  });

  test('bad arguments: a clear bilingual message and exit 2', async () => {
    expect(await cli('check', '--format', 'pdf')).toMatchObject({ code: 2, err: expect.stringContaining('未知的输出格式 "pdf" / unknown format "pdf"') });
    expect(await cli('check', '--bogus')).toMatchObject({ code: 2, err: expect.stringContaining('unknown option "--bogus"') });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command') });
    expect(await cli('check', '--out')).toMatchObject({ code: 2, err: expect.stringContaining('--out needs a value') });
  });
});

describe('budget-check sample', () => {
  test('writes the bundled sample workbook', async () => {
    const out = join(tmp(), 's.xlsx');
    const r = await cli('sample', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(samplePath()))).toBe(true);
    expect((await cli('check', out)).code).toBe(0);
  });
});
