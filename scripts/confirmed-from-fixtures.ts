// Writes catalog/confirmed.tsv: every code–name pair printed in the published documents transcribed under
// test/fixtures (seed-NNN), with its source. Run: npx tsx scripts/confirmed-from-fixtures.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognizeTables } from '../src/recognize/recognize';
import { parseTsv, sheetFromGrid } from '../src/snapshot';

const root = join(__dirname, '..');
const fixtures = join(root, 'test', 'fixtures');
const pairs = new Map<string, { name: string; sources: Set<string> }>();
for (const dir of readdirSync(fixtures).filter((d) => d.startsWith('seed-')).sort()) {
  const notes = readFileSync(join(fixtures, dir, 'NOTES.md'), 'utf8');
  const title = /^#\s*(.+)$/m.exec(notes)?.[1]?.trim() ?? dir;
  const sheets = readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.tsv')).sort()
    .map((f) => sheetFromGrid(f.replace(/\.tsv$/, ''), parseTsv(readFileSync(join(fixtures, dir, f), 'utf8'))));
  for (const t of recognizeTables({ sheets })) {
    for (const r of t.rows) {
      if (r.code.kind !== 'code' || !r.labels.main) continue;
      const name = r.labels.main.text.replace(/\s+/g, '');
      const key = `${r.code.subject.code}\t${name}`;
      const e = pairs.get(key) ?? { name, sources: new Set<string>() };
      e.sources.add(title);
      pairs.set(key, e);
    }
  }
}
const lines = ['# Code–name pairs printed in published budget documents (transcribed in test/fixtures).', 'code\tname\tsource'];
for (const key of [...pairs.keys()].sort()) {
  const [code] = key.split('\t');
  const e = pairs.get(key)!;
  lines.push(`${code}\t${e.name}\t${[...e.sources].join('; ')}`);
}
writeFileSync(join(root, 'catalog', 'confirmed.tsv'), `${lines.join('\n')}\n`);
console.log(`${pairs.size} pairs`);
