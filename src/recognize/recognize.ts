import { joinCodeParts, parseCode, type CodeParse } from '../codes';
import { parseAmount } from '../money';
import { a1, columnCount, textAt, cellAt, type Sheet, type Workbook } from '../snapshot';
import type { AmountCell, Column, Label, Side, Table, TableKind, TableRow, Unit } from '../table';
import { hasOrdinal, norm } from '../text';
import { classifyColumn, inferKind } from './columns';
import { kindOfTitle, yearIn } from './titles';

const HEADER_WORDS = /^(?:序号|项目|科目编码|科目名称|合计|收入|支出|类|款|项|编码|资金性质|本年收入|功能分类科目|.*经济分类科目|.*分类科目编码|收入项目|支出项目)$/;
const COLUMN_NUMBER_ROW = /^(?:栏次|档次|栏号|列次)$/;
const NOTE = /^(?:注|说明|备注|填表说明)/;
const UNIT = /单位[:：]?\s*(万元|元)/;

interface Region {
  /** Undefined for an untitled sheet: the columns decide. */
  kind: TableKind | undefined;
  title: string;
  titleRow: number;
  titleCol: number;
  start: number;
  end: number; // exclusive
}

const normalized = new WeakMap<Sheet, string[][]>();

/** A row's normalised cell texts, computed once per sheet: finding, header and body passes all read them. */
function rowTexts(sheet: Sheet, r: number, width: number): string[] {
  let rows = normalized.get(sheet);
  if (!rows) {
    rows = [];
    normalized.set(sheet, rows);
  }
  let out = rows[r];
  if (!out) {
    out = [];
    for (let c = 0; c < width; c++) out.push(norm(textAt(sheet, r, c)));
    rows[r] = out;
  }
  return out;
}

function nonEmpty(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== '') n++;
  return n;
}

function isNumeric(t: string): boolean {
  return /^-?[\d,]+(?:\.\d+)?$/.test(t);
}

function isColumnNumberRow(cells: readonly string[]): boolean {
  const first = cells.find((c) => c !== '');
  // Cheap test first: this runs on every body row.
  if (first === undefined || (first !== '1' && !COLUMN_NUMBER_ROW.test(first) && !/^[A-Z]$/.test(first))) return false;
  const filled = cells.filter((c) => c !== '');
  if (COLUMN_NUMBER_ROW.test(filled[0])) return true;
  if (filled.length < 3) return false;
  return filled.every((c, i) => c === String(i + 1) || /^[A-Z]$/.test(c));
}

/** A header row: words only, no code, no amount, no ordinal item, at least two cells. */
function isHeaderLike(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2) return false;
  return filled.every((c) => !isNumeric(c) && !hasOrdinal(c) && !/^其中/.test(c) && !/^\d{3,}/.test(c));
}

function findRegions(sheet: Sheet, width: number): Region[] {
  const regions: Region[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = rowTexts(sheet, r, width);
    if (nonEmpty(cells) === 0 || nonEmpty(cells) > 2) continue;
    const c = cells.findIndex((x) => x !== '');
    const kind = kindOfTitle(cells[c]);
    if (!kind) continue;
    const prev = regions[regions.length - 1];
    // A title repeated on a continuation page continues the table above it.
    if (prev && prev.kind === kind) continue;
    if (prev) prev.end = r;
    regions.push({ kind, title: textAt(sheet, r, c).trim(), titleRow: r, titleCol: c, start: r + 1, end: sheet.rows.length });
  }
  if (regions.length === 0) {
    // A sheet without a title row is recognised by its name (a sheet called 支出总表).
    const kind = kindOfTitle(sheet.name.endsWith('表') ? sheet.name : `${sheet.name}表`);
    regions.push({ kind, title: kind ? sheet.name : '', titleRow: -1, titleCol: 0, start: 0, end: sheet.rows.length });
  }
  return regions;
}

interface Header {
  rows: number[];
  signatures: Set<string>;
  end: number; // first body row
  meta: Set<string>;
  unit: Unit;
  year?: number;
}

