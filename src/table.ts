import type { AmountParse } from './money';
import type { CodeParse } from './codes';
import type { Cell } from './snapshot';

export const TABLE_KINDS = [
  'summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure',
  'basic-expenditure', 'fund-expenditure', 'soe-expenditure', 'three-public',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const TABLE_NAMES_ZH: Record<TableKind, string> = {
  summary: '收支总表',
  income: '收入总表',
  expenditure: '支出总表',
  'fiscal-summary': '财政拨款收支总表',
  'general-expenditure': '一般公共预算财政拨款支出表',
  'basic-expenditure': '一般公共预算财政拨款基本支出表',
  'fund-expenditure': '政府性基金预算财政拨款支出表',
  'soe-expenditure': '国有资本经营预算财政拨款支出表',
  'three-public': '财政拨款"三公"经费支出表',
};
export const TABLE_NAMES_EN: Record<TableKind, string> = {
  summary: 'revenue and expenditure summary',
  income: 'revenue table',
  expenditure: 'expenditure table',
  'fiscal-summary': 'fiscal appropriation summary',
  'general-expenditure': 'general public budget expenditure',
  'basic-expenditure': 'general public budget basic expenditure',
  'fund-expenditure': 'government fund budget expenditure',
  'soe-expenditure': 'state capital operation budget expenditure',
  'three-public': '"three public" expenses',
};

/** What an amount column holds, from its header text. */
export type AmountRole =
  | 'total' | 'subtotal'
  | 'basic' | 'project' | 'business' | 'remit' | 'subsidy'
  | 'personnel' | 'public'
  | 'fiscal' | 'special' | 'undertaking' | 'operating' | 'superior' | 'affiliated' | 'other-income' | 'unit-funds'
  | 'carryover'
  | 'general' | 'fund' | 'soe'
  | 'travel' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception'
  | 'amount';

export type Side = 'income' | 'expense';

export type ColumnRole =
  | { readonly kind: 'seq' }
  | { readonly kind: 'code'; readonly part?: 1 | 2 | 3 }
  | { readonly kind: 'name'; readonly side?: Side }
  | { readonly kind: 'amount'; readonly role: AmountRole; readonly side?: Side };

export interface Column {
  readonly col: number;
  /** Header texts from top to bottom, whitespace removed. */
  readonly path: readonly string[];
  readonly label: string;
  readonly role: ColumnRole;
}

export interface AmountCell {
  readonly col: number;
  readonly address: string;
  readonly cell: Cell | undefined;
  readonly parse: AmountParse;
}

export interface Label {
  readonly text: string;
  readonly address: string;
}

export interface TableRow {
  /** 0-based sheet row of the row's first line. */
  readonly row: number;
  readonly code: CodeParse;
  readonly codeCells: readonly string[];
  /** Name or item text per side; `main` for one-sided tables. Wrapped parts are joined. */
  readonly labels: Partial<Record<Side | 'main', Label>>;
  readonly amounts: ReadonlyMap<number, AmountCell>;
}

export type Unit = 'wan' | 'yuan';

export interface Table {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly title: string;
  readonly titleAddress: string;
  /** A1 range from the title to the last body row. */
  readonly range: string;
  readonly unit: Unit;
  /** The budget year printed in the title or the 预算年度 line, when there is one. */
  readonly year?: number;
  readonly columns: readonly Column[];
  readonly rows: readonly TableRow[];
}

/** The first amount column with a role (and side): the one column lookup every rule uses. */
export function firstAmountColumn(t: Table, role: AmountRole, side?: Side): Column | undefined {
  return t.columns.find((c) => c.role.kind === 'amount' && c.role.role === role && (side === undefined || c.role.side === side));
}
