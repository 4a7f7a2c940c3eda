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
  | 'admin-costs'
  // 政府采购预算表: what is bought (货物 / 工程 / 服务), the share reserved for small firms, and item figures
  // that are never summed (数量, 单价, the project's own 预算资金).
  | 'goods' | 'works' | 'services' | 'sme-reserved' | 'small-reserved'
  | 'quantity' | 'unit-price' | 'source-budget'
  // 固定资产占用情况表: the value of each category.
  | 'value';

/** What a row is, from its label: the same words mean the same thing in every layout that accepts them. */
export type RowRole =
  | 'total' | 'year-total' | 'grand-total'
  | 'carry-in' | 'carry-out' | 'balance-use' | 'balance-distribution'
  | 'personnel-total' | 'public-total'
  | 'subtotal' | 'travel' | 'travel-part' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception'
  | 'meeting' | 'training'
  // 固定资产占用情况表 categories (其中 lines are told by their label, not by a role).
  | 'land' | 'buildings' | 'vehicles' | 'equipment' | 'other-assets';

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
  /** Every other row of a line table: not the relation's total, not a 合计 / 小计 row, not a 其中 line. */
  | { readonly others: true }
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
    /** `le`: the terms only bound the total (a share reserved out of a total). */
    readonly compare?: 'le';
  }
  /** Down the rows: a total row = Σ other rows, in every amount column of the side. */
  | {
    readonly type: 'rows'; readonly id: string; readonly side?: Side;
    readonly total: RowSelector; readonly terms: readonly RowSelector[];
    /** What the relation is called in messages. */
    readonly what: Text;
    /** Only these amount columns (a 数量 column of 平方米 and 辆 adds up to nothing). */
    readonly columns?: readonly AmountRole[];
    /** `le`: the terms only bound the total (其中 lines). */
    readonly compare?: 'le';
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
  /** Title patterns for titles that do not say 表 (部门政府采购预算): any other such line is narrative, not a title. */
  readonly bareTitles?: readonly RegExp[];
  /**
   * Row structure: a list of coded subjects, two sides of items (收入 | 支出), item lines, or a form of
   * labelled fields (one block per project: 项目绩效目标表), read by the form reader from `form`.
   */
  readonly shape: 'coded' | 'two-sided' | 'lines' | 'form';
  /** A form table's fields, spending plan, indicator columns and indicator trees. */
  readonly form?: FormSpec;
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

/** A labelled field of a form table. */
export type FieldRole = 'code' | 'name' | 'department' | 'budget' | 'fiscal' | 'other' | 'carryover';

export interface FieldSpec {
  readonly role: FieldRole;
  /** Amounts are read as money of the table's unit; text fields as printed. */
  readonly type: 'amount' | 'text';
  /** Label cell texts (normalised, 其中 and a trailing colon removed). */
  readonly labels: readonly RegExp[];
  readonly label: Text;
}

/** A column of the indicator list of a form, by its header words. */
export type IndicatorColumn = 'level1' | 'level2' | 'name' | 'description' | 'value' | 'basis';

/** One category an indicator tree must have: a first-level name, or a second-level one (under a first, or anywhere). */
export interface TreeRequirement {
  readonly label: Text;
  /** First-level names that satisfy it (e.g. 成本指标 printed as its own first level). */
  readonly level1?: RegExp;
  /** Second-level names that satisfy it, under a first level matching `under` when given. */
  readonly level2?: RegExp;
  readonly under?: RegExp;
  /** How serious its absence is: the standard of the layout's time asked for it, or only listed it. */
  readonly severity: Severity;
}

/** A version of the indicator framework, told by a first-level name only it has (效果指标 in the older one). */
export interface IndicatorTree {
  readonly id: string;
  readonly name: Text;
  /** This tree applies when a first-level indicator matches (the first tree whose marker matches, else the last). */
  readonly marker?: RegExp;
  readonly requires: readonly TreeRequirement[];
}

/** A form relation: an amount field = Σ other amount fields (预算数 = 财政资金 + 其他资金). */
export interface FieldRelation {
  readonly id: string;
  readonly total: FieldRole;
  readonly terms: readonly FieldRole[];
  readonly what: Text;
}

export interface FormSpec {
  readonly fields: readonly FieldSpec[];
  /** A second line carrying one of these fields starts a new block (several projects under one title). */
  readonly blockStart: readonly FieldRole[];
  /** Labels that only group other fields (项目资金（万元）, 预算规模及资金用途): never a field, never a value. */
  readonly groups: readonly RegExp[];
  /** The spending plan: its row label and the periods (3月底 …) with the month each ends. */
  readonly plan?: { readonly labels: readonly RegExp[]; readonly period: RegExp };
  readonly indicators: { readonly columns: ReadonlyArray<{ readonly role: IndicatorColumn; readonly headers: readonly RegExp[] }>; readonly trees: readonly IndicatorTree[] };
  readonly relations: readonly FieldRelation[];
}
