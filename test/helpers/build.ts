import { checkWorkbook, type EngineOptions } from '../../src/engine';
import type { Finding } from '../../src/findings';
import { sheetFromGrid, type Workbook } from '../../src/snapshot';

export type Grid = string[][];

/** A small expenditure-like table: title, unit line, one header row, then the body rows given. */
export function codeTable(title: string, header: readonly string[], body: readonly (readonly string[])[], unit = '单位：万元'): Grid {
  return [[title], [unit], [...header], ...body.map((r) => [...r])];
}

export function book(...sheets: Array<[string, Grid]>): Workbook {
  return { sheets: sheets.map(([name, g]) => sheetFromGrid(name, g)) };
}

/** Checks a small workbook; tables it does not hold are not reported as missing unless asked. */
export function run(wb: Workbook, options?: EngineOptions): readonly Finding[] {
  return checkWorkbook(wb, { expectAll: false, ...options }).findings;
}

export function only(fs: readonly Finding[], rule: string): Finding[] {
  return fs.filter((f) => f.rule === rule);
}

export const EXP_HEADER = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
