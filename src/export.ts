import type { Finding, Lang, RawFinding, Severity, Text } from './findings';
import { splitRef } from './snapshot';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from './table';

/**
 * Findings as files the user takes away (CSV, standalone HTML). Cells of a CSV are made inert: Excel would
 * otherwise run a cell that starts like a formula (CSV injection), and messages quote the workbook's text.
 */

/**
 * The same identity for a finding in every run and language: what 已说明 explanations are keyed by. A relation
 * failing in several columns is one finding, keyed by its first column's total.
 */
export function findingKey(f: Finding | RawFinding): string {
  return `${f.rule}|${f.sheet}|${f.cells[0] ?? ''}`;
}

/**
 * The finding's checked total (its first cell; the first column's for a relation failing in several). A
 * finding about the workbook as a whole (a missing table) has neither sheet nor cell; one about a sheet, no cell.
 */
export function firstCell(f: Pick<Finding, 'cells' | 'sheet'>): { sheet: string; address: string } {
  return splitRef(f.cells[0] ?? '', f.sheet);
}

/** Where a finding points, for people: `sheet!A1`, the sheet alone, or '' for the workbook as a whole. */
export function findingPlace(f: Pick<Finding, 'cells' | 'sheet'>): string {
  const at = firstCell(f);
  if (at.sheet === '') return at.address;
  return at.address === '' ? at.sheet : `${at.sheet}!${at.address}`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: never a formula when Excel opens it, then quoted per RFC 4180 where needed. */
export function escapeCsvCell(s: string): string {
  const inert = FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

export const SEVERITY_WORDS: Record<Severity, Text> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

const ROUNDING: Text = { zh: '尾差', en: 'rounding' };
const EXPLAINED: Text = { zh: '已说明', en: 'explained' };

export type ReportColumn = 'severity' | 'kind' | 'table' | 'sheet' | 'cell' | 'message' | 'reported' | 'computed' | 'difference' | 'explanation';

export const COLUMN_TITLES: Record<ReportColumn, Text> = {
  severity: { zh: '级别', en: 'Severity' },
  kind: { zh: '性质', en: 'Kind' },
  table: { zh: '表', en: 'Table' },
  sheet: { zh: '工作表', en: 'Sheet' },
  cell: { zh: '单元格', en: 'Cell' },
  message: { zh: '说明', en: 'Message' },
  reported: { zh: '填报数', en: 'Reported' },
  computed: { zh: '计算数', en: 'Computed' },
  difference: { zh: '差额', en: 'Difference' },
  explanation: { zh: '审核说明', en: 'Explanation' },
};

const FILE_COLUMNS: readonly ReportColumn[] = ['severity', 'kind', 'table', 'sheet', 'cell', 'message', 'reported', 'computed', 'difference', 'explanation'];

/** Every column of one finding as plain text (not yet escaped for any format). */
export function findingRow(f: Finding, lang: Lang, explanations?: ReadonlyMap<string, string>): Record<ReportColumn, string> {
  const names = lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN;
  const at = firstCell(f);
  const note = explanations?.get(findingKey(f));
  return {
    severity: SEVERITY_WORDS[f.severity][lang],
    kind: f.rounding ? ROUNDING[lang] : '',
    table: f.table ? names[f.table] : '',
    sheet: at.sheet,
    cell: at.address,
    message: f.message,
    reported: f.reported ?? '',
    computed: f.computed ?? '',
    difference: f.difference ?? '',
    // An explanation without words still says the finding was looked at.
    explanation: note === undefined ? '' : note.trim() || EXPLAINED[lang],
  };
}

/** UTF-8 BOM (so Excel reads the Chinese right), a header row, one row per finding, CRLF line ends. */
export function findingsCsv(findings: readonly Finding[], lang: Lang, explanations?: ReadonlyMap<string, string>): string {
  const lines = [FILE_COLUMNS.map((c) => COLUMN_TITLES[c][lang])];
  for (const f of findings) {
    const row = findingRow(f, lang, explanations);
    lines.push(FILE_COLUMNS.map((c) => row[c]));
  }
  return `\uFEFF${lines.map((l) => l.map(escapeCsvCell).join(',')).join('\r\n')}\r\n`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function summary(findings: readonly Finding[], lang: Lang): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const r = findings.filter((f) => f.rounding).length;
  return lang === 'zh'
    ? `${n('error')} 个错误，${n('warning')} 个警告（其中 ${r} 个尾差），${n('info')} 个提示`
    : `${n('error')} errors, ${n('warning')} warnings (${r} rounding), ${n('info')} info`;
}

/** A standalone HTML page of the findings: everything escaped, nothing loaded from elsewhere. */
export function findingsHtml(title: string, findings: readonly Finding[], lang: Lang, explanations?: ReadonlyMap<string, string>): string {
  const head = FILE_COLUMNS.map((c) => `<th scope="col">${esc(COLUMN_TITLES[c][lang])}</th>`).join('');
  const rows = findings.map((f) => {
    const row = findingRow(f, lang, explanations);
    return `<tr class="${f.severity}">${FILE_COLUMNS.map((c) => `<td>${esc(row[c])}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}tr.error td:first-child{color:#b00020;font-weight:bold}tr.warning td:first-child{color:#8a5a00}td:nth-child(n+7):nth-child(-n+9){text-align:right;font-variant-numeric:tabular-nums}</style></head>
<body><h1>${esc(title)}</h1>
<p>${esc(summary(findings, lang))}</p>
<table><thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
