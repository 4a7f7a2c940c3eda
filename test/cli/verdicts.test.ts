/**
 * A verdict for every file: what the batch checker says about files it cannot check (Chinese first, English with
 * --lang en, never a library's text, the detail behind --verbose), about what a folder holds besides workbooks,
 * and what it refuses to do.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli';
import { samplePath } from '../../cli/sample';
import { addSheet } from './mutate';
import { appendRow, biffWorkbook, cellXml, editPart, encryptedXlsx, SAMPLE_SHEET, sampleZipParts, worksheet, writeCfb, writeZip } from './workbooks';

interface JsonFile { path: string; verdict: string; error?: string; errorCode?: string; detail?: string; tables: unknown[]; findings: Array<{ rule: string; subject?: string; message: string }> }

async function json(...argv: string[]): Promise<{ code: number; files: JsonFile[] }> {
  const r = await cli('check', ...argv, '--format', 'json');
  return { code: r.code, files: (JSON.parse(r.out) as { files: JsonFile[] }).files };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'budget-verdicts-'));
const posix = process.platform !== 'win32';

// Each check starts a checking process: generous on a busy machine, never a timing assertion.
jest.setTimeout(120_000);

describe('files that cannot be checked: exit 2, a specific message, and the others still checked', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tmp();
    const parts = await sampleZipParts();
    copyFileSync(samplePath(), join(dir, '01-ok.xlsx'));
    writeFileSync(join(dir, '02-password.xlsx'), encryptedXlsx());
    writeFileSync(join(dir, '03-password.xls'), writeCfb([{ name: 'Workbook', data: biffWorkbook(true) }]));
    writeFileSync(join(dir, '04-damaged.xlsx'), readFileSync(samplePath()).subarray(0, 12_000));
    writeFileSync(join(dir, '05-not-a-workbook.xlsx'), '<html>a web page</html>');
    writeFileSync(join(dir, '06-zero-bytes.xlsx'), '');
    writeFileSync(join(dir, '07-blank-sheets.xlsx'), writeZip(addSheet(editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*\/>/g, '')), 'Sheet1', worksheet('<row r="1"><c r="A1" s="1"/></row>'))));
    const noSheets = editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*\/>/g, ''));
    writeFileSync(join(dir, '08-no-budget-table.xlsx'), writeZip(addSheet(noSheets, '名单', worksheet(`<row r="1">${cellXml('A1', '姓名')}${cellXml('B1', '电话')}</row><row r="2">${cellXml('A2', '张三')}${cellXml('B2', '13800000000')}</row>`))));
    writeFileSync(join(dir, '09-uncalculated.xlsx'), writeZip(editPart(parts, SAMPLE_SHEET(1), (x) => appendRow(x, 30, '<c r="D30" s="3"><f>SUM(D8:D29)</f></c><c r="E30" s="3"><f>SUM(E8:E29)</f></c>'))));
    writeFileSync(join(dir, '10-data.csv'), 'a,b\n1,2\n');
  });

  test('each with its own sentence, in Chinese; exit 2; the good file checked', async () => {
    const names = ['01-ok.xlsx', '02-password.xlsx', '03-password.xls', '04-damaged.xlsx', '05-not-a-workbook.xlsx', '06-zero-bytes.xlsx', '07-blank-sheets.xlsx', '08-no-budget-table.xlsx', '09-uncalculated.xlsx', '10-data.csv'];
    const r = await json(...names.map((n) => join(dir, n)));
    expect(r.code).toBe(2);
    expect(r.files.map((f) => [f.path.slice(dir.length + 1), f.verdict, f.errorCode, f.error])).toEqual([
      ['01-ok.xlsx', 'ok', undefined, undefined],
      ['02-password.xlsx', 'not-checked', 'encrypted', '文件已设置密码，请先取消密码再检查'],
      ['03-password.xls', 'not-checked', 'encrypted', '文件已设置密码，请先取消密码再检查'],
      ['04-damaged.xlsx', 'not-checked', 'corrupt', '文件已损坏，无法读取：请在 Excel 或 WPS 中打开（必要时修复）并另存为 .xlsx 后再检查'],
      ['05-not-a-workbook.xlsx', 'not-checked', 'not-workbook', '不是 Excel 工作簿（文件内容不是 .xlsx、.xls 或 .et 格式）'],
      ['06-zero-bytes.xlsx', 'not-checked', 'empty', '工作簿是空的，没有任何内容（文件大小为 0 字节）'],
      ['07-blank-sheets.xlsx', 'not-checked', 'empty', '工作簿是空的，没有任何内容'],
      ['08-no-budget-table.xlsx', 'not-checked', 'no-tables', '未找到预算公开表：工作簿中没有可识别的部门预算表'],
      ['09-uncalculated.xlsx', 'not-checked', 'uncalculated', '公式未计算，请在 Excel 或 WPS 中打开并保存后再检查（共 2 个单元格，如 收入总表!D30、收入总表!E30）'],
      ['10-data.csv', 'not-checked', 'unsupported', '不支持此格式：请在 Excel 或 WPS 中另存为 .xlsx'],
    ]);
    // No technical detail without --verbose.
    expect(r.files.filter((f) => f.detail !== undefined)).toEqual([]);
  });

  test('--lang en: the same verdicts in English; --verbose adds the technical detail, and only there', async () => {
    const r = await cli('check', join(dir, '02-password.xlsx'), join(dir, '04-damaged.xlsx'), join(dir, '09-uncalculated.xlsx'), '--lang', 'en', '--verbose');
    expect(r.code).toBe(2);
    expect(r.out).toContain(`02-password.xlsx: not checked — the file is password-protected: remove the password and check again\n  detail: OLE file: encrypted-ooxml\n`);
    expect(r.out).toMatch(/04-damaged\.xlsx: not checked — the file is damaged and cannot be read: open it in Excel or WPS \(repair it if asked\), save it as \.xlsx and check again\n {2}detail: zip: /);
    expect(r.out).toContain('09-uncalculated.xlsx: not checked — formulas have not been calculated: open the file in Excel or WPS, save it and check again (2 cells, e.g. 收入总表!D30, 收入总表!E30)');
    expect(r.out).toContain('total: 3 files (3 not checked), 0 errors, 0 warnings (0 rounding), 0 info');
    const plain = await cli('check', join(dir, '04-damaged.xlsx'));
    expect(plain.out).not.toMatch(/详细信息|zip:|Error/);
  });

  test('a workbook missing one of its tables is checked, and the missing table is named', async () => {
    const d = tmp();
    const parts = await sampleZipParts();
    let k = 0;
    writeFileSync(join(d, 'eight.xlsx'), writeZip(editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*\/>/g, (m) => (k++ === 8 ? '' : m)))));
    const r = await json(join(d, 'eight.xlsx'));
    expect(r.code).toBe(0);
    // The eight tables left and the three printed after them (绩效目标, 政府采购, 固定资产).
    expect(r.files[0].tables).toHaveLength(11);
    expect(r.files[0].findings.filter((f) => f.rule === 'recognition' && f.subject === 'missing').map((f) => f.message)).toEqual(['工作簿中没有找到财政拨款"三公"经费支出表（部门预算公开表应有九张）']);
  });
});

describe('what a folder holds besides workbooks', () => {
  const fsTest = posix ? test : test.skip;

  fsTest('dangling and looping links, a folder linking back to its parent, a pipe named .xlsx: each an entry, the walk goes on', async () => {
    const dir = tmp();
    copyFileSync(samplePath(), join(dir, 'a.xlsx'));
    symlinkSync(join(dir, 'gone.xlsx'), join(dir, 'b-dangling.xlsx'));
    symlinkSync(join(dir, 'c-loop.xlsx'), join(dir, 'c-loop.xlsx'));
    symlinkSync(dir, join(dir, 'd-parent'));
    symlinkSync(join(dir, 'e-x'), join(dir, 'e-y'));
    symlinkSync(join(dir, 'e-y'), join(dir, 'e-x'));
    let fifo = false;
    try { execFileSync('mkfifo', [join(dir, 'f-pipe.xlsx')]); fifo = true; } catch { /* no mkfifo here */ }
    mkdirSync(join(dir, 'g'));
    copyFileSync(samplePath(), join(dir, 'g', 'h.xlsx'));
    const r = await json(dir);
    expect(r.code).toBe(2);
    expect(r.files.map((f) => [f.path.slice(dir.length + 1), f.verdict, f.errorCode])).toEqual([
      ['a.xlsx', 'ok', undefined],
      ['b-dangling.xlsx', 'not-checked', 'dangling-link'],
      ['c-loop.xlsx', 'not-checked', 'link-loop'],
      ...(fifo ? [['f-pipe.xlsx', 'not-checked', 'not-a-file']] : []),
      ['g/h.xlsx', 'ok', undefined],
    ]);
    expect(r.files[1].error).toBe('快捷方式（符号链接）指向的文件不存在');
    expect(r.files[2].error).toBe('快捷方式（符号链接）循环指向自身，已跳过');
  });

  fsTest('names are shown as they are meant: a GBK name decoded, control characters escaped (JSON keeps the exact name)', async () => {
    const dir = tmp();
    const gbk = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xd4, 0xa4, 0xcb, 0xe3]), Buffer.from('.xlsx')]); // 预算.xlsx in GBK
    copyFileSync(samplePath(), gbk);
    const evil = join(dir, 'x\u001b[2J\u001b]0;owned\u0007\u202e.xlsx');
    writeFileSync(evil, 'not a workbook');
    const text = await cli('check', dir);
    expect(text.out).toContain(`${dir}/x\\x1B[2J\\x1B]0;owned\\x07\\u202E.xlsx: 未检查`);
    expect(text.out).toContain(`${dir}/预算.xlsx: 12 张表`);
    // eslint-disable-next-line no-control-regex -- the point: no control character reaches the terminal
    expect(text.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const r = await json(dir);
    expect(r.files.map((f) => f.path)).toEqual([`${dir}/x\u001b[2J\u001b]0;owned\u0007\u202e.xlsx`, `${dir}/预算.xlsx`]);
    expect(r.files[1].verdict).toBe('ok');
  });

  test('cell text and sheet names with control characters are escaped in the report', async () => {
    const dir = tmp();
    const parts = await sampleZipParts();
    const named = editPart(parts, 'xl/workbook.xml', (x) => x.replace('name="收入总表"', 'name="收入&#27;[31m总表"'));
    writeFileSync(join(dir, 'c.xlsx'), writeZip(addSheet(named, '附\u009b注', worksheet(`<row r="1">${cellXml('A1', '部门预算政府采购预算表')}</row>`))));
    const r = await cli('check', join(dir, 'c.xlsx'));
    // eslint-disable-next-line no-control-regex -- the point: no control character reaches the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.out).toContain('收入\\x1B[31m总表');
    const j = await cli('check', join(dir, 'c.xlsx'), '--format', 'json');
    expect(j.out).not.toMatch(/[\u007f-\u009f]/);
    expect(j.out).toContain('附\\u009b注');
  });
});

