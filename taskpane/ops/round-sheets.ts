/**
 * 舍位平衡 in the pane, `convert` mode: the converted tables go into NEW sheets, each a copy of its source sheet
 * (layout, merges, widths, formats) with the amounts replaced by the balanced values and the unit line rewritten.
 * The user's sheets are only read. 撤销 removes exactly those sheets (ops/round-store.ts keeps them). Loaded with
 * the 舍位平衡 tab (round-chunk.ts), never with the pane.
 */
import { decimalsOfFormat } from '../../src/money';
import type { RoundOutcome } from '../../src/round/round';
import { cellAt, parseA1, type Block, type Workbook } from '../../src/snapshot';
import type { Unit } from '../../src/table';
import { queueRestore, type SavedFill } from '../office/marks';
import type { ExcelContext, ExcelRange, ExcelWorksheet } from '../office/port';
import { blockAddress, qualified } from './address';
import type { AddedSheet, RoundBatch } from './round-store';

type Done = Extract<RoundOutcome, { kind: 'done' }>;

const UNIT_WORD: Record<Unit, string> = { wan: '万元', yuan: '元' };
/** Excel's longest sheet name. */
const MAX_NAME = 31;

/**
 * A free name per source sheet: "收入总表（万元）", then "收入总表（万元）(2)"…, cut to Excel's 31 characters;
 * never one of the workbook's names (Excel compares them ignoring case).
 */
export function roundSheetNames(existing: readonly string[], sources: readonly string[], unit: Unit): Map<string, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  for (const source of sources) {
    for (let n = 1; ; n++) {
      const tail = `（${UNIT_WORD[unit]}）${n === 1 ? '' : `(${n})`}`;
      const name = source.slice(0, MAX_NAME - tail.length) + tail;
      if (taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      out.set(source, name);
      break;
    }
  }
  return out;
}

/** The sheets a converted workbook has tables on, in the workbook's order. */
export function roundSources(book: Workbook, outcome: Done): string[] {
  const used = new Set([...outcome.cells.map((c) => c.sheet), ...outcome.units.map((u) => u.sheet)]);
  return book.sheets.map((s) => s.name).filter((n) => used.has(n));
}

