/**
 * Writes a rounding into a copy of the workbook: the same sheets, layout and styles (ExcelJS reads and writes
 * the package), the tables' amounts replaced by their balanced values with the target's decimals shown, and the
 * unit lines rewritten. A converted cell that held a formula holds its value: a formula over 元 cells would give
 * 元 again. The original file is never opened for writing.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { RoundedCell, UnitLine } from '../src/round/round';

/** `#,##0` / `0.00_ ` → the same style (thousands separator or not) with `decimals` places. */
export function amountFormat(old: string | undefined, decimals: number): string {
  const frac = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return `${old !== undefined && old.includes(',') ? '#,##0' : '0'}${frac}`;
}

interface Shared {
  readonly sharedFormula?: string;
}

export async function writeRounded(source: string | Buffer, out: string, cells: readonly RoundedCell[], units: readonly UnitLine[], decimals: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Bytes, not a name: a path may be a Buffer (a file name that is not UTF-8).
  // ExcelJS declares the Buffer of older @types/node; the bytes are the same.
  await wb.xlsx.load(readFileSync(source) as unknown as ExcelJS.Buffer);
  const bySheet = new Map<string, Map<string, RoundedCell>>();
  for (const c of cells) {
    const m = bySheet.get(c.sheet) ?? new Map<string, RoundedCell>();
    m.set(c.cell, c);
    bySheet.set(c.sheet, m);
  }
  for (const [name, changes] of bySheet) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`worksheet ${name} not found in the copy`);
    // A shared formula kept elsewhere must not point at a master that becomes a value: it gets its own formula.
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const master = (cell.value as Shared | null)?.sharedFormula;
      if (master !== undefined && changes.has(master) && !changes.has(cell.address)) {
        cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
      }
    }));
    for (const [address, c] of changes) {
      const cell = ws.getCell(address);
      const fmt = cell.numFmt;
      cell.value = Number(c.value);
      cell.numFmt = amountFormat(fmt, decimals);
    }
  }
  for (const u of units) {
    const ws = wb.getWorksheet(u.sheet);
    if (ws) ws.getCell(u.cell).value = u.after;
  }
  // Written beside the target, then moved: a failed write leaves no half file under the name asked for.
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    await wb.xlsx.writeFile(tmp);
    renameSync(tmp, out);
  } finally {
    rmSync(tmp, { force: true });
  }
}
