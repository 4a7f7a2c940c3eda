import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { cli } from '../helpers/cli';
import { samplePath, sampleSheets, SHEET_NAMES } from '../../cli/sample';
import { writeXlsx } from '../../cli/write';
import { FIXTURES } from '../helpers/fixtures';

const tmp = () => mkdtempSync(join(tmpdir(), 'budget-check-'));

// Each check starts a checking process: generous on a busy machine, never a timing assertion.
jest.setTimeout(120_000);

describe('budget-check check', () => {
  test('no path checks the bundled sample: 3 rounding warnings (款 20805 in three tables, one per table), exit 0', async () => {
    const r = await cli('check');
    expect(r.code).toBe(0);
    // The nine tables, the 项目绩效目标表 (four projects, one sheet), 政府采购 and 固定资产 (both printed empty).
    expect(r.out).toContain('12 张表，0 个错误，3 个警告（其中 3 个尾差），3 个提示\n  科目目录：2025 年版\n');
    expect(r.out).toContain('  项目绩效目标表 [performance-target] 项目绩效目标表!A1:G75: 0 个错误，0 个警告（其中 0 个尾差），3 个提示\n');
    // 536.45 ≠ 2080501 + 2080502 + 2080505 + 2080506 = 269.32 + 117.50 + 129.48 + 20.14 = 536.44, in every column that prints it.
    expect(r.out).toContain('⚠ [尾差] D13  款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
    expect(r.out).toContain('  支出总表 [expenditure] 支出总表!A1:I27: 0 个错误，1 个警告（其中 1 个尾差），0 个提示\n    ⚠ [尾差] D13  款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）\n');
    expect(r.out).toContain('一般公共预算支出表!A1:F27: 0 个错误，1 个警告（其中 1 个尾差），0 个提示\n    ⚠ [尾差] D13  款 20805 合计、基本支出 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）\n');
  });

  test('the README\'s sample output is what budget-check check prints, line for line up to its "..."', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = /Sample output \(张家口市总工会 2025, as published\):\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const shown = block![1].split('\n');
    const cut = shown.indexOf('  ...');
    expect(cut).toBeGreaterThan(4);
    const r = await cli('check');
    expect(r.out.split('\n').slice(0, cut)).toEqual(shown.slice(0, cut));
    // One wording, as in the pane and CHECKTOTALS: 填报数 ≠ 计算数, 差额.
    expect(shown.filter((l) => l.includes('⚠')).every((l) => /填报数 [\d.,]+ ≠ 计算数 [\d.,]+（差额 /.test(l))).toBe(true);
  });

  test('--format json follows the documented shape', async () => {
    const r = await cli('check', '--format', 'json');
    const json = JSON.parse(r.out) as { files: Array<{ path: string; verdict: string; year: number | null; catalogEdition: { year: number; exact: boolean }; tables: Array<{ sheet: string; kind: string; range: string }>; findings: Array<Record<string, unknown>> }> };
    expect(json.files).toHaveLength(1);
    const f = json.files[0];
    expect(Object.keys(f)).toEqual(['path', 'verdict', 'year', 'catalogEdition', 'tables', 'findings']);
    expect(f.verdict).toBe('ok');
    // Every table prints 预算年度：2025, and 2025 is a built-in edition.
    expect(f.year).toBe(2025);
    expect(f.catalogEdition).toEqual({ year: 2025, exact: true });
    expect(f.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'basic-expenditure', 'fund-expenditure', 'soe-expenditure', 'three-public', 'performance-target', 'procurement', 'fixed-assets']);
    expect(f.tables[1]).toEqual({ sheet: '收入总表', kind: 'income', range: 'A1:M27' });
    expect(f.findings).toHaveLength(6);
    // One finding for the three columns of 收入总表 that print 536.45 for 款 20805: their totals first, then each column's 项.
    expect(f.findings[0]).toEqual({
      rule: 'hierarchy-sum', severity: 'warning', rounding: true, table: 'income', sheet: '收入总表',
      cells: ['D13', 'E13', 'F13', 'D14', 'D15', 'D16', 'D17', 'E14', 'E15', 'E16', 'E17', 'F14', 'F15', 'F16', 'F17'],
      reported: '536.45', computed: '536.44', difference: '0.01',
      message: '款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）',
      relation: 'income.hierarchy', subject: '20805', columns: ['total', 'subtotal', 'fiscal'],
      parts: [
        { cell: 'D13', column: 'total', label: '合计', reported: '536.45', computed: '536.44' },
        { cell: 'E13', column: 'subtotal', label: '本年收入小计', reported: '536.45', computed: '536.44' },
        { cell: 'F13', column: 'fiscal', label: '财政拨款收入', reported: '536.45', computed: '536.44' },
      ],
    });
    expect(f.findings.map((x) => [x.sheet, x.relation, x.subject, x.columns])).toEqual([
      ['收入总表', 'income.hierarchy', '20805', ['total', 'subtotal', 'fiscal']],
      ['支出总表', 'expenditure.hierarchy', '20805', ['total', 'basic']],
      ['一般公共预算支出表', 'general-expenditure.hierarchy', '20805', ['total', 'basic']],
      ['项目绩效目标表', 'performance-target.plan', '13070025P00166310002K', undefined],
      ['项目绩效目标表', 'performance-target.value-comparator', '13070025P001663100037', undefined],
      ['项目绩效目标表', 'performance-target.value-comparator', '13070025P00174410001Y', undefined],
    ]);
    // The example in docs/json-format.md is this output.
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'json-format.md'), 'utf8');
    const example = (JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]) as typeof json).files[0];
    expect(Object.keys(example)).toEqual(Object.keys(f));
    expect([example.path, example.verdict, example.year, example.catalogEdition, example.tables, example.findings]).toEqual([f.path, f.verdict, f.year, f.catalogEdition, [f.tables[1]], [f.findings[0]]]);
  });

  test('--strict makes the rounding differences errors: exit 1; --lang en', async () => {
    const r = await cli('check', '--strict', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('12 tables, 3 errors, 0 warnings (0 rounding), 3 info\n  catalog: 2025 edition\n');
    expect(r.out).toContain('✗ D13  section 20805 合计, 本年收入小计, 财政拨款收入 reported 536.45 ≠ computed 536.44 (difference 0.01)');
  });

  test('--format html --out writes an escaped report', async () => {
    const out = join(tmp(), 'r.html');
    const r = await cli('check', '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44');
    // The columns as in the pane, CHECKTOTALS and the CSV export.
    expect(html).toContain('<th>填报数</th><th>计算数</th><th>差额</th>');
    expect(html).not.toContain('报告数');
    expect((html.match(/<tr class="warning">/g) ?? []).length).toBe(3);
  });

  test('a folder of workbooks, one unreadable and one missing path: the others are still checked, every entry listed in order, exit 2', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    copyFileSync(samplePath(), join(dir, 'a.xlsx'));
    copyFileSync(samplePath(), join(dir, 'sub', 'b.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'this is not a zip');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    writeFileSync(join(dir, '~$a.xlsx'), 'an Office lock file: ignored');
    const r = await cli('check', dir, join(dir, 'missing.xlsx'), '--format', 'json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: Array<{ path: string; verdict: string; error?: string; errorCode?: string; findings: unknown[] }> };
    expect(json.files.map((f) => [f.path.replace(dir, '<dir>'), f.verdict, f.errorCode, f.findings.length])).toEqual([
      ['<dir>/a.xlsx', 'ok', undefined, 6],
      ['<dir>/broken.xlsx', 'not-checked', 'not-workbook', 0],
      ['<dir>/sub/b.xlsx', 'ok', undefined, 6],
      ['<dir>/missing.xlsx', 'not-checked', 'missing', 0],
    ]);
    expect(json.files[1].error).toBe('不是 Excel 工作簿（文件内容不是 .xlsx、.xls 或 .et 格式）');
    // The text report says which files were not checked, in the total too.
    const text = await cli('check', dir, join(dir, 'missing.xlsx'));
    expect(text.out).toContain(`${join(dir, 'broken.xlsx')}: 未检查 — 不是 Excel 工作簿（文件内容不是 .xlsx、.xls 或 .et 格式）\n`);
    expect(text.out).toContain('合计: 4 个文件（其中 2 个未检查），0 个错误，6 个警告（其中 6 个尾差），6 个提示');
  });

  test('a workbook without its 收支总表 and with a 项目支出表: a warning for the missing table, information for the one not checked, apart from the tables', async () => {
    const out = join(tmp(), 'partial.xlsx');
    const sheets = sampleSheets(join(FIXTURES, 'seed-004')).filter((s) => SHEET_NAMES.includes(s.name) && s.name !== '收支总表');
    writeFileSync(out, await writeXlsx([...sheets, { name: '项目支出', grid: [['部门预算项目支出表'], ['单位：万元'], ['项目', '金额'], ['办公设备', '12.00']] }]));
    const r = await cli('check', out);
    expect(r.code).toBe(0);
    // The 20805 warnings of the eight tables present, the missing 收支总表, and the 政府采购 table told, not guessed.
    expect(r.out).toContain(`${out}: 8 张表，0 个错误，4 个警告（其中 3 个尾差），1 个提示\n  科目目录：2025 年版\n`);
    expect(r.out).toContain([
      '  其他: 0 个错误，1 个警告（其中 0 个尾差），1 个提示',
      '    ℹ 项目支出!A1  "部门预算项目支出表"是项目支出表，本工具暂不核对此表',
      '    ⚠ 工作簿中没有找到收支总表（部门预算公开表应有九张）',
    ].join('\n'));
    const json = JSON.parse((await cli('check', out, '--format', 'json')).out) as { files: Array<{ findings: Array<Record<string, unknown>> }> };
    expect(json.files[0].findings.filter((f) => f.rule === 'recognition')).toEqual([
      { rule: 'recognition', severity: 'info', rounding: false, table: null, sheet: '项目支出', cells: ['A1'], reported: null, computed: null, difference: null, subject: 'table', message: '"部门预算项目支出表"是项目支出表，本工具暂不核对此表' },
      { rule: 'recognition', severity: 'warning', rounding: false, table: null, sheet: '', cells: [], reported: null, computed: null, difference: null, subject: 'missing', message: '工作簿中没有找到收支总表（部门预算公开表应有九张）' },
    ]);
  });

  test('what a file is comes from its bytes, not its name: text named .xls is not a workbook', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.xls'), 'binary');
    const r = await cli('check', join(dir, 'old.xls'));
    expect(r.code).toBe(2);
    expect(r.out).toBe(`${join(dir, 'old.xls')}: 未检查 — 不是 Excel 工作簿（文件内容不是 .xlsx、.xls 或 .et 格式）\n`);
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
