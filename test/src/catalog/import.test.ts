import { Catalog } from '../../../src/catalog/catalog';
import { importCatalog } from '../../../src/catalog/import';
import { parseCsv } from '../../../src/csv';

describe('catalog import', () => {
  const csv = [
    '科目编码,科目名称',
    '301,工资福利支出',
    '30101,基本工资',
    '30101,基本工资',
    '30102,"津贴补贴"',
    '30102,津贴',
    '3011,错位',
    '30311,住房公积金',
    '30499,孤儿科目',
    ',',
  ].join('\r\n');

  test('validates: malformed codes, duplicates, orphans and a name from a reused code\'s former meaning', () => {
    const r = importCatalog(parseCsv(csv), '一体化系统2026.csv', 2026);
    expect(r.entries).toBe(5);
    expect(r.problems.map((p) => [p.severity, p.row, p.text.zh])).toEqual([
      ['warning', 4, '第 4 行：科目 30101 与第 3 行重复'],
      ['error', 6, '第 6 行：科目 30102 在第 5 行名为"津贴补贴"，此处为"津贴"；保留第一个'],
      ['error', 7, '第 7 行：编码"3011"格式错误，已跳过'],
      ['warning', 8, '第 8 行：科目 30311 的上级 303 不在导入的目录中'],
      ['warning', 8, '第 8 行：科目 30311"住房公积金"是该编码2017年及以前的含义，内置2026年目录为"代缴社会保险费"'],
      ['warning', 9, '第 9 行：科目 30499 的上级 304 不在导入的目录中'],
    ]);
  });

  test('the imported edition takes precedence, and falls back to the built-in one', () => {
    const r = importCatalog([['30101', '基本工资（含规范津贴）'], ['399', '其他支出']], 'x.csv');
    const c = Catalog.builtIn().withImported(r.edition);
    expect(c.name('30101')).toBe('基本工资（含规范津贴）');
    expect(c.name('30102')).toBe('津贴补贴');
    expect(c.lookup('30101').kind === 'found' && c.lookup('30101')).toMatchObject({ edition: 'x.csv' });
    // Initials come from the built-in entry of the same name.
    expect(c.search('qtzc', { kind: 'dept-economic' }).map((h) => h.subject.code)).toContain('399');
  });

  test('a header anywhere in the first rows is found; columns may be in any order', () => {
    const r = importCatalog([['某某财政局科目目录'], ['名称', '编码'], ['基本工资', '30101']], 'y.xlsx');
    expect(r.entries).toBe(1);
    expect(r.edition.byCode.get('30101')?.name).toBe('基本工资');
  });
});

describe('a sheet that is not a catalog', () => {
  // 收支总表 as published: items and amounts on both sides, no code anywhere.
  const budget = [
    ['部门收支总表'],
    ['单位名称：张家口市总工会', '', '', '单位：万元'],
    ['收入', '', '支出', ''],
    ['项目', '预算数', '项目', '预算数'],
    ...Array.from({ length: 37 }, (_, i) => [`收入项目${i}`, '12.50', `支出项目${i}`, '12.50']),
  ];

  test('says so once, not an error per row, and imports nothing', () => {
    const r = importCatalog(budget, '收入总表', 2025);
    expect(r.notCatalog).toBe(true);
    expect(r.entries).toBe(0);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].severity).toBe('error');
    expect(r.problems[0].text.zh).toMatch(/^没有找到科目编码和科目名称两列/);
    expect(r.problems[0].text.en).toMatch(/^No subject code and subject name columns found/);
  });

  test('an empty selection is not a catalog either', () => {
    expect(importCatalog([], '空', 2025).notCatalog).toBe(true);
  });

  test('a catalog without a header row is still one, a few bad rows listed one by one', () => {
    const r = importCatalog([['301', '工资福利支出'], ['30101', '基本工资'], ['3011', '错位'], ['30102', '津贴补贴']], '无表头', 2025);
    expect(r.notCatalog).toBeUndefined();
    expect(r.entries).toBe(3);
    expect(r.problems.filter((p) => p.severity === 'error')).toHaveLength(1);
  });

  test('with its header, a catalog whose rows are all malformed gets each row\'s error (the columns were found)', () => {
    const r = importCatalog([['科目编码', '科目名称'], ['21A', '错'], ['X', '也错']], '坏', 2025);
    expect(r.notCatalog).toBeUndefined();
    expect(r.problems.filter((p) => p.severity === 'error')).toHaveLength(2);
  });
});

describe('parseCsv', () => {
  test('quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","d""e"\r\n1,2,3\n')).toEqual([['a', 'b,c', 'd"e'], ['1', '2', '3']]);
  });
});
