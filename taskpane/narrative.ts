/**
 * The pane's 情况说明: 生成 drafts the standard numeric paragraphs from the open workbook (read as validation reads
 * it), 复制 puts them on the clipboard, an optional last year's workbook (an .xlsx file picked in the pane, read in
 * the browser) adds 比上年增减 and makes 与上年持平 checkable, and 核对 checks a pasted 情况说明 against the tables.
 * Nothing is ever written to the workbook: the only Excel call besides reading is selecting a finding's cell.
 */
import type { RawFinding, Text } from '../src/findings';
import { render, type Lang } from '../src/findings';
import { checkNarrative, draftNarrative, draftText, workbookFacts, type DraftParagraph, type Facts, type NarrativeCheck } from '../src/narrative';
import type { PaneHost } from './host';
import { readWorkbook, WEB_PAYLOAD_LIMIT } from './office/read';
import { selectFinding } from './ops/select';
import { xlsxChunk } from './xlsx-loader';
import { NARRATIVE_STRINGS, type NarrativeStrings } from './ui/narrative-strings';
import { STRINGS } from './ui/strings';

/** Last year's workbook, as picked: being read, read (its figures), or refused (why). */
export interface PreviousBook {
  readonly name: string;
  readonly status: 'reading' | 'ready' | 'failed';
  readonly facts?: Facts;
  readonly reason?: Text;
}

export interface NarrativeState {
  /** 生成 or 核对 under way (reading the workbook). */
  readonly busy?: 'draft' | 'check';
  readonly draft?: { readonly paragraphs: readonly DraftParagraph[]; readonly text: string; readonly withPrevious: boolean };
  readonly check?: { readonly result: NarrativeCheck; readonly withPrevious: boolean };
  readonly previous?: PreviousBook;
  /** After 复制: on the clipboard, or shown selected for the user to copy (the clipboard was refused). */
  readonly copied?: 'clipboard' | 'manual';
  /** The open workbook could not be read, or holds no table the 情况说明 repeats. */
  readonly problem?: Text;
}

/** A picked file, as the browser's File gives it (tests bring their own). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Puts text on the clipboard; rejects when the webview refuses (no permission, no API, not focused). */
export type WriteClipboard = (text: string) => Promise<void>;

/** The Clipboard API, else the older copy command on a hidden text area; rejects when both are refused. */
export async function browserClipboard(text: string): Promise<void> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Refused (an add-in frame without clipboard-write): try the copy command.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  try {
    area.select();
    // Deprecated but still the only way in webviews that refuse the Clipboard API.
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    area.remove();
  }
}

function both(pick: (t: NarrativeStrings) => string): Text {
  return { zh: pick(NARRATIVE_STRINGS.zh), en: pick(NARRATIVE_STRINGS.en) };
}

function failed(e: unknown): Text {
  const detail = e instanceof Error ? e.message : String(e);
  return { zh: STRINGS.zh.failed(detail), en: STRINGS.en.failed(detail) };
}

export class NarrativeController {
  private st: NarrativeState = {};
  private readonly listeners = new Set<() => void>();
  /** The last picked file: a slower earlier read never replaces it. */
  private picked = 0;

  constructor(private readonly host: PaneHost, private readonly clipboard: WriteClipboard = browserClipboard) {}

