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
  /** The checked total first, then its terms. */
  readonly cells: readonly string[];
  readonly reported: string | null;
  readonly computed: string | null;
  readonly difference: string | null;
  readonly message: string;
}

/** A finding before its message is rendered in one language. */
export interface RawFinding extends Omit<Finding, 'message'> {
  readonly text: Text;
}

export function render(f: RawFinding, lang: Lang): Finding {
  const { text, ...rest } = f;
  return { ...rest, message: text[lang] };
}

