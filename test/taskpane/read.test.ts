/// <reference types="office-js" />
import { readFileSync } from 'node:fs';
import { samplePath } from '../../cli/sample';
import { readXlsx } from '../../cli/xlsx';
import { checkWorkbook } from '../../src/engine';
import { sheetFromGrid, type Workbook } from '../../src/snapshot';
import { FakeExcel } from '../../taskpane/office/fake';
import type { ExcelContext } from '../../taskpane/office/port';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from '../../taskpane/office/read';

// The real Excel.RequestContext must satisfy the port the adapter is written against.
export const realExcelFitsThePort = (c: Excel.RequestContext): ExcelContext => c;

function bigWorkbook(sheets: number, rows: number): Workbook {
  return {
    sheets: Array.from({ length: sheets }, (_, s) => sheetFromGrid(`表${s + 1}`, [
      ['部门预算支出总表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ...Array.from({ length: rows }, (_, r) => [String(2010101 + (r % 50)), '行政运行', '12.50', '10.00', '2.50']),
    ])),
  };
}

describe('reading a workbook through the Office port', () => {
  test('the sample reads in 3 syncs into the same snapshot, and the same findings, as the .xlsx reader', async () => {
    const fromFile = await readXlsx(readFileSync(samplePath()));
    const excel = new FakeExcel(fromFile);
    const live = await readWorkbook(excel);
    expect(excel.syncs).toHaveLength(3);
    expect(live.sheets.map((s) => s.name)).toEqual(fromFile.sheets.map((s) => s.name));
    const texts = (wb: Workbook) => wb.sheets.map((s) => s.rows.map((r) => r.map((c) => c?.text ?? '').join('\t')).join('\n'));
    expect(texts(live)).toEqual(texts(fromFile));
    expect(checkWorkbook(live).findings).toEqual(checkWorkbook(fromFile).findings);
  });

  test('50 sheets × 2,000 rows: still 3 syncs on desktop', async () => {
    const excel = new FakeExcel(bigWorkbook(50, 2000));
    const wb = await readWorkbook(excel);
    expect(excel.syncs).toHaveLength(3);
    expect(wb.sheets).toHaveLength(50);
    expect(wb.sheets[49].rows[2001][2]).toMatchObject({ address: 'C2002', value: 12.5, text: '12.50', numberFormat: '0.00' });
  });

  test('on the web every sync stays under the 5 MB payload limit, in as few syncs as that allows', async () => {
    const excel = new FakeExcel(bigWorkbook(50, 2000));
    const wb = await readWorkbook(excel, { payloadLimit: WEB_PAYLOAD_LIMIT });
    expect(Math.max(...excel.syncs)).toBeLessThan(5 * 1024 * 1024);
    const cellBytes = excel.syncs.slice(2).reduce((a, b) => a + b, 0);
    // No more syncs than the data needs at the limit, plus the cautious first batch and a partly filled last one.
    expect(excel.syncs.length - 2).toBeLessThanOrEqual(Math.ceil(cellBytes / WEB_PAYLOAD_LIMIT) + 2);
    expect(wb.sheets[49].rows[2001][4]).toMatchObject({ value: 2.5 });
  });

  test('empty sheets are kept as empty sheets', async () => {
    const excel = new FakeExcel({ sheets: [{ name: '空表', rows: [] }, sheetFromGrid('支出总表', [['部门预算支出总表']])] });
    const wb = await readWorkbook(excel);
    expect(wb.sheets.map((s) => [s.name, s.rows.length])).toEqual([['空表', 0], ['支出总表', 1]]);
  });
});
