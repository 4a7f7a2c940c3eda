import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Catalog } from '../src/catalog/catalog';

export interface CatalogFigures {
  readonly lookupsPerSecond: number;
  /** A plain Map<string, string> get over the same codes: the floor any lookup is measured against. */
  readonly mapLookupsPerSecond: number;
  readonly loadMs: number;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly entries: number;
}

function rate(n: number, f: () => void): number {
  f(); // warm-up
  const t = performance.now();
  f();
  return n / ((performance.now() - t) / 1000);
}

/** Lookups per second (as SUBJECTNAME does them: text in, normalised, looked up), load time and size. */
export function measureCatalog(distRoot: string): CatalogFigures {
  const catalog = Catalog.builtIn();
  const subjects = catalog.list();
  // What users pass: text codes, numbers, spaced codes, and some unknown ones.
  const inputs: Array<string | number> = subjects.flatMap((s, i) => (i % 10 === 0 ? [Number(s.code), `${s.code.slice(0, 3)} ${s.code.slice(3)}`] : [s.code]));
  inputs.push('2101109', '3019', '5999');
  const rounds = 200;
  let sink = 0;
  const lookups = rate(inputs.length * rounds, () => {
    for (let r = 0; r < rounds; r++) for (const c of inputs) if (catalog.lookup(c).kind === 'found') sink++;
  });
  const plain = new Map(subjects.map((s) => [s.code, s.name]));
  const keys = inputs.map(String);
  const maps = rate(keys.length * rounds, () => {
    for (let r = 0; r < rounds; r++) for (const k of keys) if (plain.get(k) !== undefined) sink++;
  });
  if (sink < 0) throw new Error('unreachable');
  // Load time in a fresh process: require the compiled data and build the editions, as a cold add-in does.
  const script = `const t=process.hrtime.bigint();const {Catalog}=require(${JSON.stringify(join(distRoot, 'src', 'catalog', 'catalog.js'))});Catalog.builtIn().lookup('2101103');console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const loads = [0, 1, 2, 3, 4].map(() => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()));
  const data = readFileSync(join(distRoot, 'src', 'catalog', 'data.generated.js'));
  return {
    lookupsPerSecond: lookups, mapLookupsPerSecond: maps,
    loadMs: loads.sort((a, b) => a - b)[2], bytes: data.length, gzipBytes: gzipSync(data).length, entries: subjects.length,
  };
}
