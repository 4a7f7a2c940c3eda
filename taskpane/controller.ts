import type { ImportProblem } from '../src/catalog/import';
import { importCatalog } from '../src/catalog/import';
import { forgetImportedCatalog, loadCatalog, saveImportedCatalog, type LoadedCatalog } from '../src/catalog/persist';
import type { RawCheckResult } from '../src/engine';
import { findingKey, findingsCsv, findingsHtml } from '../src/export';
import { render, type Finding, type Lang, type RawFinding, type Text } from '../src/findings';
import type { Cause, LocateReport } from '../src/locate/locate';
import { groupDigits } from '../src/locate/text';
import { needsLocating } from './causes';
import type { CellChange, PaneHost } from './host';
import { applySuggestions, heldText, loadApplied, saveApplied, undoApplied, withApplied, type AppliedValue, type Suggestion } from './ops/apply';
import type { RoundBatch } from './ops/round-store';
import { roundChunk, type RoundChunk } from './round-loader';
import type { RoundPort } from './rounding';
import type { RoundedCell, RoundOutcome, RoundTarget } from '../src/round/round';
import { explain, loadExplanations, unexplain, type Explanation } from './ops/explanations';
import { insertIntoSelection, readSelectionGrid, undoInsert, type InsertUndo } from './ops/insert';
import { writeReportSheet } from './ops/report-sheet';
import { selectCell, selectFinding } from './ops/select';
import type { Locate } from './solver';
import { blockOf } from '../src/snapshot';
import { cellsOf } from './cells';
import { getState, setState, subscribe as subscribeState, type ValidationState } from './state';
import { depsFor } from './deps';
import { STRINGS, type Strings } from './ui/strings';
import { unmarkWorkbook, validateWorkbook } from './validate';

/**
 * The likely wrong cells of one validation's result: being located (the solver loading or working; the findings
 * are shown meanwhile), located, or not locatable here (the solver could not load: the findings stay). Once
 * located, the locator's own report: its causes, the findings no change of cells explains, and how many failures
 * it did not work out (not reached within {@link LOCATE_BUDGET_MS}, or beyond the solver).
 */
export interface Location extends LocateReport {
  readonly result: RawCheckResult;
  readonly status: 'locating' | 'done' | 'failed';
}

const NOT_YET: LocateReport = { causes: [], unexplained: [], unexamined: 0, unsolvable: 0 };

/**
 * The pane's 舍位平衡: under way (reading, solving, writing), refused (why), failed (why), or done — `convert`
 * with the batch of new sheets it wrote, `tails` with the changes to offer one by one.
 */
export interface RoundState {
  readonly status: 'working' | 'refused' | 'failed' | 'done';
  readonly phase?: 'read' | 'solve' | 'write';
  readonly target: RoundTarget;
  readonly reason?: Text;
  readonly outcome?: Extract<RoundOutcome, { kind: 'done' }>;
  readonly batch?: RoundBatch;
}

/** What the pane shows besides the validation state: a short message after an action, and its own settings. */
export interface PaneState {
  readonly lang: Lang;
  readonly auto: boolean;
  readonly explanations: ReadonlyMap<string, Explanation>;
  readonly catalog: LoadedCatalog;
  readonly toast?: { readonly intent: 'success' | 'error' | 'info'; readonly text: Text };
  readonly importProblems?: readonly ImportProblem[];
  /** Of the last result with errors, when this host can locate. */
  readonly location?: Location;
  /** Suggested values written into cells (采用建议值), each with what the cell held, for 撤销: from the document. */
  readonly applied: readonly AppliedValue[];
  readonly round?: RoundState;
  /** Sheets 舍位平衡 added, by run, for 撤销: from the document, read when its tab is opened. */
  readonly roundBatches?: readonly RoundBatch[];
  /** 插入 found the cell holding something: the pane asks before replacing it (what, where, what it holds). */
  readonly insertAsk?: { readonly text: string; readonly address: string; readonly held: string };
  /** The last insert, with what the cell held, for 撤销 (this session). */
  readonly inserted?: { readonly text: string; readonly address: string; readonly undo: InsertUndo };
  /** 撤销 found added sheets edited since: the pane asks before deleting them. */
  readonly roundConflict?: { readonly batch: RoundBatch; readonly edited: readonly string[] };
}

