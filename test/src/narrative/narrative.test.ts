/**
 * The 情况说明 numbers: drafted from the tables of seeds 000 and 004, the draft repeats every figure of their
 * published 情况说明 (as transcribed in test/fixtures/seed-NNN/narrative.txt); the published text checked against
 * the tables gives nothing; the same text with one figure changed gives exactly that finding, quoting its
 * sentence; 比上年增减 and 与上年持平 are checked against last year's figures when they are given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook } from '../../../src/engine';
import { Decimal } from '../../../src/money';
import { checkNarrative, draftNarrative, draftText, readFacts, type Fact, type FactKey, type Facts } from '../../../src/narrative';
import { render } from '../../../src/findings';
import { FIXTURES, seedBook } from '../../helpers/fixtures';

const facts = (seed: string): Facts => {
  const r = checkWorkbook(seedBook(seed));
  return readFacts(r.tables, r.year);
};
const published = (seed: string) => readFileSync(join(FIXTURES, `seed-${seed}`, 'narrative.txt'), 'utf8');

/** Money figures of a text (万元), as numbers. */
const figures = (text: string) => [...text.replace(/\s+/g, '').matchAll(/(\d+(?:\.\d+)?)万元/g)].map((m) => new Decimal(m[1]).toFixed(2));

/** The published paragraphs a draft covers (the 比上年增减 paragraph needs last year's tables). */
function levels(text: string): string {
  return text.replace(/\s+/g, '').replace(/3、比上年增减情况.*?(?=三、)/, '').replace(/与\d{4}年相比增加[\d.]+万元/, '');
}

describe('the draft repeats the published figures', () => {
  test.each(['004', '000'])('seed %s', (seed) => {
    const draft = draftText(draftNarrative(facts(seed)));
    const drafted = new Set(figures(draft));
    const missing = figures(levels(published(seed))).filter((x) => !drafted.has(x));
    expect(missing).toEqual([]);
  });

  test('seed 004 word for word where the published text is standard', () => {
    const paragraphs = draftNarrative(facts('004'));
    expect(paragraphs.map((p) => p.heading)).toEqual(['收入说明', '支出说明', '机关运行经费安排情况', '财政拨款"三公"经费预算情况', '政府采购预算情况', '国有资产信息']);
    expect(paragraphs[0].text).toBe('2025年预算收入870.37万元，其中：一般公共预算收入870.37万元，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余0.00万元。');
    expect(paragraphs[1].text).toBe('2025年支出预算870.37万元，其中基本支出694.07万元，包括人员经费694.07万元和日常公用经费0.00万元；项目支出176.30万元，主要为冀财行【2024】97号—提前下达2025年省级困难职工及劳模帮扶救助专项资金20.30万元，困难职工及劳模帮扶救助资金55.00万元，市级劳模疗休养资金56.00万元，市劳模表彰奖励资金45.00万元。');
  });

  test('seed 000: the 三公 total is drafted from its parts where the printed total is blank (0.16), the projects with their 预算数', () => {
    const [, spending, admin, three] = draftNarrative(facts('000')).map((p) => p.text);
    expect(spending).toContain('项目支出345.92万元，主要为工会经费项目328.00万元，');
    expect(admin).toBe('2024年，我部门机关运行经费共计安排7.08万元。');
    expect(three).toBe('2024年，我部门财政拨款"三公"经费预算安排0.16万元，其中因公出国（境）费0.00万元；公务用车购置及运维费0.16万元（其中：公务用车购置费为0.00万元，公务用车运维费0.16万元）；公务接待费0.00万元。');
  });
});

