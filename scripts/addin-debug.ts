// `npm start` / `npm stop` for the Excel add-in, the convention of office-addin-debugging, in one script:
//   npm start [-- --desktop|--web] [--no-sideload] [--port 3000]
//       builds dist/addin-debug (development; never dist/addin, which may hold a production build for the
//       intranet), starts the webpack dev server in the background, waits until it answers, then sideloads
//       dist/addin-debug/manifest.xml into Excel desktop (Windows, macOS) or prints the Excel-on-the-web upload
//       steps (Linux, or --web)
//   npm stop
//       stops that server and unregisters the manifest
// The session is recorded in dist/.addin-debug.json (ADDIN_DEBUG_STATE overrides the path, for the tests).
//
// Why not office-addin-debugging / office-addin-dev-settings themselves: they do not install with `npm ci` on a
// fresh machine. office-addin-dev-settings (3.x and 4.0.0, so office-addin-debugging 6.x and 7.0.0) has the peer
// dependency @microsoft/m365agentstoolkit-cli, which npm installs, and under it @azure/msal-node-extensions needs
// keytar: a native module whose install script downloads a prebuilt binary from github.com (unreachable here and
// on a closed intranet) and otherwise compiles against libsecret-1 (headers absent on a fresh machine; on
// Windows, Visual Studio's build tools). Only `--omit=peer` for every install of the project would avoid it.
// What is ours here is what is specific to this project: the background server with its state file, the build
// lock shared with the tests, Linux (Excel on the web), bilingual messages. The manifest is read with
// office-addin-manifest, which does install cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
/** Where `npm start` builds: not dist/addin, so a production build there (npm run build:addin) survives it. */
export const ADDIN_DIR_NAME = 'addin-debug';
export const ADDIN_DIR = join(ROOT, 'dist', ADDIN_DIR_NAME);
export const BUILT_MANIFEST = join(ADDIN_DIR, 'manifest.xml');
export const DEFAULT_STATE_FILE = join(ROOT, 'dist', '.addin-debug.json');
export const DEFAULT_PORT = 3000;
/** The dev server compiles in memory before it answers: a minute or two on a busy machine. */
const READY_TIMEOUT_MS = 180_000;
/**
 * The lock test/functions/harness.ts takes too: one webpack build of the add-in at a time on this machine (its
 * output folder is emptied while it builds, and two builds at once on two cores take longer than one after another).
 */
const BUILD_LOCK = join(ROOT, 'dist', '.addin-build.lock');
const STALE_LOCK_MS = 300_000;

/**
 * Where Excel desktop on Windows looks for developer (sideloaded) manifests: one REG_SZ value per add-in,
 * named by the add-in id, whose data is the manifest's absolute path. office-addin-dev-settings
 * (OfficeDev/Office-Addin-Scripts, packages/office-addin-dev-settings/src/dev-settings-windows.ts) uses
 * `HKEY_CURRENT_USER\SOFTWARE\Microsoft\Office\16.0\Wef\Developer`: registerAddIn() adds the value
 * (addinId → manifestPath) and unregisterAddIn() deletes it. Registry paths are case-insensitive.
 */
export const WEF_DEVELOPER_KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
/**
 * Excel for Mac's sideload folder, relative to the home directory; office-addin-dev-settings
 * (src/dev-settings-mac.ts, getSideloadDirectory) names the file `${id}.${basename(manifestPath)}`.
 */
export const MAC_WEF_DIR = 'Library/Containers/com.microsoft.Excel/Data/Documents/wef';

/** A failure the user can act on: its message is already bilingual and is printed without a stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * office-addin-manifest, loaded when first needed with Node's own require: a dependency of it
 * (@microsoft/app-manifest → strip-bom) is an ES module that Node 20.19+ requires natively, and Jest's module
 * system does not.
 */
