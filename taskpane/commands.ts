import { loadCatalog } from '../src/catalog/persist';
import { capabilities } from './capabilities';
import type { SavedFill } from './office/marks';
import { setState } from './state';
import { unmarkWorkbook, validateWorkbook, type FillStore, type ValidateDeps } from './validate';

const FILLS_KEY = 'budget-check.saved-fills.v1';

/** Document settings travel with the workbook file, so originals survive save and reopen. */
export function documentFillStore(settings: Office.Settings): FillStore {
  return {
    load: async () => {
      const raw: unknown = settings.get(FILLS_KEY);
      return Array.isArray(raw) ? (raw as SavedFill[]) : [];
    },
    save: (fills) => new Promise<void>((resolve, reject) => {
      if (fills.length === 0) settings.remove(FILLS_KEY);
      else settings.set(FILLS_KEY, fills);
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message))));
    }),
  };
}

function officeDeps(): ValidateDeps {
  const caps = capabilities(Office.context.requirements);
  return {
    run: (batch) => Excel.run((ctx) => batch(ctx)),
    fills: documentFillStore(Office.context.document.settings),
    catalog: loadCatalog(typeof localStorage === 'undefined' ? undefined : localStorage).catalog,
    onTheWeb: Office.context.platform === Office.PlatformType.OfficeOnline,
    mark: caps.exactMarks,
  };
}

export interface CommandHost {
  readonly deps: () => ValidateDeps;
  readonly showPane: () => Promise<void>;
}

const officeHost: CommandHost = {
  deps: officeDeps,
  showPane: () => Office.addin.showAsTaskpane(),
};

/**
 * 校验工作簿: validate, mark, and open the pane on the results. event.completed() is always called, and a
 * failure is shown in the pane rather than swallowed.
 */
export async function onValidate(event: { completed(): void }, host: CommandHost = officeHost): Promise<void> {
  try {
    await validateWorkbook(host.deps());
  } catch {
    // validateWorkbook has put the reason in the shared state for the pane.
  }
  try {
    await host.showPane();
  } catch {
    // Without a shared runtime the pane cannot be opened from here; the ribbon still did its work.
  } finally {
    event.completed();
  }
}

/** 清除标记. */
export async function onClearMarks(event: { completed(): void }, host: CommandHost = officeHost): Promise<void> {
  try {
    await unmarkWorkbook(host.deps());
  } catch (e) {
    setState({ error: { zh: `清除标记未能完成：${e instanceof Error ? e.message : String(e)}`, en: `Clearing marks failed: ${e instanceof Error ? e.message : String(e)}` } });
  } finally {
    event.completed();
  }
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    Office.actions.associate('validateWorkbook', (event: Office.AddinCommands.Event) => void onValidate(event));
    Office.actions.associate('clearMarks', (event: Office.AddinCommands.Event) => void onClearMarks(event));
  });
}
