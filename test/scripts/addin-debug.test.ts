import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CliError, isAlive, parseArgs, readAddinId, readState, removeState, sideloadPlan, writeState, type DebugState,
} from '../../scripts/addin-debug';

// office-addin-manifest also handles the JSON (unified) manifest through @microsoft/app-manifest, whose
// dependency strip-bom is an ES module: Node 20.19+ requires it natively, Jest's module system cannot. XML
// manifests (ours) never reach it, so here it is left out.
jest.mock('@microsoft/app-manifest', () => ({}));

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'addin-debug.ts');
const ID = '6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60';
const KEY = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';

describe('readAddinId (office-addin-manifest)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'addin-id-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, xml: string): string => {
    const path = join(dir, name);
    writeFileSync(path, xml);
    return path;
  };

  test('reads the GUID of both real manifests: one add-in', async () => {
    expect(await readAddinId(join(ROOT, 'manifest.xml'))).toBe(ID);
    expect(await readAddinId(join(ROOT, 'manifest-excel2016-2019.xml'))).toBe(ID);
  });

  test('ignores comments and other *Id elements; refuses a missing, malformed or unreadable id', async () => {
    expect(await readAddinId(file('a.xml', `<OfficeApp><!-- <Id>not-this</Id> --><TaskpaneId>x</TaskpaneId><Id> ${ID} </Id></OfficeApp>`))).toBe(ID);
    await expect(readAddinId(file('b.xml', '<OfficeApp><TaskpaneId>x</TaskpaneId></OfficeApp>'))).rejects.toThrow(CliError);
    await expect(readAddinId(file('c.xml', '<OfficeApp><Id>budget</Id></OfficeApp>'))).rejects.toThrow(/not a GUID/);
    await expect(readAddinId(file('d.xml', '<OfficeApp><Id>'))).rejects.toThrow(/cannot read the manifest/);
    await expect(readAddinId(join(dir, 'missing.xml'))).rejects.toThrow(CliError);
  });
});

describe('sideloadPlan', () => {
  test('Windows: the WEF\\Developer registry value named by the id, then Excel; stop deletes that value', () => {
    const manifest = 'C:\\Users\\zhang\\budget\\dist\\addin\\manifest.xml';
    const plan = sideloadPlan('win32', manifest, ID, 'C:\\Users\\zhang');
    expect(plan.target).toBe('windows');
    expect(plan.register).toEqual([{ kind: 'run', command: 'reg', args: ['add', KEY, '/v', ID, '/t', 'REG_SZ', '/d', manifest, '/f'] }]);
    expect(plan.launch).toEqual([{ kind: 'run', command: 'cmd', args: ['/c', 'start', '', 'excel'], optional: true }]);
    expect(plan.unregister).toEqual([{ kind: 'run', command: 'reg', args: ['delete', KEY, '/v', ID, '/f'], optional: true }]);
    expect(plan.registered.zh.join('\n')).toContain(KEY);
    expect(plan.registered.en.join('\n')).toContain(manifest);
  });

  test('macOS: a copy named <id>.manifest.xml in Excel\'s wef folder, then Excel; stop removes it', () => {
    const manifest = '/Users/zhang/budget/dist/addin/manifest.xml';
    const dir = '/Users/zhang/Library/Containers/com.microsoft.Excel/Data/Documents/wef';
    const file = `${dir}/${ID}.manifest.xml`;
    const plan = sideloadPlan('darwin', manifest, ID, '/Users/zhang');
    expect(plan.target).toBe('mac');
    expect(plan.register).toEqual([{ kind: 'mkdir', path: dir }, { kind: 'copy', from: manifest, to: file }]);
    expect(plan.launch).toEqual([{ kind: 'run', command: 'open', args: ['-a', 'Microsoft Excel'], optional: true }]);
    expect(plan.unregister).toEqual([{ kind: 'remove', path: file }]);
  });

  test('Linux: nothing to run, the Excel-on-the-web upload steps in Chinese and English', () => {
    const manifest = '/home/zhang/budget/dist/addin/manifest.xml';
    const plan = sideloadPlan('linux', manifest, ID, '/home/zhang', { baseUrl: 'https://localhost:3456/' });
    expect(plan.target).toBe('web');
    expect(plan.register).toEqual([]);
    expect(plan.launch).toEqual([]);
    expect(plan.unregister).toEqual([]);
    const zh = plan.registered.zh.join('\n');
    const en = plan.registered.en.join('\n');
    expect(zh).toContain('插入 → 加载项 → 管理我的加载项 → 上传我的加载项');
    expect(en).toContain('Insert → Add-ins → Manage My Add-ins → Upload My Add-in');
    for (const text of [zh, en]) {
      expect(text).toContain(manifest);
      expect(text).toContain('https://localhost:3456/taskpane.html');
    }
  });

  test('--web on Windows and macOS: the web steps, no registry or file', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const plan = sideloadPlan(platform, 'm.xml', ID, 'home', { web: true });
      expect(plan.target).toBe('web');
      expect([...plan.register, ...plan.launch, ...plan.unregister]).toEqual([]);
    }
  });
});

