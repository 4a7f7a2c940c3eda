import type { Workbook } from '../src/snapshot';
import { FakeExcel } from '../taskpane/office/fake';
import type { ChangeEvent, ExcelContext } from '../taskpane/office/port';
import { DOCUMENT_KEY, SETTINGS_KEY, autosave, deserialize, isWorkbook, sessionStore } from './document';

/**
 * A stand-in for office.js backed by one in-memory FakeExcel: the real task pane, ribbon commands and
 * functions bundles run on it unchanged. Only the parts of Office.js the add-in uses are here.
 */

/** What the page's URL can change, to demo other Excels: ?excelApi=1.8&sharedRuntime=0&lang=en-US&theme=dark&platform=OfficeOnline */
export interface StubOptions {
  /** Highest version of each requirement set; absent sets are unsupported. Keys are lower case. */
  readonly sets: ReadonlyMap<string, string>;
  readonly displayLanguage: string;
  readonly theme: 'light' | 'dark';
  readonly platform: string;
}

const DEFAULT_SETS: Record<string, { param: string; version: string }> = {
  excelapi: { param: 'excelApi', version: '1.18' },
  sharedruntime: { param: 'sharedRuntime', version: '1.1' },
  customfunctionsruntime: { param: 'customFunctions', version: '1.1' },
};

export const PLATFORMS = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' } as const;

export function parseOptions(search: string): StubOptions {
  const q = new URLSearchParams(search);
  const sets = new Map<string, string>();
  for (const [name, { param, version }] of Object.entries(DEFAULT_SETS)) {
    const v = q.get(param) ?? version;
    // ?sharedRuntime=0 (or none/false) demos an Excel without the set.
    if (/^\d+(\.\d+)*$/.test(v) && Number(v) !== 0) sets.set(name, v);
  }
  const platform = q.get('platform') ?? 'PC';
  return {
    sets,
    displayLanguage: q.get('lang') || 'zh-CN',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    platform: platform in PLATFORMS ? platform : platform === 'web' ? 'OfficeOnline' : 'PC',
  };
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function isSetSupported(options: StubOptions, name: string, minVersion?: string): boolean {
  const have = options.sets.get(name.toLowerCase());
  if (have === undefined) return false;
  return minVersion === undefined || versionAtLeast(have, minVersion);
}

interface AsyncResult {
  status: 'succeeded' | 'failed';
  value: undefined;
  error: undefined;
  asyncContext: unknown;
}
type AsyncCallback = (result: AsyncResult) => void;

/** Office.context.document.settings: in memory until saveAsync, which writes them to sessionStorage. */
export function stubSettings(storage: Storage | undefined) {
  const values = new Map<string, string>();
  try {
    const raw: unknown = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? '{}');
    if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) values.set(k, JSON.stringify(v));
  } catch {
    // An unreadable saved copy is a new document.
  }
  return {
    // Office serialises settings as JSON; a copy is handed out, like values read back from the file.
    get: (name: string): unknown => {
      const v = values.get(name);
      return v === undefined ? null : JSON.parse(v) as unknown;
    },
    set: (name: string, value: unknown): void => { values.set(name, JSON.stringify(value)); },
    remove: (name: string): void => { values.delete(name); },
    saveAsync: (a?: unknown, b?: unknown): void => {
      const callback = (typeof a === 'function' ? a : b) as AsyncCallback | undefined;
      const asyncContext = typeof a === 'object' && a !== null ? (a as { asyncContext?: unknown }).asyncContext : undefined;
      const all: Record<string, unknown> = {};
      for (const [k, v] of values) all[k] = JSON.parse(v) as unknown;
      try {
        storage?.setItem(SETTINGS_KEY, JSON.stringify(all));
      } catch {
        // Storage blocked: the settings still live for this page, as in an unsaved document.
      }
      setTimeout(() => callback?.({ status: 'succeeded', value: undefined, error: undefined, asyncContext }), 0);
    },
  };
}

export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
  readonly source: { readonly id: string };
}
type ActionHandler = (event: CommandEvent) => unknown;

export type CustomFunction = (...args: never[]) => unknown;

const FUNCTION_ERRORS = {
  invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!',
  nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!', busy: '#BUSY!', connect: '#CONNECT!',
} as const;

/** CustomFunctions.Error: what a function throws to show an error value in its cell. */
export class CustomFunctionError extends Error {
  constructor(readonly code: string = FUNCTION_ERRORS.invalidValue, message?: string) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
  }
}

export interface OfficeStub {
  readonly options: StubOptions;
  /** Resolves with the workbook once it is loaded (Office.onReady waits for it too). */
  readonly ready: Promise<FakeExcel>;
  /** Builds the workbook: the document saved in this tab if there is one, else the sample. */
  load(sample: Promise<unknown>): void;
  /** Runs a ribbon command as Excel does; resolves when its handler calls event.completed(). */
  invoke(actionId: string): Promise<void>;
  /** The custom functions associated by functions.js, by upper-case id (CHECKTOTALS, SUBJECTNAME…). */
  readonly functions: ReadonlyMap<string, CustomFunction>;
  /** Whether a command's handler has been associated yet. */
  hasAction(actionId: string): boolean;
  /** Task pane visibility, for Office.addin.showAsTaskpane / hide. */
  onPaneVisibility(listener: (visible: boolean) => void): void;
  /** Forgets the saved document and settings (the next load starts from the sample). */
  forget(): void;
}