function officeAddinManifest(): typeof import('office-addin-manifest') {
  try {
    return createRequire(__filename)('office-addin-manifest') as typeof import('office-addin-manifest');
  } catch (e) {
    throw new CliError(`无法加载 office-addin-manifest（需要 Node.js 20.19 及以上）/ cannot load office-addin-manifest (it needs Node.js 20.19 or later): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** The add-in id: the <Id> of the manifest at `path` (a GUID), read with office-addin-manifest. */
export async function readAddinId(path: string): Promise<string> {
  const { OfficeAddinManifest } = officeAddinManifest();
  let id: string | undefined;
  try {
    id = (await OfficeAddinManifest.readManifestFile(path)).id;
  } catch (e) {
    throw new CliError(`无法读取清单 / cannot read the manifest ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const text = id?.trim() ?? '';
  if (text === '') throw new CliError('清单中没有 <Id> 元素 / the manifest has no <Id> element');
  if (!GUID.test(text)) throw new CliError(`清单的 <Id> 不是 GUID / the manifest's <Id> is not a GUID: ${text}`);
  return text;
}

export type Step =
  /** Runs a program; an optional step that fails is reported as a warning only. */
  | { readonly kind: 'run'; readonly command: string; readonly args: readonly string[]; readonly optional?: boolean }
  | { readonly kind: 'mkdir'; readonly path: string }
  | { readonly kind: 'copy'; readonly from: string; readonly to: string }
  | { readonly kind: 'remove'; readonly path: string };

export interface Bilingual {
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

export interface SideloadPlan {
  readonly target: 'windows' | 'mac' | 'web';
  /** Makes Excel find the manifest (nothing for the web: the user uploads it there). */
  readonly register: readonly Step[];
  /** Opens Excel. */
  readonly launch: readonly Step[];
  /** Undoes register (npm stop). */
  readonly unregister: readonly Step[];
  /** What register did and what to do in Excel next. */
  readonly registered: Bilingual;
  /** What unregister did. */
  readonly unregistered: Bilingual;
}

export interface PlanOptions {
  /** Excel on the web even where Excel desktop exists. */
  readonly web?: boolean;
  /** The dev server's base URL, for the web instructions. */
  readonly baseUrl?: string;
}

/**
 * What sideloading means on a platform, as data: the registry value (Windows), the copied manifest (macOS), or
 * the steps to upload it in Excel on the web (Linux has no Excel desktop). Pure, so it is tested on any OS.
 */
export function sideloadPlan(platform: NodeJS.Platform, manifestPath: string, id: string, home: string, options: PlanOptions = {}): SideloadPlan {
  if (platform === 'win32' && !options.web) {
    return {
      target: 'windows',
      register: [{ kind: 'run', command: 'reg', args: ['add', WEF_DEVELOPER_KEY, '/v', id, '/t', 'REG_SZ', '/d', manifestPath, '/f'] }],
      // `start` is a cmd built-in; the empty argument is its window title (Node passes it as ""), so "excel" is
      // the program. office-addin-debugging opens a generated workbook that embeds the task pane instead.
      launch: [{ kind: 'run', command: 'cmd', args: ['/c', 'start', '', 'excel'], optional: true }],
      // Optional: the value may already be gone (deleted by hand, or by office-addin-dev-settings).
      unregister: [{ kind: 'run', command: 'reg', args: ['delete', WEF_DEVELOPER_KEY, '/v', id, '/f'], optional: true }],
      registered: {
        zh: [
          `已在注册表 ${WEF_DEVELOPER_KEY} 中登记加载项（值名 ${id}，清单 ${manifestPath}）。`,
          '在 Excel 中新建或打开工作簿，功能区会出现「预算校核」选项卡；若没有出现：插入 → 我的加载项 → 开发人员加载项，选择「预算表校核助手」。',
        ],
        en: [
          `Registered the add-in under ${WEF_DEVELOPER_KEY} (value ${id}, manifest ${manifestPath}).`,
          'Create or open a workbook in Excel: the 预算校核 tab appears on the ribbon; if it does not, Insert → My Add-ins → Developer Add-ins, and pick 预算表校核助手 (Budget Table Assistant).',
        ],
      },
      unregistered: {
        zh: [`已从注册表 ${WEF_DEVELOPER_KEY} 删除值 ${id}。`],
        en: [`Deleted the value ${id} from ${WEF_DEVELOPER_KEY}.`],
      },
    };
  }
  if (platform === 'darwin' && !options.web) {
    const dir = posix.join(home, MAC_WEF_DIR);
    const target = posix.join(dir, `${id}.${posix.basename(manifestPath)}`);
    return {
      target: 'mac',
      // A copy, not office-addin-dev-settings' hard link: webpack's `clean` replaces dist/addin/manifest.xml
      // with a new file on every build, which would leave a link pointing at the old one.
      register: [{ kind: 'mkdir', path: dir }, { kind: 'copy', from: manifestPath, to: target }],
      launch: [{ kind: 'run', command: 'open', args: ['-a', 'Microsoft Excel'], optional: true }],
      unregister: [{ kind: 'remove', path: target }],
      registered: {
        zh: [
          `已把清单复制到 ${target}。`,
          '在 Excel 中新建或打开工作簿，功能区会出现「预算校核」选项卡；若没有出现：插入 → 加载项 → 我的加载项，选择「预算表校核助手」。',
        ],
        en: [
          `Copied the manifest to ${target}.`,
          'Create or open a workbook in Excel: the 预算校核 tab appears on the ribbon; if it does not, Insert → Add-ins → My Add-ins, and pick 预算表校核助手 (Budget Table Assistant).',
        ],
      },
      unregistered: {
        zh: [`已删除 ${target}。`],
        en: [`Deleted ${target}.`],
      },
    };
  }
  const page = `${options.baseUrl ?? `https://localhost:${DEFAULT_PORT}/`}taskpane.html`;
  return {
    target: 'web',
    register: [],
    launch: [],
    unregister: [],
    registered: {
      zh: [
        '这里没有桌面版 Excel，请在 Excel 网页版中旁加载：',
        `  1. 在同一台电脑的浏览器中打开 ${page}；若提示证书不受信任，选择继续访问（开发服务器可能使用自签名证书）。`,
        '  2. 在 Excel 网页版中打开一个工作簿。',
        `  3. 插入 → 加载项 → 管理我的加载项 → 上传我的加载项，选择 ${manifestPath}。`,
        '  4. 功能区会出现「预算校核」选项卡。',
      ],
      en: [
        'No Excel desktop here: sideload into Excel on the web:',
        `  1. In a browser on this computer, open ${page}; if it warns about the certificate, proceed (the dev server may use a self-signed certificate).`,
        '  2. Open a workbook in Excel on the web.',
        `  3. Insert → Add-ins → Manage My Add-ins → Upload My Add-in, and pick ${manifestPath}.`,
        '  4. The 预算校核 tab appears on the ribbon.',
      ],
    },
    unregistered: {
      zh: ['Excel 网页版中上传的加载项无需注销（关闭工作簿后即不再加载）。'],
      en: ['Nothing to unregister for Excel on the web (an uploaded add-in is not loaded once the workbook is closed).'],
    },
  };
}

export interface StartOptions {
  /** Undefined: Excel desktop where there is one (Windows, macOS), else Excel on the web. */
  readonly mode?: 'desktop' | 'web';
  readonly sideload: boolean;
  readonly port: number;
}

export type Command =
  | { readonly command: 'start'; readonly options: StartOptions }
  | { readonly command: 'stop' }
  | { readonly command: 'help' };

export const USAGE = [
  '用法 / usage:',
  '  npm start [-- --desktop|--web] [--no-sideload] [--port 3000]   构建、启动开发服务器并旁加载 / build, serve and sideload',
  '  npm stop                                                      停止并注销 / stop and unregister',
].join('\n');

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'stop') {
    if (rest.length > 0) throw new CliError(`stop 不接受参数 / stop takes no options: ${rest.join(' ')}\n${USAGE}`);
    return { command: 'stop' };
  }
  if (command !== 'start') throw new CliError(`未知命令 / unknown command: ${command}\n${USAGE}`);
  let mode: 'desktop' | 'web' | undefined;
  let sideload = true;
  let port = DEFAULT_PORT;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--desktop' || a === '--web') {
      const m = a === '--web' ? 'web' : 'desktop';
      if (mode !== undefined && mode !== m) throw new CliError('--desktop 与 --web 只能选一个 / choose either --desktop or --web');
      mode = m;
    } else if (a === '--no-sideload') {
      sideload = false;
    } else if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? rest[++i] : a.slice('--port='.length);
      const n = Number(v);
      // No port 0: the manifest's URLs are built for the port before the server starts.
      if (v === undefined || v.trim() === '' || !Number.isInteger(n) || n < 1 || n > 65535) {
        throw new CliError(`--port 需要 1–65535 之间的整数 / --port needs an integer from 1 to 65535: ${v ?? '(missing)'}`);
      }
      port = n;
    } else if (a === '--help' || a === '-h') {
      return { command: 'help' };
    } else {
      throw new CliError(`未知参数 / unknown option: ${a}\n${USAGE}`);
    }
  }
  return { command: 'start', options: { mode, sideload, port } };
}