describe('parseArgs', () => {
  test('start with its options, stop, help', () => {
    expect(parseArgs(['start'])).toEqual({ command: 'start', options: { mode: undefined, sideload: true, port: 3000 } });
    expect(parseArgs(['start', '--web', '--no-sideload', '--port', '3456'])).toEqual({ command: 'start', options: { mode: 'web', sideload: false, port: 3456 } });
    expect(parseArgs(['start', '--desktop', '--port=4000'])).toEqual({ command: 'start', options: { mode: 'desktop', sideload: true, port: 4000 } });
    expect(parseArgs(['stop'])).toEqual({ command: 'stop' });
    expect(parseArgs([])).toEqual({ command: 'help' });
  });

  test('refuses unknown commands and options, bad ports, --desktop with --web', () => {
    expect(() => parseArgs(['serve'])).toThrow(/未知命令 \/ unknown command: serve/);
    expect(() => parseArgs(['start', '--prod'])).toThrow(/未知参数 \/ unknown option: --prod/);
    expect(() => parseArgs(['start', '--port'])).toThrow(/--port/);
    expect(() => parseArgs(['start', '--port', '0'])).toThrow(/1 to 65535/);
    expect(() => parseArgs(['start', '--port', '70000'])).toThrow(CliError);
    expect(() => parseArgs(['start', '--desktop', '--web'])).toThrow(/either --desktop or --web/);
    expect(() => parseArgs(['stop', '--web'])).toThrow(/stop takes no options/);
  });
});

describe('state file', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'addin-debug-state-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('round trip; none when missing; a damaged file is a CliError', () => {
    const path = join(dir, 'nested', 'state.json');
    const state: DebugState = {
      pid: 4242, port: 3456, baseUrl: 'https://localhost:3456/', platform: 'win32', target: 'windows', addinId: ID,
      manifestPath: 'C:\\budget\\dist\\addin\\manifest.xml', sideloaded: true, log: 'C:\\budget\\dist\\.addin-debug.log', startedAt: '2025-01-02T03:04:05.000Z',
    };
    expect(readState(path)).toBeUndefined();
    writeState(path, state);
    expect(readState(path)).toEqual(state);
    removeState(path);
    expect(existsSync(path)).toBe(false);
    removeState(path); // already gone: no error
    writeFileSync(path, '{"pid": "x"}');
    expect(() => readState(path)).toThrow(CliError);
    writeFileSync(path, 'not json');
    expect(() => readState(path)).toThrow(/damaged/);
  });
});

// ---- The real thing on this platform: build, serve, probe, stop. ----

/** webpack builds dist/addin, then the dev server compiles again in memory: about a minute, more when busy. */
const RUN_TIMEOUT = 420_000;
const TSX = createRequire(__filename).resolve('tsx/cli');

interface Run { code: number | null; out: string; err: string }

const children = new Set<ChildProcess>();

