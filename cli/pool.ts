/**
 * Runs each file's check in a child process (cli/child.ts) under a memory limit (V8's heap limit, and on Linux a
 * watch on the process's resident memory) and a time limit. A file that runs the child out of memory, overruns
 * or crashes it gets its verdict — "文件过大或结构异常…" — and the next file gets a fresh child: one file can
 * never take the batch down. One child checks many files in turn (starting one costs more than a small check).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckSettings } from './check-file';
import { failed } from './check-file';
import { toWire, type FromChild, type ToChild } from './child';
import { killTree } from './convert';
import type { FileReport } from './report';
import type { ErrorCode } from './read-error';
import { roundFailed, type RoundReport } from './round';
import type { RoundTarget } from '../src/round/round';

/** What a child answers for a file: a check's report or a rounding's. */
type Reply = FileReport | RoundReport;

export interface PoolOptions {
  readonly settings: CheckSettings;
  readonly catalog?: { readonly path: string; readonly year: number };
  /** Memory for the checking process, MB: its heap limit is this less room for the rest of the process. */
  readonly maxMemoryMb: number;
  /** Time for one file. */
  readonly timeoutMs: number;
  /** A fresh process after this many files (default 200). */
  readonly filesPerChild?: number;
  /** The child's module (tests give one that misbehaves); default cli/child. */
  readonly childModule?: string;
}

/** Time a checking process may take to start (load the engine and the catalog). */
const STARTUP_MS = 120_000;

/** Memory the process needs besides V8's old generation: code, young generation, buffers. */
const NON_HEAP_MB = 160;

function defaultChild(): string {
  const ts = __filename.endsWith('.ts');
  return join(__dirname, ts ? 'child.ts' : 'child.js');
}

/** How a module is run: compiled JavaScript as it is, TypeScript (tests, tsx) through tsx's require hook. */
function loaderArgs(module: string): string[] {
  return module.endsWith('.ts') ? ['--require', require.resolve('tsx/cjs')] : [];
}

function residentMb(pid: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return undefined;
  }
}

interface Job {
  readonly id: number;
  readonly display: string;
  resolve: (r: Reply) => void;
  /** The reply when the process fails the file (memory, time, a crash), in the job's own shape. */
  readonly fail: (code: ErrorCode, detail: string, extra?: { zh: string; en: string }) => Reply;
  timer?: NodeJS.Timeout;
  watch?: NodeJS.Timeout;
  soffice?: number;
  overMemory?: boolean;
}

export class CheckerPool {
  /** The largest resident memory any checking process reached, KB (as the processes report it). */
  peakRssKb = 0;
  private child: ChildProcess | undefined;
  private stderr = '';
  private job: Job | undefined;
  private nextId = 1;
  private done = 0;
  private readonly module: string;

  constructor(private readonly o: PoolOptions) {
    this.module = o.childModule ?? defaultChild();
    if (!existsSync(this.module)) throw new Error(`checker module not found: ${this.module}`);
  }

  /** Resolves when the current process has loaded (its start-up is not counted against a file's time). */
  private ready: Promise<boolean> = Promise.resolve(false);

