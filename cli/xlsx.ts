import ExcelJS from 'exceljs';
import { a1, type Cell, type CellValue, type Sheet, type Workbook } from '../src/snapshot';
import { decimalsOfFormat } from '../src/money';

/** What an .xlsx cell shows: exceljs hands back the stored value, so the number format is applied here. */
export function displayText(value: CellValue, numFmt: string | undefined): string {
  if (typeof value !== 'number') return value === null ? '' : String(value);
  const d = decimalsOfFormat(numFmt);
  if (d === undefined) return String(Number(value.toPrecision(15)));
  const fixed = value.toFixed(d);
  if (!numFmt || !/#,##0|#,###/.test(numFmt)) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function plainValue(v: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      const formula = 'formula' in f ? f.formula : f.sharedFormula;
      const inner = plainValue((f.result ?? null) as ExcelJS.CellValue);
      return { value: inner.value, formula: `=${formula}` };
    }
    if ('error' in v) return { value: String(v.error) };
    if ('text' in v) return { value: String(v.text) };
  }
  return { value: String(v) };
}

/** Reads an .xlsx file's bytes into the engine's snapshot. Merged cells keep their text in the first cell only. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, name?: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      const line: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const c = colNumber - 1;
        const { value, formula } = plainValue(cell.value);
        if (value === null && formula === undefined) return;
        const numberFormat = cell.numFmt || undefined;
        line[c] = { address: a1(r, c), row: r, col: c, value, text: displayText(value, numberFormat), numberFormat, formula };
      });
      rows[r] = line;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push({ name: ws.name, rows });
  });
  return { name, sheets };
}