describe('what the batch refuses', () => {
  test('--out pointing at a file being checked (directly or through a link) is refused before anything is written', async () => {
    const dir = tmp();
    const input = join(dir, 'a.xlsx');
    copyFileSync(samplePath(), input);
    const before = readFileSync(input);
    const r = await cli('check', dir, '--out', input);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out "${input}" 是被检查的文件之一，报告会覆盖它`);
    expect(r.out).toBe('');
    if (posix) {
      symlinkSync(input, join(dir, 'report.json'));
      expect((await cli('check', input, '--out', join(dir, 'report.json'))).code).toBe(2);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(await cli('check', input, '--out', dir)).toMatchObject({ code: 2, err: expect.stringContaining('是文件夹') });
  });

  test('a report that cannot be written goes to standard output, with a message and exit 2', async () => {
    const r = await cli('check', '--out', join(tmp(), 'no', 'such', 'folder', 'r.txt'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('12 张表');
    expect(r.err).toMatch(/^无法写入报告文件 .*r\.txt，报告已输出到标准输出\n$/);
  });

  test('limits must be sensible numbers', async () => {
    expect(await cli('check', '--max-memory', '10')).toMatchObject({ code: 2, err: expect.stringContaining('--max-memory 需要不小于 256 的整数') });
    expect(await cli('check', '--timeout', 'soon')).toMatchObject({ code: 2, err: expect.stringContaining('--timeout needs a whole number of at least 1') });
  });
});
