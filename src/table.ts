/**
 * A recognised table: its columns typed, its rows read (codes joined, names unwrapped, roles named) and an
 * index built once, which every rule reads instead of searching the rows again.
 */
import type { AmountParse, Decimal } from './money';
import type { CodeParse } from './codes';
import type { Cell } from './snapshot';
import type { Text } from './findings';
import { ALL_KINDS, LAYOUTS, TABLE_KINDS, layoutOf, type TableKind } from './layouts';
import type { AmountRole, FieldRole, Measure, RowRole, Side, Stage } from './layouts/types';

export { ALL_KINDS, TABLE_KINDS, layoutOf };
export type { TableKind, AmountRole, FieldRole, Measure, RowRole, Side, Stage };

export const TABLE_NAMES_ZH = Object.fromEntries(LAYOUTS.map((l) => [l.kind, l.name.zh])) as Record<TableKind, string>;
export const TABLE_NAMES_EN = Object.fromEntries(LAYOUTS.map((l) => [l.kind, l.name.en])) as Record<TableKind, string>;

export type ColumnRole =
  | { readonly kind: 'seq' }
  | { readonly kind: 'code'; readonly part?: 1 | 2 | 3 }
  /** Code and name printed in one cell (`[2010101]行政运行`, `201 一般公共服务支出`). */
  | { readonly kind: 'code-name' }
  | { readonly kind: 'name'; readonly side?: Side }
  | { readonly kind: 'amount'; readonly role: AmountRole; readonly side?: Side; readonly measure?: Measure }
  | { readonly kind: 'text' }
  /** A column the engine does not understand: it is reported and never read as money. */
  | { readonly kind: 'unknown' };

export interface Column {
  /** 0-based sheet column. */
  readonly col: number;
  /** 0 for a one-sided table; 1 for the right-hand list of a table printed as two lists side by side. */
  readonly segment: number;
  /** Header texts from top to bottom, whitespace removed. */
  readonly path: readonly string[];
  readonly label: string;
  readonly role: ColumnRole;
  /** Amount columns: the logical column (role, side, measure) the cells belong to; the same in both lists. */
  readonly key?: string;
  /** Amount columns: decimals the column displays, the precision of its blank cells. */
  readonly precision?: number;
}

export interface AmountCell {
  readonly key: string;
  readonly col: number;
  readonly address: string;
  readonly cell: Cell | undefined;
  readonly parse: AmountParse;
  /** Decimals this value stands for: displayed decimals, or the column's for a blank or unformatted cell. */
  readonly precision: number;
}

export interface Label {
  readonly text: string;
  readonly address: string;
}

export type SideKey = Side | 'main';

export interface TableRow {
  /** 0-based sheet row of the row's first line. */
  readonly row: number;
  readonly segment: number;
  readonly code: CodeParse;
  readonly codeCells: readonly string[];
  /** Name or item text per side; `main` for one-sided tables. Wrapped parts are joined. */
  readonly labels: Partial<Record<SideKey, Label>>;
  /** What the row is on each side (合计, 本年收入合计, 人员经费合计…), from its label. */
  readonly roles: Partial<Record<SideKey, RowRole>>;
  /** Item depth per side in a two-sided table: 1 for 一、…, 2 for 1. / （一） / 其中 lines, 0 otherwise. */
  readonly depth: Partial<Record<SideKey, number>>;
  /** Amount cells by column key. */
  readonly amounts: ReadonlyMap<string, AmountCell>;
}

export type Unit = 'wan' | 'yuan';

/** Something in a table or workbook the engine did not understand, said instead of guessed. */
export interface RecognitionNote {
  readonly severity: 'warning' | 'info';
  readonly sheet: string;
  readonly cells: readonly string[];
  readonly text: Text;
  /** What is affected, for grouping: `column`, `codes`, `table`, `header`, `missing`, `sheet`. */
  readonly about: 'column' | 'codes' | 'table' | 'header' | 'missing' | 'sheet' | 'link';
}

/** The structure of one side of a two-sided summary table. */
export interface SideIndex {
  /** Top-level items above the totals (一、二、…, or unnumbered lines). */
  readonly items: readonly TableRow[];
  /** Lines nested under an item or a carry-over line, with whether they add up to it (1. 2. 3.) or only bound it (其中). */
  readonly parts: ReadonlyMap<TableRow, { readonly rows: readonly TableRow[]; readonly exhaustive: boolean; readonly optional: boolean }>;
}

export interface TableIndex {
  /** Coded rows by code (first occurrence). */
  readonly byCode: ReadonlyMap<string, TableRow>;
  /** Codes listed more than once: every occurrence. */
  readonly duplicates: ReadonlyMap<string, readonly TableRow[]>;
  /** Child rows of each code that has some. */
  readonly children: ReadonlyMap<string, readonly TableRow[]>;
  /** Codes whose parent row is missing, with their rows. */
  readonly orphans: ReadonlyMap<string, readonly TableRow[]>;
  /** 类 (level-1) rows. */
  readonly classes: readonly TableRow[];
  /** Rows by role, per side (`main` for one-sided tables). */
  readonly byRole: ReadonlyMap<string, readonly TableRow[]>;
  readonly sides: Partial<Record<Side, SideIndex>>;
}

