import { findingKey, findingsCsv } from '../../../src/export';
import { checkWorkbookRaw } from '../../../src/engine';
import { render } from '../../../src/findings';
import type { DocumentStore } from '../../../taskpane/host';
import { explain, EXPLANATIONS_KEY, loadExplanations, unexplain } from '../../../taskpane/ops/explanations';
import { parseCsv } from '../../../src/csv';
import { sampleBook } from './helpers';

/** Office document settings in memory: values go through JSON, as they do in the file. */
function memoryStore(initial: Record<string, unknown> = {}): DocumentStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    data,
    get: (key) => { const v = data.get(key); return v === undefined ? null : JSON.parse(v) as unknown; },
    set: async (key, value) => { if (value === undefined) data.delete(key); else data.set(key, JSON.stringify(value)); },
  };
}

describe('审核说明 (explanations) kept in the workbook', () => {
  test('explaining a sample warning: kept by finding key, found again in either language, shown in the export', async () => {
    const raw = checkWorkbookRaw(await sampleBook()).findings;
    const store = memoryStore();
    const key = findingKey(raw[0]);
    await explain(store, key, '经核对为四舍五入尾差', new Date('2025-03-01T08:00:00Z'));
    const all = loadExplanations(store);
    expect([...all]).toEqual([['hierarchy-sum|收入总表|D13', { note: '经核对为四舍五入尾差', at: '2025-03-01T08:00:00.000Z' }]]);
    expect(all.has(findingKey(render(raw[0], 'en')))).toBe(true);

    const notes = new Map([...all].map(([k, v]) => [k, v.note]));
    const rows = parseCsv(findingsCsv(raw.map((f) => render(f, 'zh')), 'zh', notes));
    expect(rows.filter((r) => r[9] !== '').map((r) => `${r[3]}!${r[4]} ${r[9]}`)).toEqual(['工作表!单元格 审核说明', '收入总表!D13 经核对为四舍五入尾差']);

    // A new note replaces the old one; removing the last removes the setting itself.
    await explain(store, key, '已报财政局', new Date('2025-03-02T08:00:00Z'));
    expect(loadExplanations(store).get(key)).toEqual({ note: '已报财政局', at: '2025-03-02T08:00:00.000Z' });
    await unexplain(store, key);
    expect(loadExplanations(store).size).toBe(0);
    expect(store.data.has(EXPLANATIONS_KEY)).toBe(false);
  });

  test('damaged stored data: bad entries are skipped, good ones kept, loading never throws', async () => {
    for (const bad of [null, 42, 'not json', '[1,2]', [], true]) {
      expect(loadExplanations(memoryStore({ [EXPLANATIONS_KEY]: bad })).size).toBe(0);
    }
    const throwing: DocumentStore = { get: () => { throw new Error('settings unavailable'); }, set: async () => undefined };
    expect(loadExplanations(throwing).size).toBe(0);

    const good = { note: '已核对', at: '2025-01-01T00:00:00.000Z' };
    const store = memoryStore({
      [EXPLANATIONS_KEY]: {
        'hierarchy-sum|收入总表|D13': good,
        'a': 5, 'b': { note: 1, at: good.at }, 'c': { note: 'x' }, 'd': { note: 'x', at: '昨天' }, '': good, 'e': null,
      },
    });
    expect([...loadExplanations(store).keys()]).toEqual(['hierarchy-sum|收入总表|D13']);
    // Settings written as a JSON string (by hand or another version) are read too.
    expect(loadExplanations(memoryStore({ [EXPLANATIONS_KEY]: JSON.stringify({ k: good }) })).get('k')).toEqual(good);

    // Writing keeps the good entries and drops the damaged ones.
    await explain(store, 'hierarchy-sum|支出总表|D13', '同上', new Date('2025-03-01T00:00:00Z'));
    expect(Object.keys(JSON.parse(store.data.get(EXPLANATIONS_KEY)!) as object)).toEqual(['hierarchy-sum|收入总表|D13', 'hierarchy-sum|支出总表|D13']);
    // Removing something not there writes nothing.
    const writes = jest.fn(async () => undefined);
    await unexplain({ get: () => undefined, set: writes }, 'x');
    expect(writes).not.toHaveBeenCalled();
  });
});
