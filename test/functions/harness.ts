// Runs the BUILT custom functions bundle (dist/addin-test/functions.js) the way Excel's JavaScript runtime does:
// the bundle is evaluated in its own `vm` context whose host objects are a fake `CustomFunctions` (associate,
// Error, ErrorCode) and, as on the shared-runtime page, a `document` that loads the bundle's lazy chunks
// (solver.js) and a `fetch` (highs.wasm) — both serving the built files under the add-in's base URL only, and
// recording what was asked for. Functions are called with what Excel passes — 2-D arrays for range parameters,
// scalars otherwise, null for an omitted optional parameter, and an Invocation object last. The add-in is rebuilt when
// it is missing or older than its sources, with the README's intranet command exactly as a user types it
// (`npm run build:addin -- --env baseUrl=…`), into dist/addin-test so that a user's own dist/addin is never
// replaced by a test; the built manifests are checked from there too (test/manifest/built.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import type { FunctionMetadata, FunctionsMetadata } from '../../scripts/localize-functions';

const ROOT = join(__dirname, '..', '..');
export const ADDIN_DIR = join(ROOT, 'dist', 'addin-test');
/** The base the test build is made for: an intranet server, not the dev server. */
export const TEST_BASE_URL = 'https://budget.czj.example/addin/';
/** `npm run build:addin` with the README's intranet option, and the test's own output folder. */
export const BUILD_ARGS = ['run', 'build:addin', '--', '--env', `baseUrl=${TEST_BASE_URL}`, '--env', 'out=addin-test'] as const;
export const BUNDLE = join(ADDIN_DIR, 'functions.js');
export const METADATA = join(ADDIN_DIR, 'functions.json');
/** What the bundle is built from: a change to any of these makes it stale. */
const SOURCES = ['functions', 'src', 'taskpane', 'webpack.config.js', 'tsconfig.json', 'tsconfig.addin.json', 'package.json',
  'manifest.xml', 'manifest-excel2016-2019.xml', 'scripts/localize-functions.ts'].map((p) => join(ROOT, p));
const BUILD_TIMEOUT_MS = 300_000;
/** Serialises the add-in's builds between Jest workers and npm start: webpack's `clean` empties the output folder while it builds. */
const LOCK = join(ROOT, 'dist', '.addin-build.lock');

type CustomFunction = (...args: unknown[]) => unknown;

export interface CallResult {
  value?: unknown;
  /** An Excel error: a thrown CustomFunctions.Error, or #VALUE! with `unhandled` for any other exception. */
  error?: { code: string; message: string; unhandled?: true };
}

/** The fake runtime's error class, as the bundle sees it in `new CustomFunctions.Error(code, message)`. */
export class CustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
    this.name = 'CustomFunctions.Error';
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!',
} as const;

/** Passed as the last argument of callFunction: what Excel puts in the Invocation besides the function name. */
export class InvocationArgs {
  constructor(readonly parameterAddresses?: readonly string[], readonly address?: string) {}
}

/** The addresses of the arguments, one per parameter, for a function with requiresParameterAddresses. */
export const at = (...parameterAddresses: string[]): InvocationArgs => new InvocationArgs(parameterAddresses);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

