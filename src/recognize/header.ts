import { classifyHeader, HEADER_UNIT, isHeaderWord } from '../layouts/vocabulary';
import type { Sheet } from '../snapshot';
import type { Unit } from '../table';
import { hasOrdinal } from '../text';
import { isCodeText, isNumeric, nonEmpty, rowTexts } from './grid';
import type { Region } from './regions';
import { yearIn } from './titles';

export const UNIT = /单位[:：]?\s*(万元|元)/;
/** Lines between a title and its header (department, 年度, 单位, a date): never many. */
const MAX_META_LINES = 8;
const COLUMN_NUMBER_ROW = /^(?:栏次|档次|栏号|列次)$/;
/** `截止时间：2024年12月31日`, `（截至2024年末）`: the date of a stock. */
const AS_OF = /(?:截止|截至)[^()（）]*/g;

export interface Header {
  /** Header rows (sheet row indexes), top to bottom. */
  readonly rows: readonly number[];
  /** First body row. */
  readonly end: number;
  /** The lines above the header (department, year, unit), joined: repeated on later pages, they are skipped. */
  readonly meta: ReadonlySet<string>;
  /** Header rows and the 栏次 row, joined: repeated on later pages, they are skipped. */
  readonly signatures: ReadonlySet<string>;
  readonly unit: Unit;
  readonly unitFound: boolean;
  /** The line cell printing the unit (`单位：元`), when a line above the header prints it. */
  readonly unitCell?: { readonly row: number; readonly col: number };
  readonly year?: number;
  /** Header path of each column that has header text (top to bottom, normalised). */
  readonly paths: ReadonlyMap<number, readonly string[]>;
}

/** 栏次 row: `栏次 | 1 | 2 | 3…` or `1 | 2 | 3…` / `A | B | C…`. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c !== '');
  // Cheap test first: this runs on every body row.
  if (first === undefined || (first !== '1' && !COLUMN_NUMBER_ROW.test(first) && !/^[A-Z]$/.test(first))) return false;
  const filled = cells.filter((c) => c !== '');
  if (COLUMN_NUMBER_ROW.test(filled[0])) return true;
  if (filled.length < 3) return false;
  return filled.every((c, i) => c === String(i + 1) || /^[A-Z]$/.test(c));
}

/** A header row: at least two cells, words only (no code, amount or numbered item), one of them a column word. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2) return false;
  // A unit line; a unit printed inside a header cell (价值（金额单位：万元）) is still a header.
  if (UNIT.test(filled.map((c) => c.replace(HEADER_UNIT, '')).join(''))) return false;
  // 其中 starts a body line (其中：办公用房), or a header naming a part (其中预留小微企业（万元）).
  const ofWhich = (c: string) => /^其中/.test(c) && classifyHeader([c]).type !== 'amount';
  if (!filled.every((c) => !isNumeric(c) && !isCodeText(c) && !hasOrdinal(c) && !ofWhich(c) && !/^\d{3,}(?![\d年])/.test(c))) return false;
  return filled.some((c) => isHeaderWord(c));
}

/**
 * Reads the lines above the header (unit, year, department) and the header rows, and builds each column's
 * header path. A group header written once over its span is carried right, but only from a cell that has
 * leaves below it: a single header merged down its column (合计) never becomes another column's group.
 */
export function readHeader(sheet: Sheet, region: Region, titleTexts: readonly string[]): Header | undefined {
  let unit: Unit = 'wan';
  let unitFound = false;
  let unitCell: Header['unitCell'];
  let year: number | undefined;
  const meta = new Set<string>();
  const readMeta = (joined: string) => {
    const u = UNIT.exec(joined);
    if (u) { unit = u[1] === '元' ? 'yuan' : 'wan'; unitFound = true; }
    // 截止时间：2024年12月31日 dates a stock (固定资产), not the budget year: read the year around it.
    year = year ?? yearIn(joined.replace(AS_OF, ''));
    return u !== null;
  };
  for (const t of titleTexts) readMeta(t);
  let r = region.start;
  let lines = 0;
  for (; r < region.end; r++) {
    const cells = rowTexts(sheet, r);
    if (nonEmpty(cells) === 0) continue;
    if (isHeaderRow(cells)) break;
    // A few lines of department, year and unit; more than that and this table has no header the engine knows.
    if (++lines > MAX_META_LINES) return undefined;
    const joined = cells.join('');
    if (readMeta(joined) && unitCell === undefined) {
      // The cell that names the unit: the one matching whole, else the last one before the match ends (单位： | 元).
      const whole = cells.findIndex((c) => UNIT.test(c));
      const col = whole >= 0 ? whole : cells.findIndex((c) => /元/.test(c));
      if (col >= 0) unitCell = { row: r, col };
    }
    meta.add(joined);
  }
  const rows: number[] = [];
  const signatures = new Set<string>();
  for (; r < region.end; r++) {
    const cells = rowTexts(sheet, r);
    if (nonEmpty(cells) === 0) continue;
    if (isColumnNumberRow(cells)) { signatures.add(cells.join('')); r++; break; }
    if (rows.length > 0 && !isHeaderRow(cells)) break;
    rows.push(r);
    signatures.add(cells.join(''));
  }
  if (rows.length === 0) return undefined;
  const grid = rows.map((h) => rowTexts(sheet, h));
  if (!unitFound) {
    // No unit line: a header cell may print it (价值（金额单位：万元）).
    for (let h = 0; h < grid.length && !unitFound; h++) {
      const col = grid[h].findIndex((c) => HEADER_UNIT.test(c));
      if (col < 0) continue;
      unit = (HEADER_UNIT.exec(grid[h][col]) as RegExpExecArray)[1] === '元' ? 'yuan' : 'wan';
      unitFound = true;
      unitCell = { row: rows[h], col };
    }
  }
  const at = (h: number, c: number) => grid[h][c] ?? '';
  const below = (h: number, c: number) => grid.slice(h + 1).some((g) => (g[c] ?? '') !== '');
  const width = Math.max(0, ...grid.map((g) => g.length));
  const paths = new Map<number, string[]>();
  for (let c = 0; c < width; c++) {
    let leafRow = -1;
    for (let h = grid.length - 1; h >= 0; h--) if (at(h, c) !== '') { leafRow = h; break; }
    if (leafRow < 0) continue;
    const path: string[] = [];
    for (let h = 0; h < leafRow; h++) {
      let t = at(h, c);
      // Carry a group header right over the columns of its span: a column with its own text in a higher
      // header row has started another group, and ends the span.
      for (let k = c - 1; t === '' && k >= 0; k--) {
        if (grid.slice(0, h).some((g) => (g[k + 1] ?? '') !== '')) break;
        if (at(h, k) !== '') { if (below(h, k)) t = at(h, k); break; }
      }
      if (t !== '') path.push(t);
    }
    path.push(at(leafRow, c));
    paths.set(c, path);
  }
  return { rows, end: r, meta, signatures, unit, unitFound, unitCell, year, paths };
}
