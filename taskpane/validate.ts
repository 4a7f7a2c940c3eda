import { checkWorkbookRaw } from '../src/engine';
import type { Catalog } from '../src/catalog/catalog';
import type { Lang, RawFinding, Text } from '../src/findings';
import { splitRef, type Workbook } from '../src/snapshot';
import { addNotes, removeNotes } from './ops/notes';
import type { ExcelContext } from './office/port';
import { applyMarks, clearMarks, marksFor, type SavedFill } from './office/marks';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from './office/read';
import { setState } from './state';

/** Where the original fills of marked cells are kept: in the document, so they survive save and reopen. */
export interface FillStore {
  load(): Promise<readonly SavedFill[]>;
  save(fills: readonly SavedFill[]): Promise<void>;
}

export interface ValidateDeps {
  /** Runs a batch against the workbook: Excel.run in the add-in, the fake in tests and the playground. */
  readonly run: <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
  readonly fills: FillStore;
  readonly catalog?: Catalog;
  readonly onTheWeb?: boolean;
  readonly mark?: boolean;
  /** Where the platform has cell notes (ExcelApi 1.18): each marked total (every column's) gets its message as a note. */
  readonly notes?: NoteStore;
  /** Keeps the budget year found in the tables, the custom functions' default edition for this workbook. */
  readonly saveYear?: (year: number) => Promise<void>;
  /** Cancels between the steps of a run; nothing is marked after a cancel. */
  readonly signal?: AbortSignal;
}

/** The notes the add-in added (sheet!A1), kept in the document so 清除标记 removes them after a reopen too. */
export interface NoteStore {
  load(): Promise<readonly string[]>;
  save(keys: readonly string[]): Promise<void>;
  readonly lang: Lang;
}

export function describeError(e: unknown): Text {
  const detail = e instanceof Error ? e.message : String(e);
  return { zh: `校验未能完成：${detail}`, en: `The check could not finish: ${detail}` };
}

/** Above this many cells the pane paints its progress before checking (the engine itself runs in one go). */
export const BREATHE_ABOVE_CELLS = 50_000;

function cellCount(book: Workbook): number {
  let n = 0;
  for (const sheet of book.sheets) for (const row of sheet.rows) n += row.length;
  return n;
}

/** Lets the pane paint its progress between steps. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Resolves once the page has painted what was just rendered (the task after the next frame), so the findings show
 * before the marks' work; where no frame comes (a hidden pane, the ribbon's runtime) a moment later.
 */
export const afterPaint = (): Promise<void> => new Promise((resolve) => {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(resolve, 0);
    return;
  }
  const fallback = setTimeout(resolve, 100);
  requestAnimationFrame(() => {
    clearTimeout(fallback);
    setTimeout(resolve, 0);
  });
});

export type Outcome = 'done' | 'cancelled';

/**
 * The cells that get the finding's message as a note: its checked total, or each column's total when one
 * relation fails in several columns (they all carry the same message).
 */
export function noteCells(f: Pick<RawFinding, 'cells' | 'parts'>): readonly string[] {
  if (f.parts && f.parts.length > 0) return f.parts.map((p) => p.cell);
  return f.cells.length > 0 ? [f.cells[0]] : [];
}

/** Reads the workbook, checks it, marks the cells (keeping their original fills) and records the result. */
export async function validateWorkbook(deps: ValidateDeps): Promise<Outcome> {
  setState({ running: true, phase: 'read', error: undefined, cancelled: false });
  const cancelled = (): boolean => {
    if (!deps.signal?.aborted) return false;
    setState({ running: false, phase: undefined, cancelled: true });
    return true;
  };
  try {
    // From the document, not this runtime's memory: without a shared runtime the ribbon's commands and the pane
    // mark from runtimes of their own, and either may have marked or unmarked since this one last did.
    // All at once: the settings (one refresh serves the fills and the notes) and the workbook's read are
    // independent round trips.
    const [previous, oldNotes, book] = await Promise.all([
      deps.fills.load(),
      deps.mark !== false ? deps.notes?.load() : undefined,
      deps.run((ctx) => readWorkbook(ctx, { payloadLimit: deps.onTheWeb ? WEB_PAYLOAD_LIMIT : undefined })),
    ]);
    if (cancelled()) return 'cancelled';
    // A large workbook takes long enough to check that the progress bar should show the step; a budget's few
    // thousand cells check in milliseconds, quicker than a repaint.
    if (cellCount(book) > BREATHE_ABOVE_CELLS) {
      setState({ phase: 'check' });
      await breathe();
      if (cancelled()) return 'cancelled';
    }
    // Every graded relation is kept: the pane locates the likely wrong cells from them.
    const result = checkWorkbookRaw(book, { catalog: deps.catalog, keepRelations: true });
    if (cancelled()) return 'cancelled';
    let saved = previous;
    if (deps.mark !== false) {
      // The findings are shown now, painted before anything else is done; the marks follow (the progress bar
      // says so, and 取消 stays until they are on).
      setState({ result, at: new Date(), changes: [], phase: 'mark' });
      await afterPaint();
      if (cancelled()) return 'cancelled';
      // Unmark what the last run marked but this one does not, so stale marks never linger.
      const marks = marksFor(result.findings);
      const keep = new Set(marks.map((m) => `${m.sheet}!${m.address}`));
      const stale = previous.filter((s) => !keep.has(`${s.sheet}!${s.address}`));
      saved = await deps.run((ctx) => applyMarks(ctx, marks, previous.filter((s) => keep.has(`${s.sheet}!${s.address}`)), stale));
      await deps.fills.save(saved);
      const notes = deps.notes;
      if (notes) {
        // The last run's notes go first, so a note never outlives its finding.
        const old = oldNotes ?? [];
        const items = result.findings.flatMap((f) => noteCells(f).map((c) => ({ ...splitRef(c, f.sheet), text: f.text[notes.lang] })));
        const added = await deps.run(async (ctx) => {
          await removeNotes(ctx, old);
          return addNotes(ctx, items);
        });
        await notes.save(added);
      }
    }
    // The year most tables print (预算年度 or the title): the one the engine chose the catalog edition by.
    if (result.year !== undefined) await deps.saveYear?.(result.year);
    // Where the findings were shown before marking, edits made since then are kept: they make those findings stale.
    setState({ result, at: new Date(), saved, running: false, phase: undefined, ...(deps.mark !== false ? {} : { changes: [] }) });
    return 'done';
  } catch (e) {
    setState({ running: false, phase: undefined, error: describeError(e) });
    throw e;
  }
}

/** 清除标记: puts every marked cell's original fill back. */
export async function unmarkWorkbook(deps: Pick<ValidateDeps, 'run' | 'fills' | 'notes'>): Promise<number> {
  const saved = await deps.fills.load();
  if (saved.length > 0) await deps.run((ctx) => clearMarks(ctx, saved));
  await deps.fills.save([]);
  const notes = deps.notes;
  if (notes) {
    const keys = await notes.load();
    if (keys.length > 0) await deps.run((ctx) => removeNotes(ctx, keys));
    await notes.save([]);
  }
  setState({ saved: [] });
  return saved.length;
}
