import { Catalog } from './catalog';
import { importCatalog, type ImportResult } from './import';

/** The little of Web Storage the add-in needs; the task pane passes `window.localStorage` (per user, kept across restarts). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'budget-check.imported-catalog.v1';
/** Changes with every save or forget, so readers can tell cheaply whether to load again. */
const STAMP_KEY = 'budget-check.imported-catalog.stamp';

interface Saved {
  readonly label: string;
  readonly year: number;
  readonly rows: ReadonlyArray<readonly [string, string]>;
  readonly savedAt: string;
}

/** Keeps an imported catalog's code–name rows (not the derived edition), so a later version re-derives it. */
export function saveImportedCatalog(store: KeyValueStore, label: string, year: number, result: ImportResult, now: Date = new Date()): void {
  const rows = [...result.edition.byCode.values()].map((s) => [s.code, s.name] as const);
  const saved: Saved = { label, year, rows, savedAt: now.toISOString() };
  store.setItem(KEY, JSON.stringify(saved));
  store.setItem(STAMP_KEY, `${saved.savedAt}#${rows.length}`);
}

export interface LoadedCatalog {
  readonly catalog: Catalog;
  readonly label?: string;
  readonly savedAt?: string;
  /** Set when a stored catalog could not be read; the built-in one is used. */
  readonly problem?: { zh: string; en: string };
}

/** The built-in catalog with the stored import in front of it, if there is one. Never throws. */
export function loadCatalog(store: KeyValueStore | undefined, base: Catalog = Catalog.builtIn()): LoadedCatalog {
  const raw = store?.getItem(KEY);
  if (!raw) return { catalog: base };
  try {
    const saved = JSON.parse(raw) as Saved;
    if (!Array.isArray(saved.rows)) throw new Error('rows');
    const result = importCatalog(saved.rows.map((r) => [String(r[0]), String(r[1])]), saved.label, saved.year, base);
    return { catalog: base.withImported(result.edition), label: saved.label, savedAt: saved.savedAt };
  } catch {
    return { catalog: base, problem: { zh: '保存的导入目录已损坏，已改用内置目录；请重新导入', en: 'the saved imported catalog is damaged; the built-in one is used: import it again' } };
  }
}

export function forgetImportedCatalog(store: KeyValueStore): void {
  store.removeItem(KEY);
  store.removeItem(STAMP_KEY);
}

let cached: { stamp: string | null; catalog: Catalog } | undefined;

/**
 * The catalog for the custom functions: the stored import in front of the built-in one, loaded again only
 * when the pane has saved or forgotten an import since (one short read per call, not a parse).
 */
export function currentCatalog(store: KeyValueStore | undefined): Catalog {
  const stamp = store?.getItem(STAMP_KEY) ?? null;
  if (!cached || cached.stamp !== stamp) cached = { stamp, catalog: loadCatalog(stamp === null ? undefined : store).catalog };
  return cached.catalog;
}
