// The playground: the built task pane beside the bundled sample workbook drawn as a grid, on the in-memory
// fake Excel with a stub office.js. A demo without Excel, and the stage for browser end-to-end tests.
//   npm run playground                     build, then serve on http://127.0.0.1:3001/
//   npm run playground -- --port 0         any free port
//   npm run playground -- --no-build       reuse dist/playground when it is newer than the sources
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { Configuration, Stats } from 'webpack';
import { samplePath } from '../cli/sample';
import { readXlsx } from '../cli/xlsx';

const ROOT = resolve(__dirname, '..');
export const OUT_DIR = join(ROOT, 'dist', 'playground');
/** Written after each successful build: webpack leaves files whose content did not change untouched. */
const STAMP = '.built';
/** What the playground bundles are built from: newer files here mean dist/playground is stale. */
const SOURCES = ['src', 'taskpane', 'functions', 'playground', 'webpack.config.js', 'tsconfig.addin.json', 'tsconfig.json', 'package.json'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // The solver (highs.wasm): compiled as it streams in only when served as WebAssembly.
  '.wasm': 'application/wasm',
};

// Styles inline (the page's own and Fluent UI's injected ones); nothing may be fetched from elsewhere. The solver
// is WebAssembly, which a Content-Security-Policy must allow to compile ('wasm-unsafe-eval': WebAssembly only,
// never JavaScript's eval).
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** dist/playground exists and nothing it is built from changed since. */
export function isFresh(): boolean {
  const built = join(OUT_DIR, STAMP);
  if (!existsSync(built) || !existsSync(join(OUT_DIR, 'taskpane.js'))) return false;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.every((s) => newest(join(ROOT, s)) <= builtAt);
}

type ConfigFunction = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;
type WebpackFn = (config: Configuration) => { run(cb: (err: Error | null, stats?: Stats) => void): void; close(cb: (err?: Error | null) => void): void };

/** Builds the three bundles and the page into dist/playground with webpack's Node API. */
export async function buildPlayground(): Promise<void> {
  // webpack.config.js is CommonJS and not part of the TypeScript program.
  const load = createRequire(__filename);
  const makeConfig = load(join(ROOT, 'webpack.config.js')) as ConfigFunction;
  const webpack = load('webpack') as WebpackFn;
  // Some plugins resolve the config's relative paths against the working directory.
  const cwd = process.cwd();
  process.chdir(ROOT);
  let stats: Stats | undefined;
  try {
    const config = await makeConfig({ playground: true }, { mode: 'production' });
    const compiler = webpack({ ...config, context: ROOT });
    stats = await new Promise<Stats | undefined>((ok, fail) => {
      compiler.run((err, s) => {
        compiler.close((closeErr) => {
          const e = err ?? closeErr;
          if (e) fail(e);
          else ok(s);
        });
      });
    });
  } finally {
    process.chdir(cwd);
  }
  if (!stats || stats.hasErrors()) {
    const detail = stats ? stats.toString({ all: false, errors: true, errorDetails: false, colors: false }) : '';
    throw new Error(`构建失败 / the playground build failed\n${detail}`);
  }
  writeFileSync(join(OUT_DIR, STAMP), new Date().toISOString());
}

/** The bundled sample as the page loads it: the src/snapshot Workbook, as JSON. */
export async function writeSample(dir = OUT_DIR): Promise<void> {
  const book = await readXlsx(readFileSync(samplePath()), '张家口市总工会2025年部门预算.xlsx');
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: a server already running never serves half a file.
  const tmp = join(dir, `.sample.${process.pid}.json`);
  writeFileSync(tmp, JSON.stringify(book));
  renameSync(tmp, join(dir, 'sample.json'));
}

/** The file a request path names inside root, or undefined for anything that would leave it. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return undefined;
  // No `..`, and no dot files (the build stamp, a sample being written).
  if (path.split('/').some((part) => part.startsWith('.'))) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path}`);
  return file.startsWith(root + sep) ? file : undefined;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'Method Not Allowed');
    return;
  }
  const file = fileFor(root, req.url ?? '/');
  if (!file) {
    send(res, 400, 'Bad Request');
    return;
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    send(res, 404, 'Not Found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    // A demo and a test stage: always the files just built.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export interface PlaygroundOptions {
  /** 0 for any free port; 3001 by default. */
  port?: number;
  /** true (default): always build; false: build only when dist/playground is missing or stale. */
  build?: boolean;
  /** Progress messages; silent by default. */
  log?: (message: string) => void;
}

