import { findingKey, findingsCsv } from '../../../src/export';
import { checkWorkbookRaw } from '../../../src/engine';
import { render } from '../../../src/findings';
import type { DocumentStore } from '../../../taskpane/host';
import { explain, EXPLANATIONS_KEY, loadExplanations, unexplain } from '../../../taskpane/ops/explanations';
import { parseCsv } from '../../../src/csv';
import type { Cell, Workbook } from '../../../src/snapshot';
import { sampleBook } from './helpers';

/** The workbook with one cell's value (and the text it shows) replaced. */
function withValue(book: Workbook, sheet: string, address: string, value: number): Workbook {
  return {
    ...book,
    sheets: book.sheets.map((s) => (s.name !== sheet ? s : {
      ...s,
      rows: s.rows.map((row) => row.map((c): Cell | undefined => (c?.address === address ? { ...c, value, text: value.toFixed(2) } : c))),
    })),
  };
}

const KEY_D13 = JSON.stringify(['income.hierarchy', '收入总表', '20805', 'warning/rounding', '0.01']);

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
    expect([...all]).toEqual([[KEY_D13, { note: '经核对为四舍五入尾差', at: '2025-03-01T08:00:00.000Z' }]]);
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
    const other = JSON.stringify(['expenditure.hierarchy', '支出总表', '20805', 'warning/rounding', '0.01']);
    const store = memoryStore({
      [EXPLANATIONS_KEY]: {
        [KEY_D13]: good,
        'a': 5, 'b': { note: 1, at: good.at }, 'c': { note: 'x' }, 'd': { note: 'x', at: '昨天' }, '': good, 'e': null,
        [JSON.stringify(['', 's', 'x', 'warning', ''])]: good,
      },
    });
    expect([...loadExplanations(store).keys()]).toEqual([KEY_D13]);
    // Settings written as a JSON string (by hand or another version) are read too.
    expect(loadExplanations(memoryStore({ [EXPLANATIONS_KEY]: JSON.stringify({ [other]: good }) })).get(other)).toEqual(good);

    // Writing keeps the good entries and drops the damaged ones.
    await explain(store, other, '同上', new Date('2025-03-01T00:00:00Z'));
    expect(Object.keys(JSON.parse(store.data.get(EXPLANATIONS_KEY)!) as object)).toEqual([KEY_D13, other]);
    // Removing something not there writes nothing.
    const writes = jest.fn(async () => undefined);
    await unexplain({ get: () => undefined, set: writes }, 'x');
    expect(writes).not.toHaveBeenCalled();
  });

  test('the explained 0.01 尾差 that becomes a 63.56 error is not 已说明: the explanation lapses, the error is new', async () => {
    const book = await sampleBook();
    const before = checkWorkbookRaw(book).findings;
    const store = memoryStore();
    const explained = before.find((f) => f.sheet === '收入总表')!;
    expect([explained.relation, explained.subject, explained.severity, explained.rounding, explained.difference, explained.cells.slice(0, 3)])
      .toEqual(['income.hierarchy', '20805', 'warning', true, '0.01', ['D13', 'E13', 'F13']]);
    await explain(store, findingKey(explained), '四舍五入尾差，已核对', new Date('2025-03-01T08:00:00Z'));

    // 款 20805's 合计 (D13) typed 600.00 instead of 536.45: its children still add up to 536.44.
    const after = checkWorkbookRaw(withValue(book, '收入总表', 'D13', 600)).findings;
    const notes = new Map([...loadExplanations(store)].map(([k, v]) => [k, v.note]));
    const error = after.find((f) => f.sheet === '收入总表' && f.relation === 'income.hierarchy' && f.subject === '20805' && f.severity === 'error')!;
    expect([error.subject, error.difference, error.cells[0]]).toEqual(['20805', '63.56', 'D13']);
    expect(notes.has(findingKey(error))).toBe(false);
    // The other two columns still differ by the same 0.01 尾差: that is the finding that was explained.
    const stillRounding = after.find((f) => f.sheet === '收入总表' && f.relation === 'income.hierarchy' && f.subject === '20805' && f.rounding)!;
    expect([stillRounding.difference, stillRounding.cells.slice(0, 2)]).toEqual(['0.01', ['E13', 'F13']]);
    expect(notes.get(findingKey(stillRounding))).toBe('四舍五入尾差，已核对');

    // In the export no finding at D13 (the hierarchy error and the row's cross-foot) has an explanation.
    const rows = parseCsv(findingsCsv(after.map((f) => render(f, 'zh')), 'zh', notes));
    const d13 = rows.filter((r) => r[3] === '收入总表' && r[4] === 'D13');
    expect(d13.map((r) => [r[0], r[9]])).toEqual([['错误', ''], ['错误', '']]);
    expect(d13.map((r) => r[8])).toContain('63.56');
    expect(rows.filter((r) => r[9] === '四舍五入尾差，已核对').map((r) => `${r[3]}!${r[4]}`)).toEqual(['收入总表!E13']);
  });

  test('explanations saved under the old key (rule|sheet|cell) lapse instead of attaching to the error now at that cell', async () => {
    const store = memoryStore({ [EXPLANATIONS_KEY]: { 'hierarchy-sum|收入总表|D13': { note: '四舍五入尾差', at: '2025-01-01T00:00:00.000Z' } } });
    expect(loadExplanations(store).size).toBe(0);
    const after = checkWorkbookRaw(withValue(await sampleBook(), '收入总表', 'D13', 600)).findings;
    const rows = parseCsv(findingsCsv(after.map((f) => render(f, 'zh')), 'zh', new Map([...loadExplanations(store)].map(([k, v]) => [k, v.note]))));
    expect(rows.slice(1).every((r) => r[9] === '')).toBe(true);
    // The next explanation written drops the lapsed entry from the workbook.
    await explain(store, findingKey(after[0]), '已核对', new Date('2025-03-01T00:00:00Z'));
    expect(Object.keys(JSON.parse(store.data.get(EXPLANATIONS_KEY)!) as object)).toEqual([findingKey(after[0])]);
  });
});
