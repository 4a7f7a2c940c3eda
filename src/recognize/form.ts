/**
 * The form reader: tables that are not grids of amounts but labelled fields — a project's 绩效目标表 (项目编码 |
 * … | 项目名称 | …, 预算数 | 20.30 | 其中：财政资金 | 20.30 | 其他资金 | , the 资金支出计划 by 3 / 6 / 10 / 12 月底,
 * then the indicator list under 一级指标 | 二级指标 | 三级指标 | … | 指标值). Labels are found by the layout's
 * words wherever they stand: a value is the first cell right of its label (before the next label), or the cell
 * under it when a row of labels is followed by a row of values. One region may hold several projects: a second
 * 项目名称 line starts the next block.
 */
import type { FieldRole, FieldSpec, FormSpec, IndicatorColumn, Layout } from '../layouts/types';
import { decimalsOfFormat, parseAmount, Decimal } from '../money';
import { a1, cellAt, parseA1, type Sheet } from '../snapshot';
import type { AmountCell, Form, FormField, Indicator, Label, PlanPoint, RecognitionNote, Table, TableRow, Unit } from '../table';
import type { TableKind } from '../layouts';
import { norm } from '../text';
import { nonEmpty, rowTexts } from './grid';
import { UNIT } from './header';
import type { Region } from './regions';
import { buildIndex } from './table-index';
import { yearIn } from './titles';

/** A label as matched: no 其中, no colon, no unit in brackets, no numbering. */
export function labelText(t: string): string {
  return norm(t).replace(/^其中[:：]?/, '').replace(/[:：]$/, '').replace(/\((?:万?元|%)\)$/, '').replace(/^\d+[.、]/, '');
}

const EMPTY_NOTE = /空表|无数据|本表为空/;

interface Cellish { readonly row: number; readonly col: number }

function amountAt(sheet: Sheet, at: Cellish, key: string): AmountCell {
  const cell = cellAt(sheet, at.row, at.col);
  const parse = parseAmount(cell?.value ?? null, cell?.text ?? '', cell?.numberFormat);
  const precision = parse.kind === 'number'
    ? (typeof cell?.value === 'number' ? decimalsOfFormat(cell.numberFormat) : undefined) ?? Math.max(parse.amount.decimals, 2)
    : 2;
  return { key, col: at.col, address: a1(at.row, at.col), cell, parse, precision };
}

class Labels {
  constructor(private readonly spec: FormSpec) {}

  field(t: string): FieldSpec | undefined {
    const l = labelText(t);
    return l === '' ? undefined : this.spec.fields.find((f) => f.labels.some((re) => re.test(l)));
  }

  /** Any label: a field, a group word, the plan, a period, an indicator header — never a value. */
  any(t: string): boolean {
    const l = labelText(t);
    if (l === '') return false;
    return this.field(t) !== undefined || this.spec.groups.some((re) => re.test(l)) || this.plan(t) || this.period(t) !== undefined || this.column(t) !== undefined;
  }

  plan(t: string): boolean {
    const l = norm(t);
    return (this.spec.plan?.labels ?? []).some((re) => re.test(l));
  }

  period(t: string): number | undefined {
    const m = this.spec.plan?.period.exec(norm(t));
    return m ? Number(m[1]) : undefined;
  }

  column(t: string): IndicatorColumn | undefined {
    const l = norm(t);
    return this.spec.indicators.columns.find((c) => c.headers.some((re) => re.test(l)))?.role;
  }
}

/** The indicator header's columns, when the row is one (一级指标 and 指标值 or 三级指标 among its cells). */
function indicatorColumns(cells: readonly string[], labels: Labels): Map<IndicatorColumn, number> | undefined {
  const cols = new Map<IndicatorColumn, number>();
  cells.forEach((c, i) => {
    const role = labels.column(c);
    if (role && !cols.has(role)) cols.set(role, i);
  });
  return cols.has('level1') && (cols.has('value') || cols.has('name')) ? cols : undefined;
}

/** The text right of `col` on a row, up to the next label: the first non-empty cell, with its column. */
function valueRight(cells: readonly string[], col: number, labels: Labels): { text: string; col: number } | undefined {
  for (let k = col + 1; k < cells.length; k++) {
    if (cells[k] === '') continue;
    if (labels.any(cells[k])) return undefined;
    return { text: cells[k], col: k };
  }
  return undefined;
}

