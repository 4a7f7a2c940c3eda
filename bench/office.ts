import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readXlsx } from '../cli/xlsx';
import { checkWorkbook } from '../src/engine';
import { sheetFromGrid, type Workbook } from '../src/snapshot';
import { FakeExcel } from '../taskpane/office/fake';
import { applyMarks, marksFor } from '../taskpane/office/marks';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from '../taskpane/office/read';

export interface OfficeFigures {
  readonly sampleReadSyncs: number;
  readonly sampleMarkSyncs: number;
  readonly bigReadSyncsDesktop: number;
  readonly bigReadSyncsWeb: number;
  readonly bigMarkSyncs: number;
  readonly functionsGzip?: number;
}

function big(sheets: number, rows: number): Workbook {
  return {
    sheets: Array.from({ length: sheets }, (_, s) => sheetFromGrid(`表${s + 1}`, [
      ['部门预算支出总表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      // Every 7th row off by 0.50, so there is something to mark.
      ...Array.from({ length: rows }, (_, r) => [String(2010101 + (r % 50)), '行政运行', r % 7 === 0 ? '13.00' : '12.50', '10.00', '2.50']),
    ])),
  };
}

/** Syncs the add-in needs against the in-memory Excel, and the size of the functions bundle when built. */
export async function measureOffice(samplePath: string, addinDir: string): Promise<OfficeFigures> {
  const sample = await readXlsx(readFileSync(samplePath));
  const s = new FakeExcel(sample);
  await readWorkbook(s);
  const sampleReadSyncs = s.syncs.length;
  await applyMarks(s, marksFor(checkWorkbook(sample).findings));
  const sampleMarkSyncs = s.syncs.length - sampleReadSyncs;
  const book = big(50, 2000);
  const desk = new FakeExcel(book);
  await readWorkbook(desk);
  const web = new FakeExcel(book);
  await readWorkbook(web, { payloadLimit: WEB_PAYLOAD_LIMIT });
  const before = desk.syncs.length;
  await applyMarks(desk, marksFor(checkWorkbook(book).findings));
  // What the functions run on: their own bundle and the core chunk it shares with the pane (the engine, the catalog).
  const fn = ['core.js', 'functions.js'].map((f) => join(addinDir, f));
  return {
    sampleReadSyncs, sampleMarkSyncs,
    bigReadSyncsDesktop: before, bigReadSyncsWeb: web.syncs.length, bigMarkSyncs: desk.syncs.length - before,
    functionsGzip: fn.every((f) => existsSync(f)) ? fn.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0) : undefined,
  };
}
