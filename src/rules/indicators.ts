import type { Severity } from '../findings';
import { layoutOf, type Indicator } from '../table';
import type { IndicatorTree } from '../layouts/types';
import { norm } from '../text';
import { formSubject, formWords, formsOf, readValue, type FormTable } from './forms';
import type { Rule, RuleContext, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'indicators',
  severity: 'warning',
  description: {
    zh: '绩效指标：指标体系完整（产出指标含数量、质量、时效、成本指标，效益指标，满意度指标；旧版为效果指标，成本指标可不设）；每个定量指标值写明比较符号（≥、≤、=）、数值和计量单位（缺比较符号只作提示；时间、定性指标不要求）。同一项目同类问题合为一条。',
    en: 'Performance indicators: the tree is complete (output with quantity, quality, timeliness and cost; benefit; satisfaction — effect in the older framework, where cost was optional); every quantitative value has a comparator (≥, ≤, =), a number and a unit (a missing comparator is information; times and qualitative values need none). One finding per project and kind of problem.',
  },
  example: {
    zh: '项目"市劳模表彰奖励资金"缺少时效指标；指标值"≥95≥"写法有误；"242 人数"没有比较符号（提示）。',
    en: 'A project without a timeliness indicator; the value "≥95≥" is malformed; "242 人数" has no comparator (information).',
  },
};

function treeOf(trees: readonly IndicatorTree[], indicators: readonly Indicator[]): IndicatorTree {
  return trees.find((tr) => tr.marker && indicators.some((i) => tr.marker?.test(norm(i.level1)))) ?? trees[trees.length - 1];
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of formsOf(ctx.tables)) {
      checkTree(ctx, t);
      checkValues(ctx, t);
    }
  },
};

function report(ctx: RuleContext, t: FormTable, severity: Severity, subject: string, cells: readonly string[], zh: string, en: string): void {
  const w = formWords(t);
  ctx.report({
    rule: meta.id, severity, rounding: false, table: t.kind, sheet: t.sheet, cells: [...cells], reported: null, computed: null, difference: null,
    relation: `${t.kind}.${subject}`, subject: formSubject(t), text: { zh: `${w.zh}${zh}`, en: `${w.en}: ${en}` },
  });
}

function checkTree(ctx: RuleContext, t: FormTable): void {
  const { indicators } = t.form;
  if (indicators.length === 0) {
    report(ctx, t, 'warning', 'indicators', [t.titleAddress], t.form.indicatorHeader ? '没有填写绩效指标' : '没有绩效指标表（一级指标 | 二级指标 | 三级指标 | 指标值）',
      t.form.indicatorHeader ? 'lists no indicator' : 'has no indicator list (一级指标 | 二级指标 | 三级指标 | 指标值)');
    return;
  }
  const tree = treeOf(layoutOf(t.kind).form?.indicators.trees ?? [], indicators);
  const has = (r: IndicatorTree['requires'][number]) => indicators.some((i) => {
    const l1 = norm(i.level1);
    const l2 = norm(i.level2);
    return (r.level1 !== undefined && r.level1.test(l1)) || (r.level2 !== undefined && r.level2.test(l2) && (r.under === undefined || r.under.test(l1)));
  });
  const missing = tree.requires.filter((r) => !has(r));
  for (const severity of ['warning', 'info'] as const) {
    const ms = missing.filter((m) => m.severity === severity);
    if (ms.length === 0) continue;
    report(ctx, t, severity, 'tree', [indicators[0].address],
      `指标体系不完整：缺少${ms.map((m) => m.label.zh).join('、')}${tree.id === 'older' ? '（旧版指标体系）' : ''}`,
      `the indicator tree lacks ${ms.map((m) => m.label.en).join(', ')}${tree.id === 'older' ? ' (older framework)' : ''}`);
  }
}

type Problem = 'empty' | 'number' | 'malformed' | 'unit' | 'comparator';

function checkValues(ctx: RuleContext, t: FormTable): void {
  const found = new Map<Problem, Indicator[]>();
  for (const i of t.form.indicators) {
    const v = readValue(i.value);
    const p: Problem | undefined = v.kind === 'empty' ? 'empty' : v.kind === 'no-number' ? 'number'
      : v.kind !== 'number' ? undefined
        : v.malformed ? 'malformed' : v.unit === undefined ? 'unit' : v.comparator === undefined ? 'comparator' : undefined;
    if (p) found.set(p, [...(found.get(p) ?? []), i]);
  }
  const what: Record<Problem, { severity: Severity; zh: string; en: string }> = {
    empty: { severity: 'warning', zh: '没有指标值', en: 'no value' },
    number: { severity: 'warning', zh: '指标值没有数值', en: 'values without a number' },
    malformed: { severity: 'warning', zh: '指标值写法有误（比较符号位置不对或重复）', en: 'malformed values (comparator misplaced or repeated)' },
    unit: { severity: 'warning', zh: '指标值没有计量单位', en: 'values without a unit' },
    comparator: { severity: 'info', zh: '指标值没有比较符号（≥、≤、=）', en: 'values without a comparator (≥, ≤, =)' },
  };
  for (const [p, list] of found) {
    const names = list.slice(0, 5).map((i) => `${i.name || i.level2}${p === 'empty' ? '' : `"${i.value}"`}`);
    const more = list.length > 5 ? `等 ${list.length} 项` : '';
    report(ctx, t, what[p].severity, `value-${p}`, list.map((i) => i.address),
      `${list.length} 个${what[p].zh}：${names.join('、')}${more}`,
      `${list.length} indicator(s) with ${what[p].en}: ${names.join(', ')}${list.length > 5 ? '…' : ''}`);
  }
}
