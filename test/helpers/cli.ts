/** The batch checker's main() with its output captured, and corpus documents as the .xlsx files a bureau receives. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { writeXlsx, type GridSheet } from '../../cli/write';
import { parseTsv } from '../../src/snapshot';
import { CORPUS } from './fixtures';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, isTTY: false });
  return { code, out, err };
}

/** A corpus document's tables as sheets (named as their files without `NN_` and `.tsv`), numbers as printed. */
export function corpusSheets(doc: string): GridSheet[] {
  const dir = join(CORPUS, doc);
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()
    .map((f) => ({ name: f.replace(/^\d+_/, '').replace(/\.tsv$/, ''), grid: parseTsv(readFileSync(join(dir, f), 'utf8')) }));
}

/** Writes a corpus document as an .xlsx at `file` (amounts as numbers with their printed formats). */
export async function corpusXlsx(doc: string, file: string): Promise<string> {
  writeFileSync(file, await writeXlsx(corpusSheets(doc)));
  return file;
}