/** What npm stop needs to undo npm start. */
export interface DebugState {
  /** The dev server, leader of its own process group. */
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  readonly platform: NodeJS.Platform;
  readonly target: SideloadPlan['target'];
  readonly addinId: string;
  readonly manifestPath: string;
  /** Whether register ran (stop then runs unregister). */
  readonly sideloaded: boolean;
  readonly log: string;
  readonly startedAt: string;
}

export function stateFile(): string {
  return process.env.ADDIN_DEBUG_STATE ? resolve(process.env.ADDIN_DEBUG_STATE) : DEFAULT_STATE_FILE;
}

export function writeState(path: string, state: DebugState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

function isDebugState(v: unknown): v is DebugState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Number.isInteger(o.pid) && (o.pid as number) > 0 && Number.isInteger(o.port)
    && typeof o.baseUrl === 'string' && typeof o.platform === 'string'
    && (o.target === 'windows' || o.target === 'mac' || o.target === 'web')
    && typeof o.addinId === 'string' && typeof o.manifestPath === 'string' && typeof o.sideloaded === 'boolean'
    && typeof o.log === 'string' && typeof o.startedAt === 'string';
}

/** The recorded session, undefined when there is none; a file that is not one is a CliError. */
export function readState(path: string): DebugState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isDebugState(parsed)) throw new CliError(`状态文件已损坏 / the state file is damaged: ${path}`);
  return parsed;
}