interface Block { readonly start: number; end: number }

/** Cuts a region into blocks: a line carrying a block-starting field already seen starts the next block. */
function blocks(sheet: Sheet, region: Region, labels: Labels, spec: FormSpec): Block[] {
  const out: Block[] = [{ start: region.start, end: region.end }];
  let seen = new Set<FieldRole>();
  for (let r = region.start; r < region.end; r++) {
    const here = new Set<FieldRole>();
    for (const t of rowTexts(sheet, r)) {
      const f = labels.field(t);
      if (f && spec.blockStart.includes(f.role)) here.add(f.role);
    }
    if ([...here].some((role) => seen.has(role))) {
      out[out.length - 1].end = r;
      out.push({ start: r, end: region.end });
      seen = new Set();
    }
    for (const role of here) seen.add(role);
  }
  return out;
}

function readFields(sheet: Sheet, block: Block, labels: Labels): Map<FieldRole, FormField> {
  const fields = new Map<FieldRole, FormField>();
  for (let r = block.start; r < block.end; r++) {
    const cells = rowTexts(sheet, r);
    cells.forEach((t, c) => {
      const spec = labels.field(t);
      if (!spec || fields.has(spec.role)) return;
      const label: Label = { text: cellAt(sheet, r, c)?.text.trim() ?? t, address: a1(r, c) };
      let at: Cellish = { row: r, col: c + 1 };
      let text = '';
      const right = valueRight(cells, c, labels);
      if (right) {
        at = { row: r, col: right.col };
        text = right.text;
      } else {
        // A row of labels over a row of values (年度资金总额 | 财政拨款 | 其他资金 / 4.80 | 4.80 | ).
        const below = r + 1 < block.end ? rowTexts(sheet, r + 1) : [];
        const under = below[c] ?? '';
        if (under !== '' && !labels.any(under) && cells.filter((x) => labels.field(x) !== undefined).length >= 2) {
          at = { row: r + 1, col: c };
          text = under;
        }
      }
      const shown = text === '' ? '' : cellAt(sheet, at.row, at.col)?.text.trim() ?? text;
      fields.set(spec.role, {
        role: spec.role, label, text: shown, address: a1(at.row, at.col),
        ...(spec.type === 'amount' ? { amount: amountAt(sheet, at, spec.role) } : {}),
      });
    });
  }
  return fields;
}

function readPlan(sheet: Sheet, block: Block, labels: Labels): Form['plan'] {
  for (let r = block.start; r < block.end; r++) {
    const cells = rowTexts(sheet, r);
    const planCol = cells.findIndex((t) => labels.plan(t));
    let periodRow = -1;
    if (cells.filter((t) => labels.period(t) !== undefined).length >= 2) periodRow = r;
    else if (planCol >= 0 && r + 1 < block.end && rowTexts(sheet, r + 1).filter((t) => labels.period(t) !== undefined).length >= 2) periodRow = r + 1;
    if (periodRow < 0) continue;
    const periods = rowTexts(sheet, periodRow);
    const at = periods.flatMap((t, c) => (labels.period(t) !== undefined ? [c] : []));
    // The first filled row under the periods holds the values; a label there (绩效目标) means none were filled
    // in (-2), and the search stops: a later row (an indicator) is never read as the plan.
    let valueRow = -1;
    for (let v = periodRow + 1; v < block.end && valueRow === -1; v++) {
      const vc = rowTexts(sheet, v);
      if (nonEmpty(vc) === 0) continue;
      valueRow = vc.some((t) => labels.any(t)) ? -2 : v;
    }
    const label: Label = planCol >= 0 ? { text: cellAt(sheet, r, planCol)?.text.trim() ?? '', address: a1(r, planCol) } : { text: '', address: a1(periodRow, at[0]) };
    const points: PlanPoint[] = at.map((c, i) => {
      const end = i + 1 < at.length ? at[i + 1] : Math.max(c + 2, periods.length);
      const find = (row: number, from: number): Cellish | undefined => {
        if (row < 0) return undefined;
        const texts = rowTexts(sheet, row);
        for (let k = from; k < end; k++) if ((texts[k] ?? '') !== '') return { row, col: k };
        return undefined;
      };
      // Beside the period (3月底 | 25%) or under it.
      const cell = find(periodRow, c + 1) ?? find(valueRow, c);
      const month = labels.period(periods[c]) as number;
      const plabel: Label = { text: cellAt(sheet, periodRow, c)?.text.trim() ?? '', address: a1(periodRow, c) };
      if (!cell) return { month, label: plabel, text: '', address: a1(valueRow >= 0 ? valueRow : periodRow + 1, c), kind: 'blank' };
      const text = cellAt(sheet, cell.row, cell.col)?.text.trim() ?? '';
      const address = a1(cell.row, cell.col);
      const pct = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/.exec(norm(text));
      if (pct) return { month, label: plabel, text, address, kind: 'percent', percent: new Decimal(pct[1]) };
      const amount = amountAt(sheet, cell, `plan@${month}`);
      if (amount.parse.kind === 'number') return { month, label: plabel, text, address, kind: 'amount', amount };
      return { month, label: plabel, text, address, kind: amount.parse.kind === 'blank' ? 'blank' : 'invalid' };
    });
    return { label, points };
  }
  return undefined;
}

