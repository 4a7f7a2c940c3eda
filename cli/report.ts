import { Catalog } from '../src/catalog/catalog';
import { findingPlace } from '../src/export';
import type { ErrorCode } from './read-error';
import { safeJson, safePath, safeText } from './safe-text';
import type { Finding, Lang } from '../src/findings';
import type { Cause, CauseCell } from '../src/locate/locate';
import { causeText, groupDigits } from '../src/locate/text';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH, type Table, type TableKind } from '../src/table';

export interface FileReport {
  readonly path: string;
  readonly tables: ReadonlyArray<{ sheet: string; kind: TableKind; range: string }>;
  readonly findings: readonly Finding[];
  /** The document's budget year and the catalog edition its codes were judged against. */
  readonly year?: number;
  readonly edition?: { readonly year: number; readonly exact: boolean };
  /** Set when the file was not checked: why, as a sentence in the report's language. */
  readonly error?: string;
  /** Why, as a code (see cli/read-error.ts). */
  readonly errorCode?: ErrorCode;
  /** The technical detail behind `error` (library or system text), kept only with `--verbose`. */
  readonly detail?: string;
  /** The likely wrong cells, each with the findings it resolves (files with errors only). */
  readonly causes?: readonly Cause[];
  /** Findings (indices) of failures that no change of cells explains. */
  readonly unexplained?: readonly number[];
  /** Failures whose cause was not looked for because the time for it ran out. */
  readonly unexamined?: number;
  /** Failures whose cause could not be computed (amounts beyond the solver's reach, or no solver). */
  readonly unsolvable?: number;
}

export type Verdict = 'ok' | 'errors' | 'not-checked';

/** A file's result, as the exit status counts it: 0 no error, 1 errors found, 2 not checked. */
export function verdictOf(r: FileReport): Verdict {
  if (r.error !== undefined) return 'not-checked';
  return r.findings.some((f) => f.severity === 'error') ? 'errors' : 'ok';
}

export function tableSummary(t: Table): { sheet: string; kind: TableKind; range: string } {
  return { sheet: t.sheet, kind: t.kind, range: t.range };
}

const WORDS = {
  zh: { noYear: (y: number, same?: number) => `${y} 年${same === undefined ? '版' : `（同 ${same} 年版）`}（文件未注明预算年度，按最新版）`, edition: '科目目录', editionOf: (y: number, same?: number) => (same === undefined ? `${y} 年版` : `${y} 年（同 ${same} 年版）`), nearest: (d: number | undefined, y: number) => `文件年度 ${d ?? '未知'}，内置目录无该年版，按 ${y} 年版`, tables: '张表', error: '错误', warning: '警告', info: '提示', rounding: '尾差', none: '全部平衡', unreadable: '未检查', detail: '详细信息', notChecked: (n: number) => `其中 ${n} 个未检查`, sheet: '工作表', other: '其他', noTables: '未识别到预算公开表', files: '个文件', total: '合计', causes: (n: number) => `可能填错的单元格（${n} 处）：`, because: (ids: string) => `（原因 ${ids}）`, unexplained: '（改任何单元格都无法消除：可能某表缺行或多行）', unexamined: (n: number) => `另有 ${n} 处不平因用时所限未推断原因`, unsolvable: (n: number) => `另有 ${n} 处不平无法推断原因（金额超出可计算范围）`, cause: '可能填错的单元格', cell: '单元格', current: '现值', suggested: '建议值', explanation: '说明' },
  en: { noYear: (y: number, same?: number) => `${y} edition${same === undefined ? '' : ` (same as ${same})`} (the document states no budget year: the newest is used)`, edition: 'catalog', editionOf: (y: number, same?: number) => (same === undefined ? `${y} edition` : `${y} edition (same as ${same})`), nearest: (d: number | undefined, y: number) => `document year ${d ?? 'unknown'}, no such edition built in: ${y} edition used`, tables: 'tables', error: 'errors', warning: 'warnings', info: 'info', rounding: 'rounding', none: 'all totals add up', unreadable: 'not checked', detail: 'detail', notChecked: (n: number) => `${n} not checked`, sheet: 'sheet', other: 'other', noTables: 'no budget tables recognised', files: 'files', total: 'total', causes: (n: number) => `likely wrong cells (${n}):`, because: (ids: string) => `(cause ${ids})`, unexplained: '(no change of cells removes it: a row missing from or extra in a table?)', unexamined: (n: number) => `the cause of ${n} more failures was not looked for: the time for it ran out`, unsolvable: (n: number) => `the cause of ${n} more failures could not be computed (amounts beyond reach)`, cause: 'Likely wrong cells', cell: 'cell', current: 'now', suggested: 'suggested', explanation: 'explanation' },
} as const;

