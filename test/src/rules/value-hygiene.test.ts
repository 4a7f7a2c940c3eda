import { sheetFromGrid } from '../../../src/snapshot';
import { checkWorkbook } from '../../../src/engine';
import { codeTable, EXP_HEADER } from '../../helpers/build';

const g = () => codeTable('部门预算支出总表', EXP_HEADER, [
  ['201', '一般公共服务支出', '1234.50', '1234.50', ''],
  ['20129', '群众团体事务', '1234.50', '1234.50', ''],
  ['2012906', '工会事务', '1234.50', '1234.50', ''],
]);

describe('value-hygiene', () => {
  test('numbers stored as numbers are clean', () => {
    expect(checkWorkbook({ sheets: [sheetFromGrid('s', g())] }).findings).toEqual([]);
  });

  test('numbers stored as text are warnings, one per cell, and still add up', () => {
    const fs = checkWorkbook({ sheets: [sheetFromGrid('s', g(), { numbers: 'text' })] }).findings;
    expect(fs.every((f) => f.rule === 'value-hygiene' && f.severity === 'warning')).toBe(true);
    expect(fs.map((f) => f.cells[0])).toEqual(['C4', 'D4', 'C5', 'D5', 'C6', 'D6']);
  });

  test('hidden decimals, negative amounts and words in amount cells', () => {
    const sheet = sheetFromGrid('s', g());
    const rows = sheet.rows.map((r) => [...r]);
    rows[5][2] = { ...rows[5][2]!, value: 1234.504, text: '1234.50' };
    rows[4][3] = { ...rows[4][3]!, value: -1234.5, text: '-1234.50' };
    rows[3][4] = { address: 'E4', row: 3, col: 4, value: '见说明', text: '见说明' };
    const fs = checkWorkbook({ sheets: [{ name: 's', rows }] }).findings.filter((f) => f.rule === 'value-hygiene');
    expect(fs.map((f) => [f.severity, f.cells[0]])).toEqual([['error', 'E4'], ['warning', 'D5'], ['warning', 'C6']]);
    expect(fs[2].message).toBe('实际值 1234.504 的小数位多于显示的 2 位');
  });
});