export function isStale(): boolean {
  if (!existsSync(BUNDLE) || !existsSync(METADATA)) return true;
  return statSync(BUNDLE).mtimeMs < Math.max(...SOURCES.map(newest));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function withLock<T>(run: () => T): T {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!tryLock()) {
    const held = statSync(LOCK, { throwIfNoEntry: false });
    if (!held) continue; // released meanwhile
    // A lock older than a build can take was left by a killed run.
    if (Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`waited ${BUILD_TIMEOUT_MS / 1000} s for another build to release ${LOCK}`);
    else sleep(250);
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds dist/addin-test when it is missing or stale; true when it built. At most one build per process. */
export function ensureBuilt(): boolean {
  if (!isStale()) return false;
  return withLock(() => {
    if (!isStale()) return false; // another worker built it while we waited
    const started = new Date();
    const r = spawnSync('npm', [...BUILD_ARGS], {
      cwd: ROOT, timeout: BUILD_TIMEOUT_MS, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32',
    });
    if (r.error || r.status !== 0) {
      const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`;
      throw new Error(`npm ${BUILD_ARGS.join(' ')} failed (${why}):\n${`${r.stdout ?? ''}\n${r.stderr ?? ''}`.slice(-8000)}`);
    }
    // webpack leaves an unchanged asset untouched ("compared for emit"): date the bundle from the start of the
    // build, so a source saved during the build still makes it stale.
    utimesSync(BUNDLE, started, started);
    return true;
  });
}

interface Loaded {
  readonly registrations: ReadonlyMap<string, CustomFunction>;
  readonly metadata: FunctionsMetadata;
  /** JSON.parse of the bundle's realm, so arguments are arrays of that realm as in Excel. */
  readonly parse: (json: string) => unknown;
}

/** Every URL the bundle asked for (scripts and fetches), in order, and what it wrote to the console's error. */
export const requests: string[] = [];
export const consoleErrors: string[] = [];

/** A built file of the add-in for a URL under its base (the test build's), or undefined for any other URL. */
function builtFile(url: string): string | undefined {
  if (!url.startsWith(TEST_BASE_URL)) return undefined;
  const file = join(ADDIN_DIR, url.slice(TEST_BASE_URL.length).split(/[?#]/)[0]);
  return file.startsWith(ADDIN_DIR) && existsSync(file) ? file : undefined;
}

/** A <script> element as webpack's chunk loader uses it: attributes, src, onload / onerror. */
class ScriptElement {
  src = '';
  charset = '';
  timeout = 0;
  parentNode: null = null;
  onload: ((event: { type: string; target: ScriptElement }) => void) | null = null;
  onerror: ((event: { type: string; target: ScriptElement }) => void) | null = null;
  private readonly attributes = new Map<string, string>();
  setAttribute(name: string, value: string): void { this.attributes.set(name, value); }
  getAttribute(name: string): string | null { return name === 'src' ? this.src : this.attributes.get(name) ?? null; }
}

/** What webpack's runtime and HiGHS's loader use of a page: script elements and fetch, from the add-in's files. */
function pageHost(run: (code: string, file: string) => void): Record<string, unknown> {
  const document = {
    baseURI: TEST_BASE_URL,
    currentScript: null,
    getElementsByTagName: (): ScriptElement[] => [],
    createElement: (tag: string): ScriptElement => {
      if (tag !== 'script') throw new Error(`the harness page makes no <${tag}>`);
      return new ScriptElement();
    },
    head: {
      appendChild: (script: ScriptElement): void => {
        requests.push(script.src);
        // A script runs after the current task, as in a browser.
        setTimeout(() => {
          const file = builtFile(script.src);
          if (!file) {
            script.onerror?.({ type: 'error', target: script });
            return;
          }
          run(readFileSync(file, 'utf8'), file);
          script.onload?.({ type: 'load', target: script });
        }, 0);
      },
    },
  };
  const fetch = async (url: string): Promise<Response> => {
    requests.push(url);
    const file = builtFile(url);
    if (!file) return new Response('Not Found', { status: 404 });
    const type = file.endsWith('.wasm') ? 'application/wasm' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    return new Response(readFileSync(file), { status: 200, headers: { 'Content-Type': type } });
  };
  const console_ = { ...console, error: (...args: unknown[]) => { consoleErrors.push(args.map(String).join(' ')); } };
  return { document, fetch, performance, console: console_ };
}

let loaded: Loaded | undefined;

/** Builds if needed and evaluates the bundle once; later calls return the same registrations. */
/** The built add-in's own scripts a page lists, in order, up to and including `last` (office.js and the webview check apart). */
function pageScripts(page: string, last: string): string[] {
  const html = readFileSync(join(ADDIN_DIR, page), 'utf8');
  const names = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => src.startsWith(TEST_BASE_URL)).map((src) => src.slice(TEST_BASE_URL.length));
  const end = names.indexOf(last);
  if (end < 0) throw new Error(`${page} does not load ${last}: ${names.join(', ')}`);
  return names.slice(0, end + 1).map((n) => join(ADDIN_DIR, n));
}

export function loadBundle(): Loaded {
  if (loaded) return loaded;
  ensureBuilt();
  const registrations = new Map<string, CustomFunction>();
  const register = (id: string, fn: unknown): void => {
    if (typeof fn !== 'function') throw new TypeError(`CustomFunctions.associate("${id}") was given ${typeof fn}, not a function`);
    const before = registrations.get(id);
    // custom-functions-metadata-plugin appends associate() calls of its own: the same function again is fine.
    if (before && before !== fn) throw new Error(`CustomFunctions.associate("${id}") was called with two different functions`);
    registrations.set(id, fn as CustomFunction);
  };
  const CustomFunctions = {
    associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
      if (typeof idOrMappings === 'string') register(idOrMappings, fn);
      else for (const [id, f] of Object.entries(idOrMappings)) register(id, f);
    },
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
  };
  const page = pageHost((code, file) => runInContext(code, context, { filename: file }));
  const context = createContext({ CustomFunctions, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, ...page });
  runInContext('globalThis.self = globalThis; globalThis.window = globalThis;', context);
  // The bundles as the shared-runtime page lists them, up to the functions' own: the core chunk they share with
  // the pane first (the functions run only once it is there).
  for (const file of pageScripts('taskpane.html', 'functions.js')) runInContext(readFileSync(file, 'utf8'), context, { filename: file, timeout: 30_000 });
  const metadata = JSON.parse(readFileSync(METADATA, 'utf8')) as FunctionsMetadata;
  loaded = { registrations, metadata, parse: runInContext('JSON.parse', context) as (json: string) => unknown };
  return loaded;
}

export function registeredIds(): string[] {
  return [...loadBundle().registrations.keys()];
}

export function metadataOf(id: string): FunctionMetadata {
  const f = loadBundle().metadata.functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is not in ${METADATA}`);
  return f;
}

type Scalar = string | number | boolean | null;

function scalarOrThrow(v: unknown, where: string): Scalar {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  throw new TypeError(`${where}: ${String(v)} is not a value Excel can pass (string, finite number, boolean or null)`);
}

/** The argument as Excel passes it for this parameter: a 2-D array for a range, a scalar otherwise. */
function excelArgument(f: FunctionMetadata, index: number, v: unknown): unknown {
  const p = f.parameters[index];
  const where = `${f.id} parameter ${p.name}`;
  if (p.dimensionality === 'matrix') {
    if (!Array.isArray(v)) return [[scalarOrThrow(v, where)]];
    return v.map((row, r) => {
      if (!Array.isArray(row)) throw new TypeError(`${where}: row ${r} is not an array; a range is a 2-D array`);
      return row.map((c, col) => scalarOrThrow(c, `${where}[${r}][${col}]`));
    });
  }
  if (Array.isArray(v)) throw new TypeError(`${where} takes a single value, not a range`);
  return scalarOrThrow(v, where);
}

/**
 * Calls a registered function as Excel would. Arguments are given in parameter order (an omitted optional
 * parameter is passed as null); for a function with requiresParameterAddresses, end with at('Sheet!A1:B2').
 * A function that answers with a promise is called with callFunctionAsync.
 */
export function callFunction(id: string, ...args: unknown[]): CallResult {
  const { fn, inRealm } = prepare(id, args);
  let result: unknown;
  try {
    result = fn(...inRealm);
  } catch (e) {
    return settled(e);
  }
  if (isThenable(result)) throw new Error(`${id} returned a promise: call it with callFunctionAsync`);
  return answer(result);
}

/** As callFunction, for a function that may answer with a promise (Excel shows #BUSY! until it settles). */
export async function callFunctionAsync(id: string, ...args: unknown[]): Promise<CallResult> {
  const { fn, inRealm } = prepare(id, args);
  try {
    return answer(await fn(...inRealm));
  } catch (e) {
    return settled(e);
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** A thrown (or rejected) value as Excel shows it. */
function settled(e: unknown): CallResult {
  if (e instanceof CustomFunctionsError) return { error: { code: e.code, message: e.message } };
  // An exception of the bundle's realm is not a host Error: read its message by shape.
  const message = typeof (e as { message?: unknown } | null)?.message === 'string' ? (e as { message: string }).message : String(e);
  return { error: { code: ERROR_CODES.invalidValue, message, unhandled: true } };
}

function answer(result: unknown): CallResult {
  if (result instanceof CustomFunctionsError) return { error: { code: result.code, message: result.message } };
  return { value: typeof result === 'object' && result !== null ? JSON.parse(JSON.stringify(result)) : result };
}

function prepare(id: string, args: unknown[]): { fn: CustomFunction; inRealm: unknown[] } {
  const { registrations, parse } = loadBundle();
  const fn = registrations.get(id);
  if (!fn) throw new Error(`${id} is not registered by the bundle (registered: ${[...registrations.keys()].join(', ')})`);
  const f = metadataOf(id);
  const last = args[args.length - 1];
  const inv = last instanceof InvocationArgs ? last : undefined;
  const values = inv ? args.slice(0, -1) : args;
  if (f.parameters.some((p) => p.repeating)) throw new Error(`${id}: repeating parameters are not supported by the harness`);
  if (values.length > f.parameters.length) throw new Error(`${id} takes ${f.parameters.length} arguments, ${values.length} given`);
  const missing = f.parameters.slice(values.length).find((p) => !p.optional);
  if (missing) throw new Error(`${id}: the required argument ${missing.name} is missing`);
  const excelArgs = f.parameters.map((_, i) => (i < values.length ? excelArgument(f, i, values[i]) : null));

  const invocation: Record<string, unknown> = { functionName: id };
  if (f.options?.requiresParameterAddresses) {
    if (!inv?.parameterAddresses) throw new Error(`${id} requires parameter addresses: end the arguments with at('Sheet1!A1:B2', …)`);
    invocation.parameterAddresses = [...inv.parameterAddresses];
  } else if (inv?.parameterAddresses) {
    throw new Error(`${id} does not declare requiresParameterAddresses, so Excel would not pass parameter addresses`);
  }
  if (f.options?.requiresAddress) invocation.address = inv?.address ?? 'Sheet1!A1';

  // Into the bundle's realm, as the runtime's own arrays and objects.
  const inRealm = [...excelArgs, invocation].map((a) => (a === null ? null : parse(JSON.stringify(a))));
  return { fn, inRealm };
}
