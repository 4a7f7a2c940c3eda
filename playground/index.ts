import type { FakeExcel } from '../taskpane/office/fake';
import { mountGrid } from './grid';
import { fetchSample, installOffice, parseOptions, type OfficeStub } from './office-stub';

/**
 * The playground page's first bundle: it installs the stub Office and Excel before functions.js and
 * taskpane.js run (they call Office.onReady as they load), then draws the sample workbook.
 */
export interface PlaygroundApi {
  /** The in-memory workbook the add-in works on. */
  readonly excel: FakeExcel;
  /** Runs a ribbon command (validateWorkbook, clearMarks) as Excel's ribbon does; resolves when it completes. */
  invoke(actionId: string): Promise<void>;
  /** The custom functions (CHECKTOTALS, SUBJECTNAME…) as functions.js associated them, to call directly. */
  readonly functions: OfficeStub['functions'];
  /** Starts over from the sample: forgets the document and settings kept in this tab, and reloads. */
  reset(): void;
}

declare global {
  interface Window {
    playground?: PlaygroundApi;
  }
}

const stub: OfficeStub = installOffice(parseOptions(location.search));
stub.load(fetchSample('sample.json'));

function domReady(): Promise<void> {
  return document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();
}

function reset(): void {
  stub.forget();
  location.reload();
}

function wireRibbon(): void {
  const status = document.getElementById('ribbon-status');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    button.addEventListener('click', () => {
      const action = button.dataset.action!;
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      if (status) status.textContent = '';
      stub.invoke(action).catch((e: unknown) => {
        if (status) status.textContent = `命令未能运行 / command failed: ${e instanceof Error ? e.message : String(e)}`;
      }).finally(() => {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      });
    });
  }
  document.getElementById('reset-sample')?.addEventListener('click', reset);
  const pane = document.getElementById('pane');
  const setPane = (visible: boolean): void => { if (pane) pane.hidden = !visible; };
  stub.onPaneVisibility(setPane);
  document.getElementById('show-pane')?.addEventListener('click', () => setPane(true));
  document.getElementById('close-pane')?.addEventListener('click', () => setPane(false));
}

async function start(): Promise<void> {
  await domReady();
  document.documentElement.dataset.theme = stub.options.theme;
  // ?paneWidth=320: the width of Excel's task pane by default (the playground's is 340 px).
  const paneWidth = Number(new URLSearchParams(location.search).get('paneWidth'));
  const paneElement = document.getElementById('pane');
  if (paneElement && paneWidth >= 200 && paneWidth <= 1000) paneElement.style.width = `${paneWidth}px`;
  wireRibbon();
  const sheetArea = document.getElementById('sheet')!;
  let excel: FakeExcel;
  try {
    excel = await stub.ready;
  } catch (e) {
    sheetArea.replaceChildren();
    const p = document.createElement('p');
    p.className = 'load-error';
    p.setAttribute('role', 'alert');
    p.textContent = `示例工作簿未能加载 / the sample workbook could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    sheetArea.append(p);
    return;
  }
  mountGrid(sheetArea, excel);
  window.playground = { excel, invoke: (actionId) => stub.invoke(actionId), functions: stub.functions, reset };
  // Tests wait for this rather than for a timeout.
  document.documentElement.dataset.playground = 'ready';
}

void start();
