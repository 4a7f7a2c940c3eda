// Every subject code printed in the published documents of ../shared/corpus (real Shanghai 部门预算 / 单位预算 /
// 部门决算 tables, transcribed as printed) must be in the built-in edition of the document's year, with the
// printed name (full/half width and whitespace ignored). Fails in CI when the folder is missing (see shared.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../../src/catalog/catalog';
import { SHARED, sharedEntries } from './shared';

const catalog = Catalog.builtIn();
const CORPUS = join(SHARED, 'corpus');

/**
 * Printed names known to differ from the catalog's for a stated reason (a former or variant name), keyed
 * `year code name`. None so far: every printed pair agrees.
 */
const VARIANTS: ReadonlyMap<string, string> = new Map<string, string>([]);

const same = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

interface Printed { readonly where: string; readonly code: string; readonly name: string }

/**
 * The codes a table prints, with the name beside each: split 类 | 款 | 项 columns (`201`, `05`, `07` →
 * 2010507), or a column headed …编码 holding a joined or spaced code (`2010601`, `201 06 01`, `301 01`), the
 * name in the next column. A two-sided table has two such columns. Cells without digits (合计 rows, 人员经费合计)
 * hold no code; a cell with digits that is not a code is returned as such, for the test to reject.
 */
function printedCodes(doc: string, file: string): Printed[] {
  const lines = readFileSync(join(CORPUS, doc, file), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const header = lines[0].split('\t').map((h) => h.trim());
  const groups: Array<{ cols: number[]; name: number }> = [];
  for (let i = 0; i < header.length; i++) {
    if (header[i] === '类' && header[i + 1] === '款' && header[i + 2] === '项') {
      groups.push({ cols: [i, i + 1, i + 2], name: i + 3 });
      i += 2;
    } else if (header[i].includes('编码')) groups.push({ cols: [i], name: i + 1 });
  }
  const out: Printed[] = [];
  lines.slice(1).forEach((line, r) => {
    const cells = line.split('\t');
    for (const g of groups) {
      const parts = g.cols.map((c) => (cells[c] ?? '').replace(/\s+/g, ''));
      const code = parts.join('');
      if (!/\d/.test(code)) continue;
      const split = g.cols.length === 1 || (/^\d{3}$/.test(parts[0]) && parts.slice(1).every((p) => p === '' || /^\d{2}$/.test(p)));
      out.push({ where: `${file}:${r + 2}`, code: split ? code : `?${parts.join('|')}`, name: cells[g.name] ?? '' });
    }
  });
  return out;
}

const docs = sharedEntries('corpus', (d) => statSync(join(CORPUS, d)).isDirectory());

if (docs.length > 0) describe.each(docs)('corpus document %s', (doc) => {
  const year = Number(/(20\d{2})/.exec(doc)?.[1]);
  const printed = readdirSync(join(CORPUS, doc)).filter((f) => f.endsWith('.tsv')).sort().flatMap((f) => printedCodes(doc, f));

  test('its year is known and the catalog holds that year\'s own edition', () => {
    expect(Number.isInteger(year)).toBe(true);
    expect(catalog.editionFor(year)).toEqual({ year, exact: true });
  });

  test('prints subject codes, every one well formed', () => {
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.filter((p) => !/^\d{3}(?:\d{2}){0,2}$/.test(p.code)).map((p) => `${p.where} ${p.code}`)).toEqual([]);
  });

  test('every printed code is in the edition of its year, with the printed name', () => {
    const wrong = printed.flatMap((p) => {
      const l = catalog.lookup(p.code, { year });
      const name = l.kind === 'found' ? l.subject.name : undefined;
      if (name !== undefined && same(name) === same(p.name)) return [];
      if (VARIANTS.has(`${year} ${p.code} ${same(p.name)}`)) return [];
      return [`${p.where} ${p.code} ${p.name} ≠ ${name ?? `(not in the ${year} edition)`}`];
    });
    expect(wrong).toEqual([]);
  });
});
