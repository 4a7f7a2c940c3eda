/**
 * .xls (BIFF8) and WPS .et workbooks are converted to .xlsx by LibreOffice, run headless on a copy of the file in
 * a private temporary folder (LibreOffice leaves lock files beside what it opens; the input is never touched),
 * with a profile of its own (so a LibreOffice the user has open cannot take the job over) and killed with all its
 * processes when it overruns. The converted copy is then read like any .xlsx.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReadError } from './read-error';

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
const USUAL = process.platform === 'win32'
  ? [join(process.env.ProgramFiles ?? 'C:\\Program Files', 'LibreOffice', 'program', 'soffice.exe'), join(process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'LibreOffice', 'program', 'soffice.exe')]
  : process.platform === 'darwin' ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice'] : ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

/**
 * Where LibreOffice is: the path given (`--soffice` or BUDGET_CHECK_SOFFICE) when it exists, else `soffice` on
 * the PATH, else its usual install places. Undefined when there is none (or the given path does not exist).
 */
export function findSoffice(given?: string): string | undefined {
  if (given !== undefined) return isFile(given) ? given : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const n of NAMES) if (isFile(join(dir, n))) return join(dir, n);
  }
  return USUAL.find(isFile);
}

/** Ends a process and everything it started (LibreOffice's launcher starts soffice.bin). */
export function killTree(pid: number): void {
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}

const INFILTER = { xls: 'MS Excel 97', html: 'HTML (StarCalc)', xml: 'MS Excel 2003 XML' } as const;

export interface ConvertOptions {
  readonly soffice: string;
  /** A LibreOffice profile folder kept for the whole batch (the first start in a new profile is slow). */
  readonly profile: string;
  readonly timeoutMs: number;
  /** Told the pid of LibreOffice's process group, so the batch can end it if this process is killed. */
  readonly onStart?: (pid: number) => void;
}

/**
 * Converts a copy of `input` (an .xls, .et, or an HTML/XML "xls") to .xlsx. Returns the converted file's path
 * and a function removing the temporary folder.
 */
export async function convertToXlsx(input: string | Buffer, suffix: 'xls' | 'html' | 'xml', o: ConvertOptions): Promise<{ path: string; cleanup: () => void }> {
  const work = mkdtempSync(join(tmpdir(), 'budget-check-convert-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    const inDir = join(work, 'in');
    const outDir = join(work, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const copy = join(inDir, `book.${suffix}`);
    copyFileSync(input, copy);
    // The import filter is named, so LibreOffice never guesses (it would read any bytes as text, as a CSV).
    const args = ['--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(o.profile).href}`,
      `--infilter=${INFILTER[suffix]}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, copy];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      let child: ReturnType<typeof spawn>;
      try {
        child = spawn(o.soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
      } catch (e) {
        reject(new ReadError('converter-missing', `cannot start ${o.soffice}: ${e instanceof Error ? e.message : String(e)}`));
        return;
      }
      let output = '';
      const keep = (b: Buffer) => { if (output.length < 4000) output += b.toString('utf8'); };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      if (child.pid !== undefined) o.onStart?.(child.pid);
      const timer = setTimeout(() => {
        if (child.pid !== undefined) killTree(child.pid);
        reject(new ReadError('timeout', `LibreOffice did not finish converting within ${Math.round(o.timeoutMs / 1000)} s`));
      }, o.timeoutMs);
      child.on('error', (e) => { clearTimeout(timer); reject(new ReadError('converter-missing', `cannot start ${o.soffice}: ${e.message}`)); });
      child.on('close', (c) => { clearTimeout(timer); resolve({ code: c, output }); });
    });
    const out = join(outDir, 'book.xlsx');
    if (!existsSync(out)) throw new ReadError('conversion-failed', `LibreOffice exited with ${String(code)}: ${output.replace(/\s+/g, ' ').trim().slice(0, 400)}`);
    return { path: out, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** A fresh LibreOffice profile folder for one batch. */
export function newProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'budget-check-lo-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
