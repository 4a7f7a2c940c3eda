/**
 * .xls and WPS .et workbooks, checked through LibreOffice. Without LibreOffice the message says exactly what to
 * install (tested everywhere); with it (where it is installed) an .xls and an .et give the same verdict and
 * findings as the .xlsx they were saved from, and the input is left as it was, without lock files beside it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSoffice, newProfile } from '../../cli/convert';
import { cli } from '../helpers/cli';
import { samplePath } from '../../cli/sample';
import { biffWorkbook, writeCfb } from './workbooks';

interface JsonFile { path: string; verdict: string; error?: string; errorCode?: string; tables: unknown[]; findings: Array<Record<string, unknown>> }
const files = (out: string) => (JSON.parse(out) as { files: JsonFile[] }).files;
const tmp = () => mkdtempSync(join(tmpdir(), 'budget-convert-'));

// Each check starts a checking process: generous on a busy machine, never a timing assertion.
jest.setTimeout(120_000);

describe('.xls and .et without LibreOffice', () => {
  test('the message says what to install, in both languages; exit 2', async () => {
    const dir = tmp();
    const xls = writeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]);
    writeFileSync(join(dir, 'a.xls'), xls);
    writeFileSync(join(dir, 'b.et'), xls);
    writeFileSync(join(dir, 'c.xls'), '<html><body><table><tr><td>一般公共预算支出表</td></tr></table></body></html>');
    const r = await cli('check', dir, '--soffice', join(dir, 'no-such-soffice'), '--format', 'json');
    expect(r.code).toBe(2);
    const message = '检查 .xls、.et 文件需要 LibreOffice：请安装 LibreOffice（Debian、统信 UOS、麒麟：sudo apt-get install libreoffice-calc-nogui；Windows：安装 LibreOffice 并用 --soffice 指定 soffice.exe，或把它所在的文件夹加入 PATH）；或在 Excel、WPS 中另存为 .xlsx 后再检查';
    expect(files(r.out).map((f) => [f.path.slice(dir.length + 1), f.errorCode, f.error])).toEqual([
      ['a.xls', 'converter-missing', message], ['b.et', 'converter-missing', message], ['c.xls', 'converter-missing', message],
    ]);
    const en = await cli('check', join(dir, 'a.xls'), '--soffice', join(dir, 'no-such-soffice'), '--lang', 'en');
    expect(en.out).toContain('checking .xls and .et files needs LibreOffice: install LibreOffice (Debian, UOS, Kylin: sudo apt-get install libreoffice-calc-nogui;');
  });

  test('a password-protected .xls is told apart without converting it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.xls'), writeCfb([{ name: 'Workbook', data: biffWorkbook(true) }]));
    const r = await cli('check', join(dir, 'p.xls'), '--soffice', join(dir, 'no-such-soffice'));
    expect(r.out).toContain('p.xls: 未检查 — 文件已设置密码，请先取消密码再检查');
  });

  test('the README says the same', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain('sudo apt-get install libreoffice-calc-nogui');
  });
});

const soffice = findSoffice(process.env.BUDGET_CHECK_SOFFICE);
if (!soffice) {
  console.warn('未找到 LibreOffice，跳过 .xls/.et 转换测试（sudo apt-get install libreoffice-calc-nogui）。/ LibreOffice not found: the .xls/.et conversion tests are skipped (sudo apt-get install libreoffice-calc-nogui).');
}
const withLibreOffice = soffice ? describe : describe.skip;

withLibreOffice('.xls and .et with LibreOffice', () => {
  jest.setTimeout(180_000);
  let dir: string;

  beforeAll(() => {
    // The sample saved as Excel 97-2003 by LibreOffice itself, in a folder of its own.
    dir = tmp();
    const work = tmp();
    copyFileSync(samplePath(), join(work, 'sample.xlsx'));
    const profile = newProfile();
    try {
      spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${profile.dir}`, '--convert-to', 'xls:MS Excel 97', '--outdir', work, join(work, 'sample.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    } finally {
      profile.remove();
    }
    copyFileSync(join(work, 'sample.xls'), join(dir, '预算.xls'));
    copyFileSync(join(work, 'sample.xls'), join(dir, '预算.et'));
    copyFileSync(samplePath(), join(dir, '预算.xlsx'));
    const damaged = writeCfb([{ name: 'Workbook', data: Buffer.alloc(6000, 0x41) }]);
    writeFileSync(join(dir, '坏.xls'), damaged);
  });

  test('an .xls and an .et give the findings of the .xlsx; a damaged .xls is not checked; the inputs are untouched', async () => {
    const before = readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]);
    const r = await cli('check', dir, '--format', 'json');
    const [bad, et, xls, xlsx] = files(r.out);
    expect([bad.path, et.path, xls.path, xlsx.path].map((p) => p.slice(dir.length + 1))).toEqual(['坏.xls', '预算.et', '预算.xls', '预算.xlsx']);
    expect(bad).toMatchObject({ verdict: 'not-checked', errorCode: 'conversion-failed' });
    expect(bad.error).toBe('LibreOffice 无法打开此文件（文件可能已损坏）：请在 Excel 或 WPS 中另存为 .xlsx 后再检查');
    const comparable = (f: JsonFile) => ({ verdict: f.verdict, tables: f.tables, findings: f.findings.map((x) => [x.rule, x.relation, x.subject, x.sheet, x.cells, x.message]) });
    expect(comparable(xls)).toEqual(comparable(xlsx));
    expect(comparable(et)).toEqual(comparable(xlsx));
    // The three 尾差 of 款 20805 and the three notes on the 项目绩效目标表.
    expect(xlsx.findings).toHaveLength(6);
    expect(r.code).toBe(2);
    // Nothing changed, nothing added (LibreOffice worked on copies elsewhere).
    expect(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')])).toEqual(before);
  });
});
