import ExcelJS from 'exceljs';

export interface GridSheet {
  readonly name: string;
  /** Printed strings; numeric strings are written as numbers showing their printed decimals. */
  readonly grid: ReadonlyArray<ReadonlyArray<string>>;
}

/** A printed number: `1234`, `1,234.50` (a leading zero, as in a code part `05`, stays text). */
const NUMERIC = /^-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?$/;

/**
 * Writes sheets of printed strings as a workbook a finance user would keep: amounts as numbers with a
 * two-decimal format, the title merged across the table and bold.
 */
export async function writeXlsx(sheets: readonly GridSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    // A loop, not Math.max(...rows): a sheet of 200,000 rows would overflow the call stack.
    const width = s.grid.reduce((w, r) => Math.max(w, r.length), 1);
    s.grid.forEach((line, r) => {
      line.forEach((raw, c) => {
        if (raw === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        const m = NUMERIC.exec(raw);
        // 序号 and 栏次 are small integers; amounts carry their printed decimals and thousands separators.
        if (m && m[1] !== undefined) {
          cell.value = Number(raw.replace(/,/g, ''));
          cell.numFmt = `#,##0.${'0'.repeat(m[1].length)}`;
        } else if (m && raw.includes(',')) {
          cell.value = Number(raw.replace(/,/g, ''));
          cell.numFmt = '#,##0';
        } else if (m && r > 0) {
          cell.value = Number(raw);
        } else cell.value = raw;
      });
    });
    if (width > 1 && s.grid.length > 0 && s.grid[0].filter((x) => x !== '').length === 1 && s.grid[0][0] !== '') {
      ws.mergeCells(1, 1, 1, width);
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.getCell(1, 1).alignment = { horizontal: 'center' };
    }
    ws.columns.forEach((col, i) => {
      const longest = s.grid.reduce((w, r, k) => (k === 0 ? w : Math.max(w, [...(r[i] ?? '')].length)), 4);
      col.width = Math.min(40, longest * 2 + 2);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
