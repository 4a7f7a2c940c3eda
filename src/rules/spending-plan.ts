import { grade } from '../grade';
import { Decimal } from '../money';
import type { PlanPoint } from '../table';
import { formSubject, formWords, formsOf, money, wanOperand, type FormTable } from './forms';
import type { Rule, RuleContext, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'spending-plan',
  severity: 'error',
  description: {
    zh: '资金支出计划：按 3、6、10、12 月底累计列示（百分比或金额），逐期不减少，到 12 月底达到 100% 或预算数，不超过；各期之和恰为全年数的按期列示、未列 12 月底的，如实提示，不作判断。',
    en: 'Spending plan: cumulative by the end of March, June, October and December (percent or amounts), never decreasing, reaching 100 % or the budget by December and never more; a plan whose periods add up to the whole (per period, not cumulative) or that prints no December is said, not judged.',
  },
  example: {
    zh: '项目"困难职工及劳模帮扶救助资金"资金支出计划 10 月底 60%、12 月底 100%：平衡；若 12 月底为 90%，则未达到 100%。',
    en: 'Plan 60 % by October, 100 % by December: fine; 90 % by December falls short of 100 %.',
  },
};

type Reading = { kind: 'percent' } | { kind: 'amount' };

/** A plan printed as bare numbers under （%） that ends at 100 is percentages, unless the budget is 100 itself. */
function readingOf(t: FormTable, stated: readonly PlanPoint[]): Reading {
  if (stated.some((p) => p.kind === 'percent')) return { kind: 'percent' };
  const budget = t.form.fields.get('budget')?.amount;
  const b = budget?.parse.kind === 'number' ? budget.parse.amount.value : undefined;
  const values = stated.map((p) => (p.amount?.parse.kind === 'number' ? p.amount.parse.amount.value : new Decimal(0)));
  const last = values[values.length - 1];
  const saysPercent = /%|％|百分/.test(t.form.plan?.label.text ?? '');
  if (saysPercent && last?.eq(100) && values.every((v) => v.lte(100)) && !(b?.eq(100) ?? false)) return { kind: 'percent' };
  return { kind: 'amount' };
}

/** A point's figure: its percentage, or its number (a percentage too when the plan reads as one). */
function valueOf(p: PlanPoint): Decimal {
  if (p.kind === 'percent') return p.percent as Decimal;
  return p.amount?.parse.kind === 'number' ? p.amount.parse.amount.value : new Decimal(0);
}

function show(p: PlanPoint, r: Reading): string {
  return r.kind === 'percent' ? `${valueOf(p).toString()}%` : p.text;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of formsOf(ctx.tables)) checkPlan(ctx, t);
  },
};

