import { grade } from '../grade';
import { Decimal } from '../money';
import { qualify, type Rule, type RuleMeta } from './rule';
import { cellIn, columnsOf, rowsWithRole } from './select';
import { formsOf, money, wanOperand } from './forms';

export const meta: RuleMeta = {
  id: 'project-total',
  severity: 'error',
  description: {
    zh: '项目绩效目标表与支出总表：各项目预算数之和应等于支出总表合计行的项目支出；少于时只作提示（可能有项目未列绩效目标表），多于时为错误（元与万元自动换算）。',
    en: "The projects' budgets against the expenditure table: their sum equals the 项目支出 of its total row; less is information (projects may have no form), more is an error (units converted).",
  },
  example: {
    zh: '4 个项目预算数合计 176.30 = 支出总表项目支出 176.30。',
    en: "Four projects' budgets add up to 176.30 = the expenditure table's project spending 176.30.",
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    const projects = formsOf(ctx.tables).filter((t) => t.kind === 'performance-target');
    const exp = ctx.tables.find((t) => t.kind === 'expenditure');
    if (projects.length === 0 || !exp) return;
    const col = columnsOf(exp, { role: 'project' })[0];
    const row = rowsWithRole(exp, 'main', 'total')[0];
    const cell = col && row ? cellIn(row, col) : undefined;
    const total = cell ? wanOperand(cell, exp.unit) : undefined;
    if (!cell || !total) return;
    const budgets = projects.flatMap((t) => {
      const b = t.form.fields.get('budget')?.amount;
      const op = b ? wanOperand(b, t.unit) : undefined;
      return b && op && b.parse.kind === 'number' ? [{ t, b, op }] : [];
    });
    if (budgets.length === 0) return;
    const g = grade(total, budgets.map((x) => x.op), ctx.options.strict === true);
    if (g.consistent) return;
    const d = Math.max(2, total.precision);
    const sum = budgets.reduce((s, x) => s.plus(x.op.value), new Decimal(0));
    const fewer = sum.lt(total.value) && !g.rounding;
    const first = budgets[0].t;
    const counted = budgets.length < projects.length ? `（另有 ${projects.length - budgets.length} 个项目未填预算数）` : '';
    ctx.report({
      rule: meta.id, severity: fewer ? 'info' : g.rounding ? 'warning' : 'error', rounding: g.rounding, table: first.kind, sheet: first.sheet,
      cells: [...budgets.map((x) => qualify(x.t.sheet, x.b.address)), qualify(exp.sheet, cell.address)],
      reported: money(sum, d), computed: money(total.value, d), difference: money(sum.minus(total.value), d),
      relation: 'link.project-total', subject: 'project-total',
      text: fewer
        ? { zh: `绩效目标表 ${budgets.length} 个项目预算数合计 ${money(sum, d)} 万元，少于支出总表项目支出 ${money(total.value, d)} 万元：可能有项目未列绩效目标表${counted}`, en: `the ${budgets.length} projects' budgets add up to ${money(sum, d)}, less than the expenditure table's project spending ${money(total.value, d)}: some projects may have no performance form` }
        : { zh: `绩效目标表 ${budgets.length} 个项目预算数合计 ${money(sum, d)} 万元 ≠ 支出总表项目支出 ${money(total.value, d)} 万元（差额 ${money(sum.minus(total.value), d)}${g.rounding ? '，尾差' : ''}）`, en: `the ${budgets.length} projects' budgets add up to ${money(sum, d)} ≠ the expenditure table's project spending ${money(total.value, d)} (difference ${money(sum.minus(total.value), d)}${g.rounding ? ', rounding' : ''})` },
    });
  },
};
