/**
 * The pane's 舍位平衡 (src/round), behind the controller's methods and loaded with the 舍位平衡 tab
 * (round-chunk.ts), never with the pane. `convert` writes the converted tables into new sheets at once — the
 * user's sheets are only read — and keeps them in the document for 撤销; `tails` lists the ±1-unit changes, each
 * written only when the user applies it, through 采用建议值's way (ops/apply.ts), with 撤销.
 */
import { checkWorkbookRaw } from '../src/engine';
import type { Text } from '../src/findings';
import type { RoundedCell, RoundOutcome, RoundTarget } from '../src/round/round';
import type { PaneState } from './controller';
import { fillStore, noteStore } from './deps';
import type { PaneHost } from './host';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from './office/read';
import type { Suggestion } from './ops/apply';
import { removeRoundSheets, writeRoundSheets } from './ops/round-sheets';
import { loadRoundBatches, saveRoundBatches, type RoundBatch } from './ops/round-store';
import { getState } from './state';
import { ROUND_STRINGS, type RoundStrings } from './ui/round-strings';
import { STRINGS, type Strings } from './ui/strings';

/** What the controller lends 舍位平衡: its host, its state, and its ways to change it. */
export interface RoundPort {
  readonly host: PaneHost;
  state(): PaneState;
  set(patch: Partial<PaneState>): void;
  /** Writes values with their way back kept first (ops/apply), then validates again; says `done` when it did. */
  applyValues(list: readonly Suggestion[], done: Text): Promise<void>;
  fail(e: unknown): void;
  /**
   * An amount with thousands separators (src/locate/text), lent rather than imported: a module of the first load
   * that this chunk imported could no longer be merged with its neighbours there (see ui/kit.ts).
   */
  digits(amount: string): string;
}

function words(pick: (t: RoundStrings) => string): Text {
  return { zh: pick(ROUND_STRINGS.zh), en: pick(ROUND_STRINGS.en) };
}

function paneWords(pick: (t: Strings) => string): Text {
  return { zh: pick(STRINGS.zh), en: pick(STRINGS.en) };
}

/** Lets the page paint the phase before the solver holds the thread. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * 舍位平衡 of the open workbook, read afresh. The sheets an earlier run added are left out of what is read: they
 * are a result, not the user's tables (a second run converts the user's own tables again, into new sheets).
 */
export async function round(port: RoundPort, target: RoundTarget): Promise<void> {
  const { host } = port;
  if (getState().running || port.state().round?.status === 'working') return;
  const working = (phase: 'read' | 'solve' | 'write'): void => port.set({ round: { status: 'working', phase, target } });
  port.set({ toast: undefined, roundConflict: undefined });
  working('read');
  try {
    await host.document.refresh?.();
    const added = new Set(loadRoundBatches(host.document).flatMap((b) => b.sheets.map((s) => s.name)));
    const read = await host.run((ctx) => readWorkbook(ctx, { payloadLimit: host.onTheWeb ? WEB_PAYLOAD_LIMIT : undefined }));
    const book = { ...read, sheets: read.sheets.filter((s) => !added.has(s.name)) };
    const result = checkWorkbookRaw(book, { catalog: port.state().catalog.catalog, keepRelations: true });
    working('solve');
    await breathe();
    let outcome: RoundOutcome;
    try {
      const load = host.loadRounder;
      if (!load) throw new Error('no solver');
      outcome = (await load())(book, result, target);
    } catch {
      port.set({ round: { status: 'failed', target, reason: words((t) => t.roundUnavailable) } });
      return;
    }
    if (outcome.kind === 'refused') {
      port.set({ round: { status: 'refused', target, reason: outcome.reason } });
      return;
    }
    if (outcome.mode === 'tails') {
      port.set({ round: { status: 'done', target, outcome } });
      return;
    }
    if (!host.caps.copySheets) {
      port.set({ round: { status: 'refused', target, reason: words((t) => t.roundNoCopy) } });
      return;
    }
    working('write');
    const fills = host.caps.exactMarks ? await fillStore(host).load() : [];
    const notes = host.caps.cellNotes ? await noteStore(host, port.state().lang).load() : [];
    const sheets = await host.run((ctx) => writeRoundSheets(ctx, { book, outcome, fills, notes }));
    const batch: RoundBatch = { at: new Date().toISOString(), unit: target.unit, decimals: target.decimals, sheets };
    const store = host.document;
    try {
      await store.refresh?.();
      await saveRoundBatches(store, [...loadRoundBatches(store), batch]);
    } catch (e) {
      // Never sheets without their way back: what was written goes again.
      await host.run((ctx) => removeRoundSheets(ctx, batch, true)).catch(() => undefined);
      throw e;
    }
    port.set({ round: { status: 'done', target, outcome, batch }, roundBatches: loadRoundBatches(store) });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    port.set({ round: { status: 'failed', target, reason: paneWords((t) => t.failed(detail)) } });
  }
}

/** `tails` changes: written only on this click, all or none, each with its way back kept first (as 采用建议值). */
export async function applyRoundChanges(port: RoundPort, cells: readonly RoundedCell[]): Promise<void> {
  const list = cells.map((c): Suggestion => ({ sheet: c.sheet, cell: c.cell, current: c.plain, suggested: c.value }));
  const one = cells.length === 1 ? cells[0] : undefined;
  await port.applyValues(list, one
    ? paneWords((t) => t.appliedDone(`${one.sheet}!${one.cell}`, port.digits(one.value), port.digits(one.plain)))
    : words((t) => t.roundAppliedAll(cells.length)));
}

/**
 * 撤销 of a run's new sheets: deletes exactly those; asks first (`roundConflict`) when one was edited since, and
 * deletes it then only with `force`.
 */
export async function undoRoundSheets(port: RoundPort, batch: RoundBatch, force: boolean): Promise<void> {
  try {
    const r = await port.host.run((ctx) => removeRoundSheets(ctx, batch, force));
    if ('edited' in r) {
      port.set({ roundConflict: { batch, edited: r.edited } });
      return;
    }
    await dropBatch(port, batch);
    port.set({ toast: { intent: 'success', text: words((t) => t.roundRemoved(r.removed.length, r.missing.length)) } });
  } catch (e) {
    port.fail(e);
  }
}

/** The sheets earlier runs added, as the document keeps them (another runtime may have added some). */
export async function refreshRoundBatches(port: RoundPort): Promise<void> {
  try {
    await port.host.document.refresh?.();
    port.set({ roundBatches: loadRoundBatches(port.host.document) });
  } catch (e) {
    port.fail(e);
  }
}

/** Keeps a run's new sheets and forgets the way back. */
export async function keepRoundSheets(port: RoundPort, batch: RoundBatch): Promise<void> {
  try {
    await dropBatch(port, batch);
  } catch (e) {
    port.fail(e);
  }
}

async function dropBatch(port: RoundPort, batch: RoundBatch): Promise<void> {
  const store = port.host.document;
  await store.refresh?.();
  const list = loadRoundBatches(store).filter((b) => b.at !== batch.at);
  await saveRoundBatches(store, list);
  const current = port.state().round;
  port.set({ roundBatches: list, roundConflict: undefined, round: current?.batch?.at === batch.at ? undefined : current });
}
