/**
 * The checks of the tables printed after the nine: every seed's 绩效目标表 as published (what each gets, no
 * more), and planted faults of each kind — 预算数 ≠ 财政资金 + 其他资金, a plan that decreases, falls short or
 * overshoots, an incomplete indicator tree, a value without unit, a 成本指标 contradicting the 预算数, projects
 * against 项目支出, 政府采购 and 固定资产 sums — each found.
 */
import { checkWorkbook } from '../../../src/engine';
import { readValue } from '../../../src/rules/forms';
import { namesWholeMoney } from '../../../src/rules/cost-indicator';
import type { Finding } from '../../../src/findings';
import { parseTsv, sheetFromGrid, type Workbook } from '../../../src/snapshot';
import { FIXTURES, seedBook } from '../../helpers/fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FORM_RULES = ['form-sum', 'spending-plan', 'indicators', 'cost-indicator', 'project-total'];
const brief = (f: Finding) => [f.relation ?? f.rule, f.subject ?? '', f.severity, f.rounding];
const forms = (fs: readonly Finding[]) => fs.filter((f) => FORM_RULES.includes(f.rule) || f.table === 'procurement' || f.table === 'fixed-assets');

describe('the seeds as published', () => {
  test('004: a plan printed without 12 月底 (information), two values without a comparator; projects add up to 项目支出 176.30', () => {
    const { findings } = checkWorkbook(seedBook('004'));
    expect(forms(findings).map((f) => [...brief(f), f.message])).toEqual([
      ['performance-target.plan', '13070025P00166310002K', 'info', false, '项目"冀财行【2024】97号—提前下达2025年省级困难职工及劳模帮扶救助专项资金"资金支出计划未列 12 月底，无法核对全年是否达到 100%（最后一期 10 月底 75%）'],
      ['performance-target.value-comparator', '13070025P001663100037', 'info', false, '项目"困难职工及劳模帮扶救助资金"1 个指标值没有比较符号（≥、≤、=）：省部级劳模荣誉津贴"300 元/月/人"'],
      ['performance-target.value-comparator', '13070025P00174410001Y', 'info', false, '项目"市劳模表彰奖励资金"1 个指标值没有比较符号（≥、≤、=）：奖励标准"100%"'],
    ]);
    // The rest of the document is as before: the three 尾差 of 款 20805 and nothing else.
    expect(findings.filter((f) => !forms([f]).length).map((f) => [f.relation, f.rounding])).toEqual([
      ['income.hierarchy', true], ['expenditure.hierarchy', true], ['general-expenditure.hierarchy', true],
    ]);
  });

  test('000: money plans reach the budgets; 328 + 4.92 + 1 + 2 + 10 = 345.92; only values without a comparator are noted', () => {
    const { findings } = checkWorkbook(seedBook('000'));
    expect(forms(findings).map((f) => [...brief(f), f.cells])).toEqual([
      ['performance-target.value-comparator', '13053224P00273512950A', 'info', false, ['E14', 'E16']],
      ['performance-target.value-comparator', '13053224P00272610619P', 'info', false, ['E32']],
      ['performance-target.value-comparator', '13053224P002735130135', 'info', false, ['E52']],
      ['performance-target.value-comparator', '13053224P00273513014Q', 'info', false, ['E92']],
    ]);
  });

  test('001 (older layout): 效果 stands for 效益; three projects without a 时效指标 (information in that framework); the 固定资产 table adds up (13 = 0 + 13 + 0 + 0)', () => {
    const { findings, tables } = checkWorkbook(seedBook('001'), { expectAll: false });
    expect(forms(findings).filter((f) => f.relation === 'performance-target.tree').map((f) => [f.severity, f.message])).toEqual([
      ['info', '项目"冀财行[2019]46号河北省财政厅关于提前下达2020年困难职工及劳模帮扶救助专项资金的通知"指标体系不完整：缺少产出指标中的时效指标（旧版指标体系）'],
      ['info', '项目"劳模体检疗休养"指标体系不完整：缺少产出指标中的时效指标（旧版指标体系）'],
      ['info', '项目"市级劳模荣誉津贴"指标体系不完整：缺少产出指标中的时效指标（旧版指标体系）'],
    ]);
    expect(forms(findings).every((f) => f.severity === 'info')).toBe(true);
    const assets = tables.find((t) => t.kind === 'fixed-assets')!;
    expect([assets.empty, assets.rows.length, assets.year]).toEqual([false, 6, undefined]);
  });

  test('002: complete trees, plans at 100%, 成本指标 equal to the budgets (13 万元, 10 万元, 17 万元, 620 万元, 5 万元)', () => {
    const { findings } = checkWorkbook(seedBook('002'), { expectAll: false });
    expect(forms(findings).map((f) => f.relation)).toEqual(Array(5).fill('performance-target.value-comparator'));
  });

  test('003: 成本 in 元 agrees (2000 元 = 0.20 万元…); 65200 元 + 17300 元 within 8.25; the malformed "≥95≥" and the counts "35", "34" without unit are warnings', () => {
    const { findings } = checkWorkbook(seedBook('003'));
    const warnings = forms(findings).filter((f) => f.severity !== 'info');
    expect(warnings.map((f) => [f.relation, f.message])).toEqual([
      ['performance-target.value-malformed', '项目"2024 年走访慰问孤寡老人"1 个指标值写法有误（比较符号位置不对或重复）：孤寡老人满意度"≥95≥"'],
      ['performance-target.value-unit', '项目"2024 年劳模津贴及体检"2 个指标值没有计量单位：劳模津贴发放人数"35"、劳模体检人数"34"'],
    ]);
    expect(findings.filter((f) => f.rule === 'cost-indicator' || f.rule === 'project-total' || f.rule === 'spending-plan')).toEqual([]);
  });
});

