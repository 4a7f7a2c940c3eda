import type { Workbook } from '../src/snapshot';
import { FakeExcel, FakeSheet, NO_FILL, type FakeCell, type FakeFill } from '../taskpane/office/fake';

/**
 * The playground's "saved file": the fake workbook's cells, notes and sheets kept in sessionStorage, so a
 * reload reopens the document as it was left (marks included), as the document settings are kept too.
 */
export const DOCUMENT_KEY = 'budget-playground.document.v1';
export const SETTINGS_KEY = 'budget-playground.settings.v1';

/** Only what differs from an empty cell is written, to stay well within the storage quota. */
interface SavedCell {
  k: string;
  v: string | number | boolean | null;
  t?: string;
  n?: string;
  f?: string;
  fill?: FakeFill;
  b?: boolean;
  l?: string;
}

interface SavedDocument {
  v: 1;
  sheets: { name: string; cells: SavedCell[] }[];
  notes: [string, string][];
  activeSheet: string;
  selection: FakeExcel['selection'];
}

function sameFill(a: FakeFill, b: FakeFill): boolean {
  return a.color === b.color && a.pattern === b.pattern && a.patternColor === b.patternColor && a.tintAndShade === b.tintAndShade && a.patternTintAndShade === b.patternTintAndShade;
}

export function serialize(excel: FakeExcel): string {
  const doc: SavedDocument = {
    v: 1,
    sheets: excel.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells].map(([k, c]) => {
        const out: SavedCell = { k, v: c.value };
        if (c.text !== (c.value === null ? '' : String(c.value))) out.t = c.text;
        if (c.numberFormat !== 'General') out.n = c.numberFormat;
        if (c.formula) out.f = c.formula;
        if (!sameFill(c.fill, NO_FILL)) out.fill = c.fill;
        if (c.bold) out.b = true;
        if (c.link) out.l = c.link;
        return out;
      }),
    })),
    notes: [...excel.notes],
    activeSheet: excel.activeSheet,
    selection: excel.selection,
  };
  return JSON.stringify(doc);
}

function isSavedDocument(x: unknown): x is SavedDocument {
  const d = x as Partial<SavedDocument> | null;
  return typeof d === 'object' && d !== null && d.v === 1 && Array.isArray(d.sheets) && Array.isArray(d.notes)
    && typeof d.activeSheet === 'string' && typeof d.selection === 'object';
}

/** Reopens a saved document; undefined when there is none or it cannot be read (then the sample is used). */
export function deserialize(text: string | null): FakeExcel | undefined {
  if (!text) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isSavedDocument(doc)) return undefined;
  const excel = new FakeExcel({ sheets: [] });
  for (const s of doc.sheets) {
    const sheet = new FakeSheet(s.name, `{fake-${excel.nextId++}}`);
    for (const c of s.cells) {
      const cell: FakeCell = {
        value: c.v,
        text: c.t ?? (c.v === null ? '' : String(c.v)),
        numberFormat: c.n ?? 'General',
        fill: c.fill ?? { ...NO_FILL },
      };
      if (c.f) cell.formula = c.f;
      if (c.b) cell.bold = true;
      if (c.l) cell.link = c.l;
      sheet.cells.set(c.k, cell);
    }
    excel.sheets.push(sheet);
  }
  for (const [k, v] of doc.notes) excel.notes.set(k, v);
  excel.activeSheet = doc.sheets.some((s) => s.name === doc.activeSheet) ? doc.activeSheet : excel.sheets[0]?.name ?? '';
  excel.selection = doc.selection;
  return excel;
}

/** The sample snapshot as served (src/snapshot Workbook JSON; missing cells are null). */
export function isWorkbook(x: unknown): x is Workbook {
  const w = x as Partial<Workbook> | null;
  return typeof w === 'object' && w !== null && Array.isArray(w.sheets)
    && w.sheets.every((s) => typeof s?.name === 'string' && Array.isArray(s.rows));
}

/** sessionStorage when the browser lets the page use it (it may not, e.g. with storage blocked). */
export function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the document saved while the add-in and the user change it; returns a function that stops saving.
 * Writes are coalesced: one validation syncs several times in a row.
 */
export function autosave(excel: FakeExcel, storage: Storage | undefined): () => void {
  if (!storage) return () => undefined;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    timer = undefined;
    const text = serialize(excel);
    if (text === last) return;
    last = text;
    try {
      storage.setItem(DOCUMENT_KEY, text);
    } catch {
      // Over quota or blocked: the demo goes on, only a reload starts from the sample again.
    }
  };
  const stop = excel.observe(() => {
    if (timer === undefined) timer = setTimeout(save, 250);
  });
  const flush = (): void => { if (timer !== undefined) { clearTimeout(timer); save(); } };
  addEventListener('pagehide', flush);
  // Stopping drops what is pending: it is used to start over from the sample.
  return () => { stop(); clearTimeout(timer); removeEventListener('pagehide', flush); };
}
