import type { Text } from '../findings';
import { norm } from '../text';
import { Catalog, editionOf, readCode, type Edition } from './catalog';

export interface ImportProblem {
  readonly severity: 'error' | 'warning' | 'info';
  /** 1-based row in the source, as the user sees it (0: the rows as a whole). */
  readonly row: number;
  readonly code?: string;
  readonly text: Text;
}

export interface ImportResult {
  readonly edition: Edition;
  readonly entries: number;
  readonly problems: readonly ImportProblem[];
  /**
   * The rows are not a catalog (no 科目编码 / 科目名称 header, and most rows hold no code and name): nothing is
   * imported, and the one problem says so instead of an error per row.
   */
  readonly notCatalog?: true;
}

/** What a sheet that is not a catalog gets, once. */
export const NOT_A_CATALOG: Text = {
  zh: '没有找到科目编码和科目名称两列：请选中含“科目编码”“科目名称”的区域后再导入。',
  en: 'No subject code and subject name columns found: select a range with a code column and a name column, then import.',
};

const CODE_HEADER = /编码|代码|^code$/i;
const NAME_HEADER = /名称|^name$/i;

/**
 * Turns rows read from a worksheet, .xlsx or .csv (columns code and name, with or without a header row) into
 * a named edition, and says what is wrong with them: malformed codes, duplicates, orphans, and names that
 * belong to a code's former meaning.
 */
export function importCatalog(rows: ReadonlyArray<ReadonlyArray<string>>, label: string, year = 0, base: Catalog = Catalog.builtIn()): ImportResult {
  const problems: ImportProblem[] = [];
  let start = 0;
  let codeCol = 0;
  let nameCol = 1;
  const headerAt = rows.findIndex((r) => r.some((c) => CODE_HEADER.test(norm(c))) && r.some((c) => NAME_HEADER.test(norm(c))));
  const headed = headerAt >= 0 && headerAt < 10;
  if (headed) {
    start = headerAt + 1;
    codeCol = rows[headerAt].findIndex((c) => CODE_HEADER.test(norm(c)));
    nameCol = rows[headerAt].findIndex((c, i) => i !== codeCol && NAME_HEADER.test(norm(c)));
  }
  const entries = new Map<string, { name: string; row: number }>();
  let filled = 0;
  let malformed = 0;
  for (let i = start; i < rows.length; i++) {
    const row = i + 1;
    const rawCode = (rows[i][codeCol] ?? '').trim();
    const name = (rows[i][nameCol] ?? '').trim();
    if (rawCode === '' && name === '') continue;
    filled++;
    const read = readCode(rawCode);
    if (read.kind === 'malformed' || !/^[235]/.test(read.kind === 'code' ? read.code : '')) {
      malformed++;
      problems.push({ severity: 'error', row, text: { zh: `第 ${row} 行：编码"${rawCode}"格式错误，已跳过`, en: `row ${row}: malformed code "${rawCode}", skipped` } });
      continue;
    }
    const code = read.code;
    if (name === '') {
      problems.push({ severity: 'error', row, code, text: { zh: `第 ${row} 行：科目 ${code} 没有名称，已跳过`, en: `row ${row}: ${code} has no name, skipped` } });
      continue;
    }
    const seen = entries.get(code);
    if (seen) {
      const same = norm(seen.name) === norm(name);
      problems.push({
        severity: same ? 'warning' : 'error', row, code,
        text: same
          ? { zh: `第 ${row} 行：科目 ${code} 与第 ${seen.row} 行重复`, en: `row ${row}: ${code} repeats row ${seen.row}` }
          : { zh: `第 ${row} 行：科目 ${code} 在第 ${seen.row} 行名为"${seen.name}"，此处为"${name}"；保留第一个`, en: `row ${row}: ${code} is "${seen.name}" on row ${seen.row} and "${name}" here; the first is kept` },
      });
      continue;
    }
    entries.set(code, { name, row });
  }
  // Without a header, the first two columns are read as code and name: a sheet where most rows hold no code there
  // (a budget table, a list of something else) is not a catalog, said once rather than as an error per row.
  if (!headed && (entries.size === 0 || malformed * 2 > filled)) {
    return { edition: editionOf(year, label, [], () => ''), entries: 0, problems: [{ severity: 'error', row: 0, text: NOT_A_CATALOG }], notCatalog: true };
  }
  for (const [code, e] of entries) {
    const parent = code.length > 3 ? code.slice(0, -2) : undefined;
    if (parent && !entries.has(parent)) {
      problems.push({ severity: 'warning', row: e.row, code, text: { zh: `第 ${e.row} 行：科目 ${code} 的上级 ${parent} 不在导入的目录中`, en: `row ${e.row}: the parent ${parent} of ${code} is not in the imported catalog` } });
    }
    // A name from a code's former meaning (30311 住房公积金 before 2018) is the classic mix-up of editions.
    const former = base.formerNames(code).find((f) => norm(f.name) === norm(e.name));
    const current = base.lookup(code, year ? { year } : {});
    if (former && current.kind === 'found' && norm(current.subject.name) !== norm(e.name)) {
      const until = former.to ? `${former.to}年及以前` : '以前';
      problems.push({
        severity: 'warning', row: e.row, code,
        text: {
          zh: `第 ${e.row} 行：科目 ${code}"${e.name}"是该编码${until}的含义，内置${current.year}年目录为"${current.subject.name}"`,
          en: `row ${e.row}: "${e.name}" is what ${code} meant${former.to ? ` until ${former.to}` : ' before'}; the built-in ${current.year} edition has "${current.subject.name}"`,
        },
      });
    }
  }
  // Pinyin initials come from the built-in entry of the same name, so initials search works on imports too.
  const initials = new Map(base.list().map((s) => [norm(s.name), s.initials] as const));
  const edition = editionOf(year, label, [...entries].map(([code, e]) => ({ code, name: e.name })), (n) => initials.get(norm(n)) ?? '');
  return { edition, entries: entries.size, problems };
}
