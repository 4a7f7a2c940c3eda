/**
 * The same within-table checks written as spreadsheet formulas and evaluated by HyperFormula: a helper column
 * holds each row's parent code (=VALUE(LEFT(code, LEN(code)-2))), each parent row gets =SUMIF(parents, code,
 * amounts) per amount column, each row gets its cross-foot (=E9+F9…), and the results are read back and
 * compared with the reported cells. This is the baseline a finance team would build by hand in Excel; it
 * covers less than the engine (no table recognition, no cross-table, no rounding grades, no hygiene).
 */
import { HyperFormula, type RawCellContent, type Sheets } from 'hyperformula';
import type { Sheet, Workbook } from '../src/snapshot';
import { columnLetters } from '../src/snapshot';
import type { TableKind } from '../src/table';
import { HEADER_ROWS, type DeptWorkbook } from './generate';

/** Column layout of the seed tables (0-based): amount columns, and total = Σ terms per row. */
interface Layout {
  readonly codeCol?: number;
  readonly amounts: readonly number[];
  readonly cross: ReadonlyArray<readonly [number, readonly number[]]>;
}

const LAYOUTS: Partial<Record<TableKind, Layout>> = {
  income: { codeCol: 1, amounts: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], cross: [[3, [4, 11]], [4, [5, 6, 7, 8, 9, 10, 12]]] },
  expenditure: { codeCol: 1, amounts: [3, 4, 5, 6, 7, 8], cross: [[3, [4, 5, 6, 7, 8]]] },
  'general-expenditure': { codeCol: 1, amounts: [3, 4, 5], cross: [[3, [4, 5]]] },
  'basic-expenditure': { codeCol: 1, amounts: [3, 4, 5], cross: [[3, [4, 5]]] },
  'fund-expenditure': { codeCol: 1, amounts: [3, 4, 5], cross: [[3, [4, 5]]] },
  'soe-expenditure': { codeCol: 1, amounts: [3, 4, 5], cross: [[3, [4, 5]]] },
  'fiscal-summary': { amounts: [], cross: [[4, [5, 6, 7]]] },
  'three-public': { amounts: [], cross: [[2, [3, 4, 5]]] },
};

/** One formula cell and the reported cell it must equal. */
interface Check {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly reported: RawCellContent;
}

export interface HfInput {
  readonly sheets: Sheets;
  readonly checks: readonly Check[];
}

const ref = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
const abs = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;

function values(sheet: Sheet, width: number): RawCellContent[][] {
  return sheet.rows.map((line) => {
    const out = new Array<RawCellContent>(width).fill(null);
    line.forEach((c, i) => { if (c) out[i] = c.value; });
    return out;
  });
}

/** Builds the formula sheets of one workbook from its snapshot (the same cells the engine reads). */
export function hfInput(d: DeptWorkbook, wb: Workbook): HfInput {
  const sheets: Sheets = {};
  const checks: Check[] = [];
  d.tables.forEach((t, ti) => {
    const sheet = wb.sheets[ti];
    const layout = LAYOUTS[t.kind];
    const width = t.grid[HEADER_ROWS - 1].length;
    const extra = layout ? 1 + layout.amounts.length + layout.cross.length : 0;
    const data = values(sheet, width + extra);
    sheets[t.sheet] = data;
    if (!layout) return;
    // Body rows: below the header block, skipping one-cell note rows (注：…).
    const body: number[] = [];
    for (let r = HEADER_ROWS; r < data.length; r++) if (sheet.rows[r].filter((c) => c).length > 1) body.push(r);
    if (body.length === 0) return;
    const first = body[0];
    const last = body[body.length - 1];
    const parentCol = width;
    const cc = layout.codeCol;
    if (cc !== undefined && layout.amounts.length > 0) {
      const codes = new Map<number, string>();
      for (const r of body) {
        const v = data[r][cc];
        if (v !== null && v !== undefined && v !== '') codes.set(r, String(v));
      }
      const parents = new Set<string>();
      for (const code of codes.values()) if (code.length > 3) parents.add(code.slice(0, -2));
      for (const r of body) {
        const code = codes.get(r);
        if (code !== undefined) data[r][parentCol] = `=IF(LEN(${ref(r, cc)})>3,VALUE(LEFT(${ref(r, cc)},LEN(${ref(r, cc)})-2)),0)`;
        // The total row (no code) adds up the 类 rows, whose parent is 0.
        const isParent = code === undefined ? codes.size > 0 : parents.has(code);
        if (!isParent) continue;
        const key = code === undefined ? '0' : `$${ref(r, cc)}`; // relative row: filled-down formulas share one parse
        layout.amounts.forEach((a, k) => {
          const col = parentCol + 1 + k;
          data[r][col] = `=SUMIF(${abs(first, parentCol)}:${abs(last, parentCol)},${key},${columnLetters(a)}$${first + 1}:${columnLetters(a)}$${last + 1})`;
          checks.push({ sheet: t.sheet, row: r, col, reported: data[r][a] });
        });
      }
    }
    const crossBase = cc !== undefined && layout.amounts.length > 0 ? parentCol + 1 + layout.amounts.length : width;
    for (const r of body) {
      layout.cross.forEach(([total, terms], j) => {
        const col = crossBase + j;
        data[r][col] = `=${terms.map((c) => ref(r, c)).join('+')}`;
        checks.push({ sheet: t.sheet, row: r, col, reported: data[r][total] });
      });
    }
  });
  return { sheets, checks };
}

/** Reported and computed differ by a cent or more (a text or error value never matches). */
function differs(reported: RawCellContent, computed: unknown): boolean {
  if (typeof computed !== 'number') return true;
  const rep = reported === null || reported === undefined || reported === '' ? 0 : reported;
  if (typeof rep !== 'number') return true;
  return Math.round(rep * 100) !== Math.round(computed * 100);
}

export interface HfRun {
  readonly formulas: number;
  readonly mismatches: number;
  /** Index of every workbook with at least one mismatch. */
  readonly flagged: readonly number[];
  readonly prepMs: number;
  readonly buildMs: number;
  readonly readMs: number;
}

/** Builds one HyperFormula instance per workbook (a file is a workbook), evaluates it and reads every check. */
export function runHyperFormula(batch: readonly DeptWorkbook[], workbooks: readonly Workbook[]): HfRun {
  let formulas = 0;
  let mismatches = 0;
  let prepMs = 0;
  let buildMs = 0;
  let readMs = 0;
  const flagged: number[] = [];
  for (let i = 0; i < batch.length; i++) {
    const t0 = performance.now();
    const input = hfInput(batch[i], workbooks[i]);
    const t1 = performance.now();
    // buildFromSheets parses every formula and evaluates the whole workbook eagerly.
    const hf = HyperFormula.buildFromSheets(input.sheets, { licenseKey: 'gpl-v3' });
    const t2 = performance.now();
    const ids = new Map<string, number>();
    let bad = 0;
    for (const c of input.checks) {
      let id = ids.get(c.sheet);
      if (id === undefined) { id = hf.getSheetId(c.sheet) as number; ids.set(c.sheet, id); }
      if (differs(c.reported, hf.getCellValue({ sheet: id, row: c.row, col: c.col }))) bad++;
    }
    hf.destroy();
    const t3 = performance.now();
    formulas += input.checks.length;
    mismatches += bad;
    if (bad > 0) flagged.push(i);
    prepMs += t1 - t0;
    buildMs += t2 - t1;
    readMs += t3 - t2;
  }
  return { formulas, mismatches, flagged, prepMs, buildMs, readMs };
}
