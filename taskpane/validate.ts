import { checkWorkbook } from '../src/engine';
import type { Catalog } from '../src/catalog/catalog';
import type { Text } from '../src/findings';
import type { ExcelContext } from './office/port';
import { applyMarks, clearMarks, marksFor, type SavedFill } from './office/marks';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from './office/read';
import { getState, setState } from './state';

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
}

export function describeError(e: unknown): Text {
  const detail = e instanceof Error ? e.message : String(e);
  return { zh: `校验未能完成：${detail}`, en: `The check could not finish: ${detail}` };
}

/** Reads the workbook, checks it, marks the cells (keeping their original fills) and records the result. */
export async function validateWorkbook(deps: ValidateDeps): Promise<void> {
  setState({ running: true, error: undefined });
  try {
    const previous = getState().saved.length > 0 ? getState().saved : await deps.fills.load();
    const book = await deps.run((ctx) => readWorkbook(ctx, { payloadLimit: deps.onTheWeb ? WEB_PAYLOAD_LIMIT : undefined }));
    const result = checkWorkbook(book, { catalog: deps.catalog });
    let saved = previous;
    if (deps.mark !== false) {
      // Unmark what the last run marked but this one does not, so stale marks never linger.
      const marks = marksFor(result.findings);
      const keep = new Set(marks.map((m) => `${m.sheet}!${m.address}`));
      const stale = previous.filter((s) => !keep.has(`${s.sheet}!${s.address}`));
      saved = await deps.run((ctx) => applyMarks(ctx, marks, previous.filter((s) => keep.has(`${s.sheet}!${s.address}`)), stale));
      await deps.fills.save(saved);
    }
    setState({ result, at: new Date(), saved, running: false });
  } catch (e) {
    setState({ running: false, error: describeError(e) });
    throw e;
  }
}

/** 清除标记: puts every marked cell's original fill back. */
export async function unmarkWorkbook(deps: Pick<ValidateDeps, 'run' | 'fills'>): Promise<number> {
  const saved = getState().saved.length > 0 ? getState().saved : await deps.fills.load();
  if (saved.length > 0) await deps.run((ctx) => clearMarks(ctx, saved));
  await deps.fills.save([]);
  setState({ saved: [] });
  return saved.length;
}
