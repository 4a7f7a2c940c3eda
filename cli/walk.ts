/**
 * Turns the paths given into the files to check, folders searched recursively in name order. Whatever the file
 * system holds — a dangling or looping symbolic link, a folder that links back to an ancestor, a folder without
 * permission, a pipe named .xlsx, a name that is not UTF-8 (GBK names from a Windows zip) — becomes an entry of
 * its own with a verdict, and the walk goes on.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { decodeText } from './catalog-file';
import { codeOfSystemError, detailOf, type ErrorCode } from './read-error';

/** The workbooks a folder search picks up: .xlsx (and .xlsm), .xls and WPS .et; never Office's ~$ lock files. */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et)$/i;

export type WalkEntry =
  | { readonly kind: 'file'; readonly path: string | Buffer; readonly display: string }
  | { readonly kind: 'problem'; readonly display: string; readonly code: ErrorCode; readonly detail: string };

function decodeName(b: Buffer): { path: string | Buffer; text: string; exact: boolean } {
  const text = decodeText(b);
  const exact = Buffer.from(text, 'utf8').equals(b);
  return { path: exact ? text : b, text, exact };
}

function join(dir: string | Buffer, name: string | Buffer): string | Buffer {
  if (typeof dir === 'string' && typeof name === 'string') return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
  const d = Buffer.from(dir);
  return Buffer.concat([d, ...(d.length > 0 && d[d.length - 1] === sep.charCodeAt(0) ? [] : [Buffer.from(sep)]), Buffer.from(name)]);
}

function identity(p: string | Buffer): string | undefined {
  try {
    return realpathSync(p, { encoding: 'buffer' }).toString('hex');
  } catch {
    return undefined;
  }
}

/** stat, or why not: a dangling link (the link is there, its target is not) told apart from a missing path. */
function statOf(p: string | Buffer): { st: Stats } | { code: ErrorCode; detail: string } {
  try {
    return { st: statSync(p) };
  } catch (e) {
    let code = codeOfSystemError(e);
    if (code === 'missing') {
      try { if (lstatSync(p).isSymbolicLink()) code = 'dangling-link'; } catch { /* not there at all */ }
    }
    return { code, detail: detailOf(e) };
  }
}

export function expand(paths: readonly string[]): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seen = new Set<string>();
  const walkDir = (root: string | Buffer, rootText: string) => {
    // Depth first in name order, without recursion (a deep tree cannot exhaust the stack).
    const rootId = identity(root);
    if (rootId !== undefined) {
      if (seen.has(rootId)) return; // the same folder given twice, or inside one given before
      seen.add(rootId);
    }
    const stack: Array<{ dir: string | Buffer; text: string; names?: Array<{ path: string | Buffer; text: string }>; i: number }> = [{ dir: root, text: rootText, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top.names) {
        try {
          top.names = readdirSync(top.dir, { encoding: 'buffer' })
            .map((b) => {
              const n = decodeName(b);
              return { path: join(top.dir, n.path), text: `${top.text}${top.text.endsWith(sep) ? '' : sep}${n.text}` };
            })
            .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
        } catch (e) {
          out.push({ kind: 'problem', display: top.text, code: codeOfSystemError(e) === 'missing' ? 'missing' : 'unreadable', detail: detailOf(e) });
          stack.pop();
          continue;
        }
      }
      const next = top.names[top.i++];
      if (!next) { stack.pop(); continue; }
      const base = next.text.slice(next.text.lastIndexOf(sep) + 1);
      const wanted = WORKBOOK_NAME.test(base) && !base.startsWith('~$');
      const s = statOf(next.path);
      if ('code' in s) {
        if (wanted) out.push({ kind: 'problem', display: next.text, code: s.code, detail: s.detail });
        continue;
      }
      if (s.st.isDirectory()) {
        const id = identity(next.path);
        if (id === undefined || seen.has(id)) continue; // a link back to a folder already searched
        seen.add(id);
        stack.push({ dir: next.path, text: next.text, i: 0 });
      } else if (wanted) {
        if (s.st.isFile()) out.push({ kind: 'file', path: next.path, display: next.text });
        else out.push({ kind: 'problem', display: next.text, code: 'not-a-file', detail: `mode ${s.st.mode.toString(8)}` });
      }
    }
  };
  for (const p of paths) {
    const s = statOf(p);
    if ('code' in s) out.push({ kind: 'problem', display: p, code: s.code, detail: s.detail });
    else if (s.st.isDirectory()) walkDir(p, p);
    else out.push({ kind: 'file', path: p, display: p });
  }
  return out;
}
