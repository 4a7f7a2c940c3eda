/**
 * What recognition says about what it did not understand (src/recognize/recognize.ts): each kind of note, in
 * both languages, with the cells it points at — and what is still checked around it.
 */
import { checkWorkbook, checkWorkbookRaw } from '../../../src/engine';
import type { RawFinding } from '../../../src/findings';
import { sheetFromGrid, type Workbook } from '../../../src/snapshot';
import { book, codeTable, EXP_HEADER, only } from '../../helpers/build';

type Grid = string[][];

/** The recognition findings of a workbook: severity, subject (what is affected), cells, both texts. */
function notes(wb: Workbook, expectAll = false): Array<[string, string | undefined, readonly string[], string, string]> {
  return checkWorkbookRaw(wb, { expectAll }).findings
    .filter((f: RawFinding) => f.rule === 'recognition')
    .map((f) => [f.severity, f.subject, f.cells, f.text.zh, f.text.en]);
}

const coded = (extra: readonly string[], rows: readonly (readonly string[])[]): Grid => codeTable('部门预算支出总表', [...EXP_HEADER, ...extra], rows);

describe('a column that is not read', () => {
  test('an unknown header over numbers: named with its column letter; the rows are not cross-footed either', () => {
    const g = coded(['其他资金'], [
      ['201', '一般公共服务支出', '10.00', '6.00', '4.00', '1.00'],
      ['20101', '人大事务', '10.00', '6.00', '4.00', '1.00'],
      ['2010101', '行政运行', '10.00', '6.00', '4.00', '1.00'],
    ]);
    expect(notes(book(['支出总表', g]))).toEqual([[
      'warning', 'column', ['F3'],
      '支出总表中有未能识别的列：F列"其他资金"；其数值未参与核对，本表各行横向合计也未核对',
      'the expenditure table has columns that were not understood: F "其他资金"; their values were not checked, nor the cross-foot of its rows',
    ]]);
    // 基本支出 one short in every row: with a column of unknown figures beside it, that is not called an error.
    for (const r of g.slice(3)) r[3] = '5.00';
    expect(only(checkWorkbook(book(['支出总表', g]), { expectAll: false }).findings, 'row-cross-foot')).toEqual([]);
  });

  test('words down an amount column (详见附表 under 项目支出): not money, said without the cross-foot clause, and rows are still cross-footed', () => {
    const g = coded([], [
      ['201', '一般公共服务支出', '10.00', '10.00', '详见附表'],
      ['20101', '人大事务', '10.00', '10.00', '详见附表'],
      ['2010101', '行政运行', '10.00', '10.00', '详见附表'],
    ]);
    expect(notes(book(['支出总表', g]))).toEqual([[
      'warning', 'column', ['E3'],
      '支出总表中有未能识别的列：E列"项目支出"；其数值未参与核对',
      'the expenditure table has columns that were not understood: E "项目支出"; their values were not checked',
    ]]);
    g[5][3] = '9.00';
    const fs = only(checkWorkbook(book(['支出总表', g]), { expectAll: false }).findings, 'row-cross-foot');
    expect(fs.map((f) => [f.subject, f.cells, f.reported, f.computed])).toEqual([['2010101', ['C6', 'D6'], '10.00', '9.00']]);
  });
});

describe('codes that are not read', () => {
  test('a code column left empty on an untitled sheet: the table is named by its kind, the hierarchy not checked', () => {
    const g = [EXP_HEADER, ['', '一般公共服务支出', '10.00', '10.00', ''], ['', '人大事务', '10.00', '10.00', '']];
    const r = checkWorkbookRaw({ sheets: [sheetFromGrid('Sheet1', g)] }, { expectAll: false });
    expect(r.tables.map((t) => [t.kind, t.title])).toEqual([['expenditure', '']]);
    expect(notes({ sheets: [sheetFromGrid('Sheet1', g)] })).toEqual([[
      'warning', 'codes', [],
      '支出总表：没有读到科目编码，科目层级合计未核对',
      'expenditure table: no subject code could be read; the subject hierarchy was not checked',
    ]]);
  });

  test('no code column at all: the printed title is named, and the missing column said', () => {
    const g = [['部门预算支出总表'], ['单位：万元'], ['科目', '合计', '基本支出'], ['一般公共服务支出', '10.00', '10.00']];
    expect(notes(book(['支出总表', g]))).toEqual([[
      'warning', 'codes', [],
      '部门预算支出总表：没有读到科目编码（未找到科目编码列），科目层级合计未核对',
      '部门预算支出总表: no subject code could be read (no code column found); the subject hierarchy was not checked',
    ]]);
  });

  test('a row with amounts but no code among coded rows: counted and cited by its name cell; rows of zeros are not', () => {
    const g = coded([], [
      ['201', '一般公共服务支出', '10.00', '10.00', ''],
      ['20101', '人大事务', '10.00', '10.00', ''],
      ['2010101', '行政运行', '10.00', '10.00', ''],
      ['', '其他支出', '2.00', '2.00', ''],
      ['', '待分配', '3.00', '', '3.00'],
      ['', '预留', '0.00', '0.00', ''],
    ]);
    expect(notes(book(['支出总表', g]))).toEqual([[
      'warning', 'codes', ['B7', 'B8'],
      '支出总表中有 2 行有金额但没有科目编码（如"其他支出"），未参与层级核对',
      '2 row(s) of the expenditure table carry amounts but no subject code (e.g. "其他支出"); they were not checked in the hierarchy',
    ]]);
  });

  test('the 合计 row carries amounts and no code, and is no such row', () => {
    const g = coded([], [['', '合计', '10.00', '10.00', ''], ['201', '一般公共服务支出', '10.00', '10.00', ''], ['20101', '人大事务', '10.00', '10.00', ''], ['2010101', '行政运行', '10.00', '10.00', '']]);
    expect(notes(book(['支出总表', g]))).toEqual([]);
  });
});

