/**
 * Normaliser step 2: what each column is, by its header and its content. The header proposes; the content
 * confirms or corrects: a `项` column of two-digit strings beside 类 and 款 is a code part, never money; a
 * code column whose cells also hold the name is a code-and-name column; an amount header over words is text.
 */
import { classifyHeader, type HeaderClass } from '../layouts/vocabulary';
import { cellAt, type Sheet } from '../snapshot';
import { toHalfWidth } from '../text';
import type { BodyLine } from './furniture';
import { isNumeric } from './grid';

export type ColumnType =
  | HeaderClass
  | { readonly type: 'code-name' };

export interface DraftColumn {
  readonly col: number;
  readonly path: readonly string[];
  type: ColumnType;
  /** Why a column is not read, for the recognition report. */
  note?: 'unknown-header' | 'text-in-amounts' | 'no-header';
}

/**
 * `[2010101]行政运行`, `2010101 行政运行`, `201 一般公共服务支出`: a code, then the name (which may wrap onto a
 * second line of the cell).
 */
const CODE_NAME = /^[[【(（]?\s*(\d{3}(?:\s*\d{2}){0,2})\s*[\]】)）]?\s*([^\d\s[\]【】()（）][\s\S]*)/;
const BLANK_MARK = /^(?:-|--|—|——|－|\/|\\)$/;

export function splitCodeName(raw: string): { code: string; name: string } | undefined {
  const m = CODE_NAME.exec(toHalfWidth(raw).trim());
  return m ? { code: m[1].replace(/\s+/g, ''), name: m[2].replace(/\s*\n\s*/g, '').trim() } : undefined;
}

interface Content {
  filled: number;
  numbers: number;
  codeNames: number;
  words: number;
}

function contentOf(sheet: Sheet, lines: readonly BodyLine[], col: number): Content {
  const s: Content = { filled: 0, numbers: 0, codeNames: 0, words: 0 };
  for (const l of lines) {
    const t = l.cells[col] ?? '';
    if (t === '') continue;
    s.filled++;
    const v = cellAt(sheet, l.row, col)?.value;
    // A number stored as one counts whatever its display (¥10.00, 1.0E+3); a code part 05 is a number here.
    if (typeof v === 'number' || isNumeric(t)) { s.numbers++; continue; }
    if (BLANK_MARK.test(t)) continue;
    if (splitCodeName(t)) { s.codeNames++; continue; }
    s.words++;
  }
  return s;
}

/** Column types from header paths and body content. */
export function typeColumns(sheet: Sheet, paths: ReadonlyMap<number, readonly string[]>, lines: readonly BodyLine[]): DraftColumn[] {
  const columns: DraftColumn[] = [];
  const headed = [...paths.entries()].map(([col, path]) => ({ col, path, type: classifyHeader(path) as ColumnType }));
  const hasPart = (p: 1 | 2) => headed.some((h) => h.type.type === 'code-part' && h.type.part === p);
  // The columns that have a header or content: never every column up to the sheet's widest row.
  const used = new Set<number>(paths.keys());
  for (const l of lines) l.cells.forEach((t, c) => { if (t !== '') used.add(c); });
  for (const col of [...used].sort((a, b) => a - b)) {
    const h = headed.find((x) => x.col === col);
    const content = contentOf(sheet, lines, col);
    if (!h) {
      // No header text at all: a column with values there is not understood, and said so.
      if (content.numbers > 0) columns.push({ col, path: [], type: { type: 'unknown' }, note: 'no-header' });
      continue;
    }
    let type = h.type;
    let note: DraftColumn['note'];
    const mostly = (n: number) => content.filled > 0 && n * 2 >= content.filled;
    switch (type.type) {
      case 'code-part':
        // `项` is also the first character of 项目: a part only beside 类 and 款 and holding short numbers.
        if (type.part === 3 && !(hasPart(1) && hasPart(2) && content.words === 0 && content.codeNames === 0)) {
          type = content.words > 0 ? { type: 'name' } : { type: 'unknown' };
          if (type.type === 'unknown') note = 'unknown-header';
        }
        break;
      case 'code':
        if (mostly(content.codeNames)) type = { type: 'code-name' };
        break;
      case 'name':
        if (mostly(content.codeNames) && !headed.some((x) => x.type.type === 'code' || x.type.type === 'code-part')) type = { type: 'code-name' };
        break;
      case 'amount':
        // Words down a whole column (采购品目 under a 金额-like header): not money. A stray word among numbers
        // (见说明) stays an amount cell the hygiene rule reports.
        if (content.words >= 3 && content.words > content.numbers * 2) { type = { type: 'text' }; note = 'text-in-amounts'; }
        break;
      case 'unknown':
        if (mostly(content.codeNames)) type = { type: 'code-name' };
        else note = 'unknown-header';
        break;
      default:
        break;
    }
    columns.push({ col, path: h.path, type, note });
  }
  return columns;
}
