/**
 * The pane's own handling of causes (taskpane/causes.ts): their order. Their wording is the core's, tested in
 * test/src/locate/text.test.ts; the pane's sentences on a real document are in ui/causes.test.tsx.
 */
import type { Cause, CauseCell } from '../../src/locate/locate';
import { orderCauses } from '../../taskpane/causes';

const cell = (address: string): CauseCell => ({ sheet: '支出总表', cell: address, table: 'expenditure', current: '1', suggested: '2' });

function cause(c: CauseCell, more: Partial<Cause> = {}): Cause {
  return { ...c, id: 'C1', findings: [0], within: 1, between: 0, alternatives: [], together: [], certain: true, ...more };
}

test('the certain causes first, then those resolving more, then as located', () => {
  const a = cause(cell('A1'), { id: 'a', certain: false, within: 9 });
  const b = cause(cell('B1'), { id: 'b', within: 1 });
  const c = cause(cell('C1'), { id: 'c', within: 2, between: 1 });
  const d = cause(cell('D1'), { id: 'd', within: 1 });
  expect(orderCauses([a, b, c, d]).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a']);
});
