import { grade } from '../grade';
import { Decimal } from '../money';
import { norm } from '../text';
import { formSubject, formWords, formsOf, money, readValue, wanOperand } from './forms';
import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'cost-indicator',
  severity: 'error',
  description: {
    zh: '成本指标与预算数：以万元或元计的成本指标不能超过项目预算数；指明为项目全部资金的成本指标（资金支出控制数、预算、投入资金等）应与预算数一致（元与万元自动换算，按打印精度判断尾差）。',
    en: 'Cost indicators against the budget: a cost indicator in 万元 or 元 never exceeds the project budget, and one that names the whole money (资金支出控制数, 预算, 投入资金…) equals it (units converted, rounding judged by the printed precision).',
  },
  example: {
    zh: '项目"市级劳模疗休养资金"成本指标"资金支出控制数 ≤56万元"，预算数 56.00：一致；若写作"≤65万元"则与预算数矛盾。',
    en: 'Cost indicator "≤56万元" against a budget of 56.00: consistent; "≤65万元" contradicts it.',
  },
};

/** A cost indicator naming the project's whole money rather than a part or a rate. */
const WHOLE = /资金支出控制数|支出控制数|^预算$|^(?:项目)?预算(?:资金|金额|总额|数)$|资金预算|^项目(?:总)?(?:资金|成本|金额|支出)$|资金总额|^总(?:成本|投入)$|投入资金|^项目(?:总)?投入$/;
const TEN_THOUSAND = new Decimal(10000);

/** Whether a cost indicator's name (三级指标) names the project's whole money, which must then equal the budget. */
export function namesWholeMoney(name: string): boolean {
  return WHOLE.test(norm(name));
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of formsOf(ctx.tables)) {
      const cell = t.form.fields.get('budget')?.amount;
      if (!cell || cell.parse.kind !== 'number') continue;
      const budget = wanOperand(cell, t.unit);
      if (!budget) continue;
      for (const i of t.form.indicators) {
        if (!/成本/.test(norm(i.level2)) && !/成本/.test(norm(i.level1))) continue;
        const v = readValue(i.value);
        if (v.kind !== 'number' || !v.number || !v.unit || !/^(?:万元|元)$/.test(v.unit)) continue;
        const wan = v.unit === '万元';
        const cost = { value: wan ? v.number : v.number.div(TEN_THOUSAND), precision: (v.decimals ?? 0) + (wan ? 0 : 4) };
        const whole = namesWholeMoney(i.name);
        const g = grade(budget, [cost], ctx.options.strict === true);
        const exceeds = cost.value.gt(budget.value) && !g.consistent && !g.rounding;
        if (!exceeds && (!whole || g.consistent)) continue;
        const w = formWords(t);
        const b = money(budget.value, Math.max(2, budget.precision));
        const c = money(cost.value, Math.max(2, Math.min(cost.precision, 6)));
        const rounding = !exceeds && g.rounding;
        ctx.report({
          rule: meta.id, severity: rounding ? 'warning' : 'error', rounding, table: t.kind, sheet: t.sheet, cells: [i.address, cell.address],
          reported: c, computed: b, difference: money(cost.value.minus(budget.value), Math.max(2, Math.min(cost.precision, 6))),
          relation: `${t.kind}.cost`, subject: formSubject(t),
          text: exceeds
            ? { zh: `${w.zh}成本指标"${i.name}"${i.value}（${c} 万元）超过预算数 ${b} 万元`, en: `${w.en}: cost indicator "${i.name}" ${i.value} (${c}) exceeds the budget ${b}` }
            : { zh: `${w.zh}成本指标"${i.name}"${i.value}（${c} 万元）与预算数 ${b} 万元不一致${rounding ? '（尾差）' : ''}`, en: `${w.en}: cost indicator "${i.name}" ${i.value} (${c}) differs from the budget ${b}${rounding ? ' (rounding)' : ''}` },
        });
      }
    }
  },
};