  private start(): ChildProcess {
    const heap = Math.max(64, this.o.maxMemoryMb - NON_HEAP_MB);
    const child = fork(this.module, [], {
      execArgv: [...loaderArgs(this.module), `--max-old-space-size=${heap}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.stderr = '';
    child.stderr?.on('data', (b: Buffer) => { this.stderr = (this.stderr + b.toString('utf8')).slice(-8000); });
    let started: (ok: boolean) => void = () => undefined;
    this.ready = new Promise<boolean>((resolve) => { started = resolve; });
    const startLimit = setTimeout(() => { started(false); child.kill('SIGKILL'); }, STARTUP_MS);
    child.on('message', (m: FromChild) => {
      if (m.type === 'ready') { clearTimeout(startLimit); started(true); } else this.onMessage(child, m);
    });
    child.on('exit', (code, signal) => { clearTimeout(startLimit); started(false); this.onExit(child, code, signal); });
    // A child that cannot even start (spawn error) ends like a crash.
    child.on('error', () => { clearTimeout(startLimit); started(false); this.onExit(child, null, null); });
    const init: ToChild = { type: 'init', settings: this.o.settings, catalog: this.o.catalog };
    child.send(init);
    this.done = 0;
    return child;
  }

  private onMessage(child: ChildProcess, m: Exclude<FromChild, { type: 'ready' }>): void {
    const job = this.job;
    if (child !== this.child || !job || m.id !== job.id) return;
    if (m.type === 'spawned') { job.soffice = m.pid; return; }
    this.peakRssKb = Math.max(this.peakRssKb, m.maxRssKb);
    this.settle(job, m.report);
    if (++this.done >= (this.o.filesPerChild ?? 200)) this.stop();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    this.child = undefined;
    const job = this.job;
    if (!job) return;
    if (job.soffice !== undefined) killTree(job.soffice);
    const err = this.stderr;
    const memory = job.overMemory === true || /heap limit|out of memory|allocation failed|ERR_WORKER_OUT_OF_MEMORY/i.test(err);
    const fatal = /^.*(FATAL ERROR|Error:).*$/m.exec(err)?.[0].trim();
    const said = fatal ?? err.trim().split('\n').slice(-3).join(' | ');
    const detail = `checker process ended (exit code ${String(code)}, signal ${String(signal)}${job.overMemory ? `, over ${this.o.maxMemoryMb} MB resident` : ''})${said ? `: ${said.slice(0, 400)}` : ''}`;
    this.settle(job, job.fail(memory ? 'memory' : 'internal', detail, memory ? { zh: `上限 ${this.o.maxMemoryMb} MB`, en: `limit ${this.o.maxMemoryMb} MB` } : undefined));
  }

  private settle(job: Job, report: Reply): void {
    if (this.job !== job) return;
    this.job = undefined;
    clearTimeout(job.timer);
    clearInterval(job.watch);
    job.resolve(report);
  }

  /** Checks one file in the checking process; resolves with its report whatever happens to the process. */
  check(path: string | Buffer, display: string): Promise<FileReport> {
    const { lang, verbose } = this.o.settings;
    return this.run<FileReport>((id) => ({ type: 'check', id, path: toWire(path), display }), display,
      (code, detail, extra) => failed(display, code, lang, detail, verbose, extra));
  }

  /** Rounds one file into `output` in the process, under the same limits. */
  round(path: string | Buffer, display: string, output: string, target: RoundTarget): Promise<RoundReport> {
    const { lang, verbose } = this.o.settings;
    return this.run<RoundReport>((id) => ({ type: 'round', id, path: toWire(path), display, output, target }), display,
      (code, detail, extra) => roundFailed(display, code, lang, detail, verbose, extra));
  }

  private async run<R extends Reply>(message: (id: number) => ToChild, display: string, fail: (code: ErrorCode, detail: string, extra?: { zh: string; en: string }) => R): Promise<R> {
    if (this.job) throw new Error('one file at a time');
    const child = this.child ?? (this.child = this.start());
    const job: Job = { id: this.nextId++, display, resolve: () => undefined, fail };
    this.job = job;
    // The child answers a job in the shape it was asked for (child.ts): a check's report, or a rounding's.
    const result = new Promise<R>((resolve) => { job.resolve = (r) => resolve(r as R); });
    if (!(await this.ready) || this.child !== child) {
      // The process died or hung while starting; its exit (if it came) gave no verdict yet.
      if (this.job === job) this.onExit(child, child.exitCode, child.signalCode);
      if (this.job === job) this.settle(job, fail('internal', 'the checking process did not start'));
      return result;
    }
    job.timer = setTimeout(() => {
      if (this.job !== job) return;
      const secs = Math.round(this.o.timeoutMs / 1000);
      this.kill(job);
      this.settle(job, fail('timeout', `no verdict within ${secs} s`, { zh: `上限 ${secs} 秒`, en: `limit ${secs} s` }));
    }, this.o.timeoutMs);
    if (child.pid !== undefined && process.platform === 'linux') {
      job.watch = setInterval(() => {
        const mb = residentMb(child.pid!);
        if (mb !== undefined) this.peakRssKb = Math.max(this.peakRssKb, Math.round(mb * 1024));
        if (mb !== undefined && mb > this.o.maxMemoryMb && this.job === job) {
          job.overMemory = true;
          child.kill('SIGKILL');
        }
      }, 100);
    }
    const msg = message(job.id);
    try {
      child.send(msg, (e) => {
        if (e && this.job === job) this.onExit(child, null, null);
      });
    } catch {
      if (this.job === job) this.onExit(child, null, null);
    }
    return result;
  }

  private kill(job: Job): void {
    if (job.soffice !== undefined) killTree(job.soffice);
    const child = this.child;
    this.child = undefined;
    child?.kill('SIGKILL');
  }

  /** Ends the checking process (after the last file). */
  stop(): void {
    const child = this.child;
    this.child = undefined;
    if (child && child.connected) child.disconnect();
    if (child && child.exitCode === null) setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 2000).unref();
  }
}
