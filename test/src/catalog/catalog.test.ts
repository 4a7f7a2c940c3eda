import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, readCode } from '../../../src/catalog/catalog';
import { BASE } from '../../../src/catalog/data.generated';
import { compileCatalog, GENERATED } from '../../../scripts/build-catalog';
import { SHARED, sharedEntries } from './shared';

const catalog = Catalog.builtIn();
const REFERENCE = join(SHARED, 'reference');

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
    expect(catalog.lookup('30113', { kind: 'function' })).toMatchObject({ kind: 'unknown', message: { zh: '2027年（同2025年版）支出功能分类中没有科目 30113' } });
  });

  test('2026 and 2027 carry no known change: the same as 2025, named so; 2024 and 2025 are editions of their own', () => {
    expect(catalog.years.map((y) => catalog.sameAs(y))).toEqual([undefined, undefined, 2025, 2025]);
    expect(catalog.sameAs(2023)).toBeUndefined();
    expect(catalog.lookup('2101109', { year: 2026 })).toMatchObject({
      kind: 'unknown', exact: true,
      message: { zh: '2026年（同2025年版）支出功能分类中没有科目 2101109', en: 'the 2026 functional classification (same as 2025) has no subject 2101109' },
    });
    // The same subjects, as the words say.
    expect(catalog.list({ year: 2027 }).map((s) => `${s.code} ${s.name}`)).toEqual(catalog.list({ year: 2025 }).map((s) => `${s.code} ${s.name}`));
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

  test('editions: 2024 to 2027, each as far as known', () => {
    expect(catalog.years).toEqual([2024, 2025, 2026, 2027]);
    expect(catalog.editionsOf('2101103')).toEqual([2024, 2025, 2026, 2027]);
    // The 2025 revision (财预〔2025〕41号) codes are in every edition from 2025, not in 2024.
    for (const code of ['2170404', '22911', '23107']) expect(catalog.editionsOf(code)).toEqual([2025, 2026, 2027]);
    expect(catalog.lookup('2170404', { year: 2024 })).toMatchObject({ kind: 'unknown', edition: '2024', exact: true, message: { zh: '2024年支出功能分类中没有科目 2170404' } });
    expect(catalog.name('21704', { year: 2024 })).toBe('金融调控支出');
  });

  test('the 2024 fund-budget amendments (财预〔2024〕22号) are in from 2024', () => {
    for (const code of ['220', '22006', '2300412']) expect(catalog.editionsOf(code)).toEqual([2024, 2025, 2026, 2027]);
    expect(catalog.lookup('22006', { year: 2024 })).toMatchObject({ kind: 'found', subject: { name: '耕地保护考核奖惩基金支出', parent: '220', budgets: ['fund'] } });
    expect(catalog.lookup('220')).toMatchObject({ subject: { name: '自然资源海洋气象等支出', budgets: ['general', 'fund'] } });
    expect(catalog.lookup('2300412')).toMatchObject({ subject: { name: '自然资源海洋气象等', parent: '23004', budgets: ['fund'] } });
  });

  test('超长期特别国债: 款 22198 of the fund budget, as printed in a 2025 部门决算', () => {
    expect(catalog.chain('2219899', { year: 2025 }).map((s) => `${s.code} ${s.name} ${s.budgets.join('+')}`))
      .toEqual(['2219899 其他住房保障支出 fund', '22198 超长期特别国债安排的支出 fund', '221 住房保障支出 general+fund']);
  });
});

describe('the edition a document year uses', () => {
  test.each([
    [2023, 2024, false], [2024, 2024, true], [2025, 2025, true], [2026, 2026, true], [2027, 2027, true], [2031, 2027, false],
  ])('%i → the %i edition (exact: %p)', (year, edition, exact) => {
    expect(catalog.editionFor(year)).toEqual({ year: edition, exact });
  });

  test('no year: the newest edition', () => {
    expect(catalog.editionFor()).toEqual({ year: 2027, exact: true });
  });

  test('lookups with { year } use exactly the edition editionFor names', () => {
    for (const year of [2020, 2023, 2024, 2025, 2026, 2027, 2028, 2031]) {
      const { year: edition, exact } = catalog.editionFor(year);
      expect(catalog.lookup('2101103', { year })).toMatchObject({ kind: 'found', year: edition, edition: String(edition), exact });
      expect(catalog.lookup('2101109', { year })).toMatchObject({ kind: 'unknown', year, edition: String(edition), exact });
      expect(catalog.edition(year).year).toBe(edition);
    }
    // 2170404 is new in 2025: a 2023 document is judged by the oldest edition held, and the message says so.
    expect(catalog.lookup('2170404', { year: 2023 })).toMatchObject({
      kind: 'unknown', edition: '2024', exact: false,
      message: { zh: '2024年支出功能分类中没有科目 2170404（内置目录没有2023年版，按2024年版判断）', en: 'the 2024 functional classification has no subject 2170404 (no 2023 edition is built in; judged by the 2024 edition)' },
    });
    expect(catalog.lookup('2170404', { year: 2031 })).toMatchObject({ kind: 'found', year: 2027, exact: false });
  });
});

describe('其他 items follow the current XX9999 convention', () => {
  test('2049901 is not a 2024 or 2025 code; 2049999 其他公共安全支出 is', () => {
    expect(catalog.editionsOf('2049901')).toEqual([]);
    expect(catalog.formerNames('2049901')).toEqual([expect.objectContaining({ name: '其他公共安全支出', to: 2023 })]);
    for (const [code, name] of [['2049999', '其他公共安全支出'], ['2059999', '其他教育支出'], ['2079999', '其他文化旅游体育与传媒支出'], ['2089999', '其他社会保障和就业支出'], ['2129999', '其他城乡社区支出']]) {
      expect(catalog.editionsOf(code)).toEqual([2024, 2025, 2026, 2027]);
      expect(catalog.name(code, { year: 2025 })).toBe(name);
    }
  });

  test('under a 款 XXX99 named 其他…, a 项 of the same name is coded XXX9999, never XXX9901', () => {
    for (const year of catalog.years) {
      const wrong = catalog.list({ year, kind: 'function' })
        .filter((s) => s.level === 2 && s.code.endsWith('99'))
        .flatMap((k) => catalog.children(k.code, { year }).filter((x) => x.name === k.name && x.code !== `${k.code}99`).map((x) => `${year} ${x.code} ${x.name}`));
      expect(wrong).toEqual([]);
    }
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
  // A missing folder fails under CI (see shared.ts).
  const files = sharedEntries('reference', (f) => f.endsWith('.tsv') && !f.startsWith('revenue'));
  if (files.length > 0) test.each(files)('agrees with the published pairs in %s', (file) => {
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
