/**
 * The form reader on the published 绩效目标表 of every seed (the current layout of 000, 002, 003, 004 and the
 * older 2020 layout of 001), with their published numbers, and on the layouts the seeds do not show (the
 * Shanghai 年度资金总额 block, labels over values, several projects under one title).
 */
import { checkWorkbook } from '../../../src/engine';
import type { Form, Table } from '../../../src/table';
import { sheetFromGrid } from '../../../src/snapshot';
import { seedBook } from '../../helpers/fixtures';

function forms(seed: string): Form[] {
  return checkWorkbook(seedBook(seed), { expectAll: false }).tables.filter((t) => t.kind === 'performance-target').flatMap((t) => t.forms ?? []);
}

const money = (f: Form, role: 'budget' | 'fiscal' | 'other' | 'carryover') => {
  const a = f.fields.get(role)?.amount;
  return a === undefined ? undefined : a.parse.kind === 'number' ? a.parse.amount.value.toFixed(a.precision) : '';
};
const plan = (f: Form) => f.plan?.points.map((p) => `${p.month}:${p.text}`).join(' ');
const tree = (f: Form) => [...new Set(f.indicators.map((i) => `${i.level1}/${i.level2}`))];

describe('seed 004 — 张家口 2025: four projects on one sheet, one table', () => {
  const book = checkWorkbook(seedBook('004'));
  const tables = book.tables.filter((t) => t.kind === 'performance-target');
  const fs = tables.flatMap((t) => t.forms ?? []);

  test('one table of four forms, each with its code, name, 预算数 = 财政资金 and blank 其他资金', () => {
    expect(tables.map((t) => [t.sheet, t.range, t.unit])).toEqual([['performance-target', 'A1:G75', 'wan']]);
    expect(fs.map((f) => [f.fields.get('code')?.text, f.fields.get('name')?.text, money(f, 'budget'), money(f, 'fiscal'), money(f, 'other')])).toEqual([
      ['13070025P00166310002K', '冀财行【2024】97号—提前下达2025年省级困难职工及劳模帮扶救助专项资金', '20.30', '20.30', ''],
      ['13070025P001663100037', '困难职工及劳模帮扶救助资金', '55.00', '55.00', ''],
      ['13070025P00174510001L', '市级劳模疗休养资金', '56.00', '56.00', ''],
      ['13070025P00174410001Y', '市劳模表彰奖励资金', '45.00', '45.00', ''],
    ]);
    expect(fs.map((f) => f.range)).toEqual(['A1:G20', 'A22:G42', 'A44:F59', 'A61:F75']);
  });

  test('spending plans as printed: no 12 月底 in the first; values under their own period in the others', () => {
    expect(fs.map(plan)).toEqual(['3:25% 6:50% 10:75%', '3: 6: 10:60% 12:100%', '3: 6:30% 10:100% 12:', '3: 6:100% 10: 12:']);
    expect(fs[0].plan?.points.map((p) => [p.kind, p.percent?.toString()])).toEqual([['percent', '25'], ['percent', '50'], ['percent', '75']]);
  });

  test('indicators: the current tree, every value read, the second page under the first page\'s columns', () => {
    expect(fs.map((f) => f.indicators.length)).toEqual([8, 12, 7, 6]);
    expect(tree(fs[0])).toEqual(['产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标', '产出指标/成本指标', '效益指标/社会效益指标', '满意度指标/服务对象满意度指标']);
    expect(fs[0].indicators.map((i) => i.value)).toEqual(['≥26户', '≥5户', '≥400人', '≥95%', '全年', '≤20.3万元', '较上一年度保障', '≥95%']);
    expect(fs[1].indicators.filter((i) => i.level2 === '成本指标').map((i) => i.value)).toEqual(['≤55 万元', '≤800 元/年/人', '300 元/月/人', '≤1000 元/年/人', '≤10000 元/年/人']);
  });
});

describe('seed 000 — 平乡 2024 (PDF text): five projects, plans in money', () => {
  const fs = forms('000');
  test('budgets 328.00 + 4.92 + 1.00 + 2.00 + 10.00 = 项目支出 345.92, plans cumulative to the budget', () => {
    expect(fs.map((f) => [f.fields.get('name')?.text, money(f, 'budget'), money(f, 'fiscal')])).toEqual([
      ['工会经费项目', '328.00', '328.00'],
      ['冀财行{2023}98 号《河北省财政厅关于提前下达 2024 年困难职工及劳模帮扶救助专项资金的通知》ZK', '4.92', '4.92'],
      ['困难帮扶配套、金秋助学、送温暖项目', '1.00', '1.00'],
      ['劳模体检疗休养项目', '2.00', '2.00'],
      ['省市级劳模荣誉津贴项目', '10.00', '10.00'],
    ]);
    expect(fs.map(plan)).toEqual(['3:100.00 6:150.00 10:228.00 12:328.00', '3:1.23 6:2.46 10:3.69 12:4.92', '3: 6: 10: 12:1.00', '3: 6: 10: 12:2.00', '3: 6: 10: 12:10.00']);
    expect(fs[0].plan?.points.every((p) => p.kind === 'amount')).toBe(true);
    expect(fs.map((f) => f.indicators.length)).toEqual([8, 8, 8, 10, 8]);
  });
});