  get state(): NarrativeState {
    return this.st;
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(patch: Partial<NarrativeState>): void {
    this.st = { ...this.st, ...patch };
    for (const l of this.listeners) l();
  }

  private previousFacts(): Facts | undefined {
    return this.st.previous?.status === 'ready' ? this.st.previous.facts : undefined;
  }

  /** The open workbook's figures, read afresh (the user may have edited since); undefined when it has none. */
  private async currentFacts(): Promise<Facts | undefined> {
    const book = await this.host.run((ctx) => readWorkbook(ctx, { payloadLimit: this.host.onTheWeb ? WEB_PAYLOAD_LIMIT : undefined }));
    const facts = workbookFacts(book);
    if (facts.facts.size === 0) {
      this.set({ problem: both((t) => t.narrativeNoTables) });
      return undefined;
    }
    return facts;
  }

  /** 生成: the paragraphs from the open workbook, with 比上年增减 when last year's workbook is given. */
  async draft(): Promise<void> {
    if (this.st.busy) return;
    this.set({ busy: 'draft', problem: undefined, copied: undefined });
    try {
      const facts = await this.currentFacts();
      if (!facts) {
        this.set({ draft: undefined });
        return;
      }
      const previous = this.previousFacts();
      const paragraphs = draftNarrative(facts, previous);
      this.set({ draft: { paragraphs, text: draftText(paragraphs), withPrevious: previous !== undefined } });
    } catch (e) {
      this.set({ problem: failed(e) });
    } finally {
      this.set({ busy: undefined });
    }
  }

  /** 复制: the drafted text to the clipboard; where the webview refuses, the text is shown selected instead. */
  async copy(): Promise<void> {
    const text = this.st.draft?.text;
    if (!text) return;
    try {
      await this.clipboard(text);
      this.set({ copied: 'clipboard' });
    } catch {
      this.set({ copied: 'manual' });
    }
  }

  /** Last year's workbook, picked as a file: read in the browser (the .xlsx chunk loaded now), never opened in Excel. */
  async pickPrevious(file: PickedFile): Promise<void> {
    const ticket = ++this.picked;
    const still = () => ticket === this.picked;
    this.set({ previous: { name: file.name, status: 'reading' } });
    let previous: PreviousBook;
    try {
      if (!/\.xlsx$/i.test(file.name)) throw new Error('not-xlsx');
      const { readXlsxInBrowser, MAX_XLSX_BYTES } = await xlsxChunk.load();
      if (file.size > MAX_XLSX_BYTES) throw new Error('too-large');
      const facts = workbookFacts(await readXlsxInBrowser(await file.arrayBuffer(), file.name));
      previous = facts.facts.size === 0
        ? { name: file.name, status: 'failed', reason: both((t) => t.previousNoTables) }
        : { name: file.name, status: 'ready', facts };
    } catch (e) {
      const code = e instanceof Error ? e.message : '';
      previous = {
        name: file.name,
        status: 'failed',
        reason: code === 'not-xlsx' ? both((t) => t.previousNotXlsx) : code === 'too-large' ? both((t) => t.previousTooLarge) : both((t) => t.previousUnreadable),
      };
    }
    if (!still()) return;
    this.set({ previous });
    await this.refresh();
  }

  /** Forgets last year's workbook. */
  async clearPrevious(): Promise<void> {
    this.picked++;
    this.set({ previous: undefined });
    await this.refresh();
  }

  /** A draft or a check shown is redone with (or without) last year's figures. */
  private async refresh(): Promise<void> {
    if (this.st.draft) await this.draft();
    if (this.st.check && this.lastText !== undefined) await this.check(this.lastText);
  }

  private lastText?: string;

  /** 核对: every figure of the pasted text attached to a known item and compared with the tables. */
  async check(text: string): Promise<void> {
    if (this.st.busy) return;
    if (text.trim() === '') {
      this.set({ check: undefined, problem: both((t) => t.narrativeEmptyText) });
      return;
    }
    this.lastText = text;
    this.set({ busy: 'check', problem: undefined });
    try {
      const facts = await this.currentFacts();
      if (!facts) {
        this.set({ check: undefined });
        return;
      }
      const previous = this.previousFacts();
      this.set({ check: { result: checkNarrative(text, facts, previous), withPrevious: previous !== undefined } });
    } catch (e) {
      this.set({ problem: failed(e) });
    } finally {
      this.set({ busy: undefined });
    }
  }

  /** Shows a finding's cell (its sheet activated, the cell selected): the only thing done to the workbook. */
  async select(f: RawFinding, lang: Lang): Promise<void> {
    try {
      await this.host.run((ctx) => selectFinding(ctx, render(f, lang)));
    } catch (e) {
      this.set({ problem: failed(e) });
    }
  }
}