function cli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [TSX, SCRIPT, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', fail);
    child.on('close', (code) => {
      children.delete(child);
      ok({ code, out, err });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    // The dev server may use a self-signed certificate: unchecked for this request only.
    const req = request(url, { rejectUnauthorized: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

const noStack = (text: string): boolean => !/^\s+at .+:\d+:\d+\)?$/m.test(text);

describe('npm start / npm stop on this machine', () => {
  let dir: string;
  let statePath: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'addin-debug-run-'));
    statePath = join(dir, 'state.json');
    // Its own state file: a developer's own npm start session is left alone.
    env = { ...process.env, ADDIN_DEBUG_STATE: statePath };
  });

  afterAll(async () => {
    // Whatever failed, leave no process behind: the start or stop still running, and the server it recorded.
    // SIGTERM first: the script then releases the build lock and ends the server itself.
    for (const child of children) {
      const closed = new Promise((ok) => child.once('close', ok));
      child.kill('SIGTERM');
      await Promise.race([closed, new Promise((ok) => setTimeout(ok, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    let state: DebugState | undefined;
    try {
      state = readState(statePath);
    } catch {
      state = undefined;
    }
    if (state && isAlive(state.pid)) {
      try {
        process.kill(process.platform === 'win32' ? state.pid : -state.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('bad input: a bilingual message, exit status 1, no stack trace', async () => {
    const r = await cli(['start', '--bogus'], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未知参数 / unknown option: --bogus');
    expect(noStack(r.err)).toBe(true);
  }, 60_000);

  test('stop without a session says so and succeeds', async () => {
    const r = await cli(['stop'], env);
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有正在运行的调试会话 / no debugging session is running');
  }, 60_000);

  test('start --web builds dist/addin-debug (a production dist/addin is left alone), serves it over HTTPS and prints the upload steps; stop ends it', async () => {
    const port = await freePort();
    // Whatever dist/addin holds (an intranet build, say) must survive npm start.
    const production = join(ROOT, 'dist', 'addin');
    const hadProduction = existsSync(production);
    const sentinel = join(production, `.production-build-${process.pid}`);
    mkdirSync(production, { recursive: true });
    writeFileSync(sentinel, 'https://budget.czj.example/addin/');
    const started = await cli(['start', '--web', '--port', String(port)], env);
    expect({ code: started.code, err: started.err }).toEqual({ code: 0, err: expect.any(String) as string });
    // Chinese first, then English.
    const zh = started.out.indexOf('上传我的加载项');
    const en = started.out.indexOf('Upload My Add-in');
    expect(zh).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(zh);
    expect(started.out).toContain('npm stop');

    const state = readState(statePath)!;
    expect(state).toMatchObject({ port, baseUrl: `https://localhost:${port}/`, target: 'web', addinId: ID, sideloaded: false });
    expect(state.manifestPath).toBe(join(ROOT, 'dist', 'addin-debug', 'manifest.xml'));
    expect(readFileSync(sentinel, 'utf8')).toBe('https://budget.czj.example/addin/');
    rmSync(sentinel);
    if (!hadProduction) rmSync(production, { recursive: true, force: true });
    expect(isAlive(state.pid)).toBe(true);

    const page = await get(`https://localhost:${port}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>预算表校核助手</title>');
    // The manifest the user uploads names the port the server listens on.
    const manifest = await get(`https://localhost:${port}/manifest.xml`);
    expect(manifest.body).toContain(`https://localhost:${port}/taskpane.html`);
    const classic = await get(`https://localhost:${port}/manifest-excel2016-2019.xml`);
    expect(classic.body).toContain(`https://localhost:${port}/commands.html`);
    expect((await get(`https://localhost:${port}/commands.html`)).status).toBe(200);
    // The dev server serves the function metadata in both languages, as the build writes it.
    const zhMetadata = await get(`https://localhost:${port}/functions.zh-CN.json`);
    expect(zhMetadata.status).toBe(200);
    expect(zhMetadata.body).toMatch(/\p{Script=Han}/u);
    expect((await get(`https://localhost:${port}/functions.json`)).body).not.toMatch(/\p{Script=Han}/u);
    expect(readFileSync(state.manifestPath, 'utf8')).toContain(`https://localhost:${port}/`);

    // A second start while this one runs is refused.
    const again = await cli(['start', '--web', '--port', String(port)], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('a debugging session is already running');

    const stopped = await cli(['stop'], env);
    expect(stopped.code).toBe(0);
    expect(stopped.out).toContain('调试会话已停止');
    expect(stopped.out).toContain(`Ended the dev server (process ${state.pid}`);
    expect(isAlive(state.pid)).toBe(false);
    expect(existsSync(statePath)).toBe(false);
    await expect(get(`https://localhost:${port}/taskpane.html`)).rejects.toThrow();
  }, RUN_TIMEOUT);
});
