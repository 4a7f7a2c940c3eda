import { book, codeTable, EXP_HEADER, only, run } from '../../helpers/build';
import { seedWorkbook } from '../../helpers/fixtures';
import { checkWorkbook } from '../../../src/engine';
import { Catalog } from '../../../src/catalog/catalog';
import { importCatalog } from '../../../src/catalog/import';

const table = (rows: string[][], title = '2025年部门预算支出总表') => book(['支出总表', codeTable(title, EXP_HEADER, rows)]);

describe('subject-name', () => {
  test('the seeds\' names all agree with the catalog', () => {
    for (const seed of ['000', '003', '004']) expect(only(checkWorkbook(seedWorkbook(seed)).findings, 'subject-name')).toEqual([]);
  });

  test('a wrong name, and a former name pointed out as such; spacing and width are ignored', () => {
    const fs = only(run(table([
      ['210', '医疗卫生与计划生育支出', '10.00', '10.00', ''],
      ['21011', '行政事业单位 医疗', '10.00', '10.00', ''],
      ['2101101', '行政单位医疗费', '10.00', '10.00', ''],
    ])), 'subject-name');
    expect(fs.map((f) => [f.severity, f.cells[0], f.message])).toEqual([
      ['warning', 'B4', '科目 210 的名称"医疗卫生与计划生育支出"是旧名称（2014—2018年），2025年为"卫生健康支出"'],
      ['warning', 'B6', '科目 2101101 的名称应为"行政单位医疗"，表中为"行政单位医疗费"'],
    ]);
  });
});

describe('unknown-code', () => {
  test('a code not in the year\'s catalog is a warning that says the catalog may lag', () => {
    const fs = only(run(table([
      ['210', '卫生健康支出', '10.00', '10.00', ''],
      ['21011', '行政事业单位医疗', '10.00', '10.00', ''],
      ['2101109', '其他医疗', '10.00', '10.00', ''],
    ])), 'unknown-code');
    expect(fs.map((f) => [f.severity, f.cells[0], f.message])).toEqual([
      ['warning', 'A6', '2025年支出功能分类中没有科目 2101109；内置目录可能落后于当年正式目录，可导入正式目录'],
    ]);
  });

  test('a code printed with one name in several tables is information, reported once with every cell', () => {
    const body = [
      ['210', '卫生健康支出', '10.00', '10.00', ''],
      ['21011', '行政事业单位医疗', '10.00', '10.00', ''],
      ['2101109', '其他医疗', '10.00', '10.00', ''],
    ];
    const wb = book(['支出总表', codeTable('2025年部门预算支出总表', EXP_HEADER, body)], ['一般公共预算表', codeTable('2025年一般公共预算财政拨款支出表', EXP_HEADER, body)]);
    const fs = only(run(wb), 'unknown-code');
    expect(fs.map((f) => [f.severity, f.sheet, f.cells, f.subject])).toEqual([['info', '支出总表', ['A6', "'一般公共预算表'!A6"], '2101109']]);
    expect(fs[0].message).toBe('2025年支出功能分类中没有科目 2101109（文件中 2 处一致使用）；内置目录可能落后于当年正式目录，可导入正式目录');
    // Written with two names, it is a warning again.
    const other = body.map((r) => (r[0] === '2101109' ? ['2101109', '其他医疗支出', ...r.slice(2)] : r));
    const wb2 = book(['支出总表', codeTable('2025年部门预算支出总表', EXP_HEADER, body)], ['一般公共预算表', codeTable('2025年一般公共预算财政拨款支出表', EXP_HEADER, other)]);
    expect(only(run(wb2), 'unknown-code').map((f) => f.severity)).toEqual(['warning']);
  });

  test('the edition is the document\'s year: a 2024 document is judged by the 2024 edition, not the newest', () => {
    // 2170404 was added by 财预〔2025〕41号: unknown in a 2024 document, known in a 2025 one.
    const body = (title: string) => codeTable(title, EXP_HEADER, [
      ['217', '金融支出', '5.00', '5.00', ''],
      ['21704', '金融发展支出', '5.00', '5.00', ''],
      ['2170404', '其他金融发展支出', '5.00', '5.00', ''],
    ]);
    expect(only(run(book(['支出总表', body('2024年部门预算支出总表')])), 'unknown-code').map((f) => f.subject)).toEqual(['2170404']);
    expect(only(run(book(['支出总表', body('2025年部门预算支出总表')])), 'unknown-code')).toEqual([]);
  });

  test('an imported catalog that has the code silences it', () => {
    const wb = table([['210', '卫生健康支出', '1.00', '1.00', ''], ['21011', '行政事业单位医疗', '1.00', '1.00', ''], ['2101109', '其他医疗', '1.00', '1.00', '']]);
    const imported = importCatalog([['2101109', '其他医疗']], 'x.csv');
    expect(only(checkWorkbook(wb, { catalog: Catalog.builtIn().withImported(imported.edition) }).findings, 'unknown-code')).toEqual([]);
  });
});

describe('subject-depth', () => {
  test('function tables reach 项; the basic expenditure table reaches 款', () => {
    const fs = only(run(table([
      ['', '合计', '20.00', '20.00', ''],
      ['210', '卫生健康支出', '10.00', '10.00', ''],
      ['21011', '行政事业单位医疗', '10.00', '10.00', ''],
      ['221', '住房保障支出', '10.00', '10.00', ''],
    ])), 'subject-depth');
    expect(fs.map((f) => f.message)).toEqual(['款 21011 没有细化到项级', '类 221 没有细化到款级']);
    const basic = book(['基本支出', codeTable('2025年一般公共预算财政拨款基本支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费'], [
      ['301', '工资福利支出', '10.00', '10.00', ''],
    ])]);
    expect(only(run(basic), 'subject-depth').map((f) => f.message)).toEqual(['类 301 没有细化到款级']);
  });
});
