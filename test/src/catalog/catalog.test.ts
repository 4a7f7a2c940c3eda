import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, readCode } from '../../../src/catalog/catalog';
import { BASE } from '../../../src/catalog/data.generated';
import { compileCatalog, GENERATED } from '../../../scripts/build-catalog';

const catalog = Catalog.builtIn();
const REFERENCE = join(__dirname, '..', '..', '..', '..', 'shared', 'reference');

describe('code input', () => {
  test.each([
    ['2101103', '2101103'], [2101103, '2101103'], ['2101103.0', '2101103'], ['２１０１１０３', '2101103'],
    ['210 11 03', '2101103'], ['210110 3', '2101103'], [['210', '11', '03'], '2101103'], [['301', '2'], '30102'],
  ])('%p reads as %s', (input, code) => {
    expect(readCode(input)).toEqual({ kind: 'code', code });
  });

  test.each(['21011030', 'abc', '21', ''])('%p is malformed', (input) => {
    expect(readCode(input).kind).toBe('malformed');
  });
});

describe('lookup', () => {
  test('公务员医疗补助 and its chain', () => {
    expect(catalog.name('2101103')).toBe('公务员医疗补助');
    expect(catalog.chain('2101103').map((s) => `${s.code} ${s.name}`)).toEqual(['2101103 公务员医疗补助', '21011 行政事业单位医疗', '210 卫生健康支出']);
    expect(catalog.children('21011').map((s) => s.code)).toEqual(expect.arrayContaining(['2101101', '2101102', '2101103']));
    const l = catalog.lookup('2101103');
    expect(l.kind === 'found' && [l.subject.level, l.subject.kind, l.subject.parent, l.subject.confirmed]).toEqual([3, 'function', '21011', true]);
  });

  test('kinds: detected from the code, or given', () => {
    expect(catalog.lookup('30113').kind === 'found' && catalog.lookup('30113')).toMatchObject({ subject: { kind: 'dept-economic', name: '住房公积金' } });
    expect(catalog.lookup('50103')).toMatchObject({ kind: 'found', subject: { kind: 'gov-economic' } });
    expect(catalog.lookup('30113', { kind: 'function' })).toMatchObject({ kind: 'unknown', message: { zh: '2027年支出功能分类中没有科目 30113' } });
  });

  test('an unknown code names the edition and the classification', () => {
    expect(catalog.lookup('2101109', { year: 2025 })).toMatchObject({ kind: 'unknown', message: { zh: '2025年支出功能分类中没有科目 2101109' } });
  });

  test('former names and reused codes', () => {
    expect(catalog.name('210')).toBe('卫生健康支出');
    expect(catalog.formerNames('210')).toEqual([expect.objectContaining({ name: '医疗卫生与计划生育支出', to: 2018 })]);
    expect(catalog.formerNames('30311')).toEqual([expect.objectContaining({ name: '住房公积金', to: 2017 })]);
    expect(catalog.name('30311')).toBe('代缴社会保险费');
  });

  test('editions: 2025 and 2026 complete, 2027 as far as known', () => {
    expect(catalog.years).toEqual([2025, 2026, 2027]);
    expect(catalog.editionsOf('2101103')).toEqual([2025, 2026, 2027]);
    // The 2025 revision (财预〔2025〕41号) codes are in every edition from 2025.
    for (const code of ['2170404', '23107']) expect(catalog.editionsOf(code)).toEqual([2025, 2026, 2027]);
  });
});

describe('search', () => {
  test('pinyin initials: xzdwyl → 行政单位医疗', () => {
    expect(catalog.search('xzdwyl')[0].subject).toMatchObject({ code: '2101101', name: '行政单位医疗' });
  });

  test('by name: exact first, then contained, then similar', () => {
    expect(catalog.search('公务员医疗补助')[0].subject.code).toBe('2101103');
    expect(catalog.search('公务员医疗补助缴费')[0].subject.code).toBe('30111');
    const fuzzy = catalog.search('机关事业单位养老保险缴费支出');
    expect(fuzzy[0].subject.code).toBe('2080505');
    expect(fuzzy[0].how).toBe('fuzzy');
  });

  test('by code prefix', () => {
    expect(catalog.search('21011').map((h) => h.subject.code).slice(0, 2)).toEqual(['21011', '2101101']);
  });

  test('exact reverse lookup', () => {
    expect(catalog.byName('公务员医疗补助').map((s) => s.code)).toEqual(['2101103']);
    expect(catalog.byName('行政运行').length).toBeGreaterThan(20);
  });
});

describe('catalog data', () => {
  const entries = BASE.split('\n').map((l) => l.split('\t'));

  test('codes are unique, well formed and every parent is present', () => {
    const codes = new Set(entries.map((e) => e[0]));
    expect(codes.size).toBe(entries.length);
    for (const [code] of entries) {
      expect(code).toMatch(/^[235]\d{2}(\d{2}){0,2}$/);
      if (code.length > 3) expect(codes.has(code.slice(0, -2))).toBe(true);
    }
  });

  test('the functional classification is of the real edition\'s order of size', () => {
    expect(catalog.list({ kind: 'function', year: 2025 }).length).toBeGreaterThan(1200);
  });

  // Every code–name pair printed in a published document (../shared/reference) must agree with the catalog.
  const files = existsSync(REFERENCE) ? readdirSync(REFERENCE).filter((f) => f.endsWith('.tsv') && !f.startsWith('revenue')) : [];
  (files.length > 0 ? test.each(files) : test.skip.each(['(../shared/reference not present)']))('agrees with the published pairs in %s', (file) => {
    const rows = readFileSync(join(REFERENCE, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const disagreements = rows.filter(([code, name]) => catalog.name(code, { year: 2025 }) !== name.replace(/\[.*?\]/g, ''));
    expect(disagreements.map(([code, name]) => `${code} ${name} ≠ ${catalog.name(code, { year: 2025 }) ?? '(missing)'}`)).toEqual([]);
  });
});

describe('the compiled catalog module', () => {
  test('is up to date with the sources in catalog/ (rebuild: npx tsx scripts/build-catalog.ts)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(compileCatalog().text);
  });
});
