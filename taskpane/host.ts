import type { KeyValueStore } from '../src/catalog/persist';
import type { Lang } from '../src/findings';
import { capabilities, type Capabilities } from './capabilities';
import type { ExcelContext } from './office/port';
import type { RoundFn } from '../src/range-round';
import { loadRounder } from './round-loader';
import { loadLocator, type Locate } from './solver';

/** Values kept in the workbook file itself (Office document settings): they travel with the file. */
export interface DocumentStore {
  get(key: string): unknown;
  /** Sets (or, with undefined, removes) and saves. */
  set(key: string, value: unknown): Promise<void>;
  /**
   * Re-reads what is saved in the document. Without a shared runtime (manifest-excel2016-2019.xml) the ribbon's
   * commands and the pane each hold their own copy of the settings: a copy read before the other runtime
   * saved would lose that runtime's entries (the original fills of marked cells) on its next save.
   */
  refresh?(): Promise<void>;
}

/** A cell range that the user changed since the last run. */
export interface CellChange {
  readonly sheet: string;
  readonly address: string;
}

/**
 * Everything the task pane needs from its host. The Office host below serves it from Office.js; the
 * playground's stub office.js makes the very same host run on the in-memory fake.
 */
export interface PaneHost {
  readonly run: <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
  readonly document: DocumentStore;
  /** Per user, kept across restarts (localStorage): the imported catalog and the pane's preferences. */
  readonly user: KeyValueStore | undefined;
  readonly caps: Capabilities;
  readonly onTheWeb: boolean;
  /** Office's UI language, as the pane's default. */
  readonly language: Lang;
  readonly theme: () => 'light' | 'dark';
  /** Calls back when the user edits cells; resolves to a function that stops watching. */
  readonly watchChanges: (listener: (changes: readonly CellChange[]) => void) => Promise<() => Promise<void>>;
  /** Offers a file to the user (CSV / HTML export). */
  readonly download: (fileName: string, mime: string, content: string) => void;
  /**
   * The error locator with its solver (HiGHS compiled to WebAssembly), loaded on first use from the add-in's own
   * files; rejects where it cannot run. Without it the pane lists the findings only.
   */
  readonly loadLocator?: () => Promise<Locate>;
  /** 舍位平衡 with the same solver, loaded the same way on first use (src/round). */
  readonly loadRounder?: () => Promise<RoundFn>;
  /**
   * A clock in milliseconds for the locator's time budget (the page's `performance.now()` by default); tests
   * bring their own.
   */
  readonly now?: () => number;
}

export function documentStore(settings: Office.Settings): DocumentStore {
  const refresh = (): Promise<void> => new Promise<void>((resolve) => {
    // Where the host has no refreshAsync (a stub), or it fails, the copy in memory is what there is.
    if (typeof settings.refreshAsync !== 'function') resolve();
    else settings.refreshAsync(() => resolve());
  });
  return {
    get: (key) => settings.get(key) as unknown,
    // Refreshed first: saveAsync writes the whole copy, so it must hold what another runtime saved meanwhile.
    set: async (key, value) => {
      await refresh();
      await new Promise<void>((resolve, reject) => {
        if (value === undefined) settings.remove(key);
        else settings.set(key, value);
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message))));
      });
    },
    refresh,
  };
}

/** Dark when the Office theme's body background is dark (Office.context.officeTheme, where available). */
export function isDark(background: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function browserDownload(fileName: string, mime: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function officeHost(): PaneHost {
  const ctx = Office.context;
  return {
    run: (batch) => Excel.run((c) => batch(c)),
    document: documentStore(ctx.document.settings),
    user: typeof localStorage === 'undefined' ? undefined : localStorage,
    caps: capabilities(ctx.requirements),
    onTheWeb: ctx.platform === Office.PlatformType.OfficeOnline,
    language: /^zh/i.test(ctx.displayLanguage ?? 'zh-CN') ? 'zh' : 'en',
    theme: () => (isDark(ctx.officeTheme?.bodyBackgroundColor) ? 'dark' : 'light'),
    watchChanges: (listener) => Excel.run(async (c) => {
      const sheets = c.workbook.worksheets;
      sheets.load('items/name,items/id');
      await c.sync();
      const names = new Map(sheets.items.map((s) => [s.id, s.name]));
      const handler = async (e: Excel.WorksheetChangedEventArgs) => {
        // The add-in's own writes (report sheet, inserted codes) are not the user's edits.
        if (e.triggerSource === 'ThisLocalAddin') return;
        listener([{ sheet: names.get(e.worksheetId) ?? '', address: e.address }]);
      };
      const registration = sheets.onChanged.add(handler);
      await c.sync();
      return async () => {
        await Excel.run(registration.context, async (c2) => {
          registration.remove();
          await c2.sync();
        });
      };
    }),
    download: browserDownload,
    loadLocator,
    loadRounder,
    now: () => performance.now(),
  };
}