/** What a finding's line adds about its cause: `（原因 C1）`, or that no change of cells explains it. */
function causeNotes(r: FileReport, lang: Lang): Map<Finding, string> {
  const w = WORDS[lang];
  const ids = new Map<Finding, string[]>();
  for (const c of r.causes ?? []) {
    for (const i of c.findings) { const f = r.findings[i]; if (f) ids.set(f, [...(ids.get(f) ?? []), c.id]); }
  }
  const notes = new Map<Finding, string>();
  for (const i of r.unexplained ?? []) { const f = r.findings[i]; if (f) notes.set(f, w.unexplained); }
  for (const [f, list] of ids) notes.set(f, w.because(list.join(', ')));
  return notes;
}

function counts(fs: readonly Finding[]) {
  return {
    error: fs.filter((f) => f.severity === 'error').length,
    warning: fs.filter((f) => f.severity === 'warning').length,
    info: fs.filter((f) => f.severity === 'info').length,
    rounding: fs.filter((f) => f.rounding).length,
  };
}

function countLine(fs: readonly Finding[], lang: Lang): string {
  const w = WORDS[lang];
  const c = counts(fs);
  return lang === 'zh'
    ? `${c.error} 个${w.error}，${c.warning} 个${w.warning}（其中 ${c.rounding} 个${w.rounding}），${c.info} 个${w.info}`
    : `${c.error} ${w.error}, ${c.warning} ${w.warning} (${c.rounding} ${w.rounding}), ${c.info} ${w.info}`;
}

const SEP = { zh: '，', en: ', ' } as const;
const MARK = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

