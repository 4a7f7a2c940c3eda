/**
 * Recognition: sheets → tables. Regions are cut at titles; each region's header is read, its page furniture
 * dropped, its columns typed by header and content, two-sided halves split, rows read and indexed — then the
 * result is matched against the layout its title names. Whatever does not fit is reported as a recognition
 * note instead of being guessed.
 */
import { LAYOUTS, layoutOf, type TableKind } from '../layouts';
import type { Layout, Side } from '../layouts/types';
import { a1, type Sheet, type Workbook } from '../snapshot';
import { amountKey, type Column, type ColumnRole, type RecognitionNote, type Table, type TableRow } from '../table';
import { bodyLines, type Body } from './furniture';
import { forgetTexts } from './grid';
import { readHeader, type Header } from './header';
import { findRegions, type Region } from './regions';
import { formTable, joinForms, readForms } from './form';
import { cellParser, columnPrecision, readRows, type CellParser } from './rows';
import { assignSides, splitLists, type Segmented } from './sides';
import { buildIndex } from './table-index';
import { stageOf } from './titles';
import { typeColumns, type DraftColumn } from './typing';

export interface Recognition {
  readonly tables: readonly Table[];
  /** Everything not understood: per table (also in `table.notes`) and per workbook (missing tables, sheets). */
  readonly notes: readonly RecognitionNote[];
}

export interface RecognizeOptions {
  /** Report each of the nine 公开表 missing from the workbook (off for a single range). */
  readonly expectAll?: boolean;
}

/**
 * The kind of an untitled table (a range given to CHECKTOTALS, a sheet without a title row), from its typed
 * columns. General-expenditure tables share the 支出总表 shape and relations, so they read as it.
 */
export function inferKind(columns: readonly DraftColumn[]): TableKind | undefined {
  const roles = new Set<string>(columns.flatMap((c) => (c.type.type === 'amount' ? [c.type.role] : [])));
  const has = (...rs: string[]) => rs.some((r) => roles.has(r));
  const coded = columns.some((c) => c.type.type === 'code' || c.type.type === 'code-part' || c.type.type === 'code-name');
  const names = columns.filter((c) => c.type.type === 'name').length;
  if (has('travel', 'vehicle', 'reception', 'vehicle-upkeep')) return 'three-public';
  if (names >= 2 && !coded) return has('general', 'fund', 'soe') ? 'fiscal-summary' : 'summary';
  if (!coded) return has('general', 'fund', 'soe') && names === 1 ? 'three-public' : undefined;
  if (has('personnel', 'public') && !has('basic', 'project')) return 'basic-expenditure';
  if (has('subtotal', 'fiscal', 'undertaking', 'special', 'carryover', 'other-income', 'unit-funds')) return 'income';
  if (has('basic', 'project', 'business', 'remit', 'subsidy')) return 'expenditure';
  return undefined;
}

/** A column's name in messages: its leaf, with its group when the leaf only names a measure (合计 + 预算数). */
function label(c: DraftColumn): string {
  const leaf = c.path[c.path.length - 1] ?? '';
  const group = c.path[c.path.length - 2];
  return group !== undefined && /^(?:预算数|决算数|年初预算数|调整预算数|金额|小计)$/.test(leaf) ? `${group}${leaf}` : leaf;
}

function accepts(layout: Layout, role: string, side: Side | undefined): boolean {
  return layout.columns.some((s) => s.role === role && (layout.shape !== 'two-sided' || s.side === undefined || s.side === side));
}

