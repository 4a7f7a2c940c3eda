import type { TableKind } from './table';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** True when the difference is within the rounding of the values involved (尾差). */
  readonly rounding: boolean;
  readonly table: TableKind | null;
  readonly sheet: string;
  /** The checked total first (one per column for a relation failing in several columns), then its terms. */
  readonly cells: readonly string[];
  readonly reported: string | null;
  readonly computed: string | null;
  readonly difference: string | null;
  readonly message: string;
  /**
   * Which relation failed, the same in every layout of the table: `<kind>.<relation>` for a relation within a
   * table (e.g. `expenditure.hierarchy`), `link.<id>` between tables.
   */
  readonly relation?: string;
  /** The row the relation is about, independent of layout: a code (`20805`), a row role (`total`), an item. */
  readonly subject?: string;
  /** The amount columns the finding covers, as role ids (`total`, `basic`, `expense:total`, `total@final`). */
  readonly columns?: readonly string[];
  /** A relation failing in several columns: each column's total cell with its own figures. */
  readonly parts?: readonly FindingPart[];
}

export interface FindingPart {
  readonly cell: string;
  readonly column: string;
  readonly label: string;
  readonly reported: string;
  readonly computed: string;
}

/** A finding before its message is rendered in one language. */
export interface RawFinding extends Omit<Finding, 'message'> {
  readonly text: Text;
}

export function render(f: RawFinding, lang: Lang): Finding {
  const { text, ...rest } = f;
  return { ...rest, message: text[lang] };
}