export interface Playground {
  readonly url: string;
  close(): Promise<void>;
}

const LOCK = join(ROOT, 'dist', '.playground-build.lock');
const STALE_LOCK_MS = 10 * 60_000;

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * webpack runs in a child process: it does not run inside Jest's module sandbox, and the server keeps none
 * of its memory. The child is this script with --build-only.
 */
function buildInChild(): Promise<void> {
  const tsx = createRequire(__filename).resolve('tsx/cli');
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [tsx, __filename, '--build-only'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok();
      else fail(new Error(out.trim() || `构建失败 / the playground build failed (exit code ${code})`));
    });
  });
}

/**
 * One build at a time across processes (test files run in parallel workers, and webpack empties the output
 * directory first): the others wait for it, then find the result fresh.
 */
async function withBuildLock<T>(f: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        // A process that died while building leaves its lock behind.
        const holder = Number(readFileSync(LOCK, 'utf8'));
        if (!isAlive(holder) || Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { force: true });
      } catch {
        // Gone meanwhile: try again.
      }
      await new Promise((ok) => setTimeout(ok, 500));
    }
  }
  try {
    return await f();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

export async function startPlayground(opts: PlaygroundOptions = {}): Promise<Playground> {
  const log = opts.log ?? (() => undefined);
  const port = opts.port ?? 3001;
  const startedAt = Date.now();
  await withBuildLock(async () => {
    // A build finished while this one waited counts as the one asked for.
    const builtSince = existsSync(join(OUT_DIR, STAMP)) && statSync(join(OUT_DIR, STAMP)).mtimeMs >= startedAt;
    if ((opts.build !== false && !builtSince) || !isFresh()) {
      log('正在构建演示页面（约需一分钟）/ building the playground (about a minute)…');
      const t = Date.now();
      await buildInChild();
      log(`构建完成 / built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    } else {
      log('dist/playground 已是最新，跳过构建 / dist/playground is up to date, not rebuilding');
    }
    await writeSample(OUT_DIR);
  });

  const root = resolve(OUT_DIR);
  const server = createServer((req, res) => handle(root, req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') fail(new Error(`端口 ${port} 已被占用，请用 --port 指定其他端口（--port 0 为任意空闲端口）/ port ${port} is already in use: choose another with --port (0 for any free port)`));
      else if (e.code === 'EACCES') fail(new Error(`无权使用端口 ${port} / not allowed to listen on port ${port}`));
      else fail(e);
    });
    // Loopback only: the playground is for this machine.
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((ok, fail) => {
      server.close((e) => (e ? fail(e) : ok()));
      server.closeAllConnections();
    }),
  };
}

function parseArgs(argv: readonly string[]): { port: number; build: boolean } {
  let port = 3001;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') build = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice('--port='.length);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port 需要 0–65535 之间的整数 / --port needs an integer from 0 to 65535: ${v}`);
      port = n;
    } else if (a === '--help' || a === '-h') {
      console.log('npm run playground -- [--port N] [--no-build]');
      process.exit(0);
    } else {
      throw new Error(`未知参数 / unknown option: ${a}`);
    }
  }
  return { port, build };
}

if (require.main === module && process.argv.includes('--build-only')) {
  buildPlayground().then(() => writeSample(OUT_DIR)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
} else if (require.main === module) {
  (async () => {
    const { port, build } = parseArgs(process.argv.slice(2));
    const pg = await startPlayground({ port, build, log: (m) => console.log(m) });
    console.log(`预算表校核助手演示已启动 / playground running at ${pg.url}`);
    console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
    const stop = (): void => { void pg.close().finally(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })().catch((e: unknown) => {
    console.error(`演示页面未能启动 / the playground could not start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
