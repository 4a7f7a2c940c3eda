import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv, sheetFromGrid, type GridOptions, type Sheet, type Workbook } from '../../src/snapshot';
import { ALL_KINDS, TABLE_KINDS, type TableKind } from '../../src/table';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixtureGrid(seed: string, kind: TableKind): string[][] {
  return parseTsv(readFileSync(join(FIXTURES, `seed-${seed}`, `${kind}.tsv`), 'utf8'));
}

export function fixtureSheet(seed: string, kind: TableKind, options?: GridOptions): Sheet {
  return sheetFromGrid(kind, fixtureGrid(seed, kind), options);
}

/** The nine tables of a seed, one sheet each, named by kind id. */
export function seedWorkbook(seed: string, options?: GridOptions): Workbook {
  const sheets = TABLE_KINDS.filter((k) => existsSync(join(FIXTURES, `seed-${seed}`, `${k}.tsv`))).map((k) => fixtureSheet(seed, k, options));
  return { name: `seed-${seed}`, sheets };
}

/** Every table of a seed that is transcribed (the nine, then 绩效目标, 政府采购, 固定资产), one sheet each. */
export function seedBook(seed: string, options?: GridOptions): Workbook {
  const sheets = ALL_KINDS.filter((k) => existsSync(join(FIXTURES, `seed-${seed}`, `${k}.tsv`))).map((k) => fixtureSheet(seed, k, options));
  return { name: `seed-${seed}`, sheets };
}

/** The nine grids of a seed, for tests that change a cell before checking. */
export function seedGrids(seed: string): Map<TableKind, string[][]> {
  const m = new Map<TableKind, string[][]>();
  for (const k of TABLE_KINDS) if (existsSync(join(FIXTURES, `seed-${seed}`, `${k}.tsv`))) m.set(k, fixtureGrid(seed, k));
  return m;
}

export function gridsWorkbook(grids: Map<TableKind, string[][]>, options?: GridOptions): Workbook {
  return { sheets: [...grids].map(([k, g]) => sheetFromGrid(k, g, options)) };
}

/** Index of the first body row (below the 栏次 row) whose cells include `label`. */
export function rowOf(grid: string[][], label: string): number {
  const from = grid.findIndex((row) => /^(栏次|档次)$/.test(row[0]?.trim() ?? ''));
  const r = grid.findIndex((row, i) => i > from && row.some((c) => c.trim() === label));
  if (r < 0) throw new Error(`no row with ${label}`);
  return r;
}

export const CORPUS = join(FIXTURES, 'corpus');

/** The published documents of test/fixtures/corpus (Shanghai 部门预算 / 单位预算 / 决算). */
export const CORPUS_DOCUMENTS = [
  'sh-putuo-wanli-2025-budget', 'sh-putuo-sfj-2026-unit-budget', 'sh-putuo-czj-2024-final', 'sh-putuo-yichuan-2025-final', 'sh-putuo-zfb-2025-budget',
] as const;

/** One corpus document as a workbook: one sheet per file, named as the file without its `NN_` prefix. */
export function corpusWorkbook(doc: string, options?: GridOptions): Workbook {
  const dir = join(CORPUS, doc);
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  return {
    name: doc,
    sheets: files.map((f) => sheetFromGrid(f.replace(/^\d+_/, '').replace(/\.tsv$/, ''), parseTsv(readFileSync(join(dir, f), 'utf8')), options)),
  };
}
