import { loadCatalog } from '../src/catalog/persist';
import { depsFor, fillStore } from './deps';
import { documentStore, officeHost as officePaneHost } from './host';
import { setState } from './state';
import { unmarkWorkbook, validateWorkbook, type FillStore, type ValidateDeps } from './validate';

/** Document settings travel with the workbook file, so originals survive save and reopen. */
export function documentFillStore(settings: Office.Settings): FillStore {
  return fillStore({ document: documentStore(settings) });
}

function officeDeps(): ValidateDeps {
  const host = officePaneHost();
  return depsFor(host, loadCatalog(host.user).catalog);
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

/** The ribbon's ExecuteFunction actions, by the FunctionName the manifests give them. */
export const ACTIONS: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = {
  validateWorkbook: (event) => void onValidate(event),
  clearMarks: (event) => void onClearMarks(event),
};

if (typeof Office !== 'undefined') {
  // Without a shared runtime (manifest-excel2016-2019.xml, commands.html) an Excel that predates
  // Office.actions.associate calls the function of that name on the page's global object: both ways, then.
  Object.assign(globalThis, ACTIONS);
  void Office.onReady(() => {
    for (const [name, action] of Object.entries(ACTIONS)) Office.actions?.associate(name, action);
  });
}
