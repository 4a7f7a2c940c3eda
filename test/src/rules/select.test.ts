/**
 * How a finding names a row and which rows a relation reads: by code level (类 / 款 / 项), by its printed label
 * (合计 becomes 合计行, total row), else by its row number; 其中 lines are parts, never terms of a total.
 */
import { recognizeWorkbook } from '../../../src/recognize/recognize';
import { isOfWhich, rowWords } from '../../../src/rules/select';
import { sheetFromGrid } from '../../../src/snapshot';

function rows(g: string[][]) {
  return recognizeWorkbook({ sheets: [sheetFromGrid('s', g)] }).tables[0].rows;
}

describe('rowWords', () => {
  test('code rows by level, label rows by label, 合计 and 总计 as the total row', () => {
    const t = rows([['部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '合计'],
      ['', '合计', '3.00'], ['201', '一般公共服务支出', '3.00'], ['20101', '人大事务', '3.00'], ['2010101', '行政运行', '3.00']]);
    expect(t.map((r) => rowWords(r))).toEqual([
      { zh: '合计行', en: 'total row' }, { zh: '类 201', en: 'class 201' }, { zh: '款 20101', en: 'section 20101' }, { zh: '项 2010101', en: 'item 2010101' },
    ]);
  });

  test('a label other than 合计 / 总计 is named as printed; a row with neither code nor label by its number', () => {
    const t = rows([['部门收入总表'], ['单位：万元'], ['项目', '合计', '财政拨款'], ['总计', '3.00', '3.00'], ['合计（本年）', '3.00', '3.00'], ['', '1.00', '1.00']]);
    expect(t.map((r) => rowWords(r))).toEqual([
      { zh: '总计行', en: 'total row' }, { zh: '合计（本年）', en: '合计（本年）' }, { zh: '第 6 行', en: 'row 6' },
    ]);
  });
});

describe('isOfWhich', () => {
  test('其中 lines, numbered or not, are parts; a label merely containing 其中 is not', () => {
    const t = rows([['部门收入总表'], ['单位：万元'], ['项目', '合计'], ['合计', '3.00'], ['其中：上年结转', '1.00'], ['1.其中：政府采购', '1.00'], ['含其中项', '1.00']]);
    expect(t.map((r) => isOfWhich(r, 'main'))).toEqual([false, true, true, false]);
  });
});