function readHeader(sheet: Sheet, region: Region, width: number): Header | undefined {
  let unit: Unit = 'wan';
  let year = yearIn(region.title);
  const meta = new Set<string>();
  let r = region.start;
  // Department, year and unit lines come before the headers.
  for (; r < region.end; r++) {
    const cells = rowTexts(sheet, r, width);
    if (nonEmpty(cells) === 0) continue;
    const joined = cells.join('');
    if (cells.some((c) => HEADER_WORDS.test(c)) && !UNIT.test(joined)) break;
    const u = UNIT.exec(joined);
    if (u) unit = u[1] === '元' ? 'yuan' : 'wan';
    year = year ?? yearIn(joined);
    meta.add(joined);
  }
  const rows: number[] = [];
  const signatures = new Set<string>();
  for (; r < region.end; r++) {
    const cells = rowTexts(sheet, r, width);
    if (nonEmpty(cells) === 0) continue;
    if (isColumnNumberRow(cells)) { signatures.add(cells.join('')); r++; break; }
    if (rows.length > 0 && !isHeaderLike(cells)) break;
    if (rows.length === 0 && !cells.some((c) => HEADER_WORDS.test(c))) return undefined;
    rows.push(r);
    signatures.add(cells.join(''));
  }
  if (rows.length === 0) return undefined;
  return { rows, signatures, end: r, meta, unit, year };
}

function buildColumns(sheet: Sheet, header: Header, width: number): Column[] {
  const grid = header.rows.map((r) => rowTexts(sheet, r, width));
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    let leafRow = -1;
    for (let h = grid.length - 1; h >= 0; h--) if (grid[h][c] !== '') { leafRow = h; break; }
    if (leafRow < 0) continue;
    const path: string[] = [];
    for (let h = 0; h < leafRow; h++) {
      // A merged group header is written in its first column: carry it right until the next one.
      let t = grid[h][c];
      for (let k = c - 1; t === '' && k >= 0; k--) {
        if (grid[h][k] !== '') { t = grid[h][k]; break; }
      }
      if (t !== '') path.push(t);
    }
    path.push(grid[leafRow][c]);
    const role = classifyColumn(path);
    if (role) columns.push({ col: c, path, label: grid[leafRow][c], role });
  }
  // A one-row header (收入项目 | 预算数 | 支出项目 | 预算数): an amount takes the side of the label to its left.
  if (columns.some((c) => c.role.kind === 'name' && c.role.side)) {
    let side: Side | undefined;
    return columns.map((c) => {
      if (c.role.kind === 'name') side = c.role.side;
      if (c.role.kind === 'amount' && !c.role.side && side) return { ...c, role: { ...c.role, side } };
      return c;
    });
  }
  return columns;
}

function readCode(sheet: Sheet, r: number, columns: readonly Column[]): { code: CodeParse; cells: string[] } {
  const single = columns.find((c) => c.role.kind === 'code' && c.role.part === undefined);
  const parts = columns.filter((c) => c.role.kind === 'code' && c.role.part !== undefined);
  if (parts.length > 0) {
    const texts = parts.map((p) => textAt(sheet, r, p.col));
    const cells = parts.filter((p) => textAt(sheet, r, p.col).trim() !== '').map((p) => a1(r, p.col));
    return { code: joinCodeParts(texts), cells };
  }
  if (single) {
    const t = textAt(sheet, r, single.col);
    return { code: parseCode(t), cells: t.trim() !== '' ? [a1(r, single.col)] : [] };
  }
  return { code: { kind: 'none' }, cells: [] };
}

function hasNumber(sheet: Sheet, r: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (const c of row) if (c !== undefined && typeof c.value === 'number') return true;
  return false;
}

interface MutableRow {
  row: number;
  code: CodeParse;
  codeCells: string[];
  labels: Partial<Record<Side | 'main', Label>>;
  amounts: Map<number, AmountCell>;
}

