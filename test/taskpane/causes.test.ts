/**
 * The causes' sentences: a certain cause is "很可能", an ambiguous one names every equally good explanation and
 * is never worded as certain, an unverified one says so; both languages.
 */
import type { Cause, CauseCell } from '../../src/locate/locate';
import { causeText, eitherText, groupDigits, orderCauses } from '../../taskpane/causes';

const cell = (address: string, current: string, suggested: string, sheet = '支出总表'): CauseCell => ({ sheet, cell: address, table: 'expenditure', current, suggested });

function cause(c: CauseCell, more: Partial<Cause> = {}): Cause {
  return { ...c, id: 'C1', findings: [0], within: 1, between: 0, alternatives: [], together: [], certain: true, ...more };
}

test('amounts are shown with thousands separators', () => {
  expect(['64840547.00', '-1234.5', '0.00', '999', '1000'].map(groupDigits)).toEqual(['64,840,547.00', '-1,234.5', '0.00', '999', '1,000']);
});

test('certain: the issue\'s sentence, with the counts within and between tables', () => {
  const c = cause(cell('D8', '64840547.00', '0.00'), { within: 4, between: 3 });
  expect(causeText(c)).toEqual({
    zh: 'D8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 7 处不平（表内 4 处、表间 3 处）',
    en: 'D8 is very likely wrong: it should be 0.00 (now 64,840,547.00) — changing this one cell resolves 7 failures (4 within tables, 3 between tables)',
  });
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 0, between: 1 })).zh).toMatch(/可消除 1 处不平（表间 1 处）$/);
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 1, between: 0 })).en).toMatch(/resolves 1 failure \(1 within tables\)$/);
});

test('ambiguous: "要么 D8 错，要么 D9 和 D10 都错", never "很可能"', () => {
  const c = cause(cell('D8', '100.00', '60.00'), { certain: false, within: 3, alternatives: [[cell('D10', '20.00', '0.00'), cell('D9', '20.00', '0.00')]] });
  const t = causeText(c);
  expect(t.zh).toBe('无法确定哪一格填错：要么 D8 错，要么 D9 和 D10 都错。按第一种，D8 应为 60.00（现为 100.00）— 改这一格可消除 3 处不平（表内 3 处）');
  expect(t.en).toBe('Cannot tell which cell is wrong: either D8 is wrong, or D9 and D10 are both wrong. In the first case D8 should be 60.00 (now 100.00) — changing this one cell resolves 3 failures (3 within tables)');
  expect(t.zh).not.toMatch(/很可能/);
  expect(t.en).not.toMatch(/very likely/);
});

test('several alternatives, cells on other sheets named with their sheet', () => {
  const sets = [[cell('D8', '1', '2')], [cell('D9', '1', '2'), cell('D10', '1', '2'), cell('D11', '1', '2')], [cell('E5', '1', '2', '收入总表')]];
  expect(eitherText(sets, '支出总表')).toEqual({
    zh: '要么 D8 错，要么 D9、D10 和 D11 都错，要么 收入总表!E5 错',
    en: 'either D8 is wrong, or D9, D10 and D11 are all wrong, or 收入总表!E5 is wrong',
  });
});

test('a set of cells that must change together', () => {
  const c = cause(cell('C13', '0.16', '0.00', 'three-public'), { within: 2, together: [cell('D13', '0.16', '0.00', 'three-public')] });
  expect(causeText(c)).toEqual({
    zh: 'C13 很可能填错（与 D13 一起）：应为 0.00（现为 0.16）— 与 D13 一起改可消除 2 处不平（表内 2 处）',
    en: 'C13 is very likely wrong, together with D13: it should be 0.00 (now 0.16) — changing it together with D13 resolves 2 failures (2 within tables)',
  });
});

test('not verified exactly: "可能", and says the value could not be verified', () => {
  const t = causeText(cause(cell('F32', '1844.57', '0.00'), { certain: false }));
  expect(t.zh).toBe('F32 可能填错：建议值 0.00（现为 1,844.57）未能精确核验 — 改这一格可消除 1 处不平（表内 1 处）');
  expect(t.en).toMatch(/^F32 may be wrong: the suggested 0\.00 \(now 1,844\.57\) could not be verified exactly/);
});

test('the certain causes first, then those resolving more', () => {
  const a = cause(cell('A1', '1', '2'), { id: 'a', certain: false, within: 9 });
  const b = cause(cell('B1', '1', '2'), { id: 'b', within: 1 });
  const c = cause(cell('C1', '1', '2'), { id: 'c', within: 2, between: 1 });
  expect(orderCauses([a, b, c]).map((x) => x.id)).toEqual(['c', 'b', 'a']);
});