// ---- planted faults ---------------------------------------------------------------------------------------

const grid = (seed: string, kind: string) => parseTsv(readFileSync(join(FIXTURES, `seed-${seed}`, `${kind}.tsv`), 'utf8'));

const key = (f: Finding) => JSON.stringify([f.relation, f.subject, f.message]);
const BASE_004 = new Set(checkWorkbook(seedBook('004')).findings.map(key));

/** Seed 004 with its 绩效目标表 changed: the findings it did not have as published. */
function book004(edit: (g: string[][]) => void): Workbook {
  const book = seedBook('004');
  const g = grid('004', 'performance-target');
  edit(g);
  return { sheets: book.sheets.map((s) => (s.name === 'performance-target' ? sheetFromGrid(s.name, g) : s)) };
}

function with004(edit: (g: string[][]) => void): Finding[] {
  return checkWorkbook(book004(edit)).findings.filter((f) => !BASE_004.has(key(f)));
}

const at = (g: string[][], address: string, value: string) => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const r = Number(m[2]) - 1;
  const c = m[1].charCodeAt(0) - 65;
  while (g[r].length <= c) g[r].push('');
  g[r][c] = value;
};

describe('planted faults', () => {
  test('财政资金 larger than 预算数 (the 2023 case): 预算数 ≠ 财政资金 + 其他资金, an error citing the three cells', () => {
    const fs = with004((g) => at(g, 'E47', '60.00'));
    const f = fs.find((x) => x.rule === 'form-sum')!;
    expect([f.relation, f.severity, f.cells, f.reported, f.computed, f.difference]).toEqual(['performance-target.funds', 'error', ['C47', 'E47'], '56.00', '60.00', '-4.00']);
    expect(f.message).toBe('项目"市级劳模疗休养资金" 预算数（财政资金 + 其他资金） 填报数 56.00 ≠ 计算数 60.00（差额 -4.00）');
    // …and the projects now add up to more than 项目支出? No: the budgets are unchanged, only the source.
    expect(fs.filter((x) => x.rule !== 'form-sum')).toEqual([]);
  });

  test('a 0.01 between 预算数 and its sources is 尾差', () => {
    const fs = with004((g) => at(g, 'E64', '45.01'));
    expect(fs.map(brief)).toEqual([['performance-target.funds', '13070025P00174410001Y', 'warning', true]]);
  });

  test('a plan that decreases (6 月底 30% after 3 月底 40%) and one that ends short of 100% at 12 月底', () => {
    const down = with004((g) => at(g, 'B50', '40%'));
    expect(down.map((f) => [f.relation, f.severity, f.message])).toEqual([
      ['performance-target.plan', 'error', '项目"市级劳模疗休养资金"资金支出计划6 月底 30% 少于 3 月底 40%：累计支出计划不应减少'],
    ]);
    const short = with004((g) => at(g, 'G28', '90%'));
    expect(short.map((f) => [f.relation, f.severity, f.cells, f.message])).toEqual([
      ['performance-target.plan', 'error', ['G28'], '项目"困难职工及劳模帮扶救助资金"资金支出计划到 12 月底累计 90%，应达到 100%'],
    ]);
  });

  test('a plan point neither amount nor percentage, a plan left empty, percentages mixed with amounts, a point above 100%: each said in both languages', () => {
    const cases: Array<[(g: string[][]) => void, string, string[], string, string]> = [
      [(g) => at(g, 'D50', '见说明'), 'warning', ['D50'], '6 月底"见说明"不是金额或百分比，未核对', 'month 6 "见说明" is neither an amount nor a percentage; not checked'],
      // An empty plan row is not filled in; the indicator rows further down are never read as the plan.
      [(g) => { at(g, 'D50', ''); at(g, 'E50', ''); }, 'warning', ['A49'], '未填写', 'nothing is filled in'],
      [(g) => at(g, 'D50', '20.00'), 'warning', ['D50', 'E50'], '同时有百分比和金额，未核对', 'mixes percentages and amounts; not checked'],
      [(g) => at(g, 'E50', '110%'), 'error', ['E50', 'C47'], '10 月底 110% 超过 100%', '110% by month 10 exceeds 100%'],
      [(g) => at(g, 'B50', '40%'), 'error', ['D50', 'B50'], '6 月底 30% 少于 3 月底 40%：累计支出计划不应减少', '30% by month 6 is less than 40% by month 3: a cumulative plan never decreases'],
    ];
    for (const [edit, severity, cells, zh, en] of cases) {
      const fs = with004(edit);
      expect(fs.map((f) => [f.rule, f.severity, f.cells, f.message])).toEqual([['spending-plan', severity, cells, `项目"市级劳模疗休养资金"资金支出计划${zh}`]]);
      const english = checkWorkbook(book004(edit), { lang: 'en' }).findings.filter((f) => f.rule === 'spending-plan' && f.cells.join() === cells.join());
      expect(english.map((f) => f.message)).toEqual([`project "市级劳模疗休养资金" spending plan: ${en}`]);
    }
  });

  test('a money plan above the budget, and one per period (its parts add up to the budget) said, not judged', () => {
    const g0 = grid('000', 'performance-target');
    const run = (edit: (g: string[][]) => void) => {
      const g = g0.map((r) => [...r]);
      edit(g);
      const book = seedBook('000');
      return forms(checkWorkbook({ sheets: book.sheets.map((s) => (s.name === 'performance-target' ? sheetFromGrid(s.name, g) : s)) }).findings).filter((f) => f.rule === 'spending-plan');
    };
    expect(run((g) => at(g, 'E7', '338.00')).map((f) => [f.severity, f.reported, f.computed, f.message])).toEqual([
      ['error', '338.00', '328.00', '项目"工会经费项目"资金支出计划12 月底 338.00 超过 预算数 328.00'],
    ]);
    expect(run((g) => { at(g, 'B7', '82.00'); at(g, 'C7', '82.00'); at(g, 'D7', '82.00'); at(g, 'E7', '82.00'); }).map((f) => [f.severity, f.message])).toEqual([
      ['info', '项目"工会经费项目"资金支出计划各期之和为 预算数 328.00，似按期列示而非累计，未按累计核对'],
    ]);
  });

  test('an indicator tree without 成本指标 or 满意度指标, a value left empty, a number without unit', () => {
    const fs = with004((g) => {
      g.splice(55, 1); // project 3's 成本指标 资金支出控制数 …
      g.splice(55, 1); // … and 市级劳模疗休养标准
      at(g, 'E53', ''); // 疗休养人数 ≤200人 → empty
      at(g, 'E54', '≥90'); // 疗休养达标率 without %
    });
    expect(fs.map((f) => [f.relation, f.severity, f.message])).toEqual([
      ['performance-target.tree', 'warning', '项目"市级劳模疗休养资金"指标体系不完整：缺少成本指标'],
      ['performance-target.value-empty', 'warning', '项目"市级劳模疗休养资金"1 个没有指标值：疗休养人数'],
      ['performance-target.value-unit', 'warning', '项目"市级劳模疗休养资金"1 个指标值没有计量单位：疗休养达标率"≥90"'],
    ]);
  });

  test('a 成本指标 in 万元 above the 预算数, and a 资金支出控制数 below it', () => {
    const over = with004((g) => at(g, 'E56', '≤65万元'));
    expect(over.map((f) => [f.rule, f.severity, f.reported, f.computed, f.message])).toEqual([
      ['cost-indicator', 'error', '65.00', '56.00', '项目"市级劳模疗休养资金"成本指标"资金支出控制数"≤65万元（65.00 万元）超过预算数 56.00 万元'],
    ]);
    const under = with004((g) => at(g, 'E56', '≤50万元'));
    expect(under.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['cost-indicator', 'error', '项目"市级劳模疗休养资金"成本指标"资金支出控制数"≤50万元（50.00 万元）与预算数 56.00 万元不一致'],
    ]);
    // A rate (元/年/人) is never compared with the budget.
    expect(with004((g) => at(g, 'E57', '≤400000元/年/人'))).toEqual([]);
  });

  test('projects against 项目支出: more is an error; fewer (a project without its form) is information', () => {
    const more = with004((g) => { at(g, 'C64', '50.00'); at(g, 'E64', '50.00'); at(g, 'E73', '≤50 万元'); });
    expect(more.map((f) => [f.rule, f.severity, f.reported, f.computed, f.message])).toEqual([
      ['project-total', 'error', '181.30', '176.30', '绩效目标表 4 个项目预算数合计 181.30 万元 ≠ 支出总表项目支出 176.30 万元（差额 5.00）'],
    ]);
    const fewer = with004((g) => g.splice(60));
    expect(fewer.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['project-total', 'info', '绩效目标表 3 个项目预算数合计 131.30 万元，少于支出总表项目支出 176.30 万元：可能有项目未列绩效目标表'],
    ]);
  });
});

