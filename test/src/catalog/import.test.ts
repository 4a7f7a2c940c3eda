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

describe('parseCsv', () => {
  test('quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","d""e"\r\n1,2,3\n')).toEqual([['a', 'b,c', 'd"e'], ['1', '2', '3']]);
  });
});