describe('seed 001 — 平乡 2020: the older layout (效果指标, no 预算数, no plan)', () => {
  const fs = forms('001');
  test('five forms titled by their projects, indicators under 产出 / 效果 / 满意度', () => {
    expect(fs.map((f) => [f.title, f.fields.size, f.plan, f.indicators.length])).toEqual([
      ['1、工会经费绩效目标表', 0, undefined, 10],
      ['2、冀财行[2019]46号河北省财政厅关于提前下达2020年困难职工及劳模帮扶救助专项资金的通知绩效目标表', 0, undefined, 9],
      ['3、困难帮扶配套、金秋助学、送温暖绩效目标表', 0, undefined, 9],
      ['4、劳模体检疗休养绩效目标表', 0, undefined, 9],
      ['5、市级劳模荣誉津贴绩效目标表', 0, undefined, 9],
    ]);
    expect(tree(fs[0])).toEqual(['产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标', '效果指标/社会效益指标', '满意度指标/服务对象满意度指标']);
    expect(fs[4].indicators.map((i) => i.value)).toEqual(['100%', '100%', '≥90%', '16人', '显著提升', '显著提升', '好评', '≥90%', '≥90%']);
  });
});

describe('seed 002 — 巨鹿 2024 (tab separated): six projects', () => {
  const fs = forms('002');
  test('budgets, 12 月底 100%, seven indicators each', () => {
    expect(fs.map((f) => [f.fields.get('code')?.text, money(f, 'budget'), plan(f), f.indicators.length])).toEqual([
      ['13052924P005840119077', '13.00', '3: 6: 10: 12:100%', 7],
      ['13052924P00584210731T', '13.10', '3: 6: 10: 12:100%', 7],
      ['13052924P00584011901H', '10.00', '3: 6: 10: 12:100%', 7],
      ['13052924P005840119050', '17.00', '3: 6: 10: 12:100%', 7],
      ['13052924P0058401190 3Q', '620.00', '3: 6: 10: 12:100%', 7],
      ['13052924P00584011910R', '5.00', '3: 6: 10: 12:100%', 7],
    ]);
  });
});

describe('seed 003 — 芦台 2024 (PDF text): nine projects adding to 项目支出 19.31', () => {
  const fs = forms('003');
  test('budgets and plans as published', () => {
    expect(fs.map((f) => money(f, 'budget'))).toEqual(['0.20', '0.30', '0.50', '1.00', '0.30', '0.20', '4.51', '8.25', '4.05']);
    expect(fs.map(plan).filter((p) => !/^3: 6: 10: /.test(p ?? ''))).toEqual(['3:1.10 6:2.20 10:3.30 12:4.51', '3:1.01 6:2.01 10:3.01 12:4.05']);
    expect(fs[7].indicators.filter((i) => i.level2 === '成本指标').map((i) => i.value)).toEqual(['65200 元', '17300 元']);
  });
});

function one(grid: string[][]): Table {
  const r = checkWorkbook({ sheets: [sheetFromGrid('绩效', grid)] }, { expectAll: false });
  return r.tables[0];
}

describe('layouts the seeds do not show', () => {
  test('Shanghai: 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金 stacked under 项目资金（万元）', () => {
    const t = one([
      ['2025年项目支出绩效目标表'], ['单位：万元'],
      ['项目名称', '职工书屋运维', '', ''], ['主管部门', '区总工会', '实施单位', '区总工会'],
      ['项目资金（万元）', '年度资金总额：', '48.00', ''], ['', '其中：当年财政拨款', '40.00', ''], ['', '上年结转资金', '3.00', ''], ['', '其他资金', '5.00', ''],
      ['年度总体目标', '保障职工书屋全年开放', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '开放天数', '≥250天'],
    ]);
    const f = t.forms![0];
    expect([t.kind, money(f, 'budget'), money(f, 'fiscal'), money(f, 'carryover'), money(f, 'other'), f.fields.get('department')?.text]).toEqual(['performance-target', '48.00', '40.00', '3.00', '5.00', '区总工会']);
    expect(f.fields.get('budget')?.address).toBe('C5');
  });

  test('a row of labels over a row of values; two projects under one title split at the second 项目名称', () => {
    const t = one([
      ['项目绩效目标申报表'], ['单位：万元'],
      ['项目名称', '甲项目', '项目编码', 'P1'], ['预算数', '财政资金', '其他资金', ''], ['12.00', '10.00', '2.00', ''],
      ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '场次', '≥4场'],
      ['项目名称', '乙项目', '项目编码', 'P2'], ['预算数', '财政资金', '其他资金', ''], ['8.00', '8.00', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '质量指标', '合格率', '≥95%'],
    ]);
    expect(t.forms!.map((f) => [f.fields.get('name')?.text, f.fields.get('code')?.text, money(f, 'budget'), money(f, 'fiscal'), money(f, 'other'), f.indicators.length])).toEqual([
      ['甲项目', 'P1', '12.00', '10.00', '2.00', 1], ['乙项目', 'P2', '8.00', '8.00', '', 1],
    ]);
    expect(t.forms!.map((f) => f.range)).toEqual(['A1:D7', 'A8:D12']);
  });

  test('a title with nothing readable under it is said, not guessed', () => {
    const r = checkWorkbook({ sheets: [sheetFromGrid('绩效', [['某项目绩效目标表'], ['这里是一段说明文字，没有表格'], ['另一段文字']])] }, { expectAll: false });
    expect(r.tables).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([['recognition', 'warning', '项目绩效目标表"某项目绩效目标表"中没有读到项目信息、资金或绩效指标，未检查']]);
  });
});