describe('tables that are not read', () => {
  test('a known title over rows no header can be found in: named with its title, pointing at the title cell', () => {
    const g = [['部门预算支出总表'], ['单位：万元'], ['甲', '乙', '丙'], ['201', '一般公共服务支出', '10.00']];
    expect(notes(book(['支出总表', g]))).toEqual([[
      'warning', 'header', ['A1'],
      '支出总表"部门预算支出总表"的表头无法识别，未检查',
      'the header of the expenditure table "部门预算支出总表" was not understood; it was not checked',
    ]]);
  });

  test('a title and a note without any figure is the table printed empty, not an unreadable one', () => {
    const g = [['政府性基金预算财政拨款支出表'], ['单位：万元'], ['注：本单位无政府性基金预算财政拨款支出，本表无数据。']];
    const r = checkWorkbook(book(['基金', g]), { expectAll: false });
    expect(r.findings).toEqual([]);
    expect(r.tables.map((t) => [t.kind, t.empty, t.range, t.rows.length])).toEqual([['fund-expenditure', true, 'A1:A3', 0]]);
  });

  test('a table the engine knows by name but does not check, and one it does not know, in English', () => {
    const projects = [['2025年部门项目支出表'], ['单位：万元'], ['项目名称', '项目类别', '金额'], ['信息化建设', '特定目标类', '12.00']];
    const fees = [['2025年部门收费项目明细表'], ['单位：万元'], ['收费项目', '标准', '金额'], ['培训费', '按人次', '3.00']];
    expect(notes(book(['项目', projects], ['收费', fees])).map((n) => [n[0], n[1], n[2], n[4]])).toEqual([
      ['info', 'table', ['A1'], '"2025年部门项目支出表" is a project expenditure table, which is not checked'],
      ['info', 'table', ['A1'], 'table "2025年部门收费项目明细表" is not one of the published budget tables and was not checked'],
    ]);
  });

  test('a sheet of figures with no table on it', () => {
    const g = [['采购项目', '采购品目', '资金来源', '金额'], ['办公设备', '货物', '财政拨款', '12.00']];
    const wb = { sheets: [sheetFromGrid('Sheet3', g)] };
    expect(notes(wb).map((n) => [n[0], n[1], n[4]])).toEqual([['info', 'sheet', 'no published budget table was recognised on sheet "Sheet3"; it was not checked']]);
  });

  test('a sheet of words only is left alone without a word', () => {
    expect(notes({ sheets: [sheetFromGrid('说明', [['编制说明'], ['本部门预算按规定编制。']])] })).toEqual([]);
  });
});

describe('tables missing from a workbook', () => {
  const only支出 = () => book(['支出总表', coded([], [['201', '一般公共服务支出', '10.00', '10.00', ''], ['20101', '人大事务', '10.00', '10.00', ''], ['2010101', '行政运行', '10.00', '10.00', '']])]);

  test('a workbook holding only the 支出总表 is told which eight of the nine are missing, in the order of the disclosure', () => {
    const ns = notes(only支出(), true);
    expect(ns.every((n) => n[0] === 'warning' && n[1] === 'missing' && n[2].length === 0)).toBe(true);
    expect(ns.map((n) => n[3])).toEqual([
      '工作簿中没有找到收支总表（部门预算公开表应有九张）',
      '工作簿中没有找到收入总表（部门预算公开表应有九张）',
      '工作簿中没有找到财政拨款收支总表（部门预算公开表应有九张）',
      '工作簿中没有找到一般公共预算财政拨款支出表（部门预算公开表应有九张）',
      '工作簿中没有找到一般公共预算财政拨款基本支出表（部门预算公开表应有九张）',
      '工作簿中没有找到政府性基金预算财政拨款支出表（部门预算公开表应有九张）',
      '工作簿中没有找到国有资本经营预算财政拨款支出表（部门预算公开表应有九张）',
      '工作簿中没有找到财政拨款"三公"经费支出表（部门预算公开表应有九张）',
    ]);
    expect(ns.map((n) => n[4])).toEqual([
      'the workbook has no revenue and expenditure summary (a disclosure holds nine tables)',
      'the workbook has no revenue table (a disclosure holds nine tables)',
      'the workbook has no fiscal appropriation summary (a disclosure holds nine tables)',
      'the workbook has no general public budget expenditure (a disclosure holds nine tables)',
      'the workbook has no general public budget basic expenditure (a disclosure holds nine tables)',
      'the workbook has no government fund budget expenditure (a disclosure holds nine tables)',
      'the workbook has no state capital operation budget expenditure (a disclosure holds nine tables)',
      'the workbook has no "three public" expenses (a disclosure holds nine tables)',
    ]);
  });

  test('nothing is missing from a workbook where nothing was recognised, nor when a single range is checked', () => {
    expect(notes(only支出(), false)).toEqual([]);
    expect(notes({ sheets: [sheetFromGrid('说明', [['编制说明']])] }, true)).toEqual([]);
  });
});
