import type { Catalog } from '../src/catalog/catalog';
import type { PaneHost } from './host';
import type { SavedFill } from './office/marks';
import type { Lang } from '../src/findings';
import type { FillStore, NoteStore, ValidateDeps } from './validate';

const FILLS_KEY = 'budget-check.saved-fills.v1';
const NOTES_KEY = 'budget-check.added-notes.v1';
/** Read by the custom functions (functions/functions.ts) as the workbook's default edition. */
export const YEAR_KEY = 'budget-check.budget-year';

export function noteStore(host: Pick<PaneHost, 'document'>, lang: Lang): NoteStore {
  return {
    lang,
    load: async () => {
      await host.document.refresh?.();
      const raw = host.document.get(NOTES_KEY);
      return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : [];
    },
    save: (keys) => host.document.set(NOTES_KEY, keys.length === 0 ? undefined : keys),
  };
}

/**
 * The original fills of marked cells, kept in the document so they survive save and reopen, and read afresh
 * each time: without a shared runtime the ribbon and the pane mark and unmark from runtimes of their own.
 */
export function fillStore(host: Pick<PaneHost, 'document'>): FillStore {
  return {
    load: async () => {
      await host.document.refresh?.();
      const raw = host.document.get(FILLS_KEY);
      return Array.isArray(raw) ? (raw as SavedFill[]) : [];
    },
    save: (fills) => host.document.set(FILLS_KEY, fills.length === 0 ? undefined : fills),
  };
}

/** What a validation run needs, from the host: shared by the ribbon command and the pane. */
export function depsFor(host: PaneHost, catalog: Catalog, lang: Lang = host.language): ValidateDeps {
  const saveYear = async (year: number): Promise<void> => {
    if (host.document.get(YEAR_KEY) !== year) await host.document.set(YEAR_KEY, year);
  };
  return { run: host.run, fills: fillStore(host), saveYear, notes: host.caps.cellNotes ? noteStore(host, lang) : undefined, catalog, onTheWeb: host.onTheWeb, mark: host.caps.exactMarks };
}
