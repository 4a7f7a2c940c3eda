/**
 * Normaliser step 1: page furniture. A printed table repeats its header block on every page (department, 年度
 * and 单位 lines, header rows, the 栏次 row), and carries page numbers and notes; none of them is a body row.
 */
import type { Sheet } from '../snapshot';
import { isCodeText, isNumeric, nonEmpty, rowTexts } from './grid';
import { UNIT, isColumnNumberRow, type Header } from './header';
import { kindOfTitle } from './titles';
import type { TableKind } from '../layouts';

const NOTE = /^(?:注|说明|备注|填表说明|附注)[:：\d一二三、.]?/;
const PAGE_NUMBER = /^(?:第\d+页(?:[,，]?共\d+页)?|共\d+页(?:第\d+页)?|-\d+-|\d+\/\d+)$/;
/** An empty table said so in words: 空表列示, 本表无数据, 没有…支出. */
const EMPTY_NOTE = /空表|无数据|本表为空|没有(?:使用)?.*(?:收入|支出|经费|预算)|无.*(?:收支|收入|支出)/;

export interface BodyLine {
  readonly row: number;
  readonly cells: readonly string[];
}

export interface Body {
  /** Rows that may hold table content, in order. */
  readonly lines: readonly BodyLine[];
  /** Note lines (注：…), kept to tell an empty table. */
  readonly notes: readonly string[];
  /** A note says the table is empty on purpose. */
  readonly declaredEmpty: boolean;
}

function hasNumber(sheet: Sheet, r: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (const c of row) if (c !== undefined && typeof c.value === 'number') return true;
  return false;
}

/** The body rows of a table between its header and the end of its region, without page furniture. */
export function bodyLines(sheet: Sheet, from: number, to: number, header: Header | undefined, kind: TableKind | undefined): Body {
  const lines: BodyLine[] = [];
  const notes: string[] = [];
  for (let r = from; r < to; r++) {
    const cells = rowTexts(sheet, r);
    const filled = nonEmpty(cells);
    if (filled === 0) continue;
    if (isColumnNumberRow(cells)) continue;
    // Rows of words or few cells may be furniture; a full row of numbers (the common body row) skips the tests.
    if (filled <= 3 || !hasNumber(sheet, r)) {
      const joined = cells.join('');
      if (header && (header.meta.has(joined) || header.signatures.has(joined))) continue;
      const first = cells.find((c) => c !== '') ?? '';
      if (NOTE.test(first) && !isNumeric(first) && !isCodeText(first)) { notes.push(joined); continue; }
      if (filled <= 3 && (UNIT.test(joined) || /预算年度|编制单位|编制部门/.test(joined)) && !cells.some(isNumeric)) continue;
      if (filled <= 2 && PAGE_NUMBER.test(joined)) continue;
      if (filled <= 2 && kind !== undefined && kindOfTitle(joined) === kind) continue;
    }
    lines.push({ row: r, cells });
  }
  return { lines, notes, declaredEmpty: notes.some((n) => EMPTY_NOTE.test(n)) };
}