/** A message in both languages, from the pane's strings, so a toast follows a later language switch. */
function both(pick: (t: Strings) => string): Text {
  return { zh: pick(STRINGS.zh), en: pick(STRINGS.en) };
}

const LANG_KEY = 'budget-check.pane.lang';
const AUTO_KEY = 'budget-check.pane.auto';
/** Edits come in bursts (typing, pasting): wait for a pause before checking again. */
export const AUTO_DELAY_MS = 1500;

/** Lets the page paint and handle input between the solver's groups of failures. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The locator's work on the page's one thread, in milliseconds of work (the pauses between groups not counted):
 * no group is started after it; the rest are counted as unexamined, their findings listed as always.
 */
export const LOCATE_BUDGET_MS = 10_000;

/**
 * The task pane's behaviour, apart from React: every button calls one method here, so it is tested through
 * the in-memory Excel without rendering anything.
 */
export class PaneController {
  private pane: PaneState;
  private readonly listeners = new Set<() => void>();
  private abort?: AbortController;
  private stopWatching?: () => Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  /** The result location last started for, and that run. */
  private followed?: RawCheckResult;
  private locating: Promise<void> = Promise.resolve();

  constructor(readonly host: PaneHost) {
    const lang = host.user?.getItem(LANG_KEY);
    this.pane = {
      lang: lang === 'zh' || lang === 'en' ? lang : host.language,
      auto: host.user?.getItem(AUTO_KEY) === '1',
      explanations: loadExplanations(host.document),
      catalog: loadCatalog(host.user),
      applied: loadApplied(host.document),
    };
    // A result may be there already: the ribbon's 校验工作簿 ran on this page before the pane opened.
    this.follow();
    subscribeState(() => {
      this.follow();
      this.emit();
    });
  }

  /**
   * Starts locating the likely wrong cells when a new result has errors beyond rounding (never for 尾差 only),
   * without holding the findings back: they are shown at once, the causes when the solver is done.
   */
  private follow(): void {
    const result = getState().result;
    if (result === this.followed) return;
    // A message belongs to its moment: "已恢复 35 个单元格的原格式" is wrong once a new run (from the ribbon too) marked them again.
    if (this.followed !== undefined && this.pane.toast) this.pane = { ...this.pane, toast: undefined };
    this.followed = result;
    const load = this.host.loadLocator;
    if (!result || !load || !needsLocating(result)) {
      this.pane = { ...this.pane, location: undefined };
      return;
    }
    this.pane = { ...this.pane, location: { result, status: 'locating', ...NOT_YET } };
    this.locating = this.locate(result, load);
  }

  /**
   * Locates one group of failures at a time, giving the page back between groups, and stops as soon as a newer
   * validation replaced the result (its own location has started meanwhile).
   */
  private async locate(result: RawCheckResult, load: () => Promise<Locate>): Promise<void> {
    const current = (): boolean => getState().result === result;
    const clock = this.host.now ?? (() => performance.now());
    try {
      const locate = await load();
      if (!current()) return;
      // Work only: a pane in the background has its timers slowed, which must not use up the budget.
      let spent = 0;
      let from = 0;
      const steps = locate(result.checked ?? [], { deadline: { now: () => spent + clock() - from, until: LOCATE_BUDGET_MS } });
      for (;;) {
        await breathe();
        if (!current()) return;
        from = clock();
        const step = steps.next();
        spent += clock() - from;
        if (step.done) {
          this.set({ location: { result, status: 'done', ...step.value } });
          return;
        }
      }
    } catch {
      // No WebAssembly, a file that could not be fetched, the locator failing: the findings stay, with a note.
      if (current()) this.set({ location: { result, status: 'failed', ...NOT_YET } });
    }
  }

  /** Resolves once the location of the latest result is finished (tests wait for this, not for a clock). */
  whenLocated(): Promise<void> {
    return this.locating;
  }

