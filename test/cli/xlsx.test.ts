import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplePath, sampleSheets, SHEET_NAMES } from '../../cli/sample';
import { writeXlsx } from '../../cli/write';
import { displayText, readXlsx } from '../../cli/xlsx';
import { FIXTURES } from '../helpers/fixtures';

describe('reading .xlsx into the snapshot', () => {
  test('the bundled sample holds the seed-004 fixtures exactly (regenerate with scripts/make-sample.ts)', async () => {
    const wb = await readXlsx(readFileSync(samplePath()));
    const grids = sampleSheets(join(FIXTURES, 'seed-004'));
    expect(wb.sheets.map((s) => s.name)).toEqual(SHEET_NAMES);
    for (const [i, g] of grids.entries()) {
      const sheet = wb.sheets[i];
      g.grid.forEach((line, r) => line.forEach((printed, c) => {
        expect(`${sheet.name}!${r},${c}:${sheet.rows[r]?.[c]?.text ?? ''}`).toBe(`${sheet.name}!${r},${c}:${printed}`);
      }));
    }
  });

  test('amounts are numbers with a two-decimal format; the title is merged and kept once', async () => {
    const wb = await readXlsx(readFileSync(samplePath()));
    const income = wb.sheets[1];
    const d13 = income.rows[12][3]!;
    expect(d13).toMatchObject({ address: 'D13', value: 536.45, text: '536.45', numberFormat: '#,##0.00' });
    expect(income.rows[0].filter((c) => c !== undefined)).toHaveLength(1);
  });

  test('formulas keep their cached result and their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('t');
    ws.getCell('A1').value = 1.5;
    ws.getCell('A2').value = { formula: 'A1*2', result: 3 };
    ws.getCell('A2').numFmt = '0.00';
    ws.getCell('A3').value = { richText: [{ text: '公务' }, { text: '接待费' }] };
    const snap = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(snap.sheets[0].rows[1][0]).toMatchObject({ value: 3, text: '3.00', formula: '=A1*2' });
    expect(snap.sheets[0].rows[2][0]).toMatchObject({ value: '公务接待费' });
  });

  test('writeXlsx → readXlsx round-trips printed text', async () => {
    const bytes = await writeXlsx([{ name: '表', grid: [['部门预算支出总表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1,234.50'], ['2012906', '工会事务', '0.10']] }]);
    const snap = await readXlsx(bytes);
    expect(snap.sheets[0].rows.map((r) => r.map((c) => c?.text ?? ''))).toEqual([
      ['部门预算支出总表'], ['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1,234.50'], ['2012906', '工会事务', '0.10'],
    ]);
  });

  test('displayText groups thousands only when the format asks for it', () => {
    expect(displayText(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(displayText(1234.5, '0.00')).toBe('1234.50');
    expect(displayText(0.1 + 0.2, undefined)).toBe('0.3');
  });
});
