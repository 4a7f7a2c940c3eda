import { sheetFromGrid } from '../../../src/snapshot';
import { codeTable, EXP_HEADER, run } from '../../helpers/build';

const g = () => codeTable('部门预算支出总表', EXP_HEADER, [
  ['201', '一般公共服务支出', '1234.50', '1234.50', ''],
  ['20129', '群众团体事务', '1234.50', '1234.50', ''],
  ['2012906', '工会事务', '1234.50', '1234.50', ''],
]);

describe('value-hygiene', () => {
  test('numbers stored as numbers are clean', () => {
    expect(run({ sheets: [sheetFromGrid('s', g())] })).toEqual([]);
  });

  test('numbers stored as text: one warning for the table listing every cell, and they still add up', () => {
    const fs = run({ sheets: [sheetFromGrid('s', g(), { numbers: 'text' })] });
    expect(fs.map((f) => [f.rule, f.severity, f.subject, f.cells])).toEqual([
      ['value-hygiene', 'warning', 'text', ['C4', 'D4', 'C5', 'D5', 'C6', 'D6']],
    ]);
    expect(fs[0].message).toBe('支出总表有 6 个数字以文本存储（C4、D4、C5、D5、C6…，如"1234.50"），求和公式会漏算它们');
  });

  test('hidden decimals, negative amounts and words in amount cells, each kind once', () => {
    const sheet = sheetFromGrid('s', g());
    const rows = sheet.rows.map((r) => [...r]);
    rows[5][2] = { ...rows[5][2]!, value: 1234.504, text: '1234.50' };
    rows[4][3] = { ...rows[4][3]!, value: -1234.5, text: '-1234.50' };
    rows[3][4] = { address: 'E4', row: 3, col: 4, value: '见说明', text: '见说明' };
    const fs = run({ sheets: [{ name: 's', rows }] }).filter((f) => f.rule === 'value-hygiene');
    expect(fs.map((f) => [f.severity, f.subject, f.cells])).toEqual([['error', 'invalid', ['E4']], ['warning', 'negative', ['D5']], ['warning', 'hidden', ['C6']]]);
    expect(fs[2].message).toBe('支出总表有 1 个单元格的实际值小数位多于显示（C6，如 1234.504）');
    expect(fs[0].message).toBe('支出总表有 1 个单元格不是金额（E4，如"见说明"），未参与核对');
  });
});
