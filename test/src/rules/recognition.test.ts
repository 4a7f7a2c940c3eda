import { checkWorkbook } from '../../../src/engine';
import { sheetFromGrid } from '../../../src/snapshot';
import { ALL_KINDS, TABLE_KINDS, type TableKind } from '../../../src/table';
import { book, only, run } from '../../helpers/build';
import { fixtureGrid, seedWorkbook } from '../../helpers/fixtures';

describe('recognition: what is not understood is said, never guessed', () => {
  test('a workbook missing one of the nine tables gets one warning naming it', () => {
    const wb = seedWorkbook('004');
    const eight = { sheets: wb.sheets.filter((s) => s.name !== 'basic-expenditure') };
    const fs = only(checkWorkbook(eight).findings, 'recognition');
    expect(fs.map((f) => [f.severity, f.subject, f.message])).toEqual([['warning', 'missing', '工作簿中没有找到一般公共预算财政拨款基本支出表（部门预算公开表应有九张）']]);
    expect(only(checkWorkbook(wb).findings, 'recognition')).toEqual([]);
  });

  test('a titled table the engine does not know is named and left alone: its words are never "not an amount"', () => {
    const projects = [['2025年部门项目支出表'], ['单位：万元'], ['项目名称', '项目类别', '金额'], ['信息化建设', '特定目标类', '12.00']];
    const unknown = [['2025年部门项目绩效一览表'], ['单位：万元'], ['项目名称', '指标', '数值'], ['信息化建设', '完成率', '100%']];
    const fs = run(book(['项目', projects], ['一览', unknown]));
    expect(fs.map((f) => [f.rule, f.severity, f.sheet, f.message])).toEqual([
      ['recognition', 'info', '项目', '"2025年部门项目支出表"是项目支出表，本工具暂不核对此表'],
      ['recognition', 'info', '一览', '未识别的表"2025年部门项目绩效一览表"：不是部门预算公开表，未检查'],
    ]);
  });

  test('a 政府采购预算表 of items is a table of its own: its words are names and text, its 金额 the total', () => {
    const procurement = [['2025年部门政府采购预算表'], ['单位：万元'], ['采购项目', '采购品目', '资金来源', '金额'], ['办公设备', '货物', '财政拨款', '12.00'], ['物业服务', '服务', '财政拨款', '30.00']];
    const r = checkWorkbook(book(['采购', procurement]), { expectAll: false });
    expect(r.findings).toEqual([]);
    expect(r.tables.map((t) => [t.kind, t.columns.map((c) => c.role.kind === 'amount' ? c.role.role : c.role.kind)])).toEqual([['procurement', ['name', 'text', 'unknown', 'total']]]);
    expect(r.tables[0].rows.map((x) => x.labels.main?.text)).toEqual(['办公设备', '物业服务']);
  });

  test('an untitled sheet is recognised by its columns only when they name a known table; otherwise it is said, not guessed', () => {
    const untitled = [['采购项目', '采购品目', '资金来源', '金额'], ['办公设备', '货物', '财政拨款', '12.00']];
    const r = checkWorkbook({ sheets: [sheetFromGrid('Sheet3', untitled)] }, { expectAll: false });
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([['recognition', 'info', '工作表"Sheet3"中没有识别到部门预算公开表，未检查']]);
  });

  test('a column with an unknown header in a known table is reported once, listing it; its numbers are not summed, and rows are not cross-footed without it', () => {
    const g = fixtureGrid('004', 'expenditure');
    const header = g.findIndex((r) => r.includes('合计'));
    g[header].push('其他资金');
    for (let r = header + 3; r < g.length; r++) if (g[r][1]) g[r].push('1.00');
    const fs = run(book(['支出总表', g]));
    expect(fs.filter((f) => f.rule === 'recognition').map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['warning', 'column', '支出总表中有未能识别的列：J列"其他资金"；其数值未参与核对，本表各行横向合计也未核对'],
    ]);
    expect(fs.some((f) => f.cells.some((c) => c.startsWith('J')) && f.rule !== 'recognition')).toBe(false);
    // Were 其他资金 a part of 合计, a cross-foot without it would be a false alarm: none is made.
    const shifted = g.map((r, i) => (i > header + 2 && r[1] ? r.map((c, j) => (j === 3 && c ? String((Number(c) + 1).toFixed(2)) : c)) : r));
    expect(run(book(['支出总表', shifted])).filter((f) => f.rule === 'row-cross-foot')).toEqual([]);
  });

  test('a coded table whose codes cannot be read is said: its hierarchy was not checked', () => {
    const g = [['部门预算支出总表'], ['单位：万元'], ['科目', '合计', '基本支出'], ['一般公共服务支出', '10.00', '10.00'], ['人大事务', '10.00', '10.00']];
    const fs = run(book(['支出总表', g]));
    expect(only(fs, 'recognition').map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['warning', 'codes', '部门预算支出总表：没有读到科目编码（未找到科目编码列），科目层级合计未核对'],
    ]);
  });

  test('the nine kinds are the registry\'s required ones, and TableKind is exactly the registry\'s kinds (not any string)', () => {
    // @ts-expect-error — a kind the registry does not declare is no TableKind (type-checked by npm test).
    const notAKind: TableKind = 'project-expenditure';
    expect(ALL_KINDS).not.toContain(notAKind);
    expect(ALL_KINDS).toEqual([...TABLE_KINDS, 'department-performance', 'performance-target', 'procurement', 'fixed-assets']);
    expect(TABLE_KINDS).toEqual(['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'basic-expenditure', 'fund-expenditure', 'soe-expenditure', 'three-public']);
  });
});