export function removeState(path: string): void {
  rmSync(path, { force: true });
}

/** The process exists (a zombie, exited but not yet reaped, does not count). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform === 'linux') {
    try {
      // /proc/PID/stat: "pid (comm) state …"; comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

/** The PID still names the dev server (not another process that got the number after it exited). */
function isOurServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    if (process.platform === 'linux') return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('webpack');
    if (process.platform === 'darwin') {
      const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
      return r.status === 0 && r.stdout.includes('webpack');
    }
  } catch {
    return false;
  }
  return true;
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

/** Stops the server's whole process group; 'gone' when it had already exited. */
export async function killServer(pid: number): Promise<'stopped' | 'gone'> {
  if (!isOurServer(pid)) return 'gone';
  if (process.platform === 'win32') {
    // No process groups on Windows: /T ends the process tree.
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
  } else {
    const signal = (s: NodeJS.Signals): boolean => {
      try {
        process.kill(-pid, s);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
        throw e;
      }
    };
    if (!signal('SIGTERM')) return 'gone';
    for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
    if (isAlive(pid)) signal('SIGKILL');
  }
  for (let waited = 0; waited < 5_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) throw new CliError(`无法结束开发服务器（进程 ${pid}）/ could not end the dev server (process ${pid})`);
  return 'stopped';
}

