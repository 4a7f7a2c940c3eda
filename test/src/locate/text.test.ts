/**
 * The causes' sentences (src/locate/text.ts), one wording for the pane and the batch checker: a certain cause is
 * "很可能", an ambiguous one names every equally good explanation and is never worded as certain, an unverified
 * one says so; a count of zero is not named; both languages. The CLI names the cause's own cell with its sheet.
 */
import type { Cause, CauseCell } from '../../../src/locate/locate';
import { causeSet, causeText, eitherText, groupDigits } from '../../../src/locate/text';

const cell = (address: string, current: string, suggested: string, sheet = '支出总表'): CauseCell => ({ sheet, cell: address, table: 'expenditure', current, suggested });

function cause(c: CauseCell, more: Partial<Cause> = {}): Cause {
  return { ...c, id: 'C1', findings: [0], within: 1, between: 0, alternatives: [], together: [], certain: true, ...more };
}

test('amounts are shown with thousands separators; anything else as it is', () => {
  expect(['64840547.00', '-1234.5', '0.00', '999', '1000', '-1000000'].map(groupDigits)).toEqual(['64,840,547.00', '-1,234.5', '0.00', '999', '1,000', '-1,000,000']);
  expect(['1e308', '', 'abc', '1.2.3'].map(groupDigits)).toEqual(['1e308', '', 'abc', '1.2.3']);
});

test('certain: the issue\'s sentence, with the counts within and between tables', () => {
  const c = cause(cell('D8', '64840547.00', '0.00'), { within: 4, between: 3 });
  expect(causeText(c)).toEqual({
    zh: 'D8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 7 处不平（表内 4 处、表间 3 处）',
    en: 'D8 is very likely wrong: it should be 0.00 (now 64,840,547.00) — changing this one cell resolves 7 failures (4 within tables, 3 between tables)',
  });
});

test('a count of zero is not named, and one failure is singular', () => {
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 0, between: 1 }))).toEqual({
    zh: 'D8 很可能填错：应为 2.00（现为 1.00）— 改这一格可消除 1 处不平（表间 1 处）',
    en: 'D8 is very likely wrong: it should be 2.00 (now 1.00) — changing this one cell resolves 1 failure (1 between tables)',
  });
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 2, between: 0 })).zh).toMatch(/可消除 2 处不平（表内 2 处）$/);
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 1, between: 0 })).en).toMatch(/resolves 1 failure \(1 within tables\)$/);
  // A cell widened into a set may touch no failing relation itself: no empty brackets.
  expect(causeText(cause(cell('D8', '1.00', '2.00'), { within: 0, between: 0, together: [cell('D9', '1.00', '0.00')] }))).toEqual({
    zh: 'D8 很可能填错（与 D9 一起）：应为 2.00（现为 1.00）— 与 D9 一起改可消除 0 处不平',
    en: 'D8 is very likely wrong, together with D9: it should be 2.00 (now 1.00) — changing it together with D9 resolves 0 failures',
  });
});

test('qualified (the batch checker): the cause\'s own cell with its sheet, cells on its sheet that change with it without', () => {
  const c = cause(cell('G8', '64840547.00', '0.00'), { within: 2 });
  expect(causeText(c, { qualified: true })).toEqual({
    zh: '支出总表!G8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 2 处不平（表内 2 处）',
    en: '支出总表!G8 is very likely wrong: it should be 0.00 (now 64,840,547.00) — changing this one cell resolves 2 failures (2 within tables)',
  });
  const together = cause(cell('C13', '0.16', '0.00'), { within: 2, together: [cell('D13', '0.16', '0.00'), cell('E5', '1.00', '0.84', '收入总表')] });
  expect(causeText(together, { qualified: true }).zh).toBe('支出总表!C13 很可能填错（与 D13 和 收入总表!E5 一起）：应为 0.00（现为 0.16）— 与 D13 和 收入总表!E5 一起改可消除 2 处不平（表内 2 处）');
  const unverified = cause(cell('F32', '1844.57', '0.00', '基本支出表'), { certain: false });
  expect(causeText(unverified, { qualified: true }).zh).toBe('基本支出表!F32 可能填错：建议值 0.00（现为 1,844.57）未能精确核验 — 改这一格可消除 1 处不平（表内 1 处）');
  expect(causeText(unverified).zh).toBe('F32 可能填错：建议值 0.00（现为 1,844.57）未能精确核验 — 改这一格可消除 1 处不平（表内 1 处）');
});

