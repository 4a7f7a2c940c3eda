import type { KeyValueStore } from '../../src/catalog/persist';
import type { Lang } from '../../src/findings';
import { capabilities } from '../../taskpane/capabilities';
import type { CellChange, DocumentStore, PaneHost } from '../../taskpane/host';
import type { FakeExcel } from '../../taskpane/office/fake';

/** A document's settings as Office keeps them: JSON round trip, so nothing but data survives. */
export class MemoryDocument implements DocumentStore {
  readonly data = new Map<string, string>();
  saves = 0;
  get(key: string): unknown {
    const v = this.data.get(key);
    return v === undefined ? null : JSON.parse(v);
  }
  async set(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    this.saves++;
  }
}

export class MemoryStorage implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null { return this.data.get(key) ?? null; }
  setItem(key: string, value: string): void { this.data.set(key, value); }
  removeItem(key: string): void { this.data.delete(key); }
}

export interface TestHost extends PaneHost {
  readonly downloads: Array<{ fileName: string; mime: string; content: string }>;
}

/** The pane's host over the in-memory Excel, as the playground's stub office.js provides it. */
export function fakeHost(excel: FakeExcel, opts: { doc?: MemoryDocument; user?: MemoryStorage; language?: Lang; excelApi?: string } = {}): TestHost {
  const downloads: TestHost['downloads'] = [];
  const api = opts.excelApi ?? '1.18';
  const minor = (v: string) => Number(v.split('.')[1] ?? 0);
  return {
    run: (batch) => batch(excel),
    document: opts.doc ?? new MemoryDocument(),
    user: opts.user ?? new MemoryStorage(),
    caps: capabilities({ isSetSupported: (name, v = '1.1') => (name === 'ExcelApi' ? minor(v) <= minor(api) : true) }),
    onTheWeb: false,
    language: opts.language ?? 'zh',
    theme: () => 'light',
    watchChanges: async (listener: (changes: readonly CellChange[]) => void) => {
      const ids = new Map(excel.sheets.map((s) => [s.id, s.name]));
      const reg = excel.workbook.worksheets.onChanged.add(async (e) => {
        if (e.triggerSource === 'ThisLocalAddin') return;
        listener([{ sheet: ids.get(e.worksheetId) ?? '', address: e.address }]);
      }) as { remove(): void };
      return async () => reg.remove();
    },
    download: (fileName, mime, content) => { downloads.push({ fileName, mime, content }); },
    downloads,
  };
}
