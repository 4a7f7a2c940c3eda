import { Catalog } from '../../../src/catalog/catalog';
import { importCatalog } from '../../../src/catalog/import';
import { subjectCode, subjectLevel, subjectName, subjectParent } from '../../../src/catalog/functions';

describe('SUBJECTNAME', () => {
  test.each([
    ['2101103', '公务员医疗补助'], [2101103, '公务员医疗补助'], ['210 11 03', '公务员医疗补助'], ['２１０１１０３', '公务员医疗补助'],
    ['30113', '住房公积金'], ['50101', '工资奖金津补贴'],
  ])('%p → %s', (code, name) => {
    expect(subjectName(code)).toEqual({ ok: true, value: name });
  });

  test('unknown code: #N/A naming the edition', () => {
    expect(subjectName('2101109', 2025)).toEqual({ ok: false, error: 'na', message: '2025年支出功能分类中没有科目 2101109' });
  });

  test('malformed code, bad year or kind: #VALUE! with a message', () => {
    expect(subjectName('21011030')).toMatchObject({ ok: false, error: 'value', message: '"21011030"不是科目编码（功能分类 3/5/7 位，经济分类 3/5 位数字）' });
    expect(subjectName('2101103', 'abc')).toMatchObject({ ok: false, error: 'value', message: '年度"abc"无效，应为如 2025 的四位年份' });
    expect(subjectName('2101103', null, 'foo')).toMatchObject({ ok: false, error: 'value' });
    expect(subjectName('')).toMatchObject({ ok: false, error: 'value', message: '请给出科目编码' });
  });

  test('kind given explicitly; the workbook year is the default', () => {
    expect(subjectName('30113', null, '部门')).toEqual({ ok: true, value: '住房公积金' });
    expect(subjectName('30113', null, 'function', { workbookYear: 2025 })).toMatchObject({ ok: false, error: 'na', message: '2025年支出功能分类中没有科目 30113' });
  });

  test('an imported edition answers first', () => {
    const imported = importCatalog([['2101103', '公务员医疗补助（一体化）']], 'x.csv');
    expect(subjectName('2101103', null, null, { catalog: Catalog.builtIn().withImported(imported.edition) })).toEqual({ ok: true, value: '公务员医疗补助（一体化）' });
  });

  test('English messages', () => {
    expect(subjectName('2101109', 2025, null, { lang: 'en' })).toMatchObject({ message: 'the 2025 functional classification has no subject 2101109' });
  });
});

describe('SUBJECTCODE', () => {
  test('a unique name', () => {
    expect(subjectCode('公务员医疗补助')).toEqual({ ok: true, value: '2101103' });
    expect(subjectCode(' 公务员医疗补助缴费 ')).toEqual({ ok: true, value: '30111' });
  });

  test('a name many subjects share is #N/A listing them', () => {
    const r = subjectCode('行政运行');
    expect(r).toMatchObject({ ok: false, error: 'na' });
    expect(!r.ok && r.message).toMatch(/^"行政运行"对应 \d+ 个科目（2010101、2010201、2010301、2010401、2010501…），请加上级名称区分$/);
  });

  test('an unknown name suggests near ones', () => {
    const r = subjectCode('公务员医疗补贴');
    expect(!r.ok && r.message).toMatch(/^没有名为"公务员医疗补贴"的科目；是否指：2101103 公务员医疗补助/);
  });
});

describe('SUBJECTLEVEL and SUBJECTPARENT', () => {
  test.each([['210', '类'], ['21011', '款'], ['2101103', '项'], ['301', '类'], ['30113', '款']])('level of %s is %s', (code, level) => {
    expect(subjectLevel(code)).toEqual({ ok: true, value: level });
  });

  test('parents', () => {
    expect(subjectParent('2101103')).toEqual({ ok: true, value: '21011' });
    expect(subjectParent('21011')).toEqual({ ok: true, value: '210' });
    expect(subjectParent('210')).toMatchObject({ ok: false, error: 'na', message: '210 是类级科目，没有上级' });
    expect(subjectParent('x')).toMatchObject({ ok: false, error: 'value' });
  });
});
