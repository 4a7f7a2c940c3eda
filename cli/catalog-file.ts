import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importCatalog, type ImportResult } from '../src/catalog/import';
import { parseCsv } from '../src/csv';
import { readXlsx } from './xlsx';

/** CSV from Chinese Excel is often GB18030 (GBK): decode as UTF-8 when it is valid, else as GB18030. */
export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Reads a catalog exported from the 预算管理一体化 system (.csv or .xlsx, columns code and name). */
export async function readCatalogFile(path: string, year = 0): Promise<ImportResult> {
  const data = readFileSync(path);
  let rows: string[][];
  if (/\.xlsx$/i.test(path)) {
    const wb = await readXlsx(data);
    const sheet = wb.sheets[0];
    rows = sheet ? sheet.rows.map((r) => Array.from({ length: r.length }, (_, c) => r[c]?.text ?? '')) : [];
  } else rows = parseCsv(decodeText(data));
  return importCatalog(rows, basename(path), year);
}
