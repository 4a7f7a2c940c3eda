import type { Rule, RuleMeta } from './rule';
import { norm } from '../text';

export const meta: RuleMeta = {
  id: 'subject-name',
  severity: 'warning',
  description: {
    zh: '科目名称与政府收支分类科目目录不一致（比较时忽略空格、全半角和换行）；用了旧名称时指出。',
    en: 'The subject name differs from the catalog name for its code (ignoring whitespace, width and wrapping); a former name is pointed out.',
  },
  example: {
    zh: '科目 210 写作"医疗卫生与计划生育支出"：这是 2018 年及以前的名称，2025 年为"卫生健康支出"。',
    en: 'Code 210 written as 医疗卫生与计划生育支出: its name until 2018; in 2025 it is 卫生健康支出.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      for (const r of t.rows) {
        if (r.code.kind !== 'code' || !r.labels.main) continue;
        const code = r.code.subject.code;
        const l = ctx.catalog.lookup(code, { year: t.year });
        // Unknown codes are the unknown-code rule's; a name the catalog itself is unsure of proves nothing.
        if (l.kind !== 'found' || l.subject.uncertain) continue;
        const written = norm(r.labels.main.text);
        const expected = l.subject.name;
        if (written === norm(expected)) continue;
        const former = ctx.catalog.formerNames(code).find((f) => norm(f.name) === written);
        const when = former ? `${former.from ? `${former.from}—` : ''}${former.to ? `${former.to}年` : ''}` : '';
        ctx.report({
          rule: meta.id, severity: meta.severity, rounding: false, table: t.kind, sheet: t.sheet, cells: [r.labels.main.address],
          reported: null, computed: null, difference: null,
          text: former
            ? {
              zh: `科目 ${code} 的名称"${r.labels.main.text.trim()}"是旧名称（${when || '以前'}），${l.year}年为"${expected}"`,
              en: `the name "${r.labels.main.text.trim()}" of ${code} is a former name${former.to ? ` (until ${former.to})` : ''}; in ${l.year} it is "${expected}"`,
            }
            : {
              zh: `科目 ${code} 的名称应为"${expected}"，表中为"${r.labels.main.text.trim()}"`,
              en: `subject ${code} is named "${expected}", the table says "${r.labels.main.text.trim()}"`,
            },
        });
      }
    }
  },
};