function readIndicators(sheet: Sheet, block: Block, labels: Labels): { indicators: Indicator[]; header: boolean } {
  const out: Indicator[] = [];
  let cols: Map<IndicatorColumn, number> | undefined;
  let level1 = '';
  let level2 = '';
  let header = false;
  for (let r = block.start; r < block.end; r++) {
    const cells = rowTexts(sheet, r);
    if (nonEmpty(cells) === 0) continue;
    const h = indicatorColumns(cells, labels);
    // Pages repeat the header, sometimes with other column positions: each one maps the columns anew.
    if (h) { cols = h; header = true; continue; }
    if (!cols) continue;
    const raw = (role: IndicatorColumn): string => {
      const c = cols?.get(role);
      return c === undefined ? '' : cellAt(sheet, r, c)?.text.trim() ?? '';
    };
    const l1 = norm(raw('level1'));
    const l2 = norm(raw('level2'));
    const name = raw('name');
    const value = raw('value');
    if (l1 !== '') { level1 = l1; level2 = ''; }
    if (l2 !== '') level2 = l2;
    // A line holding only the wrapped rest of a description or basis belongs to the indicator above.
    if (name === '' && value === '') continue;
    const vc = cols.get('value') ?? cols.get('name') ?? 0;
    out.push({ level1, level2, name, value, address: a1(r, vc), row: r });
  }
  return { indicators: out, header };
}

function lastRow(sheet: Sheet, block: Block): number {
  let last = block.start;
  for (let r = block.start; r < block.end; r++) if (nonEmpty(rowTexts(sheet, r)) > 0) last = r;
  return last;
}

