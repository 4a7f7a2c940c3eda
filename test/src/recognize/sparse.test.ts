/**
 * Recognition costs what the sheet holds, not its extent: a stray cell at XFD1048576 (the last cell of a sheet)
 * and a million empty rows leave the tables, their findings and the work per row unchanged.
 */
import { checkWorkbook } from '../../../src/engine';
import { rowTexts } from '../../../src/recognize/grid';
import { a1, type Cell, type Sheet } from '../../../src/snapshot';
import { fixtureSheet } from '../../helpers/fixtures';

function withStrayCell(sheet: Sheet): Sheet {
  const rows: Array<Array<Cell | undefined>> = sheet.rows.map((r) => [...r]);
  const last = 1_048_575;
  const stray: Array<Cell | undefined> = [];
  stray[16_383] = { address: a1(last, 16_383), row: last, col: 16_383, value: 'x', text: 'x' };
  // A sparse array: the rows in between do not exist.
  rows[last] = stray;
  return { name: sheet.name, rows };
}

describe('a sheet as large as Excel allows, holding one table and one stray cell', () => {
  test('the same table and findings; each row is read as far as its own cells go', () => {
    const plain = fixtureSheet('004', 'expenditure');
    const huge = withStrayCell(plain);
    const a = checkWorkbook({ sheets: [plain] }, { expectAll: false });
    const b = checkWorkbook({ sheets: [huge] }, { expectAll: false });
    expect(b.tables.map((t) => [t.kind, t.range])).toEqual(a.tables.map((t) => [t.kind, t.range]));
    expect(b.findings.filter((f) => f.rule !== 'recognition')).toEqual(a.findings);
    expect(rowTexts(huge, 10).length).toBe(plain.rows[10].length);
    expect(rowTexts(huge, 500_000)).toEqual([]);
  });
});
