import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'unknown-code',
  severity: 'warning',
  description: {
    zh: '科目编码不在当年的政府收支分类科目目录中（内置目录可能落后于当年正式目录，可导入正式目录）。',
    en: 'The code is not in that year\'s classification (the built-in edition may lag the official one; import it).',
  },
  example: {
    zh: '2025年支出功能分类中没有科目 2101109。',
    en: 'The 2025 functional classification has no subject 2101109.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      for (const r of t.rows) {
        if (r.code.kind !== 'code') continue;
        const l = ctx.catalog.lookup(r.code.subject.code, { year: t.year });
        if (l.kind !== 'unknown') continue;
        ctx.report({
          rule: meta.id, severity: meta.severity, rounding: false, table: t.kind, sheet: t.sheet, cells: [...r.codeCells],
          reported: null, computed: null, difference: null,
          text: {
            zh: `${l.message.zh}（内置目录可能落后于当年正式目录，可用 --catalog 导入）`,
            en: `${l.message.en} (the built-in edition may lag the official one: import it with --catalog)`,
          },
        });
      }
    }
  },
};
