import type { Finding, Lang, RawFinding, Severity, Text } from './findings';
import { splitRef } from './snapshot';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from './table';

/**
 * Findings as files the user takes away (CSV, standalone HTML). Cells of a CSV are made inert: Excel would
 * otherwise run a cell that starts like a formula (CSV injection), and messages quote the workbook's text.
 */

/** How a finding is graded, as an explanation must match it: the severity, and whether it is a 尾差. */
export function findingGrade(f: Pick<Finding, 'severity' | 'rounding'>): string {
  return f.rounding ? `${f.severity}/rounding` : f.severity;
}

/**
 * The identity a 审核说明 (explanation) belongs to, the same in every run and language: the relation that
 * failed (`income.hierarchy`, `link.summary-expenditure`; the rule for a finding that is no relation), its
 * subject (`20805`), its grade (错误 / 警告 / 尾差 / 提示) and its difference, on its sheet. When any of
 * these changes — the explained 0.01 尾差 of 款 20805 becomes a 63.56 error — the key changes with it: the
 * explanation lapses and the finding shows as new, instead of calling a different finding 已说明.
 *
 * A finding with no subject (none the engine reports today) falls back to its first cell. The key is a JSON
 * array, so it can never equal a key of the first format (`rule|sheet|cell`, by cell only), which lapses too.
 */
export function findingKey(f: Finding | RawFinding): string {
  return JSON.stringify([f.relation ?? f.rule, f.sheet, f.subject ?? f.cells[0] ?? '', findingGrade(f), f.difference ?? '']);
}

/** Whether a stored key is of the current format (one of an earlier format names no finding). */
export function isFindingKey(key: string): boolean {
  try {
    const parts: unknown = JSON.parse(key);
    return Array.isArray(parts) && parts.length === 5 && parts.every((p) => typeof p === 'string') && parts[0] !== '';
  } catch {
    return false;
  }
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

/**
 * What makes a spreadsheet read a cell as a formula: = + - @ and their full-width forms ＝ ＋ － ＠ (an IME
 * types them, and a spreadsheet in a CJK locale may read them as the ASCII signs), tab and carriage return.
 */
const FORMULA_SIGN = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * What a spreadsheet may skip before the sign: white space (ASCII, no-break, ideographic, the Unicode spaces)
 * and invisible format characters (zero-width space / joiners, word joiner, BOM, soft hyphen, bidi marks).
 */
const INVISIBLE_LEAD = /^[\s\u00A0\u00AD\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]+/;
/** A plain decimal amount, as the engine prints them (`-0.01`, `536.45`, `-1,234.50`): a number, never a formula. */
const AMOUNT = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** Whether a spreadsheet could read the cell as a formula: a formula sign first, or after white space or invisible characters. */
export function startsLikeFormula(s: string): boolean {
  return FORMULA_SIGN.test(s) || FORMULA_SIGN.test(s.replace(INVISIBLE_LEAD, ''));
}

/**
 * One CSV field: never a formula when Excel opens it, then quoted per RFC 4180 where needed. A cell that could
 * start a formula gets a leading `'`; an amount (a negative one too: `-0.01`) stays a number.
 */
export function escapeCsvCell(s: string): string {
  const inert = startsLikeFormula(s) && !AMOUNT.test(s) ? `'${s}` : s;
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
