import { findingPlace, findingRow, COLUMN_TITLES, firstCell, type ReportColumn } from '../../src/export';
import type { Finding, Lang, Text } from '../../src/findings';
import { compareFindings } from '../../src/present';
import { columnLetters } from '../../src/snapshot';
import type { ExcelContext } from '../office/port';
import { qualified } from './address';

/** The product's name for the sheet, in either language. */
export const REPORT_SHEET = '校验报告';

/** A1 of a report sheet: how a later run knows the sheet is ours to replace. */
export const REPORT_TITLE: Text = { zh: '预算表校核助手 · 校验报告', en: 'Budget check assistant · validation report' };

const COLUMNS: readonly ReportColumn[] = ['severity', 'kind', 'table', 'cell', 'message', 'reported', 'computed', 'difference', 'explanation'];
const CELL_COLUMN = COLUMNS.indexOf('cell');
const LAST = columnLetters(COLUMNS.length - 1);

function isOurs(a1: unknown): boolean {
  return typeof a1 === 'string' && (a1 === REPORT_TITLE.zh || a1 === REPORT_TITLE.en);
}

function candidate(n: number): string {
  return n === 1 ? REPORT_SHEET : `${REPORT_SHEET} (${n})`;
}

/**
 * Writes the findings to a new sheet 校验报告 and activates it, in at most 3 syncs whatever their number:
 * sheet names (1), A1 of existing 校验报告 sheets to tell ours from the user's (2, only when there are
 * any), then everything else (3). Our own earlier report is replaced; a user's sheet of that name is left
 * alone and the report goes to 校验报告 (2), (3)…
 *
 * Every cell is formatted as text (`@`) before it is written: amounts keep their printed form, and no
 * message or name is ever read as a formula, without a visible quote in the cell as a prefix would leave.
 */
export async function writeReportSheet(ctx: ExcelContext, given: readonly Finding[], lang: Lang, explanations?: ReadonlyMap<string, string>): Promise<{ sheet: string; rows: number }> {
  // By level (错误, 警告, 尾差, 提示), then table, then cell: the order the pane lists them in.
  const findings = [...given].sort(compareFindings);
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const names = new Set(sheets.items.map((s) => s.name));
  const taken = [...names].filter((n) => n === REPORT_SHEET || /^校验报告 \(\d+\)$/.test(n));
  const ours = new Set<string>();
  if (taken.length > 0) {
    const firsts = taken.map((name) => {
      const r = sheets.getItem(name).getRange('A1');
      r.load('values');
      return { name, r };
    });
    await ctx.sync();
    for (const { name, r } of firsts) if (isOurs(r.values[0]?.[0])) ours.add(name);
  }
  let n = 1;
  while (names.has(candidate(n)) && !ours.has(candidate(n))) n++;
  const name = candidate(n);

  if (ours.has(name)) sheets.getItem(name).delete();
  const ws = sheets.add(name);
  const last = findings.length + 2;
  const block = ws.getRange(`A1:${LAST}${last}`);
  block.numberFormat = Array.from({ length: last }, () => COLUMNS.map(() => '@'));
  const title = ws.getRange('A1');
  title.values = [[REPORT_TITLE[lang]]];
  title.format.font.bold = true;
  const body = ws.getRange(`A2:${LAST}${last}`);
  body.values = [
    COLUMNS.map((c) => COLUMN_TITLES[c][lang]),
    ...findings.map((f) => {
      const row = findingRow(f, lang, explanations);
      return COLUMNS.map((c) => (c === 'cell' ? findingPlace(f) : row[c]));
    }),
  ];
  ws.getRange(`A2:${LAST}2`).format.font.bold = true;
  findings.forEach((f, i) => {
    // A finding about the whole workbook (a missing table) points nowhere; one about a sheet, to its A1.
    const at = firstCell(f);
    if (at.sheet === '') return;
    ws.getRange(`${columnLetters(CELL_COLUMN)}${i + 3}`).hyperlink = { documentReference: qualified(at.sheet, at.address || 'A1'), textToDisplay: findingPlace(f) };
  });
  // Widths from the table only: the title may run over into the next columns.
  body.format.autofitColumns();
  ws.activate();
  await ctx.sync();
  return { sheet: name, rows: findings.length };
}
