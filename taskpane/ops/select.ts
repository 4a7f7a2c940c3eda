import { firstCell } from '../../src/export';
import { splitRef, type Block } from '../../src/snapshot';
import type { Finding } from '../../src/findings';
import { parseA1 } from '../../src/snapshot';
import type { ExcelContext } from '../office/port';
import { blockAddress } from './address';

/** Excel refuses longer address strings (the same 255-character limit as VBA's Range). */
export const MAX_ADDRESS_LENGTH = 255;

/**
 * The total first (alone, so it is the active cell), then its terms on the same sheet merged into
 * rectangular blocks so that long columns of terms still fit the address limit; blocks past the limit are
 * left out rather than failing the whole selection.
 */
export function selectionAddress(total: string, terms: readonly string[], limit = MAX_ADDRESS_LENGTH): string {
  const cells = new Set<string>();
  const areas: string[] = [];
  for (const t of terms) {
    if (t === total) continue;
    if (t.includes(':')) areas.push(t);
    else cells.add(t);
  }
  const blocks = mergeCells([...cells]);
  const all = [total, ...blocks.map(blockAddress), ...areas];
  let out = all[0];
  for (const a of all.slice(1)) {
    if (out.length + 1 + a.length > limit) break;
    out += `,${a}`;
  }
  return out;
}

/** Vertical runs per column, then runs of the same rows in adjacent columns joined into rectangles. */
function mergeCells(addresses: readonly string[]): Block[] {
  const byCol = new Map<number, number[]>();
  for (const a of addresses) {
    const { row, col } = parseA1(a);
    byCol.set(col, [...(byCol.get(col) ?? []), row]);
  }
  const runs: Block[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = byCol.get(col)!.sort((x, y) => x - y);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      runs.push({ row: start, col, rows: rows[i - 1] - start + 1, cols: 1 });
      start = rows[i];
    }
  }
  const merged: Block[] = [];
  for (const r of runs) {
    const left = merged.find((m) => m.row === r.row && m.rows === r.rows && m.col + m.cols === r.col);
    if (left) merged[merged.indexOf(left)] = { ...left, cols: left.cols + 1 };
    else merged.push(r);
  }
  return merged;
}

/**
 * Shows a finding in the workbook: activates the sheet of its total and selects the total with the terms
 * on that sheet (for a relation failing in several columns: every column's total and terms), in one sync.
 * Terms on other sheets (cross-table checks) cannot share one selection. A finding about a sheet only
 * activates it; one about the whole workbook (a missing table) has nothing to show and makes no sync.
 */
export async function selectFinding(ctx: ExcelContext, f: Finding): Promise<void> {
  const first = firstCell(f);
  if (first.sheet === '') return;
  if (first.address === '') {
    ctx.workbook.worksheets.getItem(first.sheet).activate();
    await ctx.sync();
    return;
  }
  const terms = f.cells.slice(1).map((c) => splitRef(c, f.sheet)).filter((c) => c.sheet === first.sheet).map((c) => c.address);
  const ws = ctx.workbook.worksheets.getItem(first.sheet);
  ws.activate();
  ws.getRanges(selectionAddress(first.address, terms)).select();
  await ctx.sync();
}

/** Shows one cell (a located cause): activates its sheet and selects it, in one sync. */
export async function selectCell(ctx: ExcelContext, sheet: string, address: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}