/** Whether nothing listens on the port (on every interface, as the dev server will listen). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') ok(false);
      else if (e.code === 'EACCES') fail(new CliError(`无权使用端口 ${port} / not allowed to listen on port ${port}`));
      else fail(e);
    });
    server.listen(port, () => server.close(() => ok(true)));
  });
}

function portBusy(port: number): CliError {
  return new CliError(`端口 ${port} 已被占用，请用 --port 指定其他端口 / port ${port} is already in use: choose another with --port`);
}

/** The build lock is held by a live process (our lock records its PID; the harness's has none: mtime only). */
function lockIsStale(): boolean {
  const held = statSync(BUILD_LOCK, { throwIfNoEntry: false });
  if (!held) return false; // released meanwhile
  if (Date.now() - held.mtimeMs > STALE_LOCK_MS) return true;
  try {
    return !isAlive(Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8')));
  } catch {
    return false;
  }
}

/** One webpack build of dist/addin at a time across processes (mkdir is atomic). */
async function withBuildLock<T>(f: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a killed run.
      if (lockIsStale()) rmSync(BUILD_LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new CliError(`另一个构建一直未结束 / another build did not finish: ${BUILD_LOCK}`);
      else await sleep(250);
    }
  }
  try {
    return await f();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * `webpack --mode development --env baseUrl=… --env out=addin-debug` (webpack.config.js's config function, which
 * also writes the Chinese function metadata).
 * webpack runs in a child process: this one keeps a free event loop, so Ctrl+C still releases the lock (tsx
 * kills a script that does not take a signal within milliseconds, as a busy in-process build would not).
 */
async function buildAddin(baseUrl: string): Promise<void> {
  const cli = createRequire(__filename).resolve('webpack-cli/bin/cli.js');
  await withBuildLock(async () => {
    const child = spawn(process.execPath, [cli, '--mode', 'development', '--env', `baseUrl=${baseUrl}`, '--env', `out=${ADDIN_DIR_NAME}`], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
    });
    const onSignal = (): void => {
      child.kill();
      rmSync(BUILD_LOCK, { recursive: true, force: true });
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      const code = await new Promise<number | null>((ok, fail) => {
        child.on('error', fail);
        child.on('close', ok);
      });
      if (code !== 0) {
        const last = output.trimEnd().split('\n').slice(-40).join('\n');
        throw new CliError(`构建失败 / the build failed (webpack exit status ${code})\n${last}`);
      }
    } catch (e) {
      throw e instanceof CliError ? e : new CliError(`构建失败 / the build failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  });
}

/**
 * Excel desktop accepts only a trusted certificate. Installing the development CA may ask for a password
 * (macOS sudo) or a confirmation (Windows), so it happens here, in the foreground, and not in the detached
 * server, which has no terminal to ask on and would fall back to a self-signed certificate.
 */
async function ensureDevCertificates(): Promise<string | undefined> {
  try {
    const certs = createRequire(__filename)('office-addin-dev-certs') as { ensureCertificatesAreInstalled(): Promise<void> };
    await certs.ensureCertificatesAreInstalled();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** `webpack serve --mode development` in its own process group, outliving this script; output goes to the log. */
function startServer(port: number, baseUrl: string, log: string): number {
  const cli = createRequire(__filename).resolve('webpack-cli/bin/cli.js');
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, 'w');
  try {
    const child = spawn(process.execPath, [cli, 'serve', '--mode', 'development', '--port', String(port), '--env', `baseUrl=${baseUrl}`, '--env', `out=${ADDIN_DIR_NAME}`], {
      cwd: ROOT, detached: true, stdio: ['ignore', out, out], windowsHide: true,
    });
    // A failure to spawn is reported through 'error' later; without a listener it would crash this script.
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined) throw new CliError('无法启动开发服务器 / could not start the dev server');
    return child.pid;
  } finally {
    closeSync(out);
  }
}

/** GET url with the certificate unchecked (only this probe: the server may use a self-signed certificate). */
function probe(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = request(url, { rejectUnauthorized: false, agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
      res.on('error', () => ok(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => ok(0));
    req.end();
  });
}

async function waitForServer(url: string, pid: number, log: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!isAlive(pid)) {
      throw new CliError(`开发服务器已退出 / the dev server exited (log: ${log})\n${tail(log)}`);
    }
    if ((await probe(url)) === 200) return;
    if (Date.now() > deadline) {
      throw new CliError(`等待开发服务器超时（${timeoutMs / 1000} 秒）/ timed out after ${timeoutMs / 1000} s waiting for ${url} (log: ${log})\n${tail(log)}`);
    }
    await sleep(500);
  }
}

/** Runs one step; the failure of a step that is not optional is thrown. Returns a warning for an optional one. */
export function runStep(step: Step): string | undefined {
  switch (step.kind) {
    case 'mkdir':
      mkdirSync(step.path, { recursive: true });
      return undefined;
    case 'copy':
      copyFileSync(step.from, step.to);
      return undefined;
    case 'remove':
      rmSync(step.path, { force: true });
      return undefined;
    case 'run': {
      const r = spawnSync(step.command, [...step.args], { encoding: 'utf8', timeout: 60_000, windowsHide: true });
      if (!r.error && r.status === 0) return undefined;
      const why = r.error ? r.error.message : `${`${r.stderr ?? ''}${r.stdout ?? ''}`.trim() || `exit status ${r.status}`}`;
      const message = `${step.command} ${step.args.join(' ')}: ${why}`;
      if (step.optional) return message;
      throw new CliError(`命令失败 / a command failed: ${message}`);
    }
  }
}

function print(zh: readonly string[], en: readonly string[]): void {
  console.log([...zh, '', ...en].join('\n'));
}

const DESKTOP_PLATFORMS: readonly NodeJS.Platform[] = ['win32', 'darwin'];

export async function start(options: StartOptions): Promise<void> {
  const desktop = DESKTOP_PLATFORMS.includes(process.platform);
  if (options.mode === 'desktop' && !desktop) {
    throw new CliError(`此系统（${process.platform}）没有桌面版 Excel，请用 --web / there is no Excel desktop on ${process.platform}: use --web`);
  }
  const statePath = stateFile();
  let previous: DebugState | undefined;
  try {
    previous = readState(statePath);
  } catch (e) {
    throw e instanceof CliError ? new CliError(`${e.message}\n请先运行 npm stop 清理 / run npm stop first to clear it`) : e;
  }
  if (previous && isOurServer(previous.pid)) {
    throw new CliError(`已有调试会话在运行（${previous.baseUrl}，进程 ${previous.pid}），请先运行 npm stop / a debugging session is already running (${previous.baseUrl}, process ${previous.pid}): run npm stop first`);
  }
  if (previous) removeState(statePath); // left by a server that died: registering again overwrites its sideload
  const web = options.mode === 'web' || !desktop;
  const { port } = options;
  if (!(await isPortFree(port))) throw portBusy(port);
  const addinId = await readAddinId(join(ROOT, 'manifest.xml'));
  // The manifest's URLs must name the port the server listens on.
  const baseUrl = `https://localhost:${port}/`;
  const plan = sideloadPlan(process.platform, BUILT_MANIFEST, addinId, homedir(), { web, baseUrl });

  console.log('正在构建加载项（开发模式）/ building the add-in (development mode)…');
  await buildAddin(baseUrl);
  if (!existsSync(BUILT_MANIFEST)) throw new CliError(`构建后缺少 / missing after the build: ${BUILT_MANIFEST}`);
  if (!web) {
    const problem = await ensureDevCertificates();
    if (problem) console.warn(`未能安装开发证书，Excel 桌面版可能拒绝自签名证书 / could not install the development certificate; Excel desktop may refuse the self-signed one: ${problem}`);
  }
  if (!(await isPortFree(port))) throw portBusy(port); // taken while building

  const log = `${statePath.replace(/\.json$/, '')}.log`;
  console.log(`正在启动开发服务器 / starting the dev server on ${baseUrl}…`);
  const pid = startServer(port, baseUrl, log);
  let state: DebugState = {
    pid, port, baseUrl, platform: process.platform, target: plan.target, addinId, manifestPath: BUILT_MANIFEST,
    sideloaded: false, log, startedAt: new Date().toISOString(),
  };
  // Recorded at once: npm stop can end the server even if this script is interrupted from here on.
  writeState(statePath, state);
  const abandon = async (): Promise<void> => {
    await killServer(pid).catch(() => undefined);
    if (state.sideloaded) for (const step of plan.unregister) { try { runStep(step); } catch { /* best effort */ } }
    removeState(statePath);
  };
  const onSignal = (): void => {
    console.error('已中断，正在结束开发服务器 / interrupted: ending the dev server…');
    void abandon().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const warnings: Bilingual[] = [];
  try {
    await waitForServer(`${baseUrl}taskpane.html`, pid, log);
    if (options.sideload && !web) {
      // Recorded before registering: a registration that half happened is undone by npm stop too.
      state = { ...state, sideloaded: true };
      writeState(statePath, state);
      for (const step of plan.register) runStep(step);
      for (const step of plan.launch) {
        const problem = runStep(step);
        if (problem) warnings.push({ zh: [`未能自动打开 Excel，请手动打开（${problem}）。`], en: [`Could not open Excel (${problem}): open it yourself.`] });
      }
    }
  } catch (e) {
    await abandon();
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const registered: Bilingual = web || options.sideload ? plan.registered : {
    zh: [`未旁加载（--no-sideload）。清单：${BUILT_MANIFEST}`],
    en: [`Not sideloaded (--no-sideload). Manifest: ${BUILT_MANIFEST}`],
  };
  const opened = state.sideloaded && plan.launch.length > 0 && warnings.length === 0;
  print([
    '预算表校核助手调试会话已启动：',
    `  开发服务器 ${baseUrl}（进程 ${pid}，日志 ${log}），在后台运行。`,
    ...registered.zh.map((l) => `  ${l}`),
    ...(opened ? ['  已启动 Excel。'] : []),
    ...warnings.flatMap((w) => w.zh.map((l) => `  ${l}`)),
    `  停止：npm stop（结束开发服务器${state.sideloaded ? '并注销加载项' : ''}）。`,
  ], [
    'The Budget Table Assistant debugging session is running:',
    `  dev server ${baseUrl} (process ${pid}, log ${log}), in the background.`,
    ...registered.en.map((l) => `  ${l}`),
    ...(opened ? ['  Excel has been started.'] : []),
    ...warnings.flatMap((w) => w.en.map((l) => `  ${l}`)),
    `  To stop: npm stop (ends the dev server${state.sideloaded ? ' and unregisters the add-in' : ''}).`,
  ]);
}

export async function stop(): Promise<void> {
  const statePath = stateFile();
  let state: DebugState | undefined;
  try {
    state = readState(statePath);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    // Nothing in it can be trusted: remove it so npm start works again, and say what may be left over.
    removeState(statePath);
    throw new CliError(`${e.message}\n已删除该文件；若开发服务器仍在运行，请手动结束 / removed it; if a dev server is still running, end it yourself`);
  }
  if (!state) {
    console.log('没有正在运行的调试会话 / no debugging session is running');
    return;
  }
  const zh: string[] = [];
  const en: string[] = [];
  const server = await killServer(state.pid);
  if (server === 'stopped') {
    zh.push(`已结束开发服务器（进程 ${state.pid}，${state.baseUrl}）。`);
    en.push(`Ended the dev server (process ${state.pid}, ${state.baseUrl}).`);
  } else {
    zh.push(`开发服务器（进程 ${state.pid}）已不在运行。`);
    en.push(`The dev server (process ${state.pid}) had already exited.`);
  }
  if (state.sideloaded) {
    // The plan of the platform recorded at start (the same machine, so the same home directory).
    const plan = sideloadPlan(state.platform, state.manifestPath, state.addinId, homedir(), { web: state.target === 'web', baseUrl: state.baseUrl });
    const problems = plan.unregister.map((step) => runStep(step)).filter((p): p is string => p !== undefined);
    if (problems.length === 0) {
      zh.push(...plan.unregistered.zh);
      en.push(...plan.unregistered.en);
    } else {
      zh.push(`注销加载项时出现问题（可能已被删除）：${problems.join('; ')}`);
      en.push(`Unregistering the add-in reported a problem (it may have been removed already): ${problems.join('; ')}`);
    }
  }
  removeState(statePath);
  zh.push(`已删除状态文件 ${statePath}。`);
  en.push(`Removed the state file ${statePath}.`);
  print(['调试会话已停止：', ...zh.map((l) => `  ${l}`)], ['The debugging session has stopped:', ...en.map((l) => `  ${l}`)]);
}

export async function main(argv: readonly string[]): Promise<void> {
  const cmd = parseArgs(argv);
  if (cmd.command === 'help') console.log(USAGE);
  else if (cmd.command === 'stop') await stop();
  else await start(cmd.options);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: nothing of the detached server may keep this script waiting.
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof CliError ? e.message : `意外错误 / unexpected error: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
