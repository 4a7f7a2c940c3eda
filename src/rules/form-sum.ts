import type { FieldRelation } from '../layouts/types';
import { layoutOf, type AmountCell } from '../table';
import { formSubject, formWords, formsOf, type FormTable } from './forms';
import { reportRelations, type Instance, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'form-sum',
  severity: 'error',
  description: {
    zh: '绩效目标表资金构成：预算数 = 财政资金 + 其他资金（上海版式：年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金），逐个项目（及部门整体绩效目标表）核对。',
    en: 'Money of a performance form: budget = fiscal funds + other funds (Shanghai wording: 年度资金总额 = 当年财政拨款 + carry-over + other), for every project (and the department form).',
  },
  example: {
    zh: '项目"市级劳模疗休养资金"预算数 56.00 = 财政资金 56.00 + 其他资金 0；若当年财政拨款 60.00 大于年度资金总额 56.00，则为错误。',
    en: 'Project budget 56.00 = fiscal 56.00 + other 0; a fiscal 60.00 above a total of 56.00 is an error.',
  },
};

function instance(t: FormTable, spec: FieldRelation): Instance | undefined {
  const f = t.form.fields;
  const total = f.get(spec.total)?.amount;
  const terms = spec.terms.flatMap((r) => { const a = f.get(r)?.amount; return a ? [a] : []; });
  if (!total || terms.length === 0) return undefined;
  const label = (a: AmountCell) => [...f.values()].find((x) => x.amount === a)?.label.text.replace(/^其中[:：]?/, '').replace(/[:：]$/, '') ?? a.key;
  return {
    relation: `${t.kind}.${spec.id}`, subject: formSubject(t), column: spec.total, columnLabel: '',
    table: t.table, total, terms,
    what: () => {
      const w = formWords(t);
      return { zh: `${w.zh} ${label(total)}（${terms.map(label).join(' + ')}）`, en: `${w.en} ${spec.what.en}` };
    },
  };
}

export const rule: Rule = {
  meta,
  check(ctx) {
    const out: Instance[] = [];
    for (const t of formsOf(ctx.tables)) {
      for (const spec of layoutOf(t.kind).form?.relations ?? []) {
        const i = instance(t, spec);
        if (i) out.push(i);
      }
    }
    reportRelations(ctx, meta, out);
  },
};
