/**
 * Every finding reads as a sentence in both languages: on every seed and corpus document as published, with
 * the listed inconsistencies and the notes they raise, no message is empty, none leaks a placeholder
 * (undefined, NaN, [object …], "" quoting nothing), and the English one is not the Chinese one.
 */
import { checkWorkbook } from '../../src/engine';
import { CORPUS_DOCUMENTS, corpusWorkbook, seedBook } from '../helpers/fixtures';

const BOOKS = [
  ...['000', '001', '002', '003', '004'].map((s) => [`seed ${s}`, () => seedBook(s)] as const),
  ...CORPUS_DOCUMENTS.map((d) => [d, () => corpusWorkbook(d)] as const),
];

describe.each(BOOKS)('%s', (_name, load) => {
  test('every finding has a readable message in Chinese and in English', () => {
    const wb = load();
    const zh = checkWorkbook(wb, { expectAll: false }).findings;
    const en = checkWorkbook(wb, { expectAll: false, lang: 'en' }).findings;
    expect(en.length).toBe(zh.length);
    const bad = zh.flatMap((f, i) => {
      const e = en[i].message;
      const problems = [
        f.message.trim() === '' && 'empty zh',
        e.trim() === '' && 'empty en',
        /undefined|NaN|\[object|""|（）|\(\)/.test(f.message) && 'placeholder in zh',
        /undefined|NaN|\[object|""|\(\)/.test(e) && 'placeholder in en',
        e === f.message && 'en is zh',
        !/[A-Za-z]{3}/.test(e) && 'en has no English words',
      ].filter(Boolean);
      return problems.length > 0 ? [[f.rule, f.message, e, problems]] : [];
    });
    expect(bad).toEqual([]);
  });
});