test('ambiguous: "要么 D8 错，要么 D9 和 D10 都错", never "很可能"', () => {
  const c = cause(cell('D8', '100.00', '60.00'), { certain: false, within: 3, alternatives: [[cell('D10', '20.00', '0.00'), cell('D9', '20.00', '0.00')]] });
  const t = causeText(c);
  expect(t.zh).toBe('无法确定哪一格填错：要么 D8 错，要么 D9 和 D10 都错。按第一种，D8 应为 60.00（现为 100.00）— 改这一格可消除 3 处不平（表内 3 处）');
  expect(t.en).toBe('Cannot tell which cell is wrong: either D8 is wrong, or D9 and D10 are both wrong. In the first case D8 should be 60.00 (now 100.00) — changing this one cell resolves 3 failures (3 within tables)');
  expect(t.zh).not.toMatch(/很可能/);
  expect(t.en).not.toMatch(/very likely/);
  // Standing alone (the batch checker), every cell of the list is named with its sheet.
  expect(causeText(c, { qualified: true }).zh).toBe('无法确定哪一格填错：要么 支出总表!D8 错，要么 支出总表!D9 和 支出总表!D10 都错。按第一种，支出总表!D8 应为 60.00（现为 100.00）— 改这一格可消除 3 处不平（表内 3 处）');
});

test('several alternatives, cells on other sheets named with their sheet', () => {
  const sets = [[cell('D8', '1', '2')], [cell('D9', '1', '2'), cell('D10', '1', '2'), cell('D11', '1', '2')], [cell('E5', '1', '2', '收入总表')]];
  expect(eitherText(sets, '支出总表')).toEqual({
    zh: '要么 D8 错，要么 D9、D10 和 D11 都错，要么 收入总表!E5 错',
    en: 'either D8 is wrong, or D9, D10 and D11 are all wrong, or 收入总表!E5 is wrong',
  });
});

test('a set of cells that must change together, in sheet order (column, then row)', () => {
  const c = cause(cell('D13', '0.16', '0.00', 'three-public'), { within: 2, together: [cell('C13', '0.16', '0.00', 'three-public'), cell('C12', '1', '0', 'three-public')] });
  expect(causeSet(c).map((x) => x.cell)).toEqual(['C12', 'C13', 'D13']);
  const pair = cause(cell('C13', '0.16', '0.00', 'three-public'), { within: 2, together: [cell('D13', '0.16', '0.00', 'three-public')] });
  expect(causeText(pair)).toEqual({
    zh: 'C13 很可能填错（与 D13 一起）：应为 0.00（现为 0.16）— 与 D13 一起改可消除 2 处不平（表内 2 处）',
    en: 'C13 is very likely wrong, together with D13: it should be 0.00 (now 0.16) — changing it together with D13 resolves 2 failures (2 within tables)',
  });
});

test('not verified exactly: "可能", and says the value could not be verified', () => {
  const t = causeText(cause(cell('F32', '1844.57', '0.00'), { certain: false }));
  expect(t.zh).toBe('F32 可能填错：建议值 0.00（现为 1,844.57）未能精确核验 — 改这一格可消除 1 处不平（表内 1 处）');
  expect(t.en).toBe('F32 may be wrong: the suggested 0.00 (now 1,844.57) could not be verified exactly — changing this one cell resolves 1 failure (1 within tables)');
});