describe('政府采购预算表 and 固定资产占用情况表', () => {
  const check = (name: string, g: string[][]) => checkWorkbook({ sheets: [sheetFromGrid(name, g)] }, { expectAll: false }).findings;
  const procurement = (rows: string[][]) => [
    ['部门政府采购预算'], ['单位：万元'],
    ['政府采购项目来源', '', '采购物品名称', '数量', '单价', '政府采购金额（当年部门预算安排资金）', '', '', '2025年预留中小微企业份额'],
    ['项目名称', '预算资金', '', '', '', '合计', '一般公共预算拨款', '单位资金', ''],
    ...rows,
  ];

  test('items: each 合计 = Σ sources, the 合计 row = Σ items (数量 and 单价 never summed), 预留 ≤ 合计', () => {
    const ok = procurement([
      ['合计', '', '', '', '', '18.00', '15.00', '3.00', '6.00'],
      ['信息化建设', '30.00', '台式计算机', '10', '0.60', '6.00', '6.00', '', '6.00'],
      ['物业管理', '20.00', '物业管理服务', '1', '12.00', '12.00', '9.00', '3.00', ''],
    ]);
    expect(check('采购', ok)).toEqual([]);
    const bad = ok.map((r) => [...r]);
    bad[6][6] = '8.00'; // 物业管理 一般公共预算拨款 8 + 3 ≠ 12, and the 合计 row's 15 ≠ 6 + 8
    bad[5][8] = '7.00'; // 预留 7 > 合计 6
    expect(check('采购', bad).map((f) => [f.relation, f.subject, f.columns, f.severity, f.difference])).toEqual([
      ['procurement.sources', 'line:物业管理服务', ['total'], 'error', '1.00'],
      ['procurement.reserved', 'line:台式计算机', ['total'], 'error', '-1.00'],
      ['procurement.total', 'total', ['general'], 'error', '1.00'],
      ['procurement.total', 'total', ['sme-reserved'], 'error', '-1.00'],
    ]);
  });

  test('an empty 政府采购预算表 with its 空表列示 note is valid', () => {
    const { tables, findings } = checkWorkbook(seedBook('004'));
    expect(tables.filter((t) => t.kind === 'procurement' || t.kind === 'fixed-assets').map((t) => [t.kind, t.empty])).toEqual([['procurement', true], ['fixed-assets', true]]);
    expect(findings.filter((f) => f.table === 'procurement' || f.table === 'fixed-assets')).toEqual([]);
  });

  test('固定资产: 资产总额 = Σ categories (values only), 其中：办公用房 ≤ 房屋 in 平方米 and in value', () => {
    const g = grid('001', 'fixed-assets');
    expect(check('资产', g)).toEqual([]);
    const bad = g.map((r) => [...r]);
    bad[6][2] = '25'; // 车辆 25: 资产总额 13 ≠ 0 + 25 + 0 + 0 (values printed in whole 万元: ±0.5 each, so 2 would be 尾差)
    bad[5][1] = '120'; // 办公用房 120 平方米 under 房屋 0
    expect(check('资产', bad).map((f) => [f.relation, f.subject, f.columns, f.severity, f.difference])).toEqual([
      ['fixed-assets.total', 'total', ['value'], 'error', '-12.00'],
      ['fixed-assets.of-which', 'buildings', ['quantity'], 'error', '-120.00'],
    ]);
  });
});