/** The forms of one titled region (one per block). */
export function readForms(sheet: Sheet, region: Region & { kind: TableKind }, layout: Layout, notes: RecognitionNote[]): { forms: Form[]; empty: boolean; unitCell?: string; year?: number } {
  const spec = layout.form as FormSpec;
  const labels = new Labels(spec);
  let unit: Unit = 'wan';
  let unitCell: string | undefined;
  // A project's title often names a document of another year (冀财行[2023]98号…2024年…): only a 年度 line says the year.
  let year: number | undefined;
  let declaredEmpty = false;
  const forms: Form[] = [];
  for (const [i, block] of blocks(sheet, region, labels, spec).entries()) {
    for (let r = block.start; r < block.end; r++) {
      const cells = rowTexts(sheet, r);
      if (nonEmpty(cells) === 0 || nonEmpty(cells) > 3) continue;
      const joined = cells.join('');
      const u = UNIT.exec(joined);
      if (u) {
        unit = u[1] === '元' ? 'yuan' : 'wan';
        unitCell = unitCell ?? a1(r, cells.findIndex((c) => UNIT.test(c) || /元/.test(c)));
      }
      year = year ?? (/年度/.test(joined) ? yearIn(joined) : undefined);
      if (/^(?:注|说明)/.test(joined) && EMPTY_NOTE.test(joined)) declaredEmpty = true;
    }
    const fields = readFields(sheet, block, labels);
    const plan = readPlan(sheet, block, labels);
    const { indicators, header } = readIndicators(sheet, block, labels);
    const top = i === 0 && region.titleRow >= 0 ? region.titleRow : block.start;
    const last = Math.max(top, lastRow(sheet, block));
    if (fields.size === 0 && indicators.length === 0) {
      if (!declaredEmpty && last > top) {
        notes.push({
          severity: 'warning', sheet: sheet.name, cells: [a1(top, region.titleCol)], about: 'table',
          text: {
            zh: `${layout.name.zh}"${region.title}"中没有读到项目信息、资金或绩效指标，未检查`,
            en: `no fields, money or indicators could be read in the ${layout.name.en} "${region.title}"; it was not checked`,
          },
        });
      }
      continue;
    }
    forms.push({
      title: i === 0 ? region.title : fields.get('name')?.text ?? region.title,
      titleAddress: a1(top, i === 0 ? region.titleCol : 0),
      range: `${a1(top, 0)}:${a1(last, rowWidths(sheet, top, last).reduce((w, x) => Math.max(w, x), 0))}`,
      unit, fields, plan, indicators, indicatorHeader: header,
    });
  }
  return { forms, empty: declaredEmpty && forms.length === 0, unitCell, year };
}

/** A form's money (its fields, a spending plan in amounts) as one row: what rounding and value hygiene read. */
function formRow(form: Form): TableRow | undefined {
  const money = [...form.fields.values()].flatMap((f) => (f.amount ? [f.amount] : []));
  const planMoney = (form.plan?.points ?? []).flatMap((p) => (p.amount ? [p.amount] : []));
  const all = [...money, ...planMoney];
  if (all.length === 0) return undefined;
  const name = form.fields.get('name');
  return {
    row: parseA1(all[0].address).row, segment: 0, code: { kind: 'none' }, codeCells: [],
    labels: name ? { main: { text: name.text, address: name.address } } : {}, roles: {}, depth: {},
    amounts: new Map(all.map((a) => [a.key, a])),
  };
}

/** The forms of one sheet and kind as one table (the hosts list a sheet's findings under its table). */
export function formTable(sheet: Sheet, kind: TableKind, layout: Layout, read: ReturnType<typeof readForms>, region: Region): Table {
  const first = read.forms[0];
  const rows = read.forms.flatMap((f) => { const r = formRow(f); return r ? [r] : []; });
  const top = region.titleRow >= 0 ? region.titleRow : region.start;
  return {
    kind, sheet: sheet.name, title: first?.title ?? region.title, titleAddress: first?.titleAddress ?? a1(top, region.titleCol),
    range: first?.range ?? `${a1(top, 0)}:${a1(top, 0)}`, unit: first?.unit ?? 'wan', ...(read.unitCell ? { unitCell: read.unitCell } : {}),
    year: read.year, stage: 'budget', columns: [], rows, empty: read.forms.length === 0,
    index: buildIndex(rows, layout), notes: [], unreadColumns: [], forms: read.forms,
  };
}

/** Two tables of forms on one sheet (one title per project) as one: forms, rows and range joined. */
export function joinForms(a: Table, b: Table, layout: Layout): Table {
  const rows = [...a.rows, ...b.rows];
  const end = b.range.split(':')[1] ?? b.range;
  const widest = Math.max(parseA1(a.range.split(':')[1] ?? a.range).col, parseA1(end).col);
  return {
    ...a, rows, index: buildIndex(rows, layout), forms: [...(a.forms ?? []), ...(b.forms ?? [])], empty: a.empty && b.empty,
    range: `${a.range.split(':')[0]}:${a1(parseA1(end).row, widest)}`, unitCell: a.unitCell ?? b.unitCell, year: a.year ?? b.year,
  };
}

function rowWidths(sheet: Sheet, from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++) {
    const cells = rowTexts(sheet, r);
    let w = -1;
    cells.forEach((c, i) => { if (c !== '') w = i; });
    out.push(w);
  }
  return out;
}
