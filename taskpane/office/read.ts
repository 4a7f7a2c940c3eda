import { a1, columnLetters, type Cell, type CellValue, type Sheet, type Workbook } from '../../src/snapshot';
import type { ExcelContext, ExcelRange } from './port';

export interface ReadOptions {
  /**
   * Bytes one sync may carry back. Excel on the web caps a request or response at 5 MB; desktop Excel has no
   * such cap, so there the cells of every sheet come back in one sync.
   */
  readonly payloadLimit?: number;
}

/** 5 MB less headroom for the request's own framing. */
export const WEB_PAYLOAD_LIMIT = 4.5 * 1024 * 1024;

/** A generous estimate of one cell's share of a response with values, text, numberFormat and formulas. */
export const BYTES_PER_CELL = 96;

interface Block {
  readonly sheet: string;
  readonly range: ExcelRange;
  readonly row: number;
  readonly col: number;
  readonly cells: number;
}

function blockAddress(row: number, col: number, rows: number, cols: number): string {
  return `${a1(row, col)}:${columnLetters(col + cols - 1)}${row + rows}`;
}

/** What a loaded block weighed in the response (as JSON), to size the next batches. */
function responseBytes(r: ExcelRange): number {
  return JSON.stringify([r.values, r.text, r.numberFormat, r.formulas]).length;
}

function toValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Reads the whole workbook into the engine's snapshot with a fixed, small number of syncs: sheet names (1),
 * every sheet's used range (2), then the cells — all sheets in one batch on desktop, in as few batches as the
 * payload limit allows on the web.
 */
export async function readWorkbook(context: ExcelContext, options: ReadOptions = {}): Promise<Workbook> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const used = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('isNullObject,address,rowIndex,columnIndex,rowCount,columnCount');
    return { ws, r };
  });
  await context.sync();
  const limit = options.payloadLimit ?? Number.POSITIVE_INFINITY;
  const blocks: Block[] = [];
  for (const { ws, r } of used) {
    if (r.isNullObject) continue;
    // Rows per block so that one block alone fits in a sync.
    const rowsPerBlock = Math.max(1, Math.min(r.rowCount, Math.floor(limit / (BYTES_PER_CELL * r.columnCount))));
    for (let top = 0; top < r.rowCount; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, r.rowCount - top);
      const range = rows === r.rowCount ? r : ws.getRange(blockAddress(r.rowIndex + top, r.columnIndex, rows, r.columnCount));
      blocks.push({ sheet: ws.name, range, row: r.rowIndex + top, col: r.columnIndex, cells: rows * r.columnCount });
    }
  }
  // Greedy batches under the limit; one batch (one sync) when there is no limit. The first batch assumes a
  // generous size per cell; later ones use what the earlier ones really weighed, with a margin.
  let perCell = BYTES_PER_CELL;
  let batch: Block[] = [];
  let budget = 0;
  const flush = async () => {
    await context.sync();
    const cells = batch.reduce((n, b) => n + b.cells, 0);
    const bytes = batch.reduce((n, b) => n + responseBytes(b.range), 0);
    if (cells > 0) perCell = Math.max(8, Math.ceil((bytes / cells) * 1.25));
    batch = [];
    budget = 0;
  };
  for (const b of blocks) {
    if (batch.length > 0 && budget + b.cells * perCell > limit) await flush();
    b.range.load('values,text,numberFormat,formulas');
    budget += b.cells * perCell;
    batch.push(b);
  }
  if (batch.length > 0) await flush();
  const bySheet = new Map<string, (Cell | undefined)[][]>();
  for (const { ws } of used) bySheet.set(ws.name, []);
  for (const b of blocks) {
    const grid = bySheet.get(b.sheet) as (Cell | undefined)[][];
    b.range.values.forEach((line, i) => {
      const row = b.row + i;
      const out: (Cell | undefined)[] = grid[row] ?? [];
      line.forEach((v, j) => {
        const value = toValue(v);
        const formula = b.range.formulas[i]?.[j];
        const f = typeof formula === 'string' && formula.startsWith('=') ? formula : undefined;
        if (value === null && !f) return;
        const col = b.col + j;
        const nf = b.range.numberFormat[i]?.[j];
        out[col] = { address: a1(row, col), row, col, value, text: b.range.text[i]?.[j] ?? String(value ?? ''), numberFormat: typeof nf === 'string' ? nf : undefined, formula: f };
      });
      grid[row] = out;
    });
  }
  const result: Sheet[] = [];
  for (const [name, rows] of bySheet) {
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    result.push({ name, rows });
  }
  return { sheets: result };
}