describe('planted faults: the other kinds', () => {
  const only = (wb: Workbook) => checkWorkbook(wb, { expectAll: false }).findings;

  test('Shanghai block: 当年财政拨款 60.00 above 年度资金总额 56.00 (the real 2023 case) is an error naming both cells', () => {
    const g = [
      ['2023年项目支出绩效目标表'], ['单位：万元'],
      ['项目名称', '职工疗休养', '', ''], ['主管部门', '区总工会', '实施单位', '区总工会'],
      ['项目资金（万元）', '年度资金总额：', '56.00', ''], ['', '其中：当年财政拨款', '60.00', ''], ['', '上年结转资金', '', ''], ['', '其他资金', '', ''],
      ['年度总体目标', '完成全年疗休养', '', ''],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '疗休养人数', '≥200人'], ['', '质量指标', '达标率', '≥95%'], ['', '时效指标', '完成时间', '2023年12月底前'], ['', '成本指标', '资金支出控制数', '≤56万元'],
      ['效益指标', '社会效益指标', '职工获得感', '明显提升'], ['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%'],
    ];
    const fs = only({ sheets: [sheetFromGrid('绩效', g)] }).filter((f) => f.rule === 'form-sum');
    expect(fs.map((f) => [f.relation, f.severity, f.cells, f.reported, f.computed, f.difference])).toEqual([
      ['performance-target.funds', 'error', ['C5', 'C6'], '56.00', '60.00', '-4.00'],
    ]);
    expect(fs[0].message).toBe('项目"职工疗休养" 年度资金总额（当年财政拨款 + 上年结转资金 + 其他资金） 填报数 56.00 ≠ 计算数 60.00（差额 -4.00）');
  });

  test('a money plan that ends short of the 预算数 (318.00 of 328.00) is an error', () => {
    const g = grid('000', 'performance-target');
    at(g, 'E7', '318.00');
    const book = seedBook('000');
    const fs = checkWorkbook({ sheets: book.sheets.map((s) => (s.name === 'performance-target' ? sheetFromGrid(s.name, g) : s)) }).findings.filter((f) => f.rule === 'spending-plan');
    expect(fs.map((f) => [f.severity, f.cells, f.reported, f.computed])).toEqual([['error', ['E7', 'C4'], '318.00', '328.00']]);
    expect(fs[0].message).toBe('项目"工会经费项目"资金支出计划到 12 月底累计 318.00，应达到 预算数 328.00');
  });

  test('no 满意度指标 (current layout) and no 效果指标 (older layout): the tree is incomplete', () => {
    const noSatisfaction = with004((g) => { g.splice(58, 1); });
    expect(noSatisfaction.map((f) => [f.relation, f.severity, f.message])).toEqual([
      ['performance-target.tree', 'warning', '项目"市级劳模疗休养资金"指标体系不完整：缺少满意度指标'],
    ]);
    const g = grid('001', 'performance-target');
    const base = new Set(only({ sheets: [sheetFromGrid('绩效', g)] }).map(key));
    const older = g.map((r) => [...r]);
    older.splice(11, 2); // project 1's two 满意度指标 rows
    const fs = only({ sheets: [sheetFromGrid('绩效', older)] }).filter((f) => !base.has(key(f)));
    expect(fs.map((f) => [f.relation, f.severity, f.message])).toEqual([
      ['performance-target.tree', 'warning', '项目"工会经费"指标体系不完整：缺少满意度指标（旧版指标体系）'],
    ]);
    const noEffect = g.map((r) => [...r]);
    noEffect.splice(7, 4); // project 1's four 效果指标 rows
    const fe = only({ sheets: [sheetFromGrid('绩效', noEffect)] }).filter((f) => !base.has(key(f)) && f.relation === 'performance-target.tree');
    expect(fe.map((f) => [f.severity, f.message])).toEqual([['warning', expect.stringMatching(/^项目"工会经费"指标体系不完整：缺少.*效益指标/)]]);
  });

  test('a 指标值 with a comparator and a unit but no number (≥%, ≤万元) is a warning', () => {
    const fs = with004((g) => { at(g, 'E54', '≥%'); at(g, 'E56', '≤万元'); });
    expect(fs.map((f) => [f.relation, f.severity, f.cells, f.message])).toEqual([
      ['performance-target.value-number', 'warning', ['E54', 'E56'], '项目"市级劳模疗休养资金"2 个指标值没有数值：疗休养达标率"≥%"、资金支出控制数"≤万元"'],
    ]);
  });

  test('政府采购 as one line of 总额 | 货物 | 工程 | 服务 | 预留: Σ kinds ≠ 总额 and 预留 > 总额 are errors', () => {
    const g = (line: string[]) => [
      ['2025年政府采购预算表'], ['单位：万元'],
      ['政府采购预算总额', '货物', '工程', '服务', '面向中小企业预留', '其中预留小微企业'],
      line,
    ];
    const check = (line: string[]) => checkWorkbook({ sheets: [sheetFromGrid('采购', g(line))] }, { expectAll: false }).findings;
    expect(check(['30.00', '12.00', '', '18.00', '20.00', '10.00'])).toEqual([]);
    expect(check(['30.00', '12.00', '', '16.00', '32.00', '10.00']).map((f) => [f.relation, f.severity, f.difference])).toEqual([
      ['procurement.kinds', 'error', '2.00'],
      ['procurement.reserved', 'error', '-2.00'],
    ]);
  });
});