/** Draft columns → the table's columns, against the layout: what the layout does not know is `unknown`. */
function matchColumns(sheet: Sheet, body: Body, segmented: Segmented, layout: Layout, parse: CellParser): { columns: Column[]; rejected: DraftColumn[] } {
  const columns: Column[] = [];
  const rejected: DraftColumn[] = [];
  // A measure matters only where a table prints several (预算数 | 决算数): a table of 预算数 alone has none.
  const measures = new Set(segmented.columns.flatMap((c) => (c.type.type === 'amount' && c.type.measure ? [c.type.measure] : [])));
  const keepMeasure = measures.size > 1;
  for (const c of segmented.columns) {
    const t = c.type;
    let role: ColumnRole;
    switch (t.type) {
      case 'seq': role = { kind: 'seq' }; break;
      case 'code': role = { kind: 'code' }; break;
      case 'code-part': role = { kind: 'code', part: t.part }; break;
      case 'code-name': role = { kind: 'code-name' }; break;
      case 'name': role = { kind: 'name', side: layout.shape === 'two-sided' ? c.side ?? t.side : undefined }; break;
      case 'text': role = { kind: 'text' }; break;
      case 'amount': {
        const side = layout.shape === 'two-sided' ? c.side ?? t.side : undefined;
        if (!accepts(layout, t.role, side)) { role = { kind: 'unknown' }; rejected.push({ ...c, note: 'unknown-header' }); break; }
        role = { kind: 'amount', role: t.role, side, measure: keepMeasure ? t.measure : undefined };
        break;
      }
      default: role = { kind: 'unknown' }; break;
    }
    const base = { col: c.col, segment: c.segment, path: c.path, label: label(c), role };
    if (role.kind === 'amount') {
      columns.push({ ...base, key: amountKey(role.role, role.side, role.measure), precision: columnPrecision(sheet, body.lines, c.col, parse) ?? 2 });
    } else {
      columns.push(base);
    }
  }
  return { columns, rejected };
}

function hasValues(rows: readonly TableRow[]): boolean {
  return rows.some((r) => [...r.amounts.values()].some((a) => a.parse.kind === 'number' && !a.parse.amount.value.isZero()));
}

/** Some body cell of the column holds a digit: a column worth reporting when it is not read. */
function holdsDigits(body: Body, col: number): boolean {
  return body.lines.some((l) => /\d/.test(l.cells[col] ?? ''));
}

/** Columns whose figures were not read: an unknown header over numbers, or words under an amount header. */
function unreadColumns(body: Body, draft: readonly DraftColumn[], rejected: readonly DraftColumn[]): DraftColumn[] {
  return [...draft.filter((c) => c.note !== undefined && !rejected.some((r) => r.col === c.col)), ...rejected]
    .filter((c) => c.note === 'text-in-amounts' || holdsDigits(body, c.col))
    .sort((a, b) => a.col - b.col);
}

function tableNotes(sheet: Sheet, layout: Layout, title: string, unread: readonly DraftColumn[], rows: readonly TableRow[], columns: readonly Column[], headerRow: number): RecognitionNote[] {
  const notes: RecognitionNote[] = [];
  const name = layout.name;
  if (unread.length > 0) {
    const list = unread.map((c) => `${a1(headerRow, c.col).replace(/\d+$/, '')}列${label(c) ? `"${label(c)}"` : '（无表头）'}`);
    const numbers = unread.some((c) => c.note !== 'text-in-amounts');
    notes.push({
      severity: 'warning', sheet: sheet.name, cells: unread.map((c) => a1(headerRow, c.col)), about: 'column',
      text: {
        zh: `${name.zh}中有未能识别的列：${list.join('、')}；其数值未参与核对${numbers ? '，本表各行横向合计也未核对' : ''}`,
        en: `the ${name.en} has columns that were not understood: ${unread.map((c) => `${a1(headerRow, c.col).replace(/\d+$/, '')} "${label(c)}"`).join(', ')}; their values were not checked${numbers ? ', nor the cross-foot of its rows' : ''}`,
      },
    });
  }
  if (layout.shape === 'coded') {
    const codeColumns = columns.some((c) => c.role.kind === 'code' || c.role.kind === 'code-name');
    const valued = rows.filter((r) => [...r.amounts.values()].some((a) => a.parse.kind === 'number' && !a.parse.amount.value.isZero()));
    const coded = valued.filter((r) => r.code.kind === 'code').length;
    const uncoded = valued.filter((r) => r.code.kind === 'none' && Object.keys(r.roles).length === 0 && r.labels.main !== undefined);
    if (valued.length > 0 && (!codeColumns || coded === 0)) {
      notes.push({
        severity: 'warning', sheet: sheet.name, cells: [], about: 'codes',
        text: {
          zh: `${title || name.zh}：没有读到科目编码${codeColumns ? '' : '（未找到科目编码列）'}，科目层级合计未核对`,
          en: `${title || name.en}: no subject code could be read${codeColumns ? '' : ' (no code column found)'}; the subject hierarchy was not checked`,
        },
      });
    } else if (uncoded.length > 0) {
      notes.push({
        severity: 'warning', sheet: sheet.name, cells: uncoded.map((r) => (r.labels.main as { address: string }).address), about: 'codes',
        text: {
          zh: `${name.zh}中有 ${uncoded.length} 行有金额但没有科目编码（如"${uncoded[0].labels.main?.text.trim()}"），未参与层级核对`,
          en: `${uncoded.length} row(s) of the ${name.en} carry amounts but no subject code (e.g. "${uncoded[0].labels.main?.text.trim()}"); they were not checked in the hierarchy`,
        },
      });
    }
  }
  return notes;
}

