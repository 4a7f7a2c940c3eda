import { readFileSync } from 'node:fs';
import { samplePath } from '../../../cli/sample';
import { readXlsx } from '../../../cli/xlsx';
import { checkWorkbook } from '../../../src/engine';
import type { Finding } from '../../../src/findings';
import { sheetFromGrid, type Workbook } from '../../../src/snapshot';
import type { FakeExcel } from '../../../taskpane/office/fake';

let sample: Promise<Workbook> | undefined;

/** The bundled 张家口 workbook, read once per test file. */
export function sampleBook(): Promise<Workbook> {
  sample ??= readXlsx(readFileSync(samplePath()));
  return sample;
}

export async function sampleFindings(): Promise<readonly Finding[]> {
  return checkWorkbook(await sampleBook()).findings;
}

/**
 * The sample without its 收支总表 and with a sheet of numbers that is no 公开表: findings about the whole
 * workbook (the missing table: no sheet, no cell) and about a sheet (no cell), besides the 20805 ones.
 */
export async function partialBook(): Promise<Workbook> {
  const book = await sampleBook();
  return { sheets: [...book.sheets.filter((s) => s.name !== '收支总表'), sheetFromGrid('附表', [['备注', '金额'], ['其他', '12.00']])] };
}

/** Every written cell of the named sheets (all when none named): value, text, format, formula. */
export function cellsOf(excel: FakeExcel, only?: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of excel.sheets) {
    if (only && !only.includes(s.name)) continue;
    out[s.name] = [...s.cells].map(([k, c]) => `${k}|${JSON.stringify(c.value)}|${c.text}|${c.numberFormat}|${c.formula ?? ''}`).sort();
  }
  return out;
}

/** A 支出总表 of 500 rows whose 合计 never adds up: hundreds of findings. */
export function manyFindingsBook(): Workbook {
  const rows = [['部门预算支出总表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  for (let i = 0; i < 500; i++) rows.push([String(2010101 + (i % 50)), '行政运行', '12.50', '10.00', '2.00']);
  return { sheets: [sheetFromGrid('支出总表', rows)] };
}