export interface Table {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly title: string;
  readonly titleAddress: string;
  /** A1 range from the title to the last body row. */
  readonly range: string;
  readonly unit: Unit;
  /**
   * Where the unit is printed: the cell of the line above the header (`单位：元`), or the title's when the title
   * says it; absent when no unit is printed (the unit is then assumed to be 万元).
   */
  readonly unitCell?: string;
  /** The budget year printed in the title or the 预算年度 line, when there is one. */
  readonly year?: number;
  /** 预算 or 决算, from the title and headers. */
  readonly stage: Stage;
  readonly columns: readonly Column[];
  readonly rows: readonly TableRow[];
  /** Printed as an empty table (空表列示, 本表无数据), or no row carries a value. */
  readonly empty: boolean;
  readonly index: TableIndex;
  /** What could not be understood in this table. */
  readonly notes: readonly RecognitionNote[];
  /** Columns holding figures the engine could not read (unknown headers): a row's cross-foot is then unknown. */
  readonly unreadColumns: readonly number[];
  /** A form table (项目绩效目标表, 部门整体绩效目标表): one form per project, in sheet order. */
  readonly forms?: readonly Form[];
}

/** A labelled field of a form: its label cell, and its value cell (an amount for money fields). */
export interface FormField {
  readonly role: FieldRole;
  readonly label: Label;
  /** The value as printed (blank: ''), and where it is (the cell right of the label when nothing is printed). */
  readonly text: string;
  readonly address: string;
  readonly amount?: AmountCell;
}

/** One period of a spending plan (3月底 …): cumulative as the forms print it, in % or in money. */
export interface PlanPoint {
  readonly month: number;
  readonly label: Label;
  readonly text: string;
  readonly address: string;
  /** A percentage (25%), an amount (the table's unit), nothing, or text that is neither. */
  readonly kind: 'percent' | 'amount' | 'blank' | 'invalid';
  /** The percentage, or the amount's cell. */
  readonly percent?: Decimal;
  readonly amount?: AmountCell;
}

export interface Indicator {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly value: string;
  /** The value's cell (the row's first cell when no value column was found). */
  readonly address: string;
  readonly row: number;
}

export interface Form {
  /** The block's title (1、市级劳模疗休养资金绩效目标表), where it starts, its cells, and its unit. */
  readonly title: string;
  readonly titleAddress: string;
  readonly range: string;
  readonly unit: Unit;
  readonly fields: ReadonlyMap<FieldRole, FormField>;
  readonly plan?: { readonly label: Label; readonly points: readonly PlanPoint[] };
  readonly indicators: readonly Indicator[];
  /** The indicator list's header was found (a form without one is said so). */
  readonly indicatorHeader: boolean;
}

/** The logical id of an amount column: `total`, `expense:total`, `total@final` (also the id in reports). */
export function amountKey(role: AmountRole, side?: Side, measure?: Measure): string {
  return `${side ? `${side}:` : ''}${role}${measure ? `@${measure}` : ''}`;
}

export function roleKey(side: SideKey, role: RowRole): string {
  return `${side}:${role}`;
}

/** Amount columns with a role (and side): one per measure; both lists of a two-sided table share them. */
export function amountColumns(t: Table, role: AmountRole, side?: Side): Column[] {
  const seen = new Set<string>();
  const out: Column[] = [];
  for (const c of t.columns) {
    if (c.role.kind !== 'amount' || c.role.role !== role || (side !== undefined && c.role.side !== side)) continue;
    if (c.key === undefined || seen.has(c.key)) continue;
    seen.add(c.key);
    out.push(c);
  }
  return out;
}

export function hasRole(t: Table, role: AmountRole, side?: Side): boolean {
  return t.columns.some((c) => c.role.kind === 'amount' && c.role.role === role && (side === undefined || c.role.side === side));
}

/** The first amount column with a role (and side). */
export function firstAmountColumn(t: Table, role: AmountRole, side?: Side): Column | undefined {
  return amountColumns(t, role, side)[0];
}

/** The distinct logical amount columns of a table (one per key), in sheet order. */
export function logicalColumns(t: Table): Column[] {
  const seen = new Set<string>();
  const out: Column[] = [];
  for (const c of t.columns) {
    if (c.role.kind !== 'amount' || c.key === undefined || seen.has(c.key)) continue;
    seen.add(c.key);
    out.push(c);
  }
  return out;
}

/** The label of a row on a side (or its main label), for messages. */
export function rowLabel(r: TableRow, side?: SideKey): string {
  const l = side ? r.labels[side] : r.labels.main ?? r.labels.expense ?? r.labels.income;
  return l?.text.trim() ?? '';
}
