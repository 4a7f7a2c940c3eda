/**
 * The batch checker names the likely wrong cells of a file with errors: 司法局's 2026 单位预算, where the
 * 项目支出 cell of one row repeats the row's 64,840,547.00 total in 支出总表 and in the 功能分类表.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, corpusXlsx } from '../helpers/cli';

jest.setTimeout(120_000);

let file: string;
beforeAll(async () => {
  file = await corpusXlsx('sh-putuo-sfj-2026-unit-budget', join(mkdtempSync(join(tmpdir(), 'budget-causes-')), '司法局.xlsx'));
});

describe('likely wrong cells in the batch checker', () => {
  test('text: the two G8 cells, each to be 0.00, listed before the findings, which name their cause', async () => {
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  可能填错的单元格（2 处）：\n'
      + '    ✎ C1 支出总表!G8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 2 处不平（表内 2 处）\n'
      + '    ✎ C2 一般公共预算支出功能分类表!G8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 2 处不平（表内 2 处）\n');
    // The pane's wording (src/locate/text.ts), the cell named with its sheet; a count of zero is not named.
    expect(r.out).not.toMatch(/表[内间] 0 处/);
    // Every error of the two tables points at its cause; the other findings do not.
    const errors = r.out.split('\n').filter((l) => l.startsWith('    ✗ '));
    expect(errors.length).toBe(4);
    expect(errors.filter((l) => l.endsWith('（原因 C1）')).length).toBe(2);
    expect(errors.filter((l) => l.endsWith('（原因 C2）')).length).toBe(2);
    expect(r.out.split('\n').filter((l) => l.includes('（原因 ') && !l.startsWith('    ✗ '))).toEqual([]);
  });

  test('English wording', async () => {
    const r = await cli('check', file, '--lang', 'en');
    expect(r.out).toContain('  likely wrong cells (2):\n'
      + '    ✎ C1 支出总表!G8 is very likely wrong: it should be 0.00 (now 64,840,547.00) — changing this one cell resolves 2 failures (2 within tables)\n'
      + '    ✎ C2 一般公共预算支出功能分类表!G8 is very likely wrong: it should be 0.00 (now 64,840,547.00) — changing this one cell resolves 2 failures (2 within tables)\n');
    expect(r.out).not.toMatch(/\b0 (within|between)/);
  });

  test('JSON: causes as docs/json-format.md documents them, each naming the findings it resolves', async () => {
    const r = await cli('check', file, '--format', 'json');
    const f = (JSON.parse(r.out) as { files: Array<{ findings: Array<{ sheet: string; severity: string; cells: string[] }>; causes: Array<Record<string, unknown> & { findings: number[] }> }> }).files[0];
    expect(f.causes).toHaveLength(2);
    expect(f.causes[0]).toEqual({
      id: 'C1', sheet: '支出总表', cell: 'G8', current: '64840547.00', suggested: '0.00', table: 'expenditure', certain: true,
      findings: expect.any(Array), within: 2, between: 0, together: [], alternatives: [],
    });
    for (const c of f.causes) {
      expect(c.findings.map((i) => [f.findings[i].sheet, f.findings[i].severity, f.findings[i].cells.includes('G8')]))
        .toEqual([[c.sheet, 'error', true], [c.sheet, 'error', true]]);
    }
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'json-format.md'), 'utf8');
    expect(doc.indexOf('## causes')).toBeGreaterThan(0);
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## causes')))![1]) as Record<string, unknown>;
    expect(example).toEqual(f.causes[0]);
  });

  test('HTML: a table of the causes, escaped', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'budget-causes-')), 'r.html');
    expect((await cli('check', file, '--format', 'html', '--out', out)).code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h3>可能填错的单元格</h3><table class="causes">');
    expect(html).toContain('<tr><td>C1</td><td>支出总表</td><td>G8</td><td>64,840,547.00</td><td>0.00</td><td>支出总表!G8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 2 处不平（表内 2 处）</td></tr>');
  });

  test('errors no change of cells explains say so: 支出总表 computed by formulas, its errors unexplained', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('支出总表')?.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.value = { formula: 'SUM(A1)', result: cell.value };
    }));
    const computed = join(mkdtempSync(join(tmpdir(), 'budget-causes-')), '公式.xlsx');
    await wb.xlsx.writeFile(computed);
    const r = await cli('check', computed);
    expect(r.out).toContain('  可能填错的单元格（1 处）：\n    ✎ C1 一般公共预算支出功能分类表!G8 很可能填错');
    const lines = r.out.split('\n');
    const table = lines.findIndex((l) => l.startsWith('  支出总表 [expenditure]'));
    const errors = lines.slice(table + 1).filter((l, i, all) => l.startsWith('    ✗ ') && all.slice(0, i).every((x) => x.startsWith('    ')));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.endsWith('（改任何单元格都无法消除：可能某表缺行或多行）'))).toBe(true);
    const json = JSON.parse((await cli('check', computed, '--format', 'json')).out) as { files: Array<{ unexplained: number[]; findings: Array<{ sheet: string }> }> };
    expect(json.files[0].unexplained.map((i) => json.files[0].findings[i].sheet)).toEqual(errors.map(() => '支出总表'));
  });

  test('--no-locate: the same findings, no causes', async () => {
    const [withCauses, without] = [await cli('check', file, '--format', 'json'), await cli('check', file, '--format', 'json', '--no-locate')];
    const a = JSON.parse(withCauses.out) as { files: Array<Record<string, unknown>> };
    const b = JSON.parse(without.out) as { files: Array<Record<string, unknown>> };
    expect(b.files[0].causes).toBeUndefined();
    expect(b.files[0].findings).toEqual(a.files[0].findings);
    expect(without.code).toBe(1);
  });
});
