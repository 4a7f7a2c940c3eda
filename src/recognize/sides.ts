/**
 * Normaliser step 3: tables printed in two halves. A 收支总表 has an income side and an expense side on the
 * same rows; a 基本支出表 may be printed as two lists side by side (`编码 | 名称 | 金额 | 编码 | 名称 | 金额`),
 * whose right-hand amounts belong to the right-hand codes.
 */
import { classifyHeader } from '../layouts/vocabulary';
import type { Side } from '../layouts/types';
import type { DraftColumn } from './typing';

export interface Segmented {
  readonly columns: ReadonlyArray<DraftColumn & { readonly segment: number; readonly side?: Side }>;
  readonly segments: number;
}

const isCodeStart = (c: DraftColumn) => c.type.type === 'code' || c.type.type === 'code-name' || (c.type.type === 'code-part' && c.type.part === 1);

/**
 * A list printed twice side by side: each code column after the first starts a new list. A header written
 * once over a whole list (人员经费 over the left one) names the list, not its amounts: it is dropped before the
 * list's own headers are read again.
 */
export function splitLists(columns: readonly DraftColumn[]): Segmented {
  const starts = columns.filter(isCodeStart).map((c) => c.col);
  if (starts.length < 2) return { columns: columns.map((c) => ({ ...c, segment: 0 })), segments: 1 };
  const segmentOf = (col: number) => Math.max(0, starts.filter((s) => s <= col).length - 1);
  let out = columns.map((c) => ({ ...c, segment: segmentOf(c.col) }));
  for (let s = 0; s < starts.length; s++) {
    const members = out.filter((c) => c.segment === s && c.path.length > 0);
    const top = members[0]?.path[0];
    if (top === undefined || !members.every((c) => c.path.length >= 2 && c.path[0] === top)) continue;
    out = out.map((c) => {
      if (c.segment !== s || c.path.length === 0) return c;
      const path = c.path.slice(1);
      if (c.type.type !== 'amount' && c.type.type !== 'unknown') return { ...c, path };
      const type = classifyHeader(path);
      return { ...c, path, type, note: type.type === 'unknown' ? 'unknown-header' as const : undefined };
    });
  }
  return { columns: out, segments: starts.length };
}

/**
 * The two sides of a summary: from the headers (收入 | 支出) where they say it, otherwise the first label
 * column is income and the second expense, and an amount belongs to the label column on its left.
 */
export function assignSides(columns: readonly DraftColumn[]): Segmented {
  let names = 0;
  let current: Side | undefined;
  const out = columns.map((c) => {
    const t = c.type;
    if (t.type === 'name') {
      const side = t.side ?? (names === 0 ? 'income' : 'expense');
      names++;
      current = side;
      return { ...c, type: { ...t, side }, segment: 0, side };
    }
    if (t.type === 'amount') {
      const side = t.side ?? current;
      return { ...c, type: { ...t, side }, segment: 0, side };
    }
    return { ...c, segment: 0 };
  });
  return { columns: out, segments: 1 };
}
