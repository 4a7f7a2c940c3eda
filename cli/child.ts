/**
 * The checking process: the batch (cli/pool.ts) starts it with a V8 heap limit and sends it one file at a time.
 * Whatever a file does to it — running it out of memory, looping, crashing — ends this process only; the batch
 * gives that file its verdict and starts another.
 */
import { Catalog } from '../src/catalog/catalog';
import { readCatalogFile } from './catalog-file';
import { checkOne, type CheckSettings } from './check-file';
import { killTree } from './convert';
import type { FileReport } from './report';
import { roundFile, type RoundReport } from './round';
import type { RoundTarget } from '../src/round/round';

export type WirePath = string | { readonly b64: string };

export type ToChild =
  | { readonly type: 'init'; readonly settings: CheckSettings; readonly catalog?: { readonly path: string; readonly year: number } }
  | { readonly type: 'check'; readonly id: number; readonly path: WirePath; readonly display: string }
  | { readonly type: 'round'; readonly id: number; readonly path: WirePath; readonly display: string; readonly output: string; readonly target: RoundTarget };

export type FromChild =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly report: FileReport | RoundReport; readonly maxRssKb: number }
  | { readonly type: 'spawned'; readonly id: number; readonly pid: number };

export function toWire(path: string | Buffer): WirePath {
  return typeof path === 'string' ? path : { b64: path.toString('base64') };
}

export function fromWire(path: WirePath): string | Buffer {
  return typeof path === 'string' ? path : Buffer.from(path.b64, 'base64');
}

function send(m: FromChild): void {
  process.send?.(m);
}

let settings: CheckSettings | undefined;
let catalog: Promise<Catalog | undefined> = Promise.resolve(undefined);
let queue: Promise<void> = Promise.resolve();

async function load(c: { path: string; year: number } | undefined): Promise<Catalog | undefined> {
  if (!c) return undefined;
  try {
    const imported = await readCatalogFile(c.path, c.year);
    return imported.entries > 0 ? Catalog.builtIn().withImported(imported.edition) : undefined;
  } catch {
    return undefined; // the batch read it before starting this process; it said what was wrong then
  }
}

async function handle(m: ToChild): Promise<void> {
  if (m.type === 'init') {
    settings = m.settings;
    catalog = load(m.catalog);
    await catalog;
    send({ type: 'ready' });
    return;
  }
  if (!settings) return;
  const spawned = (pid: number) => {
    converter = pid;
    send({ type: 'spawned', id: m.id, pid });
  };
  const report = m.type === 'round'
    ? await roundFile(fromWire(m.path), m.display, m.output, m.target, settings, spawned)
    : await checkOne(fromWire(m.path), m.display, settings, await catalog, spawned);
  converter = undefined;
  send({ type: 'result', id: m.id, report, maxRssKb: process.resourceUsage().maxRSS });
}

/** LibreOffice's process group while a conversion runs: ended with this process, however it ends. */
let converter: number | undefined;

function quit(): void {
  if (converter !== undefined) killTree(converter);
  process.exit(0);
}

if (require.main === module) {
  process.on('message', (m: ToChild) => { queue = queue.then(() => handle(m)); });
  process.on('disconnect', quit);
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