describe('指标值 as printed (near misses)', () => {
  const brief = (raw: string) => {
    const v = readValue(raw);
    return [v.kind, v.comparator ?? '', v.number?.toString() ?? '', v.decimals ?? '', v.unit ?? '', v.malformed ?? ''];
  };
  test.each<[string, unknown[]]>([
    ['', ['empty', '', '', '', '', '']],
    ['  ', ['empty', '', '', '', '', '']],
    ['优', ['words', '', '', '', '', '']],
    ['有效提升', ['words', '', '', '', '', '']],
    ['≥%', ['no-number', '', '', '', '', '']],
    ['≤ 万元', ['no-number', '', '', '', '', '']],
    ['万元', ['no-number', '', '', '', '', '']],
    ['％', ['no-number', '', '', '', '', '']],
    ['≥95%', ['number', '≥', '95', 0, '%', false]],
    ['≥95%。', ['number', '≥', '95', 0, '%', false]],
    ['＞1次', ['number', '>', '1', 0, '次', false]],
    ['不低于90%', ['number', '不低于', '90', 0, '%', false]],
    ['控制在 328.00 万元以内', ['number', '控制在', '328', 2, '万元', false]],
    ['100人及以上', ['number', '及以上', '100', 0, '人', false]],
    ['50户以下', ['number', '以下', '50', 0, '户', false]],
    ['约200人', ['number', '约', '200', 0, '人', false]],
    ['=100%', ['number', '=', '100', 0, '%', false]],
    ['300 元/月/人', ['number', '', '300', 0, '元/月/人', false]],
    ['≥95≥', ['number', '≥', '95', 0, '', true]],
    ['≥≤95%', ['number', '≥', '95', 0, '%', true]],
    ['95%≥', ['number', '', '95', 0, '%', true]],
    ['≥95%以上', ['number', '≥', '95', 0, '%', false]],
    // Times and date ranges need no comparator; a percentage never is one.
    ['2025年12月底前', ['time', '', '', '', '', '']],
    ['12月31日前完成', ['time', '', '', '', '', '']],
    ['2025年5月-10月', ['time', '', '', '', '', '']],
    ['3个工作日', ['time', '', '', '', '', '']],
    ['按季度', ['words', '', '', '', '', '']],
    ['上半年完成80%', ['number', '', '80', 0, '%', false]],
  ])('%j', (raw, expected) => {
    expect(brief(raw)).toEqual(expected);
  });
});

describe('a cost indicator naming the whole money (near misses)', () => {
  test.each<[string, boolean]>([
    ['资金支出控制数', true], ['支出控制数', true], ['预算', true], ['项目预算资金', true], ['预算金额', true], ['预算总额', true],
    ['预算数', true], ['项目资金预算', true], ['项目资金', true], ['项目总成本', true], ['项目金额', true], ['项目支出', true],
    ['资金总额', true], ['总成本', true], ['总投入', true], ['投入资金', true], ['项目投入', true], ['项目总投入', true],
    ['项 目 资 金', true], ['（预算）', false],
    // A part or a rate of the money: never compared for equality.
    ['人均补助标准', false], ['预算执行率', false], ['项目资金使用率', false], ['单位成本', false], ['疗休养成本', false],
    ['总成本控制率', false], ['预算数占比', false], ['劳模慰问金', false],
  ])('%s: %p', (name, expected) => {
    expect(namesWholeMoney(name)).toBe(expected);
  });
});
