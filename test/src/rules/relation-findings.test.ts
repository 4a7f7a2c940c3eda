/**
 * How a failed relation becomes a finding (src/rules/rule.ts): units converted between tables, cells on other
 * sheets cited as Excel references, blank totals, several columns in one finding, 其中 lines that only bound
 * their line, what is counted as checked, and the outcome kept for every relation.
 */
import { checkWorkbookRaw } from '../../../src/engine';
import type { RawFinding } from '../../../src/findings';
import { qualify } from '../../../src/rules/rule';
import type { Workbook } from '../../../src/snapshot';
import { book, codeTable, EXP_HEADER } from '../../helpers/build';

type Grid = string[][];

function check(wb: Workbook, options: { keepRelations?: boolean; strict?: boolean } = {}) {
  return checkWorkbookRaw(wb, { expectAll: false, ...options });
}

const brief = (f: RawFinding) => [f.rule, f.severity, f.rounding, f.subject, f.columns, f.cells, f.reported, f.computed, f.difference];

describe('cells on another sheet are cited as Excel references', () => {
  test.each([
    ['Sheet2', 'C5', 'Sheet2!C5'],
    ['Budget_2025', 'A1', 'Budget_2025!A1'],
    ['基本支出表', 'C4', "'基本支出表'!C4"],
    ['表1', 'B2', "'表1'!B2"],
    ['01收支总表', 'D9', "'01收支总表'!D9"],
    ['Sheet 1', 'A1', "'Sheet 1'!A1"],
    ["Dept's", 'A1', "'Dept''s'!A1"],
  ])('%s!%s → %s', (sheet, address, ref) => {
    expect(qualify(sheet, address)).toBe(ref);
  });
});

describe('元 and 万元 between tables', () => {
  // The 一般公共预算支出表's 基本支出 合计 must equal the 基本支出表's 合计 (link general-basic).
  const general = (unit: string, basic: string): Grid => codeTable('一般公共预算财政拨款支出表', EXP_HEADER, [
    ['', '合计', basic, basic, ''], ['201', '一般公共服务支出', basic, basic, ''], ['20101', '人大事务', basic, basic, ''], ['2010101', '行政运行', basic, basic, ''],
  ], unit);
  const basicTable = (unit: string, personnel: string, operating: string, total: string): Grid => codeTable('一般公共预算财政拨款基本支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费'], [
    ['', '合计', total, personnel, operating],
    ['301', '工资福利支出', personnel, personnel, ''], ['30101', '基本工资', personnel, personnel, ''],
    ['302', '商品和服务支出', operating, '', operating], ['30201', '办公费', operating, '', operating],
  ], unit);
  const wb = (g: Grid, b: Grid) => book(['一般公共预算支出表', g], ['基本支出表', b]);

  test('12.35 万元 is 123,500.00 元: no finding', () => {
    expect(check(wb(general('单位：万元', '12.35'), basicTable('单位：元', '100000.00', '23500.00', '123500.00'))).findings).toEqual([]);
    expect(check(wb(general('单位：元', '123500.00'), basicTable('单位：万元', '10.00', '2.35', '12.35'))).findings).toEqual([]);
  });

  test('1,000 元 off is 0.10 万元 off: an error stated in the total\'s unit, the other sheet\'s cell quoted', () => {
    const fs = check(wb(general('单位：万元', '12.35'), basicTable('单位：元', '100000.00', '24500.00', '124500.00'))).findings;
    expect(fs.map(brief)).toEqual([['cross-table', 'error', false, 'general-basic', ['basic'], ['D4', "'基本支出表'!C4"], '12.35', '12.45', '-0.10']]);
    expect(fs[0].text).toEqual({
      zh: '一般公共预算支出表合计行基本支出（对基本支出表） 12.35 ≠ 12.45（差额 -0.10）',
      en: 'general budget table total basic expenditure (vs the basic expenditure table) 12.35 ≠ 12.45 (difference -0.10)',
    });
  });

  test('the other way round: a 元 total against a 万元 table is stated in 元', () => {
    const fs = check(wb(general('单位：元', '123500.00'), basicTable('单位：万元', '10.00', '2.45', '12.45'))).findings;
    expect(fs.map(brief)).toEqual([['cross-table', 'error', false, 'general-basic', ['basic'], ['D4', "'基本支出表'!C4"], '123500.00', '124500.00', '-1000.00']]);
  });

  test('40 元 off a 万元 figure with two decimals is within its rounding: a 尾差 warning, an error under --strict', () => {
    const w = wb(general('单位：万元', '12.35'), basicTable('单位：元', '100000.00', '23540.00', '123540.00'));
    expect(check(w).findings.map((f) => [f.rule, f.severity, f.rounding, f.cells])).toEqual([['cross-table', 'warning', true, ['D4', "'基本支出表'!C4"]]]);
    expect(check(w, { strict: true }).findings.map((f) => [f.severity, f.rounding])).toEqual([['error', false]]);
  });
});