/** Where the unit is printed: its line's cell, or the title when the title says it. */
function unitCellOf(header: Header, region: Region): { unitCell?: string } {
  if (header.unitCell) return { unitCell: a1(header.unitCell.row, header.unitCell.col) };
  return header.unitFound && region.titleRow >= 0 ? { unitCell: a1(region.titleRow, region.titleCol) } : {};
}

function emptyTable(sheet: Sheet, region: Region & { kind: TableKind }, unit: Table['unit'], year: number | undefined, lastRow: number, notes: RecognitionNote[]): Table {
  const top = region.titleRow >= 0 ? region.titleRow : region.start;
  const layout = layoutOf(region.kind);
  return {
    kind: region.kind, sheet: sheet.name, title: region.title,
    titleAddress: a1(top, region.titleCol), range: `${a1(top, 0)}:${a1(Math.max(top, lastRow), 0)}`,
    unit, year, stage: stageOf([region.title]), columns: [], rows: [], empty: true,
    index: buildIndex([], layout), notes, unreadColumns: [],
  };
}

function recognizeSheet(sheet: Sheet, notes: RecognitionNote[]): Table[] {
  const tables: Table[] = [];
  for (const region of findRegions(sheet)) {
    const at = region.titleRow >= 0 ? a1(region.titleRow, region.titleCol) : 'A1';
    if (region.other) {
      notes.push({
        severity: 'info', sheet: sheet.name, cells: [at], about: 'table',
        text: { zh: `"${region.title}"是${region.other.zh}，本工具暂不核对此表`, en: `"${region.title}" is a ${region.other.en}, which is not checked` },
      });
      continue;
    }
    if (region.titled && region.kind === undefined) {
      notes.push({
        severity: 'info', sheet: sheet.name, cells: [at], about: 'table',
        text: { zh: `未识别的表"${region.title}"：不是部门预算公开表，未检查`, en: `table "${region.title}" is not one of the published budget tables and was not checked` },
      });
      continue;
    }
    if (region.kind !== undefined && layoutOf(region.kind).shape === 'form') {
      const layout = layoutOf(region.kind);
      const read = readForms(sheet, { ...region, kind: region.kind }, layout, notes);
      if (read.forms.length === 0 && !read.empty) continue;
      const t = formTable(sheet, region.kind, layout, read, region);
      const prev = tables[tables.length - 1];
      // Every project has its title: the forms of one sheet are one table, as a sheet's findings are listed under it.
      if (prev && prev.kind === t.kind && prev.forms) tables[tables.length - 1] = joinForms(prev, t, layout);
      else tables.push(t);
      continue;
    }
    const titleTexts = region.titleRow >= 0 ? [region.title] : [];
    const header = readHeader(sheet, region, titleTexts);
    if (!header) {
      if (region.kind === undefined) continue;
      const body = bodyLines(sheet, region.start, region.end, undefined, region.kind);
      const content = body.lines.filter((l) => l.cells.some((c) => /\d/.test(c)));
      if (content.length === 0) {
        // A title and a note (本表无数据): the table is there, and empty on purpose.
        tables.push(emptyTable(sheet, { ...region, kind: region.kind }, 'wan', undefined, region.end - 1, []));
        continue;
      }
      notes.push({
        severity: 'warning', sheet: sheet.name, cells: [at], about: 'header',
        text: { zh: `${layoutOf(region.kind).name.zh}"${region.title}"的表头无法识别，未检查`, en: `the header of the ${layoutOf(region.kind).name.en} "${region.title}" was not understood; it was not checked` },
      });
      continue;
    }
    const body = bodyLines(sheet, header.end, region.end, header, region.kind);
    const draft = typeColumns(sheet, header.paths, body.lines);
    const kind = region.kind ?? (region.titled ? undefined : inferKind(draft));
    if (kind === undefined) continue;
    const layout = layoutOf(kind);
    const segmented = layout.shape === 'two-sided' ? assignSides(draft) : layout.shape === 'coded' ? splitLists(draft) : { columns: draft.map((c) => ({ ...c, segment: 0 })), segments: 1 };
    const parse = cellParser();
    const { columns, rejected } = matchColumns(sheet, body, segmented, layout, parse);
    const rows = readRows(sheet, body.lines, columns, layout, segmented.segments, parse);
    const headerRow = header.rows[header.rows.length - 1];
    const title = region.title;
    const unread = unreadColumns(body, segmented.columns, rejected);
    const own = tableNotes(sheet, layout, title, unread, rows, columns, headerRow);
    notes.push(...own);
    const top = region.titleRow >= 0 ? region.titleRow : header.rows[0];
    const lastCol = columns.reduce((m, c) => Math.max(m, c.col), 0);
    // The table ends at its last row, or at a wrapped line under it; a stray cell far to the right is not in it.
    let last = Math.max(top, header.end - 1);
    for (const r of rows) if (r.row > last) last = r.row;
    for (const l of body.lines) if (l.row > last && l.cells.some((t, c) => t !== '' && c <= lastCol)) last = l.row;
    const headerTexts = [...header.paths.values()].flat();
    tables.push({
      kind,
      sheet: sheet.name,
      title,
      titleAddress: region.titleRow >= 0 ? a1(region.titleRow, region.titleCol) : a1(top, 0),
      range: `${a1(top, 0)}:${a1(last, lastCol)}`,
      unit: header.unit,
      ...unitCellOf(header, region),
      year: header.year,
      stage: stageOf([title, ...headerTexts, ...header.meta]),
      columns,
      rows,
      empty: body.declaredEmpty || !hasValues(rows),
      index: buildIndex(rows, layout),
      notes: own,
      unreadColumns: unread.filter((c) => c.note !== 'text-in-amounts').map((c) => c.col),
    });
  }
  return tables;
}

