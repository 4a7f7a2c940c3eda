import { blockOf, splitRef } from '../../src/snapshot';

describe('sheet-qualified references and blocks', () => {
  test('splitRef reads quoted, plain and unqualified references, dropping $', () => {
    expect(splitRef("'收入总表'!D13", '支出总表')).toEqual({ sheet: '收入总表', address: 'D13' });
    expect(splitRef("'it''s'!$A$1", 'x')).toEqual({ sheet: "it's", address: 'A1' });
    expect(splitRef('收入总表!D13:F20', 'x')).toEqual({ sheet: '收入总表', address: 'D13:F20' });
    expect(splitRef('$E$15', '收支总表')).toEqual({ sheet: '收支总表', address: 'E15' });
  });

  test('blockOf gives 0-based blocks whichever corner comes first', () => {
    expect(blockOf('D13')).toEqual({ row: 12, col: 3, rows: 1, cols: 1 });
    expect(blockOf("'收入总表'!$F$20:D13")).toEqual({ row: 12, col: 3, rows: 8, cols: 3 });
  });
});