describe('what a finding says', () => {
  const table = (rows: Grid): Workbook => book(['支出总表', codeTable('部门预算支出总表', EXP_HEADER, rows)]);

  test('a blank total is said to be blank (it stands for 0.00 at its column\'s precision)', () => {
    const fs = check(table([['201', '一般公共服务支出', '10.00', '10.00', ''], ['20101', '人大事务', '10.00', '', '10.00'], ['2010101', '行政运行', '10.00', '10.00', '']])).findings;
    const f = fs.find((x) => x.subject === '20101' && x.columns?.[0] === 'basic') as RawFinding;
    expect(brief(f)).toEqual(['hierarchy-sum', 'error', false, '20101', ['basic'], ['D5', 'D6'], '0.00', '10.00', '-10.00']);
    expect(f.text).toEqual({ zh: '款 20101 基本支出 填报数 0.00（空白） ≠ 计算数 10.00（差额 -10.00）', en: 'section 20101 基本支出 reported 0.00 (blank) ≠ computed 10.00 (difference -10.00)' });
  });

  test('one relation failing by the same amount in two columns is one finding giving each column its figures', () => {
    const fs = check(table([['201', '一般公共服务支出', '10.00', '6.00', '4.00'], ['20101', '人大事务', '11.00', '7.00', '4.00'], ['2010101', '行政运行', '10.00', '6.00', '4.00']])).findings;
    expect(fs.map(brief)).toEqual([
      ['hierarchy-sum', 'error', false, '201', ['total', 'basic'], ['C4', 'D4', 'C5', 'D5'], '10.00', '11.00', '-1.00'],
      ['hierarchy-sum', 'error', false, '20101', ['total', 'basic'], ['C5', 'D5', 'C6', 'D6'], '11.00', '10.00', '1.00'],
    ]);
    expect(fs[1].text.en).toBe('section 20101 合计 reported 11.00 ≠ computed 10.00; 基本支出 reported 7.00 ≠ computed 6.00 (difference 1.00)');
    expect(fs[1].parts).toEqual([
      { cell: 'C5', column: 'total', label: '合计', reported: '11.00', computed: '10.00' },
      { cell: 'D5', column: 'basic', label: '基本支出', reported: '7.00', computed: '6.00' },
    ]);
  });

  test('其中 lines only bound their line: more than the line is an error said with "<", less is fine', () => {
    const summary = (part: string): Grid => [['部门收支总表'], ['单位：万元'], ['收入项目', '预算数', '支出项目', '预算数'],
      ['一、财政拨款收入', '10.00', '一、一般公共服务支出', '10.00'], ['其中：一般公共预算', part, '', ''],
      ['本年收入合计', '10.00', '本年支出合计', '10.00'], ['收入总计', '10.00', '支出总计', '10.00']];
    const fs = check(book(['收支总表', summary('12.00')])).findings;
    expect(fs.map(brief)).toEqual([['row-sum', 'error', false, 'income:财政拨款收入', ['income:total'], ['B4', 'B5'], '10.00', '12.00', '-2.00']]);
    expect(fs[0].text).toEqual({
      zh: '一、财政拨款收入 预算数 10.00 < 其中各项 12.00（差额 -2.00）',
      en: '一、财政拨款收入 预算数 10.00 < its "of which" lines 12.00 (difference -2.00)',
    });
    expect(check(book(['收支总表', summary('8.00')])).findings).toEqual([]);
    expect(check(book(['收支总表', summary('10.00')])).findings).toEqual([]);
  });
});

describe('what is counted as checked', () => {
  const rows: Grid = [['', '合计', '10.00', '6.00', '4.00'], ['201', '一般公共服务支出', '10.00', '6.00', '4.00'], ['20101', '人大事务', '10.00', '6.00', '4.00'], ['2010101', '行政运行', '10.00', '6.00', '4.00']];
  const wb = (g: Grid) => book(['支出总表', codeTable('部门预算支出总表', EXP_HEADER, g)]);

  test('every relation graded, held or not: 3 columns × (201 = 20101, 20101 = 2010101, 合计 = 201) and 4 rows cross-footed', () => {
    expect(check(wb(rows)).relations).toBe(13);
  });

  test('a sum over an unreadable cell proves nothing: neither counted nor reported (the hygiene rule says why)', () => {
    const g = rows.map((r) => [...r]);
    g[3][3] = '见说明';
    const r = check(wb(g));
    expect(r.relations).toBe(11);
    expect(r.findings.map((f) => [f.rule, f.subject, f.cells])).toEqual([['value-hygiene', 'invalid', ['D7']]]);
  });

  test('with keepRelations every graded relation keeps its outcome and the finding reporting it', () => {
    const g = rows.map((r) => [...r]);
    g[0][2] = '10.01';
    g[2] = ['20101', '人大事务', '11.00', '7.00', '4.00'];
    const r = check(wb(g), { keepRelations: true });
    expect(r.findings.map((f) => [f.rule, f.subject, f.rounding])).toEqual([
      ['hierarchy-sum', '201', false], ['hierarchy-sum', '20101', false], ['hierarchy-sum', 'total', true], ['row-cross-foot', 'total', true],
    ]);
    const outcome = (relation: string, subject: string, column: string) => {
      const c = r.checked?.find((x) => x.instance.relation === relation && x.instance.subject === subject && x.instance.column === column);
      return c && [c.outcome, c.finding];
    };
    expect(r.checked).toHaveLength(r.relations);
    expect(outcome('expenditure.hierarchy', '201', 'total')).toEqual(['failed', 0]);
    expect(outcome('expenditure.hierarchy', '201', 'basic')).toEqual(['failed', 0]);
    expect(outcome('expenditure.hierarchy', '20101', 'basic')).toEqual(['failed', 1]);
    expect(outcome('expenditure.hierarchy', 'total', 'total')).toEqual(['rounding', 2]);
    expect(outcome('expenditure.cross-foot', 'total', 'total')).toEqual(['rounding', 3]);
    expect(outcome('expenditure.hierarchy', '201', 'project')).toEqual(['held', undefined]);
    expect(outcome('expenditure.cross-foot', '2010101', 'total')).toEqual(['held', undefined]);
    expect(r.checked?.filter((c) => c.outcome === 'held')).toHaveLength(13 - 6);
    expect(check(wb(g)).checked).toBeUndefined();
  });
});
