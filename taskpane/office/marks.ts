import type { Finding } from '../../src/findings';
import { splitRef } from '../../src/snapshot';
import type { ExcelContext, ExcelRange, ExcelWorksheet } from './port';

export type MarkKind = 'error' | 'rounding' | 'info';

/**
 * Light tints of the Okabe–Ito palette, told apart with any colour vision: vermillion for errors, sky blue
 * for rounding differences, yellow for information. Text stays readable on all three.
 */
export const MARK_COLORS: Record<MarkKind, string> = { error: '#F4B6A0', rounding: '#A9D4F5', info: '#F6EE9A' };

export interface Mark {
  readonly sheet: string;
  readonly address: string;
  readonly kind: MarkKind;
}

/** A cell's fill before it was marked; kept (in the document) so 清除标记 can put it back exactly. */
export interface SavedFill {
  readonly sheet: string;
  readonly address: string;
  readonly pattern: string;
  readonly color: string;
  readonly patternColor: string;
  readonly tintAndShade: number;
  readonly patternTintAndShade: number;
}

const FILL_PROPS = 'format/fill/color,format/fill/pattern,format/fill/patternColor,format/fill/tintAndShade,format/fill/patternTintAndShade';

/** One mark per cell: the worst finding that cites it wins (error over rounding over info). */
export function marksFor<F extends Pick<Finding, 'rounding' | 'severity' | 'cells' | 'sheet'>>(findings: readonly F[]): Mark[] {
  const rank: Record<MarkKind, number> = { error: 0, rounding: 1, info: 2 };
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    const kind: MarkKind = f.rounding ? 'rounding' : f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'rounding' : 'info';
    for (const ref of f.cells) {
      const { sheet, address } = splitRef(ref, f.sheet);
      const key = `${sheet}!${address}`;
      const had = byCell.get(key);
      if (!had || rank[kind] < rank[had.kind]) byCell.set(key, { sheet, address, kind });
    }
  }
  return [...byCell.values()];
}

/**
 * Marks cells in two syncs whatever their number: one reads the original fills, one writes the marks.
 * Cells already marked keep the original saved the first time, so marking twice never saves a mark as an
 * original. Values are never touched.
 */
export async function applyMarks(context: ExcelContext, marks: readonly Mark[], alreadySaved: readonly SavedFill[] = [], restore: readonly SavedFill[] = []): Promise<SavedFill[]> {
  const saved = new Map(alreadySaved.map((s) => [`${s.sheet}!${s.address}`, s]));
  const ranges = marks.map((m) => ({ m, range: context.workbook.worksheets.getItem(m.sheet).getRange(m.address) }));
  const fresh = ranges.filter(({ m }) => !saved.has(`${m.sheet}!${m.address}`));
  for (const { range } of fresh) range.load(FILL_PROPS);
  await context.sync();
  for (const { m, range } of fresh) saved.set(`${m.sheet}!${m.address}`, readFill(m.sheet, m.address, range));
  // Cells marked before but not now get their own fill back in the same sync.
  queueRestore(context, restore);
  for (const { m, range } of ranges) {
    range.format.fill.clear();
    range.format.fill.color = MARK_COLORS[m.kind];
  }
  await context.sync();
  return [...saved.values()];
}

function readFill(sheet: string, address: string, r: ExcelRange): SavedFill {
  const f = r.format.fill;
  return { sheet, address, pattern: f.pattern, color: f.color, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade };
}

/** Puts every saved fill back, in one sync. */
export async function clearMarks(context: ExcelContext, saved: readonly SavedFill[]): Promise<void> {
  queueRestore(context, saved);
  await context.sync();
}

/** Queues putting saved fills back (on their own sheet, or on `sheet`: a copy of it), for the caller's next sync. */
export function queueRestore(context: ExcelContext, saved: readonly SavedFill[], sheet?: ExcelWorksheet): void {
  for (const s of saved) {
    const fill = (sheet ?? context.workbook.worksheets.getItem(s.sheet)).getRange(s.address).format.fill;
    fill.clear();
    if (s.pattern === 'None') continue;
    fill.color = s.color;
    fill.pattern = s.pattern;
    fill.patternColor = s.patternColor;
    fill.tintAndShade = s.tintAndShade;
    fill.patternTintAndShade = s.patternTintAndShade;
  }
}