export function formatText(reports: readonly FileReport[], lang: Lang): string {
  const w = WORDS[lang];
  const names = lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN;
  const out: string[] = [];
  for (const r of reports) {
    const path = safePath(r.path);
    if (r.error) {
      out.push(`${path}: ${w.unreadable} — ${safeText(r.error)}`);
      if (r.detail) out.push(`  ${w.detail}${lang === 'zh' ? '：' : ': '}${safeText(r.detail)}`);
      out.push('');
      continue;
    }
    out.push(`${path}: ${r.tables.length} ${w.tables}${SEP[lang]}${countLine(r.findings, lang)}`);
    if (r.tables.length === 0) out.push(`  ${w.noTables}`);
    else if (r.edition) {
      // 2026 and 2027 carry no known change from 2025: named as the same, not as editions of their own.
      const same = Catalog.builtIn().sameAs(r.edition.year);
      out.push(`  ${w.edition}${lang === 'zh' ? '：' : ': '}${r.year === undefined ? w.noYear(r.edition.year, same) : r.edition.exact ? w.editionOf(r.edition.year, same) : w.nearest(r.year, r.edition.year)}`);
    }
    // The likely wrong cells first, then every finding, each naming the cause that resolves it.
    if (r.causes && r.causes.length > 0) {
      out.push(`  ${w.causes(r.causes.length)}`);
      for (const c of r.causes) out.push(`    ✎ ${c.id} ${safeText(causeText(c, { qualified: true })[lang])}`);
    }
    if (r.unexamined) out.push(`  ${w.unexamined(r.unexamined)}`);
    if (r.unsolvable) out.push(`  ${w.unsolvable(r.unsolvable)}`);
    const notes = causeNotes(r, lang);
    const because = (f: Finding) => { const n = notes.get(f); return n ? `  ${n}` : ''; };
    const groups = new Map<string, Finding[]>();
    for (const f of r.findings) {
      const key = `${f.sheet}\u0000${f.table ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const t of r.tables) {
      const fs = groups.get(`${t.sheet}\u0000${t.kind}`) ?? [];
      groups.delete(`${t.sheet}\u0000${t.kind}`);
      out.push(`  ${names[t.kind]} [${t.kind}] ${safeText(t.sheet)}!${t.range}: ${fs.length === 0 ? w.none : countLine(fs, lang)}`);
      for (const f of fs) out.push(`    ${MARK[f.severity]} ${f.rounding ? `[${w.rounding}] ` : ''}${f.cells[0] ? `${safeText(f.cells[0])}  ` : ''}${safeText(f.message)}${because(f)}`);
    }
    // Findings outside the recognised tables (an unknown table, a missing one): under a line of their own.
    const rest = [...groups.values()].flat();
    if (rest.length > 0) out.push(`  ${w.other}: ${countLine(rest, lang)}`);
    for (const f of rest) {
      const where = findingPlace(f);
      out.push(`    ${MARK[f.severity]} ${where ? `${safeText(where)}  ` : ''}${safeText(f.message)}`);
    }
    out.push('');
  }
  if (reports.length > 1) {
    const all = reports.flatMap((r) => r.findings);
    const unchecked = reports.filter((r) => r.error !== undefined).length;
    out.push(`${w.total}: ${reports.length} ${w.files}${unchecked === 0 ? '' : lang === 'zh' ? `（${w.notChecked(unchecked)}）` : ` (${w.notChecked(unchecked)})`}${SEP[lang]}${countLine(all, lang)}`);
  }
  return out.join('\n');
}

export function formatJson(reports: readonly FileReport[]): string {
  return safeJson(JSON.stringify({
    files: reports.map((r) => ({
      path: r.path, verdict: verdictOf(r),
      ...(r.error ? { error: r.error, errorCode: r.errorCode } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      ...(r.edition ? { year: r.year ?? null, catalogEdition: r.edition } : {}),
      tables: r.tables, findings: r.findings,
      ...(r.causes ? { causes: r.causes.map((c) => jsonCause(c)) } : {}),
      ...(r.unexplained ? { unexplained: r.unexplained } : {}),
      ...(r.unexamined ? { unexamined: r.unexamined } : {}),
      ...(r.unsolvable ? { unsolvable: r.unsolvable } : {}),
    })),
  }, null, 2));
}

function jsonCell(c: CauseCell) {
  return { sheet: c.sheet, cell: c.cell, current: c.current, suggested: c.suggested };
}

/** A cause as docs/json-format.md documents it. */
function jsonCause(c: Cause) {
  return {
    id: c.id, ...jsonCell(c), table: c.table, certain: c.certain, findings: c.findings, within: c.within, between: c.between,
    together: c.together.map(jsonCell), alternatives: c.alternatives.map((a) => a.map(jsonCell)),
  };
}

function esc(s: string): string {
  return safeText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function formatHtml(reports: readonly FileReport[], lang: Lang): string {
  const w = WORDS[lang];
  const names = lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN;
  const sev = { error: w.error, warning: w.warning, info: w.info };
  const body = reports.map((r) => {
    if (r.error) return `<section><h2>${esc(safePath(r.path))}</h2><p class="error">${esc(w.unreadable)}: ${esc(r.error)}</p>${r.detail ? `<p class="detail">${esc(w.detail)}: ${esc(r.detail)}</p>` : ''}</section>`;
    const notes = causeNotes(r, lang);
    const rows = r.findings.map((f) =>
      `<tr class="${f.severity}"><td>${esc(sev[f.severity])}${f.rounding ? ` (${esc(w.rounding)})` : ''}</td><td>${esc(f.table ? names[f.table] : '')}</td><td>${esc(f.sheet)}</td><td>${esc(f.cells.join(', '))}</td><td>${esc(f.reported ?? '')}</td><td>${esc(f.computed ?? '')}</td><td>${esc(f.difference ?? '')}</td><td>${esc(f.message)}${notes.has(f) ? ` ${esc(notes.get(f) as string)}` : ''}</td></tr>`).join('\n');
    const causes = r.causes && r.causes.length > 0
      ? `<h3>${esc(w.cause)}</h3><table class="causes"><thead><tr><th>#</th><th>${esc(w.sheet)}</th><th>${esc(w.cell)}</th><th>${esc(w.current)}</th><th>${esc(w.suggested)}</th><th>${esc(w.explanation)}</th></tr></thead>
<tbody>${r.causes.map((c) => `<tr><td>${esc(c.id)}</td><td>${esc(c.sheet)}</td><td>${esc(c.cell)}</td><td>${esc(groupDigits(c.current))}</td><td>${esc(groupDigits(c.suggested))}</td><td>${esc(causeText(c, { qualified: true })[lang])}</td></tr>`).join('\n')}</tbody></table>\n`
      : '';
    const unexamined = (r.unexamined ? `<p>${esc(w.unexamined(r.unexamined))}</p>\n` : '') + (r.unsolvable ? `<p>${esc(w.unsolvable(r.unsolvable))}</p>\n` : '');
    return `<section><h2>${esc(safePath(r.path))}</h2><p>${esc(countLine(r.findings, lang))}</p>
${causes}${unexamined}<table><thead><tr><th>${lang === 'zh' ? '级别' : 'severity'}</th><th>${lang === 'zh' ? '表' : 'table'}</th><th>${esc(w.sheet)}</th><th>${lang === 'zh' ? '单元格' : 'cells'}</th><th>${lang === 'zh' ? '填报数' : 'reported'}</th><th>${lang === 'zh' ? '计算数' : 'computed'}</th><th>${lang === 'zh' ? '差额' : 'difference'}</th><th>${lang === 'zh' ? '说明' : 'message'}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
  }).join('\n');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${lang === 'zh' ? '预算表校核报告' : 'Budget check report'}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}tr.error td:first-child{color:#b00020;font-weight:bold}tr.warning td:first-child{color:#8a5a00}.error{color:#b00020}</style></head>
<body><h1>${lang === 'zh' ? '预算表校核报告' : 'Budget check report'}</h1>
${body}
</body></html>
`;
}