function checkPlan(ctx: RuleContext, t: FormTable): void {
  const plan = t.form.plan;
  if (!plan) return;
  const w = formWords(t);
  const subject = formSubject(t);
  const report = (severity: 'error' | 'warning' | 'info', rounding: boolean, cells: string[], zh: string, en: string, figures?: { reported: string; computed: string; difference: string }) => {
    ctx.report({
      rule: meta.id, severity, rounding, table: t.kind, sheet: t.sheet, cells,
      reported: figures?.reported ?? null, computed: figures?.computed ?? null, difference: figures?.difference ?? null,
      relation: `${t.kind}.plan`, subject, text: { zh: `${w.zh}资金支出计划${zh}`, en: `${w.en} spending plan: ${en}` },
    });
  };
  const invalid = plan.points.filter((p) => p.kind === 'invalid');
  if (invalid.length > 0) {
    report('warning', false, invalid.map((p) => p.address), `${invalid.map((p) => `${p.month} 月底"${p.text}"`).join('、')}不是金额或百分比，未核对`,
      `${invalid.map((p) => `month ${p.month} "${p.text}"`).join(', ')} is neither an amount nor a percentage; not checked`);
  }
  const stated = plan.points.filter((p) => p.kind === 'percent' || p.kind === 'amount');
  if (stated.length === 0) {
    if (invalid.length === 0) report('warning', false, [plan.label.address], '未填写', 'nothing is filled in');
    return;
  }
  const reading = readingOf(t, stated);
  if (reading.kind === 'percent' && stated.some((p) => p.kind === 'amount') && stated.some((p) => p.kind === 'percent')) {
    report('warning', false, stated.map((p) => p.address), '同时有百分比和金额，未核对', 'mixes percentages and amounts; not checked');
    return;
  }
  const budgetCell = t.form.fields.get('budget')?.amount;
  const budget = budgetCell ? wanOperand(budgetCell, t.unit) : undefined;
  const target: { value: Decimal; precision: number; words: string } | undefined = reading.kind === 'percent'
    ? { value: new Decimal(100), precision: 0, words: '100%' }
    : budget && budgetCell?.parse.kind === 'number' ? { value: budget.value, precision: budget.precision, words: `预算数 ${budgetCell.parse.amount.value.toFixed(budgetCell.precision)}` } : undefined;
  const amountOp = (p: PlanPoint) => (p.amount ? wanOperand(p.amount, t.unit) : undefined);
  const values = stated.map((p) => (reading.kind === 'percent' ? valueOf(p) : amountOp(p)?.value ?? new Decimal(0)));
  const cells = stated.map((p) => p.address);
  const last = stated[stated.length - 1];
  const lastValue = values[values.length - 1];
  // Equal within the rounding of the printed values (percentages are exact).
  const compare = (a: PlanPoint | undefined, av: Decimal, bv: Decimal, bPrecision: number) => {
    if (reading.kind === 'percent' || !a) return { equal: av.eq(bv), rounding: false };
    const op = amountOp(a);
    const g = grade({ value: bv, precision: bPrecision }, [{ value: av, precision: op?.precision ?? 2 }], ctx.options.strict === true);
    return { equal: g.consistent, rounding: g.rounding };
  };
  if (target) {
    const sum = values.reduce((s, v) => s.plus(v), new Decimal(0));
    const endOk = compare(last, lastValue, target.value, target.precision);
    if (!endOk.equal && !endOk.rounding && stated.length > 1 && sum.eq(target.value)) {
      report('info', false, cells, `各期之和为 ${target.words}，似按期列示而非累计，未按累计核对`, `its periods add up to the whole (${target.words}): it looks per period, not cumulative; not checked as cumulative`);
      return;
    }
  }
  for (let i = 1; i < stated.length; i++) {
    const c = compare(stated[i], values[i], values[i - 1], reading.kind === 'percent' ? 0 : amountOp(stated[i - 1])?.precision ?? 2);
    if (values[i].lt(values[i - 1]) && !c.equal && !c.rounding) {
      report('error', false, [stated[i].address, stated[i - 1].address],
        `${stated[i].month} 月底 ${show(stated[i], reading)} 少于 ${stated[i - 1].month} 月底 ${show(stated[i - 1], reading)}：累计支出计划不应减少`,
        `${show(stated[i], reading)} by month ${stated[i].month} is less than ${show(stated[i - 1], reading)} by month ${stated[i - 1].month}: a cumulative plan never decreases`);
    }
  }
  if (!target) return;
  const d = reading.kind === 'percent' ? 0 : Math.max(2, budgetCell?.precision ?? 2);
  const fig = (v: Decimal) => (reading.kind === 'percent' ? `${v.toString()}%` : money(v, d));
  const over = stated.find((p, i) => values[i].gt(target.value) && !compare(p, values[i], target.value, target.precision).equal && !compare(p, values[i], target.value, target.precision).rounding);
  if (over) {
    const v = values[stated.indexOf(over)];
    report('error', false, [over.address, ...(budgetCell ? [budgetCell.address] : [])], `${over.month} 月底 ${show(over, reading)} 超过 ${target.words}`,
      `${show(over, reading)} by month ${over.month} exceeds ${reading.kind === 'percent' ? '100%' : 'the budget'}`,
      reading.kind === 'amount' ? { reported: fig(v), computed: fig(target.value), difference: fig(v.minus(target.value)) } : undefined);
    return;
  }
  const end = compare(last, lastValue, target.value, target.precision);
  if (end.equal) return;
  const december = plan.points.find((p) => p.month === 12);
  // Percentages are in the message; the figures columns hold money only.
  const figures = reading.kind === 'amount' ? { reported: fig(lastValue), computed: fig(target.value), difference: fig(lastValue.minus(target.value)) } : undefined;
  if (!december) {
    report('info', false, [last.address], `未列 12 月底，无法核对全年是否达到 ${target.words}（最后一期 ${last.month} 月底 ${show(last, reading)}）`,
      `prints no December, so whether it reaches ${reading.kind === 'percent' ? '100%' : 'the budget'} cannot be checked (last: ${show(last, reading)} by month ${last.month})`, figures);
    return;
  }
  report(end.rounding ? 'warning' : 'error', end.rounding, [last.address, ...(budgetCell && reading.kind === 'amount' ? [budgetCell.address] : [])],
    `到 12 月底累计 ${show(last, reading)}，应达到 ${target.words}${end.rounding ? '（尾差）' : ''}`,
    `reaches ${show(last, reading)} by December, not ${reading.kind === 'percent' ? '100%' : 'the budget'}${end.rounding ? ' (rounding)' : ''}`, figures);
}