function readRows(sheet: Sheet, region: Region & { kind: TableKind }, header: Header, columns: readonly Column[], width: number): { rows: TableRow[]; last: number } {
  const rows: MutableRow[] = [];
  let last = header.end - 1;
  const amountCols = columns.filter((c) => c.role.kind === 'amount');
  const nameCols = columns.filter((c) => c.role.kind === 'name');
  const seqCol = columns.find((c) => c.role.kind === 'seq');
  for (let r = header.end; r < region.end; r++) {
    const cells = rowTexts(sheet, r, width);
    const filled = nonEmpty(cells);
    if (filled === 0) continue;
    // Page furniture repeated on every printed page: header rows, 栏次, department, unit and year lines. Such
    // rows hold words, or few cells; a full row of numbers (the common body row) skips the string tests.
    if (isColumnNumberRow(cells)) continue;
    if (filled <= 3 || !hasNumber(sheet, r)) {
      const joined = cells.join('');
      if (header.meta.has(joined) || header.signatures.has(joined)) continue;
      if (filled <= 3 && (UNIT.test(joined) || /预算年度/.test(joined))) continue;
      if (NOTE.test(cells.find((c) => c !== '') ?? '')) continue;
      if (filled <= 2 && kindOfTitle(joined) === region.kind) continue;
    }
    const { code, cells: codeCells } = readCode(sheet, r, columns);
    const labels: MutableRow['labels'] = {};
    for (const n of nameCols) {
      const t = textAt(sheet, r, n.col).trim();
      if (t !== '') labels[n.role.kind === 'name' && n.role.side ? n.role.side : 'main'] = { text: t, address: a1(r, n.col) };
    }
    const amounts = new Map<number, AmountCell>();
    let anyAmount = false;
    for (const c of amountCols) {
      const cell = cellAt(sheet, r, c.col);
      const parse = parseAmount(cell?.value ?? null, cell?.text ?? '', cell?.numberFormat);
      if (parse.kind !== 'blank') anyAmount = true;
      amounts.set(c.col, { col: c.col, address: a1(r, c.col), cell, parse });
    }
    const seq = seqCol ? cells[seqCol.col] : '';
    const prev = rows[rows.length - 1];
    // A name wrapped onto the next line (or page): no code, no number, just the rest of one label. In a
    // one-sided table it follows a coded row; on a side of a 收支总表 it never joins totals or carry-overs.
    const keys = Object.keys(labels) as Array<Side | 'main'>;
    const only = keys.length === 1 ? keys[0] : undefined;
    const cont = only ? labels[only] : undefined;
    const pl = only ? prev?.labels[only] : undefined;
    if (prev && only && cont && code.kind === 'none' && !anyAmount && seq === '' &&
        !hasOrdinal(norm(cont.text)) && !/合计|总计/.test(cont.text) &&
        (only === 'main' ? prev.code.kind === 'code'
          : pl !== undefined && !/合计|总计|结转|结余/.test(pl.text) && !/结转|结余/.test(cont.text))) {
      prev.labels[only] = pl ? { text: pl.text + cont.text, address: pl.address } : cont;
      last = r;
      continue;
    }
    if (code.kind === 'none' && Object.keys(labels).length === 0 && !anyAmount) continue;
    rows.push({ row: r, code, codeCells, labels, amounts });
    last = r;
  }
  return { rows, last };
}

/** Finds every recognisable 公开表 on every sheet. */
export function recognizeTables(workbook: Workbook): Table[] {
  const tables: Table[] = [];
  for (const sheet of workbook.sheets) {
    const width = columnCount(sheet);
    for (const region of findRegions(sheet, width)) {
      const header = readHeader(sheet, region, width);
      if (!header) continue;
      const columns = buildColumns(sheet, header, width);
      const kind = region.kind ?? inferKind(columns.map((c) => c.role));
      if (!kind) continue;
      const { rows, last } = readRows(sheet, { ...region, kind }, header, columns, width);
      const top = region.titleRow >= 0 ? region.titleRow : header.rows[0];
      const lastCol = Math.max(0, ...columns.map((c) => c.col));
      tables.push({
        kind,
        sheet: sheet.name,
        title: region.title,
        titleAddress: region.titleRow >= 0 ? a1(region.titleRow, region.titleCol) : a1(top, 0),
        range: `${a1(top, 0)}:${a1(Math.max(last, top), lastCol)}`,
        unit: header.unit,
        year: header.year,
        columns,
        rows,
      });
    }
  }
  return tables;
}
