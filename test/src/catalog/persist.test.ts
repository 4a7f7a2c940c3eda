import { importCatalog } from '../../../src/catalog/import';
import { forgetImportedCatalog, loadCatalog, saveImportedCatalog, type KeyValueStore } from '../../../src/catalog/persist';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); }, removeItem: (k) => { data.delete(k); } };
}

describe('keeping an imported catalog across restarts', () => {
  test('saved rows come back as an edition that takes precedence', () => {
    const store = memoryStore();
    const r = importCatalog([['科目编码', '科目名称'], ['2101103', '公务员医疗补助（省定）']], '一体化2026.xlsx', 2026);
    saveImportedCatalog(store, '一体化2026.xlsx', 2026, r, new Date('2026-03-01T08:00:00Z'));
    // A new session: only the store survives.
    const loaded = loadCatalog(store);
    expect(loaded).toMatchObject({ label: '一体化2026.xlsx', savedAt: '2026-03-01T08:00:00.000Z' });
    expect(loaded.catalog.name('2101103', { year: 2026 })).toBe('公务员医疗补助（省定）');
    expect(loaded.catalog.name('2101103', { year: 2025 })).toBe('公务员医疗补助');
    forgetImportedCatalog(store);
    expect(loadCatalog(store).catalog.name('2101103', { year: 2026 })).toBe('公务员医疗补助');
  });

  test('a damaged entry falls back to the built-in catalog with a message, never a crash', () => {
    const store = memoryStore();
    store.setItem('budget-check.imported-catalog.v1', '{not json');
    const loaded = loadCatalog(store);
    expect(loaded.problem?.zh).toBe('保存的导入目录已损坏，已改用内置目录；请重新导入');
    expect(loaded.catalog.name('2101103')).toBe('公务员医疗补助');
    expect(loadCatalog(undefined).catalog.name('2101103')).toBe('公务员医疗补助');
  });
});
