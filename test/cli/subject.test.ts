import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli';

describe('budget-check subject', () => {
  test('prints the name of a code', async () => {
    expect(await cli('subject', '2101103')).toEqual({ code: 0, out: '公务员医疗补助\n', err: '' });
    expect(await cli('subject', '30113', '--kind', 'dept-economic', '--year', '2025')).toMatchObject({ code: 0, out: '住房公积金\n' });
  });

  test('an unknown code: exit 1 and a message', async () => {
    expect(await cli('subject', '2101109', '--year', '2025')).toEqual({ code: 1, out: '', err: '2025年支出功能分类中没有科目 2101109\n' });
    expect(await cli('subject', '2101109', '--year', '2025', '--lang', 'en')).toMatchObject({ err: 'the 2025 functional classification has no subject 2101109\n' });
    // 2026 carries no known change from 2025: named as the same edition.
    expect(await cli('subject', '2101109', '--year', '2026')).toEqual({ code: 1, out: '', err: '2026年（同2025年版）支出功能分类中没有科目 2101109\n' });
  });

  test('--search by name, code or pinyin initials', async () => {
    const r = await cli('subject', '--search', 'xzdwyl');
    expect(r.out.split('\n')[0]).toBe('2101101\t行政单位医疗\t项');
    expect((await cli('subject', '--search', '没有这种科目名称呀')).code).toBe(1);
  });

  test('--list prints code, name and level for every entry of a kind', async () => {
    const r = await cli('subject', '--list', '--kind', 'gov-economic', '--year', '2025');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('501\t机关工资福利支出\t类');
    expect(lines).toContain('50101\t工资奖金津补贴\t款');
    expect(lines.every((l) => /^5\d{2}(\d{2})?\t[^\t]+\t[类款]$/.test(l))).toBe(true);
  });

  test('--catalog imports a CSV (GB18030 or UTF-8) that takes precedence, reporting its problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const file = join(dir, '目录.csv');
    writeFileSync(file, '科目编码,科目名称\n2101103,公务员医疗补助（新）\n2101199,其他行政事业单位医疗支出（新增）\n');
    expect(await cli('subject', '2101103', '--catalog', file)).toMatchObject({ code: 0, out: '公务员医疗补助（新）\n' });
    const r = await cli('subject', '2101199', '--catalog', file);
    expect(r.out).toBe('其他行政事业单位医疗支出（新增）\n');
    expect(r.err).toContain('科目 2101103 的上级 21011 不在导入的目录中');
    // "30101,基本工资（测试）" as saved by a Chinese-locale Excel: GB18030, no header.
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from('33303130312cbbf9b1beb9a4d7caa3a8b2e2cad4a3a90a', 'hex'));
    expect(await cli('subject', '30101', '--catalog', gbk)).toMatchObject({ code: 0, out: '基本工资（测试）\n' });
  });

  test('a missing catalog file is a clear error, exit 2', async () => {
    expect(await cli('subject', '2101103', '--catalog', '/nonexistent/x.csv')).toMatchObject({ code: 2, err: expect.stringContaining('无法读取科目目录 /nonexistent/x.csv') });
  });
});