/** Finds every recognisable table, and says what it could not understand. */
export function recognizeWorkbook(workbook: Workbook, options: RecognizeOptions = {}): Recognition {
  const tables: Table[] = [];
  const notes: RecognitionNote[] = [];
  for (const sheet of workbook.sheets) {
    const before = notes.length;
    const found = recognizeSheet(sheet, notes);
    forgetTexts(sheet);
    tables.push(...found);
    if (found.length === 0 && notes.length === before && sheetHasNumbers(sheet)) {
      notes.push({
        severity: 'info', sheet: sheet.name, cells: [], about: 'sheet',
        text: { zh: `工作表"${sheet.name}"中没有识别到部门预算公开表，未检查`, en: `no published budget table was recognised on sheet "${sheet.name}"; it was not checked` },
      });
    }
  }
  if (options.expectAll && tables.length > 0) {
    for (const l of LAYOUTS) {
      if (!l.required || tables.some((t) => t.kind === l.kind)) continue;
      notes.push({
        severity: 'warning', sheet: '', cells: [], about: 'missing',
        text: { zh: `工作簿中没有找到${l.name.zh}（部门预算公开表应有九张）`, en: `the workbook has no ${l.name.en} (a disclosure holds nine tables)` },
      });
    }
  }
  return { tables, notes };
}

function sheetHasNumbers(sheet: Sheet): boolean {
  for (const row of sheet.rows) for (const c of row ?? []) if (c && typeof c.value === 'number') return true;
  return false;
}

/** Finds every recognisable 公开表 on every sheet. */
export function recognizeTables(workbook: Workbook): Table[] {
  return [...recognizeWorkbook(workbook).tables];
}
