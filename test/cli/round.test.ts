/**
 * `budget-check round` on a published 元 document as a bureau receives it (.xlsx): a new file in 万元 that the
 * checker itself finds exact, the original untouched; refusals and bad arguments with their exit codes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, corpusXlsx as corpusFile } from '../helpers/cli';

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'budget-round-'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

const corpusXlsx = (doc: string): Promise<string> => corpusFile(doc, join(dir, `${doc}.xlsx`));

describe('budget-check round', () => {
  test('区政府办公室 2025 元 → 万元: a new file the checker finds exact (--strict), the original byte for byte the same', async () => {
    const input = await corpusXlsx('sh-putuo-zfb-2025-budget');
    const before = sha(input);
    const out = join(dir, 'zfb-万元.xlsx');
    const r = await cli('round', input, '--to', '万元', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已换算为万元（2 位小数）');
    expect(r.out).toMatch(/直接四舍五入会留下 6 处尾差；舍位平衡让 \d+ 个单元格改为另一方向舍入/);
    expect(r.out).toContain('  结果中全部关系相符\n');
    expect(r.out).toContain('  收支总表!D2  单位：元 → 单位：万元\n');
    expect(sha(input)).toBe(before);
    // The checker, strictly: no difference at all, every table read in 万元.
    const check = await cli('check', out, '--strict', '--format', 'json');
    const report = JSON.parse(check.out) as { files: Array<{ findings: Array<{ rule: string }>; tables: Array<{ kind: string }> }> };
    expect(report.files[0].findings.filter((f) => ['hierarchy-sum', 'row-cross-foot', 'row-sum', 'cross-table'].includes(f.rule))).toEqual([]);
    // The nine tables and the 政府采购 figures (a table of their own, already in 万元).
    expect(report.files[0].tables).toHaveLength(10);
    // Amounts are numbers with two decimals shown; the layout is the original's (same sheets, same merged title).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(input);
    expect(wb.worksheets.map((w) => w.name)).toEqual(src.worksheets.map((w) => w.name));
    const d7 = wb.getWorksheet('支出总表')?.getCell('E7');
    expect(typeof d7?.value).toBe('number');
    expect(d7?.numFmt).toMatch(/0\.00$/);
  });

  test('JSON: the mode, the counts, the cells rounded the other way with their exact values', async () => {
    const input = await corpusXlsx('sh-putuo-zfb-2025-budget');
    const r = await cli('round', input, '--to', '万元', '--out', join(dir, 'zfb.json.xlsx'), '--format', 'json');
    const j = (JSON.parse(r.out) as { files: Array<{ mode: string; target: unknown; moved: number; plainGaps: unknown[]; gaps: unknown[]; cells: Array<{ exact: string; plain: string; value: string; from: string }> }> }).files[0];
    expect([j.mode, j.target, j.plainGaps.length, j.gaps]).toEqual(['convert', { unit: 'wan', decimals: 2 }, 6, []]);
    expect(j.cells.length).toBe(j.moved);
    for (const c of j.cells) {
      expect(c.value).not.toBe(c.plain);
      expect(Math.abs(Number(c.value) - Number(c.exact) / (c.from === 'yuan' ? 10000 : 1))).toBeLessThan(0.01);
    }
  });

  test('a workbook that cannot balance (司法局 as published): written with the fewest gaps, the gaps named, exit 1', async () => {
    const input = await corpusXlsx('sh-putuo-sfj-2026-unit-budget');
    const out = join(dir, 'sfj-万元.xlsx');
    const r = await cli('round', input, '--to', '万元', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  以下 4 处关系无法同时相符（已写出尾差最少的结果）：\n    支出总表!G7  款 20406 项目支出 差 -6,484.05 万元\n');
    expect(r.out).toContain('  注意：原表本身有 11 处不平衡（换算前）：\n');
    expect(existsSync(out)).toBe(true);
  });

  test('already in 万元 with an error beyond rounding: refused, nothing written, exit 1', async () => {
    const input = await corpusXlsx('sh-putuo-yichuan-2025-final');
    const out = join(dir, 'yichuan.xlsx');
    const r = await cli('round', input, '--to', '万元', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/未处理 — 工作簿有 \d+ 处超出尾差的不平/);
    expect(existsSync(out)).toBe(false);
  });

  test('a folder of workbooks into a folder: one copy each under its own name, an unreadable one reported, exit 2', async () => {
    const input = await corpusXlsx('sh-putuo-zfb-2025-budget');
    const src = mkdtempSync(join(tmpdir(), 'budget-round-in-'));
    const outDir = mkdtempSync(join(tmpdir(), 'budget-round-out-'));
    writeFileSync(join(src, '甲.xlsx'), readFileSync(input));
    writeFileSync(join(src, '乙.xlsx'), readFileSync(input));
    writeFileSync(join(src, '丙.xlsx'), 'not a workbook');
    const r = await cli('round', src, '--to', '万元', '--out', outDir, '--format', 'json');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { files: Array<{ input: string; output?: string; error?: string; gaps?: unknown[] }> };
    expect(j.files.map((f) => [f.input.split(/[\\/]/).pop(), f.output?.split(/[\\/]/).pop() ?? null, f.error === undefined, f.gaps ?? null]))
      .toEqual([['丙.xlsx', null, false, null], ['乙.xlsx', '乙.xlsx', true, []], ['甲.xlsx', '甲.xlsx', true, []]]);
    expect(readdirSync(outDir).sort()).toEqual(['乙.xlsx', '甲.xlsx']);
    // Several inputs need a folder to write into.
    expect((await cli('round', input, input, '--to', '万元', '--out', join(dir, 'one.xlsx'))).code).toBe(2);
  });

  test('bad arguments: --out the input, no --to, an unknown unit, two inputs, html — exit 2 with a bilingual message; an unreadable file: exit 2', async () => {
    const input = await corpusXlsx('sh-putuo-zfb-2025-budget');
    const before = sha(input);
    const same = await cli('round', input, '--to', '万元', '--out', input);
    expect([same.code, same.err.split('\n')[0]]).toEqual([2, expect.stringContaining('就是输入文件：舍位平衡从不改写原文件')]);
    expect(sha(input)).toBe(before);
    expect((await cli('round', input, '--out', join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await cli('round', input, '--to', '千元', '--out', join(dir, 'x.xlsx'))).err).toContain('未知的单位"千元" / unknown unit "千元"');
    expect((await cli('round', input, '--to', '万元', '--out', join(dir, 'x.xlsx'), '--format', 'html')).code).toBe(2);
    const text = join(dir, 'not-a-workbook.xlsx');
    writeFileSync(text, 'plain text, not a workbook');
    const bad = await cli('round', text, '--to', '万元', '--out', join(dir, 'y.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('未处理 — ');
    expect(existsSync(join(dir, 'y.xlsx'))).toBe(false);
  });
});
