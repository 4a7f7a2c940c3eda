/**
 * The vocabulary of table layouts as data. A layout says what a kind of table looks like (titles, the columns
 * it may have, the roles of its rows) and which relations must hold in it; links say which relations hold
 * between tables. The recogniser and the relation rules read these declarations; neither knows a table kind
 * by name.
 */
import type { Severity, Text } from '../findings';
import type { CodeFamily, CodeLevel } from '../codes';

export type Side = 'income' | 'expense';

/** What a column's amounts measure when a table prints several figures per item (决算 tables). */
export type Measure = 'budget' | 'final' | 'initial' | 'adjusted';

/** 预算 (a budget) or 决算 (final accounts): some relations hold only for one of them. */
export type Stage = 'budget' | 'final';

/** What an amount column holds, independent of how its header is worded. */
export type AmountRole =
  | 'total' | 'subtotal'
  | 'basic' | 'project' | 'business' | 'remit' | 'subsidy'
  | 'personnel' | 'public'
  | 'fiscal' | 'special' | 'undertaking' | 'operating' | 'superior' | 'affiliated' | 'other-income' | 'unit-funds'
  | 'carryover' | 'carry-in' | 'carry-out'
  | 'general' | 'fund' | 'soe'
  | 'travel' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception'
  | 'admin-costs';

/** What a row is, from its label: the same words mean the same thing in every layout that accepts them. */
export type RowRole =
  | 'total' | 'year-total' | 'grand-total'
  | 'carry-in' | 'carry-out' | 'balance-use' | 'balance-distribution'
  | 'personnel-total' | 'public-total'
  | 'subtotal' | 'travel' | 'travel-part' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception'
  | 'meeting' | 'training';

/** A column of a layout: the role it plays, with the words that name it in messages. */
export interface ColumnSpec {
  readonly role: AmountRole;
  readonly side?: Side;
  readonly label: Text;
}

/** A row role a layout knows, by the label texts that mark it (ordinals and spaces removed first). */
export interface RowSpec {
  readonly role: RowRole;
  readonly side?: Side;
  readonly labels: readonly RegExp[];
}

/** An amount column of the table, by role (and side); terms carry a weight (−1 for what is taken away). */
export interface ColumnRef {
  readonly role: AmountRole;
  readonly side?: Side;
  readonly weight?: 1 | -1;
  /** Taken only when the table has none of these columns (a part printed inside another column). */
  readonly unless?: readonly AmountRole[];
}

/** Which rows take part in a row relation. */
export type RowSelector =
  /** The row with this role (the first one on the relation's side). */
  | { readonly role: RowRole; readonly side?: Side }
  /** The top-level items of a side (一、二、…, or unnumbered lines) above its totals, optionally by label. */
  | { readonly items: true; readonly label?: RegExp; readonly side?: Side }
  /** Class (类) rows of the code hierarchy, by code. */
  | { readonly classes: { readonly in?: readonly string[]; readonly notIn?: readonly string[] } }
  /** Rows of each of these roles (each one present). */
  | { readonly roles: readonly RowRole[] }
  /** The first alternative that selects at least one row. */
  | { readonly first: readonly RowSelector[] };

/** A relation: total = Σ weight × term, checked in every amount column it applies to. */
export type RelationSpec =
  /** Code hierarchy: 类 = Σ 款, 款 = Σ 项, and the 合计 row = Σ 类, in every amount column. */
  | { readonly type: 'hierarchy'; readonly id: string }
  /** Across a row: a total column = Σ of other columns, in every body row (and per measure). */
  | {
    readonly type: 'columns'; readonly id: string;
    readonly total: ColumnRef; readonly terms: readonly ColumnRef[];
    /** Applies only when every one of these columns is present / none of them is. */
    readonly requires?: readonly AmountRole[];
    readonly unless?: readonly AmountRole[];
  }
  /** Down the rows: a total row = Σ other rows, in every amount column of the side. */
  | {
    readonly type: 'rows'; readonly id: string; readonly side?: Side;
    readonly total: RowSelector; readonly terms: readonly RowSelector[];
    /** What the relation is called in messages. */
    readonly what: Text;
    /** Checked only when some term carries a value (sub-lines that are often left blank). */
    readonly whenTermsFilled?: boolean;
  }
  /** Each numbered item = Σ its sub-items (1. 2. 3. under 一、); items whose parts start with 其中 only bound it. */
  | { readonly type: 'item-parts'; readonly id: string; readonly side?: Side }
  /** One cell = Σ other cells of the same table (e.g. 支出总计 = 收入总计). */
  | { readonly type: 'cells'; readonly id: string; readonly what: Text; readonly total: CellRef; readonly terms: readonly CellRef[] };

/** One cell (or the sum of a few cells of one row) of a table. */
export interface CellRef {
  readonly row: RowSelector;
  /** Several columns are added up (e.g. the unit's own sources of a 收入总表). */
  readonly columns: readonly ColumnChoice[];
  readonly weight?: 1 | -1;
}

/** A column, or the first of several alternatives that the table has. */
export type ColumnChoice = ColumnRef | { readonly first: readonly ColumnRef[] };

export interface Layout<K extends string = string> {
  /** Stable id of the kind of table (used in reports and JSON). */
  readonly kind: K;
  readonly name: Text;
  /** Title patterns, matched against the title with spaces and ordinals removed. */
  readonly titles: readonly RegExp[];
  /** Row structure: a list of coded subjects, two sides of items (收入 | 支出), or item lines. */
  readonly shape: 'coded' | 'two-sided' | 'lines';
  /** The classification the codes of a coded table belong to, and how deep they must go. */
  readonly codes?: { readonly family: CodeFamily; readonly depth: CodeLevel };
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  readonly relations: readonly RelationSpec[];
  /** One of the nine 公开表 every 部门预算 disclosure holds. */
  readonly required: boolean;
}

/** A cell, or a sum of cells, of a table of a given kind, for a link between tables. */
export interface LinkEnd {
  readonly kind: string;
  readonly cells: readonly CellRef[];
}

/** A relation between tables. */
export type LinkSpec =
  /** A cell (or sum) in one table = a cell (or sum) in another. */
  | {
    readonly type: 'cells'; readonly id: string; readonly what: Text;
    readonly total: LinkEnd; readonly terms: LinkEnd;
    readonly stages?: readonly Stage[];
    /** Grade of a real difference when it is not an error (e.g. information only). */
    readonly severity?: Severity;
  }
  /** The expense items of a 收支总表 against the 类 rows of a table, paired by name; year totals too. */
  | {
    readonly type: 'lines-classes'; readonly id: string;
    readonly summary: { readonly kind: string; readonly column: ColumnRef };
    readonly detail: { readonly kind: string; readonly column: ColumnRef };
  }
  /** Two coded tables list the same codes with the same totals. */
  | {
    readonly type: 'codes'; readonly id: string;
    readonly a: { readonly kind: string; readonly column: ColumnRef };
    readonly b: { readonly kind: string; readonly column: ColumnRef };
    readonly stages?: readonly Stage[];
    /** Information only when the first table carries forward money (its 上年结转 column holds values). */
    readonly infoWhenFilled?: AmountRole;
  }
  /** The same budget line (一般公共预算 / 政府性基金 / 国有资本经营) on the income side of two summaries. */
  | {
    readonly type: 'budget-lines'; readonly id: string;
    readonly a: { readonly kind: string; readonly column: ColumnRef };
    readonly b: { readonly kind: string; readonly column: ColumnRef };
  };
