/**
 * Reads an .xlsx file chosen in the pane (last year's workbook for the 情况说明) into the engine's snapshot, in the
 * browser. The batch checker's own reader (cli/xlsx.ts) streams parts through Node's zlib and file handles, which
 * a webview does not have; ExcelJS (already a dependency, for 舍位平衡's copies) reads a whole file from memory in
 * any browser. It is loaded only when a file is chosen (xlsx-loader.ts), never with the pane.
 */
import ExcelJS from 'exceljs';
import { displayText } from '../../src/display';
import { a1, type Cell, type CellValue, type Sheet, type Workbook } from '../../src/snapshot';

/** An .xlsx chosen by the user is never trusted with the pane's memory: larger files are refused, not read. */
export const MAX_XLSX_BYTES = 30 * 1024 * 1024;

/** Not an .xlsx ExcelJS can read (an .xls, a damaged or password-protected file), or too large. */
export class XlsxFileError extends Error {
  constructor(readonly code: 'too-large' | 'unreadable', detail: string) {
    super(detail);
  }
}

type Raw = ExcelJS.CellValue;

function isObject(v: Raw): v is Exclude<Raw, null | undefined | number | string | boolean | Date> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

const dateText = (d: Date): string => d.toISOString().slice(0, 10);

/** A plain value: a formula's cached result, rich text as its text, a hyperlink's text, an error as its code. */
function plain(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    if (r === undefined || r === null) return null;
    if (typeof r === 'object' && !(r instanceof Date)) return r.error;
    return plain(r);
  }
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return v.error;
  return null;
}

function cellOf(c: ExcelJS.Cell): Cell | undefined {
  // A merged range's other cells answer with its first cell's value in ExcelJS; in the file they are empty.
  if (c.isMerged && c.master.address !== c.address) return undefined;
  const raw = c.value;
  const value = plain(raw);
  const formula = isObject(raw) && ('formula' in raw || 'sharedFormula' in raw) && c.formula ? `=${c.formula}` : undefined;
  if ((value === null || value === '') && !formula) return undefined;
  const numberFormat = c.numFmt || undefined;
  const row = Number(c.row) - 1;
  const col = Number(c.col) - 1;
  return { address: a1(row, col), row, col, value: value === '' ? null : value, text: displayText(value === '' ? null : value, numberFormat), numberFormat, formula };
}

/** The workbook in the file, every sheet with the cells that hold something (a formula by its cached result). */
export async function readXlsxInBrowser(data: ArrayBuffer, name?: string): Promise<Workbook> {
  if (data.byteLength > MAX_XLSX_BYTES) throw new XlsxFileError('too-large', `${data.byteLength} bytes`);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS declares a Node Buffer; its browser build takes the ArrayBuffer itself.
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxFileError('unreadable', e instanceof Error ? e.message : String(e));
  }
  const sheets: Sheet[] = wb.worksheets.map((ws) => {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (r) => {
      r.eachCell({ includeEmpty: false }, (c) => {
        const cell = cellOf(c);
        if (!cell) return;
        (rows[cell.row] ??= [])[cell.col] = cell;
      });
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
  return { name, sheets };
}