/** The pane's registration result for worksheets.onChanged needs `.context` to remove the handler later. */
function withRegistrationContext(excel: FakeExcel): void {
  const onChanged = excel.workbook.worksheets.onChanged;
  const add = onChanged.add.bind(onChanged);
  onChanged.add = (handler: (event: ChangeEvent) => Promise<unknown>) => {
    const registration = add(handler) as { remove(): void };
    return { context: excel, remove: () => registration.remove() };
  };
}

export function installOffice(options: StubOptions, target: object = globalThis): OfficeStub {
  const storage = sessionStore();
  const actions = new Map<string, ActionHandler>();
  const paneListeners: ((visible: boolean) => void)[] = [];
  let stopSaving = (): void => undefined;
  let resolveReady!: (excel: FakeExcel) => void;
  let rejectReady!: (e: unknown) => void;
  const ready = new Promise<FakeExcel>((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  // Nobody may be waiting yet when loading fails; the page shows the failure itself.
  ready.catch(() => undefined);
  const platform = options.platform;
  const info = { host: 'Excel', platform };
  const dark = options.theme === 'dark';

  const office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: PLATFORMS,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => ready.then(() => {
      callback?.(info);
      return info;
    }),
    context: {
      host: 'Excel',
      platform,
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      diagnostics: { host: 'Excel', platform, version: '16.0.0.0' },
      officeTheme: dark
        ? { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#292929', controlForegroundColor: '#FFFFFF', isDarkTheme: true }
        : { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000', isDarkTheme: false },
      requirements: { isSetSupported: (name: string, minVersion?: string) => isSetSupported(options, name, minVersion) },
      document: { settings: stubSettings(storage) },
    },
    actions: {
      associate: (actionId: string, handler: ActionHandler): void => { actions.set(actionId, handler); },
    },
    addin: {
      showAsTaskpane: async (): Promise<void> => { for (const l of paneListeners) l(true); },
      hide: async (): Promise<void> => { for (const l of paneListeners) l(false); },
      onVisibilityModeChanged: async (): Promise<() => Promise<void>> => async () => undefined,
    },
  };

  const excelNamespace = {
    /** Excel.run(batch) and Excel.run(registration.context, batch): every batch runs on the one workbook. */
    run: async <T>(...args: unknown[]): Promise<T> => {
      const batch = args[args.length - 1];
      if (typeof batch !== 'function') throw new Error('Excel.run: no batch function');
      const excel = await ready;
      return (batch as (context: ExcelContext) => Promise<T>)(excel);
    },
  };

  // The functions metadata plugin appends unguarded CustomFunctions.associate calls to functions.js, so the
  // runtime's global must exist; the functions are kept for tests to call.
  const functions = new Map<string, CustomFunction>();
  const customFunctions = {
    associate: (id: string | Record<string, CustomFunction>, fn?: CustomFunction): void => {
      if (typeof id === 'string') {
        if (fn) functions.set(id.toUpperCase(), fn);
      } else {
        for (const [k, f] of Object.entries(id)) functions.set(k.toUpperCase(), f);
      }
    },
    Error: CustomFunctionError,
    ErrorCode: FUNCTION_ERRORS,
  };

  // Installed at once: functions.js and taskpane.js call Office.onReady as soon as they load.
  const globals = target as { Office?: unknown; Excel?: unknown; CustomFunctions?: unknown };
  globals.Office = office as unknown as typeof Office;
  globals.Excel = excelNamespace as unknown as typeof Excel;
  globals.CustomFunctions = customFunctions as unknown as typeof CustomFunctions;

  return {
    options,
    ready,
    load: (sample) => {
      sample.then((book) => {
        const excel = deserialize(storage?.getItem(DOCUMENT_KEY) ?? null) ?? (isWorkbook(book) ? new FakeExcel(book) : undefined);
        if (!excel) throw new Error('sample.json is not a workbook snapshot');
        withRegistrationContext(excel);
        stopSaving = autosave(excel, storage);
        resolveReady(excel);
      }).catch(rejectReady);
    },
    invoke: async (actionId) => {
      await ready;
      const handler = actions.get(actionId);
      if (!handler) throw new Error(`no handler associated with ${actionId}`);
      await new Promise<void>((resolve, reject) => {
        try {
          handler({ completed: () => resolve(), source: { id: actionId } });
        } catch (e) {
          reject(e);
        }
      });
    },
    functions,
    hasAction: (actionId) => actions.has(actionId),
    onPaneVisibility: (listener) => { paneListeners.push(listener); },
    forget: () => {
      stopSaving();
      storage?.removeItem(DOCUMENT_KEY);
      storage?.removeItem(SETTINGS_KEY);
    },
  };
}

/** The sample as the playground server writes it (sample.json, same origin). */
export async function fetchSample(url = 'sample.json'): Promise<Workbook> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const book: unknown = await res.json();
  if (!isWorkbook(book)) throw new Error(`${url} is not a workbook snapshot`);
  return book;
}