  get state(): PaneState {
    return this.pane;
  }

  get validation(): ValidationState {
    return getState();
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private set(patch: Partial<PaneState>): void {
    this.pane = { ...this.pane, ...patch };
    this.emit();
  }

  private fail(e: unknown): void {
    const detail = e instanceof Error ? e.message : String(e);
    this.set({ toast: { intent: 'error', text: both((t) => t.failed(detail)) } });
  }

  dismissToast(): void {
    this.set({ toast: undefined });
  }

  setLang(lang: Lang): void {
    this.host.user?.setItem(LANG_KEY, lang);
    this.set({ lang });
  }

  findings(): Finding[] {
    return (getState().result?.findings ?? []).map((f) => render(f, this.pane.lang));
  }

  async validate(): Promise<void> {
    if (getState().running) return;
    this.abort = new AbortController();
    this.set({ toast: undefined });
    try {
      const outcome = await validateWorkbook({ ...depsFor(this.host, this.pane.catalog.catalog, this.pane.lang), signal: this.abort.signal });
      if (outcome === 'cancelled') this.set({ toast: { intent: 'info', text: both((t) => t.cancelled) } });
    } catch {
      // validateWorkbook put the reason in the state; the pane shows it.
    } finally {
      this.abort = undefined;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  async clearMarks(): Promise<void> {
    try {
      const n = await unmarkWorkbook(depsFor(this.host, this.pane.catalog.catalog, this.pane.lang));
      this.set({ toast: { intent: 'success', text: both((t) => t.marksCleared(n)) } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Shows a located cause's cell. */
  async selectCause(c: Pick<Cause, 'sheet' | 'cell'>): Promise<void> {
    try {
      await this.host.run((ctx) => selectCell(ctx, c.sheet, c.cell));
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * 采用建议值: writes the cause's suggested value into its one cell (what the cell held is kept in the document
   * first, for 撤销), then validates again. Nothing is written unless the user clicked this.
   */
  async applySuggestion(c: Cause): Promise<void> {
    const where = `${c.sheet}!${c.cell}`;
    await this.applyValues([c], both((t) => t.appliedDone(where, groupDigits(c.suggested), groupDigits(c.current))));
  }

  /** Writes values with their way back kept first (ops/apply), all or none, then validates again. */
  private async applyValues(list: readonly Suggestion[], done: Text): Promise<void> {
    if (getState().running || list.length === 0) return;
    const store = this.host.document;
    try {
      const r = await this.host.run((ctx) => applySuggestions(ctx, list, async (entries) => {
        await store.refresh?.();
        await saveApplied(store, entries.reduce(withApplied, loadApplied(store)));
      }));
      if ('error' in r) {
        this.set({ toast: { intent: 'error', text: r.error } });
        return;
      }
      this.set({ applied: loadApplied(store) });
      await this.validate();
      this.set({ toast: { intent: 'success', text: done } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** 撤销: puts back exactly what the cell held before 采用建议值, then validates again. */
  async undoApplied(entry: AppliedValue): Promise<void> {
    if (getState().running) return;
    const store = this.host.document;
    try {
      const r = await this.host.run((ctx) => undoApplied(ctx, entry));
      // Done, or refused because the user changed the cell since: either way the entry has served.
      await this.dropApplied(entry);
      if ('error' in r) {
        this.set({ toast: { intent: 'error', text: r.error } });
        return;
      }
      await this.validate();
      const held = heldText(entry);
      const where = `${entry.sheet}!${entry.address}`;
      this.set({ applied: loadApplied(store), toast: { intent: 'success', text: { zh: STRINGS.zh.undone(where, held.zh), en: STRINGS.en.undone(where, held.en) } } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** 保留修改: keeps the written value and forgets the way back. */
  async keepApplied(entry: AppliedValue): Promise<void> {
    try {
      await this.dropApplied(entry);
    } catch (e) {
      this.fail(e);
    }
  }

  private async dropApplied(entry: AppliedValue): Promise<void> {
    const store = this.host.document;
    await store.refresh?.();
    const list = loadApplied(store).filter((e) => !(e.sheet === entry.sheet && e.address === entry.address));
    await saveApplied(store, list);
    this.set({ applied: list });
  }

  /**
   * 舍位平衡 (taskpane/rounding.ts, loaded with its tab): `convert` writes new sheets at once (the user's are only
   * read; 撤销 removes them), `tails` lists the ±1-unit changes for the user to apply one by one. The solver is
   * loaded on first use, as for location.
   */
  async round(target: RoundTarget): Promise<void> {
    await this.rounding((m, port) => m.round(port, target));
  }

  /** `tails` changes, written only on this click (as 采用建议值, with 撤销). */
  async applyRoundChanges(cells: readonly RoundedCell[]): Promise<void> {
    await this.rounding((m, port) => m.applyRoundChanges(port, cells));
  }

  /** 撤销 of 舍位平衡's new sheets; when one was edited since, asks first and deletes it only with `force`. */
  async undoRoundSheets(batch: RoundBatch, force = false): Promise<void> {
    await this.rounding((m, port) => m.undoRoundSheets(port, batch, force));
  }

  /** Reads the sheets earlier runs added (kept in the document, also by another runtime): when the tab opens. */
  async refreshRoundBatches(): Promise<void> {
    await this.rounding((m, port) => m.refreshRoundBatches(port));
  }

  /** The user would rather keep the edited sheets: nothing is deleted, 撤销 stays offered. */
  dismissRoundConflict(): void {
    this.set({ roundConflict: undefined });
  }

  /** Keeps 舍位平衡's new sheets and forgets the way back. */
  async keepRoundSheets(batch: RoundBatch): Promise<void> {
    await this.rounding((m, port) => m.keepRoundSheets(port, batch));
  }

  private async rounding(act: (m: RoundChunk, port: RoundPort) => Promise<void>): Promise<void> {
    let m: RoundChunk;
    try {
      m = await roundChunk.load();
    } catch (e) {
      this.fail(e);
      return;
    }
    await act(m, { host: this.host, state: () => this.pane, set: (patch) => this.set(patch), applyValues: (list, done) => this.applyValues(list, done), fail: (e) => this.fail(e), digits: groupDigits });
  }

  async select(f: RawFinding): Promise<void> {
    try {
      await this.host.run((ctx) => selectFinding(ctx, render(f, this.pane.lang)));
    } catch (e) {
      this.fail(e);
    }
  }

  /** True when a cell of the finding was edited since the run that found it. */
  isStale(f: Pick<RawFinding, 'sheet' | 'cells'>, changes: readonly CellChange[] = getState().changes): boolean {
    if (changes.length === 0) return false;
    const boxes = changes.map((c) => ({ sheet: c.sheet, box: blockOf(c.address) }));
    return cellsOf(f).some(({ sheet, row, col }) => boxes.some((b) => b.sheet === sheet && row >= b.box.row && row < b.box.row + b.box.rows && col >= b.box.col && col < b.box.col + b.box.cols));
  }

  async explain(f: RawFinding, note: string): Promise<void> {
    try {
      const key = findingKey(f);
      if (note.trim() === '') await unexplain(this.host.document, key);
      else await explain(this.host.document, key, note.trim(), new Date());
      this.set({ explanations: loadExplanations(this.host.document) });
    } catch (e) {
      this.fail(e);
    }
  }

  private notesByKey(): Map<string, string> {
    return new Map([...this.pane.explanations].map(([k, v]) => [k, v.note]));
  }

  async exportSheet(): Promise<void> {
    try {
      const { sheet, rows } = await this.host.run((ctx) => writeReportSheet(ctx, this.findings(), this.pane.lang, this.notesByKey()));
      this.set({ toast: { intent: 'success', text: both((t) => t.reportWritten(sheet, rows)) } });
    } catch (e) {
      this.fail(e);
    }
  }

  exportFile(format: 'csv' | 'html'): void {
    const stamp = (getState().at ?? new Date()).toISOString().slice(0, 10);
    if (format === 'csv') this.host.download(`校验报告-${stamp}.csv`, 'text/csv', findingsCsv(this.findings(), this.pane.lang, this.notesByKey()));
    else this.host.download(`校验报告-${stamp}.html`, 'text/html', findingsHtml(this.pane.lang === 'zh' ? '校验报告' : 'Validation report', this.findings(), this.pane.lang, this.notesByKey()));
  }

  /**
   * 插入编码 / 插入名称: writes into the selected cell when it is empty; when it holds something nothing is written and
   * the pane asks (insertAsk) — 替换 is {@link confirmInsert}, anything else leaves the cell as it is.
   */
  async insert(text: string, replace?: string): Promise<void> {
    this.set({ insertAsk: undefined, inserted: undefined });
    try {
      const r = await this.host.run((ctx) => insertIntoSelection(ctx, text, { replace }));
      if ('error' in r) this.set({ toast: { intent: 'error', text: r.error } });
      else if ('occupied' in r) this.set({ toast: undefined, insertAsk: { text, ...r.occupied } });
      // Said beside the list, with 撤销.
      else this.set({ toast: undefined, inserted: { text, address: r.address, undo: r.undo } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** 替换: the user agreed to replace what that cell holds (if the selection moved meanwhile, the new cell is asked about). */
  async confirmInsert(): Promise<void> {
    const ask = this.pane.insertAsk;
    if (ask) await this.insert(ask.text, ask.address);
  }

  cancelInsert(): void {
    this.set({ insertAsk: undefined });
  }

  /** 撤销 of the last insert: the cell's own content and format back, unless it was changed since (then said). */
  async undoInsert(): Promise<void> {
    const last = this.pane.inserted;
    if (!last) return;
    try {
      const r = await this.host.run((ctx) => undoInsert(ctx, last.undo));
      this.set({ inserted: undefined, toast: 'error' in r ? { intent: 'error', text: r.error } : { intent: 'success', text: both((t) => t.insertUndone(last.address)) } });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Imports a catalog from the selected range (or the active sheet) and keeps it for this user. */
  async importFromSelection(label: string, year: number): Promise<void> {
    try {
      const grid = await this.host.run((ctx) => readSelectionGrid(ctx));
      const result = importCatalog(grid, label, year);
      if (result.notCatalog) {
        // Said once, not as an error per row.
        this.set({ importProblems: undefined, toast: { intent: 'error', text: both((t) => t.notCatalog) } });
        return;
      }
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (result.entries === 0 || errors.length > 0) {
        this.set({ importProblems: result.problems, toast: { intent: 'error', text: both((t) => t.importRefused(errors.length || 1)) } });
        return;
      }
      if (this.host.user) saveImportedCatalog(this.host.user, label, year, result);
      this.set({
        catalog: this.host.user ? loadCatalog(this.host.user) : { catalog: this.pane.catalog.catalog.withImported(result.edition), label },
        importProblems: result.problems,
        toast: { intent: 'success', text: both((t) => t.importDone(result.entries)) },
      });
    } catch (e) {
      this.fail(e);
    }
  }

  forgetImport(): void {
    if (this.host.user) forgetImportedCatalog(this.host.user);
    this.set({ catalog: loadCatalog(this.host.user), importProblems: undefined, toast: { intent: 'success', text: both((t) => t.forgotten) } });
  }

  /** Watches edits: findings citing edited cells are marked stale, and with `auto` the workbook is checked again. */
  setAuto(auto: boolean): void {
    this.host.user?.setItem(AUTO_KEY, auto ? '1' : '0');
    this.set({ auto });
  }

  async startWatching(): Promise<void> {
    if (this.stopWatching) return;
    try {
      this.stopWatching = await this.host.watchChanges((changes) => {
        setState({ changes: [...getState().changes, ...changes] });
        if (!this.pane.auto) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.validate(); }, AUTO_DELAY_MS);
      });
    } catch {
      // Without change events (old Excel) findings are simply never marked stale.
    }
  }

  async dispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.stopWatching?.();
    this.stopWatching = undefined;
  }
}
