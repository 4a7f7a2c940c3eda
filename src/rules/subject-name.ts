import { occurrences, cellsOf, writtenName, type Occurrence } from './occurrences';
import { qualify, type Rule, type RuleMeta } from './rule';
import { norm } from '../text';

export const meta: RuleMeta = {
  id: 'subject-name',
  severity: 'warning',
  description: {
    zh: '科目名称与政府收支分类科目目录不一致（比较时忽略空格、全半角和换行）；用了旧名称时指出。同一编码、同一写法只报一次。',
    en: 'The subject name differs from the catalog name for its code (ignoring whitespace, width and wrapping); a former name is pointed out. Each code and spelling is reported once.',
  },
  example: {
    zh: '科目 210 写作"医疗卫生与计划生育支出"：这是 2018 年及以前的名称，2025 年为"卫生健康支出"。',
    en: 'Code 210 written as 医疗卫生与计划生育支出: its name until 2018; in 2025 it is 卫生健康支出.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const [code, list] of occurrences(ctx.tables)) {
      const year = list[0].table.year ?? ctx.year;
      const l = ctx.catalog.lookup(code, { year });
      // Unknown codes are the unknown-code rule's; a name the catalog itself is unsure of proves nothing.
      if (l.kind !== 'found' || l.subject.uncertain) continue;
      const expected = l.subject.name;
      const bySpelling = new Map<string, Occurrence[]>();
      for (const o of list) {
        const w = writtenName(o);
        if (w === undefined || w === norm(expected)) continue;
        bySpelling.set(w, [...(bySpelling.get(w) ?? []), o]);
      }
      for (const [written, os] of bySpelling) {
        const shown = os[0].row.labels.main?.text.trim() ?? written;
        const former = ctx.catalog.formerNames(code).find((f) => norm(f.name) === written);
        const when = former ? `${former.from ? `${former.from}—` : ''}${former.to ? `${former.to}年` : ''}` : '';
        const { sheet, cells } = cellsOf(os, (o) => (o.row.labels.main ? [o.row.labels.main.address] : []), qualify);
        ctx.report({
          rule: meta.id, severity: meta.severity, rounding: false, table: os[0].table.kind, sheet, cells,
          reported: null, computed: null, difference: null, subject: code,
          text: former
            ? {
              zh: `科目 ${code} 的名称"${shown}"是旧名称（${when || '以前'}），${l.year}年为"${expected}"`,
              en: `the name "${shown}" of ${code} is a former name${former.to ? ` (until ${former.to})` : ''}; in ${l.year} it is "${expected}"`,
            }
            : {
              zh: `科目 ${code} 的名称应为"${expected}"，表中为"${shown}"`,
              en: `subject ${code} is named "${expected}", the table says "${shown}"`,
            },
        });
      }
    }
  },
};