describe('checking a 情况说明 against the tables', () => {
  test.each([['004', 21, 5, 3], ['000', 26, 5, 0]] as const)('seed %s as published: %i figures checked, no finding; %i changes wait for last year\'s tables', (seed, n, changes, unknown) => {
    const r = checkNarrative(published(seed), facts(seed));
    // 004's unknown figures: the three projects of its 比上年增减 paragraph, named as 项目资金 rather than by their table names.
    expect([r.findings, r.checked, r.changesUnchecked, r.unknown]).toEqual([[], n, changes, unknown]);
  });

  test('one figure changed (基本支出 694.07 → 649.07) gives exactly that finding, quoting its sentence', () => {
    const text = published('004').replace('其中基本支出694.07万元', '其中基本支出649.07万元');
    const fs = checkNarrative(text, facts('004')).findings.map((f) => render(f, 'zh'));
    expect(fs.map((f) => [f.rule, f.severity, f.relation, f.table, f.sheet, f.cells, f.reported, f.computed, f.difference])).toEqual([
      ['narrative', 'error', 'narrative.expense.basic', 'expenditure', 'expenditure', ['E8'], '649.07万元', '694.07', '-45.00'],
    ]);
    expect(fs[0].message).toBe('情况说明"2025年支出预算870.37万元，其中基本支出649.07万元，包括人员经费694.07万元和日常公用经费0.00万元；"：基本支出 649.07万元，表中为 694.07万元');
  });

  test('a figure with a stray digit (887.37 for 870.37), in a PDF copy with broken lines: that finding only', () => {
    const text = published('000').replace('2024年预算收入 487.80万元', '2024年预算收入 4487.80万元');
    const fs = checkNarrative(text, facts('000')).findings;
    expect(fs.map((f) => [f.relation, f.reported, f.computed])).toEqual([['narrative.income.total', '4487.80万元', '487.80']]);
  });

  test('a project figure and a 三公 part, each against its own table', () => {
    const text = published('000').replace('劳模体检疗休养项目 2万元', '劳模体检疗休养项目 3万元').replace('公务用车运维费 0.16万元', '公务用车运维费 1.16万元');
    const fs = checkNarrative(text, facts('000')).findings;
    expect(fs.map((f) => [f.relation, f.subject, f.table, f.cells])).toEqual([
      ['narrative.project', 'project:劳模体检疗休养项目', 'performance-target', ['C63']],
      ['narrative.tp.upkeep', 'tp.upkeep', 'three-public', ['C13']],
    ]);
  });

  test('元 for 万元 is said (机关运行经费 7.08元): information, since 机关运行经费 is read from 公用经费 here', () => {
    const fs = checkNarrative('2024年，我部门机关运行经费共计安排7.08元，主要用于日常维修。', facts('000')).findings.map((f) => render(f, 'zh'));
    expect(fs.map((f) => [f.severity, f.message])).toEqual([
      ['info', '情况说明"2024年，我部门机关运行经费共计安排7.08元，主要用于日常维修。"：机关运行经费 7.08元，表中为 7.08万元（单位应为万元？）（表中未列机关运行经费，取基本支出表公用经费；含事业单位的部门两者口径不同，请核实）'],
    ]);
  });

  test('a figure rounded to whole 万元 is 尾差, not an error', () => {
    const fs = checkNarrative('2025年预算收入870万元。', facts('004')).findings;
    expect(fs.map((f) => [f.severity, f.rounding])).toEqual([['warning', true]]);
  });
});

describe('with last year\'s figures', () => {
  /** Last year's 004: the figures the published 比上年增减 paragraph implies (870.37 − 86.80, 694.07 − 11.32, 176.30 − 75.48). */
  function lastYear(): Facts {
    const cur = facts('004');
    const change: Partial<Record<FactKey, string>> = {
      'expense.total': '783.57', 'income.total': '783.57', 'expense.basic': '682.75', 'expense.personnel': '682.75', 'expense.project': '100.82',
    };
    const m = new Map<FactKey, Fact>([...cur.facts].map(([k, f]) => [k, change[k] ? { ...f, value: new Decimal(change[k] as string), alternatives: undefined } : f]));
    return { year: 2024, facts: m, projects: [] };
  }

  test('the published 比上年增减 figures and 与2024年持平 all agree', () => {
    const r = checkNarrative(published('004'), facts('004'), lastYear());
    expect([r.findings, r.checked, r.changesUnchecked]).toEqual([[], 26, 0]);
  });

  test('a wrong change and a wrong 持平 are found', () => {
    const before = lastYear();
    const tp = before.facts.get('tp.total') as Fact;
    const m = new Map(before.facts);
    m.set('tp.total', { ...tp, value: new Decimal('0.50') });
    const text = published('004').replace('较2024年预算增加86.80万元', '较2024年预算增加68.80万元');
    const fs = checkNarrative(text, facts('004'), { ...before, facts: m }).findings.map((f) => render(f, 'zh'));
    expect(fs.map((f) => [f.relation, f.severity, f.reported, f.computed])).toEqual([
      ['narrative.expense.total', 'error', '68.80万元', '86.80'],
      ['narrative.tp.total', 'error', '0', '-0.50'],
    ]);
    expect(fs[1].message).toBe('情况说明"与2024年持平，无增减变化。"：说"三公"经费与上年持平，但表中本年 0.00万元、上年 0.50万元');
  });

  test('the draft adds 比上年增减 amounts and rates, or 与上年持平', () => {
    const [income, spending, admin] = draftNarrative(facts('004'), lastYear()).map((p) => p.text);
    expect(income).toContain('2025年预算收入870.37万元，比上年增加86.80万元，增长11.08%，其中：');
    expect(spending).toContain('其中基本支出694.07万元，比上年增加11.32万元，增长1.66%');
    expect(spending).toContain('项目支出176.30万元，比上年增加75.48万元，增长74.87%');
    expect(admin).toBe('2025年，我部门机关运行经费共计安排0.00万元，与上年持平。');
  });
});
