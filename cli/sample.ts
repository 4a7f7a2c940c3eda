import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv } from '../src/snapshot';
import { TABLE_KINDS, type TableKind } from '../src/table';
import type { GridSheet } from './write';

/** The bundled sample: 张家口市总工会 2025 年部门预算, the nine 公开表 and the tables printed after them, as published. */
export const SAMPLE_PATH = join('sample', '张家口市总工会2025年部门预算.xlsx');

/** Sheet names a finance user gives the nine tables. */
export const SHEET_NAMES = ['收支总表', '收入总表', '支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '政府性基金支出表', '国有资本经营支出表', '三公经费支出表'];

/** The tables a disclosure prints after the nine, with their sheet names. */
export const MORE_SHEETS: ReadonlyArray<readonly [TableKind, string]> = [
  ['performance-target', '项目绩效目标表'], ['procurement', '政府采购预算表'], ['fixed-assets', '固定资产占用情况表'],
];

export function sampleSheets(dir: string): GridSheet[] {
  return [...TABLE_KINDS.map((k, i) => [k, SHEET_NAMES[i]] as const), ...MORE_SHEETS]
    .map(([k, name]) => ({ name, file: join(dir, `${k}.tsv`) }))
    .filter((s) => existsSync(s.file))
    .map((s) => ({ name: s.name, grid: parseTsv(readFileSync(s.file, 'utf8')) }));
}

/** Where the sample lives in an installed or checked-out package (dist/cli → ../../sample). */
export function samplePath(): string {
  for (const base of [join(__dirname, '..', '..'), join(__dirname, '..')]) {
    const p = join(base, SAMPLE_PATH);
    if (existsSync(p)) return p;
  }
  return join(__dirname, '..', '..', SAMPLE_PATH);
}