/** FNV-1a of a sheet's used range (its address without the sheet, and its formulas): cheap to keep, enough to see an edit. */
export function fingerprint(range: Pick<ExcelRange, 'isNullObject' | 'address' | 'formulas'>): string {
  const text = range.isNullObject ? '' : JSON.stringify([range.address.replace(/^.*!/, ''), range.formulas]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

/** Rectangles covering exactly the given cells: runs along each row, joined down while the same columns continue. */
export function rectangles(cells: Iterable<{ row: number; col: number }>): Block[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  let open = new Map<string, Block>();
  const done: Block[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const runs: Array<[number, number]> = [];
    for (const c of [...new Set(byRow.get(row))].sort((a, b) => a - b)) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Block>();
    for (const [from, to] of runs) {
      const k = `${from}:${to}`;
      const b = open.get(k);
      if (b && b.row + b.rows === row) {
        next.set(k, { ...b, rows: b.rows + 1 });
        open.delete(k);
      } else {
        next.set(k, { row, col: from, rows: 1, cols: to - from + 1 });
      }
    }
    done.push(...open.values());
    open = next;
  }
  return [...done, ...open.values()];
}

/** A number format showing `decimals`, keeping the thousands separator the cell had. */
function formatFor(old: string | undefined, decimals: number): string {
  const grouped = /,/.test((old ?? '').split(';')[0].split('.')[0]);
  return `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

/** One sheet's writes, by `row,col`. */
interface Plan {
  readonly values: Map<string, number | string>;
  readonly formats: Map<string, string>;
}

const key = (row: number, col: number): string => `${row},${col}`;

function planFor(book: Workbook, outcome: Done, source: string): Plan {
  const sheet = book.sheets.find((s) => s.name === source);
  const values = new Map<string, number | string>();
  const formats = new Map<string, string>();
  for (const c of outcome.cells) {
    if (c.sheet !== source) continue;
    const { row, col } = parseA1(c.cell);
    const held = sheet ? cellAt(sheet, row, col) : undefined;
    // A blank or a text zero mark (－) stays as it is: its value is zero, and zero stays zero.
    if (!held?.formula && typeof held?.value !== 'number' && Number(c.value) === 0) continue;
    values.set(key(row, col), Number(c.value));
    if (decimalsOfFormat(held?.numberFormat) !== outcome.target.decimals) formats.set(key(row, col), formatFor(held?.numberFormat, outcome.target.decimals));
  }
  for (const u of outcome.units) {
    if (u.sheet !== source) continue;
    const { row, col } = parseA1(u.cell);
    values.set(key(row, col), u.after);
  }
  return { values, formats };
}

/** Writes a map of cells as few whole ranges. */
function queueGrid<T>(ws: ExcelWorksheet, cells: Map<string, T>, write: (range: ExcelRange, grid: T[][]) => void): void {
  const at = [...cells.keys()].map((k) => {
    const [row, col] = k.split(',').map(Number);
    return { row, col };
  });
  for (const b of rectangles(at)) {
    const grid = Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => cells.get(key(b.row + r, b.col + c)) as T));
    write(ws.getRange(blockAddress(b)), grid);
  }
}

export interface RoundSheetsInput {
  readonly book: Workbook;
  readonly outcome: Done;
  /** Marks the add-in made on the source sheets (their original fills) and its notes there (`sheet!A1`): a copy carries neither. */
  readonly fills: readonly SavedFill[];
  readonly notes: readonly string[];
}

/**
 * Copies each source sheet to a free name and writes the balanced amounts (numbers, formatted with the target's
 * decimals where the cell showed others), the unit lines, and the original fills where the add-in had marked
 * the source. 2 syncs: the sheets' names as they are now (the names are chosen at the last moment), then
 * everything else, which also reads back each copy's contents for its fingerprint. The first new sheet is
 * activated. Only the copies are written to; if the write fails, what it had added is deleted again.
 */
export async function writeRoundSheets(ctx: ExcelContext, input: RoundSheetsInput): Promise<AddedSheet[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const names = roundSheetNames(sheets.items.map((s) => s.name), roundSources(input.book, input.outcome), input.outcome.target.unit);
  try {
    const made = [...names].map(([source, name]) => {
      const ws = sheets.getItem(source).copy('End');
      ws.name = name;
      const plan = planFor(input.book, input.outcome, source);
      // Formats first: a number written into a cell formatted as text would stay text.
      queueGrid(ws, plan.formats, (range, grid) => { range.numberFormat = grid; });
      queueGrid(ws, plan.values, (range, grid) => { range.values = grid; });
      queueRestore(ctx, input.fills.filter((f) => f.sheet === source), ws);
      for (const note of input.notes) {
        const at = note.lastIndexOf('!');
        if (note.slice(0, at) === source) ctx.workbook.notes.getItemOrNullObject(qualified(name, note.slice(at + 1))).delete();
      }
      ws.load('id,name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('isNullObject,address,formulas');
      return { source, ws, used };
    });
    made[0]?.ws.activate();
    await ctx.sync();
    return made.map(({ source, ws, used }) => ({ name: ws.name, id: ws.id, source, fingerprint: fingerprint(used) }));
  } catch (e) {
    // Excel keeps what a failed batch did before failing: the names were free a moment ago, so what has them is ours.
    await deleteSheetsNamed(ctx, [...names.values()]).catch(() => undefined);
    throw e;
  }
}

/** Deletes the sheets of these names that exist. 2 syncs. */
export async function deleteSheetsNamed(ctx: ExcelContext, names: readonly string[]): Promise<void> {
  const found = names.map((n) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(n);
    ws.load('isNullObject');
    return ws;
  });
  await ctx.sync();
  for (const ws of found) if (!ws.isNullObject) ws.delete();
  await ctx.sync();
}

export type RemoveResult =
  | { readonly removed: readonly string[]; readonly missing: readonly string[] }
  | { readonly edited: readonly string[] };

/**
 * 撤销 of a batch: deletes its sheets — found by id (renamed or not), else by name when the contents are still
 * those written (an id that did not survive) — never a sheet that is not provably the add-in's. A sheet of the
 * add-in's edited since is deleted only with `force` (the user said so after being asked). 3 syncs.
 */
export async function removeRoundSheets(ctx: ExcelContext, batch: RoundBatch, force = false): Promise<RemoveResult> {
  const sheets = ctx.workbook.worksheets;
  const probes = batch.sheets.map((s) => {
    const byId = sheets.getItemOrNullObject(s.id);
    const byName = sheets.getItemOrNullObject(s.name);
    byId.load('isNullObject,id,name');
    byName.load('isNullObject,id,name');
    return { s, byId, byName };
  });
  await ctx.sync();
  const found = probes.flatMap(({ s, byId, byName }) => {
    const ws = !byId.isNullObject ? byId : !byName.isNullObject ? byName : undefined;
    if (!ws) return [];
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject,address,formulas');
    return [{ s, ws, used, byId: !byId.isNullObject }];
  });
  await ctx.sync();
  const checked = found.map((f) => ({ ...f, same: fingerprint(f.used) === f.s.fingerprint }));
  // Found by name only, a sheet is the add-in's when it still holds what was written; else it is someone else's.
  const mine = checked.filter((f) => f.byId || f.same);
  const edited = mine.filter((f) => !f.same).map((f) => f.ws.name);
  if (edited.length > 0 && !force) return { edited };
  for (const f of mine) f.ws.delete();
  if (mine.length > 0) await ctx.sync();
  const removed = new Set(mine.map((f) => f.s.id));
  return { removed: mine.map((f) => f.ws.name), missing: batch.sheets.filter((s) => !removed.has(s.id)).map((s) => s.name) };
}
