/**
 * `budget-check narrative`: the draft of the bundled sample, a 情况说明 checked from a .txt (UTF-8 or GB18030) and
 * from a .docx, one changed figure giving one finding and exit 1, last year's workbook for the changes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { main } from '../../cli/main';
import { decodeText } from '../../cli/narrative';
import { samplePath } from '../../cli/sample';
import { FIXTURES } from '../helpers/fixtures';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, isTTY: false });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'budget-narrative-'));
const PUBLISHED = readFileSync(join(FIXTURES, 'seed-004', 'narrative.txt'), 'utf8');

/** A minimal Word document: one paragraph per line. */
async function docx(lines: readonly string[]): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

jest.setTimeout(60_000);

describe('budget-check narrative', () => {
  test('no argument: the sample\'s paragraphs, its four projects with their 预算数', async () => {
    const r = await cli('narrative');
    expect(r.code).toBe(0);
    expect(r.out).toContain('一、收入说明\n2025年预算收入870.37万元，其中：一般公共预算收入870.37万元，');
    expect(r.out).toContain('项目支出176.30万元，主要为冀财行【2024】97号—提前下达2025年省级困难职工及劳模帮扶救助专项资金20.30万元，困难职工及劳模帮扶救助资金55.00万元，市级劳模疗休养资金56.00万元，市劳模表彰奖励资金45.00万元。');
    const json = JSON.parse((await cli('narrative', '--format', 'json')).out) as { paragraphs: Array<{ heading: string }> };
    expect(json.paragraphs.map((p) => p.heading)).toEqual(['收入说明', '支出说明', '机关运行经费安排情况', '财政拨款"三公"经费预算情况', '政府采购预算情况', '国有资产信息']);
  });

  test('--text: the published 情况说明 agrees (exit 0); with one figure changed, that finding only (exit 1)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.txt'), PUBLISHED);
    const ok = await cli('narrative', '--text', join(dir, 'ok.txt'));
    expect([ok.code, ok.out.split('\n')[0]]).toEqual([0, `${join(dir, 'ok.txt')} 对 sample/张家口市总工会2025年部门预算.xlsx：核对 21 个数字，全部与表一致`]);
    expect(ok.out).toContain('5 处比上年增减或"与上年持平"未核对（用 --previous 给出上年工作簿）');
    writeFileSync(join(dir, 'bad.txt'), PUBLISHED.replace('其中基本支出694.07万元', '其中基本支出649.07万元'));
    const bad = await cli('narrative', samplePath(), '--text', join(dir, 'bad.txt'));
    expect(bad.code).toBe(1);
    expect(bad.out.split('\n').filter((l) => /^\s+[✗⚠ℹ]/.test(l))).toEqual([
      '  ✗  支出总表!E8  情况说明"2025年支出预算870.37万元，其中基本支出649.07万元，包括人员经费694.07万元和日常公用经费0.00万元；"：基本支出 649.07万元，表中为 694.07万元',
    ]);
  });

  test('a .docx, and a .txt saved in GB18030 by Chinese Windows, read the same', async () => {
    const dir = tmp();
    const lines = PUBLISHED.replace('上年结转结余0.00万元', '上年结转结余10.00万元').split(/\n+/);
    writeFileSync(join(dir, '说明.docx'), await docx(lines));
    const r = await cli('narrative', '--text', join(dir, '说明.docx'), '--format', 'json');
    const json = JSON.parse(r.out) as { checked: number; findings: Array<{ relation: string; reported: string; computed: string }> };
    expect([r.code, json.checked, json.findings.map((f) => [f.relation, f.reported, f.computed])]).toEqual([1, 21, [['narrative.income.carry', '10.00万元', '0.00']]]);
    expect(decodeText(new Uint8Array([0xd4, 0xa4, 0xcb, 0xe3]))).toBe('预算');
    expect(decodeText(new TextEncoder().encode('\ufeff预算'))).toBe('预算');
  });

  test('--previous: last year\'s workbook (here the sample itself) makes the changes checkable', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'ok.txt'), PUBLISHED);
    const r = await cli('narrative', '--previous', samplePath(), '--text', join(dir, 'ok.txt'), '--format', 'json');
    const json = JSON.parse(r.out) as { changesUnchecked: number; findings: Array<{ relation: string; reported: string; computed: string }> };
    // The same tables last year: every 增加 is wrong (the change is 0), 与2024年持平 is right.
    expect(json.changesUnchecked).toBe(0);
    expect(json.findings.map((f) => [f.relation, f.reported, f.computed])).toEqual([
      ['narrative.expense.total', '86.80万元', '0.00'], ['narrative.expense.basic', '11.32万元', '0.00'],
      ['narrative.expense.personnel', '11.32万元', '0.00'], ['narrative.expense.project', '75.48万元', '0.00'],
    ]);
    const draft = await cli('narrative', '--previous', samplePath());
    expect(draft.out).toContain('2025年预算收入870.37万元，与上年持平，其中：');
  });

  test('a missing file and an unreadable document are said, exit 2', async () => {
    const dir = tmp();
    expect(await cli('narrative', join(dir, 'none.xlsx'))).toEqual({ code: 2, out: '', err: `${join(dir, 'none.xlsx')}: 文件或文件夹不存在\n` });
    writeFileSync(join(dir, 'x.docx'), 'PK not really a zip');
    const r = await cli('narrative', '--text', join(dir, 'x.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^.*x\.docx: 无法读取 Word 文档（.*）：请另存为 \.docx 或 \.txt\n$/);
  });
});
