import type { Text } from '../../src/findings';
import type { ExcelContext } from '../office/port';
import { blockAddress, parseAddress } from './address';

/** What one Excel cell can hold. */
const MAX_CELL_TEXT = 32767;
/** A cell's content quoted in the question, cut after this many characters. */
const HELD_SHOWN = 40;

/** The cell asked about: it holds something, which the insert would replace. */
export interface Occupied {
  /** sheet!A1 */
  readonly address: string;
  /** What the cell shows (its formula when it shows nothing). */
  readonly held: string;
}

/** What an insert replaced, for 撤销: the cell's own formula or value and number format, and what was written. */
export interface InsertUndo {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string | number | boolean;
  readonly numberFormat: string;
  readonly written: string;
}

export type InsertOutcome = { readonly address: string; readonly undo: InsertUndo } | { readonly error: Text } | { readonly occupied: Occupied };

/**
 * Writes a subject code or name into the selected cell, in 3 syncs (the selection, what the cell holds, the
 * write). With several cells selected only the top-left one is written, as typing in Excel fills one cell; the
 * returned address says which. A cell that holds anything (a value, a formula, even one showing nothing) is not
 * written: the answer is `occupied`, for the pane to ask, and only a second call with `replace` naming that very
 * cell writes over it. The cell is formatted as text (`@`) first, so a code such as 2101103 stays text like the
 * published tables' codes (not a number, never a formula) and shows no apostrophe.
 */
export async function insertIntoSelection(ctx: ExcelContext, text: string, options: { replace?: string } = {}): Promise<InsertOutcome> {
  if (text.trim() === '') return { error: { zh: '没有要插入的内容。', en: 'Nothing to insert.' } };
  if (text.length > MAX_CELL_TEXT) return { error: { zh: '内容过长，单元格放不下。', en: 'The text is too long for a cell.' } };
  const selected = ctx.workbook.getSelectedRange();
  selected.load('address,rowCount,columnCount');
  await ctx.sync();
  const { sheet, block } = parseAddress(selected.address);
  const one = selected.rowCount === 1 && selected.columnCount === 1;
  const cell = blockAddress({ ...block, rows: 1, cols: 1 });
  const address = sheet ? `${sheet}!${cell}` : cell;
  const target = one ? selected : ctx.workbook.worksheets.getActiveWorksheet().getRange(cell);
  target.load('formulas,text,numberFormat');
  await ctx.sync();
  const formula = target.formulas[0]?.[0];
  const shown = target.text[0]?.[0] ?? '';
  const holds = (formula !== undefined && formula !== null && formula !== '') || shown !== '';
  if (holds && options.replace !== address) {
    const held = shown !== '' ? shown : String(formula);
    return { occupied: { address, held: held.length > HELD_SHOWN ? `${held.slice(0, HELD_SHOWN)}…` : held } };
  }
  const own = typeof formula === 'string' || typeof formula === 'number' || typeof formula === 'boolean' ? formula : '';
  const undo: InsertUndo = { sheet, cell, formula: own, numberFormat: String(target.numberFormat[0]?.[0] ?? 'General'), written: text };
  target.numberFormat = [['@']];
  target.values = [[text]];
  await ctx.sync();
  return { address, undo };
}

/**
 * 撤销 of an insert: puts back the cell's own content and number format, in 2 syncs — unless the cell no longer
 * holds what was written (the user changed it since), which is left alone and said.
 */
export async function undoInsert(ctx: ExcelContext, undo: InsertUndo): Promise<{ done: true } | { error: Text }> {
  const sheet = undo.sheet ? ctx.workbook.worksheets.getItem(undo.sheet) : ctx.workbook.worksheets.getActiveWorksheet();
  const range = sheet.getRange(undo.cell);
  range.load('values,formulas');
  await ctx.sync();
  const where = undo.sheet ? `${undo.sheet}!${undo.cell}` : undo.cell;
  const formula: unknown = range.formulas[0]?.[0];
  if (range.values[0]?.[0] !== undo.written || (typeof formula === 'string' && formula.startsWith('='))) {
    return { error: { zh: `${where} 在插入后又被修改，未撤销，以免覆盖您的修改。`, en: `${where} was changed after the insert: not undone, so as not to overwrite that change.` } };
  }
  if (typeof undo.formula === 'string' && undo.formula !== '' && !undo.formula.startsWith('=')) {
    // Text (a code kept as text, 2101101): written as text, then its own format back, so it stays text.
    range.numberFormat = [['@']];
    range.values = [[undo.formula]];
    range.numberFormat = [[undo.numberFormat]];
  } else {
    range.numberFormat = [[undo.numberFormat]];
    range.formulas = [[undo.formula]];
  }
  await ctx.sync();
  return { done: true };
}

/**
 * The cells' text for importing a subject catalog, in 2 syncs: the selected block when more than one
 * cell is selected (cut to the used range, so selecting whole columns reads no empty rows), else the
 * active sheet's used range.
 */
export async function readSelectionGrid(ctx: ExcelContext): Promise<string[][]> {
  const selected = ctx.workbook.getSelectedRange();
  selected.load('rowIndex,columnIndex,rowCount,columnCount');
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  await ctx.sync();
  if (used.isNullObject) return [];
  let row = used.rowIndex, col = used.columnIndex, rows = used.rowCount, cols = used.columnCount;
  if (selected.rowCount * selected.columnCount > 1) {
    const r1 = Math.min(row + rows, selected.rowIndex + selected.rowCount);
    const c1 = Math.min(col + cols, selected.columnIndex + selected.columnCount);
    row = Math.max(row, selected.rowIndex);
    col = Math.max(col, selected.columnIndex);
    rows = r1 - row;
    cols = c1 - col;
    if (rows <= 0 || cols <= 0) return [];
  }
  const range = ws.getRange(blockAddress({ row, col, rows, cols }));
  range.load('text');
  await ctx.sync();
  return range.text.map((r) => r.map(String));
}
