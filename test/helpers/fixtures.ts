import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseTsv, sheetFromGrid, type GridOptions, type Sheet, type Workbook } from '../../src/snapshot';
import { TABLE_KINDS, type TableKind } from '../../src/table';

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
