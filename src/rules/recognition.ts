import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'recognition',
  severity: 'warning',
  description: {
    zh: '识别情况：未能识别的表、列或工作表，无法读取科目编码的表，以及工作簿中缺少的部门预算公开表——如实说明，不作猜测，相应数值未参与核对。',
    en: 'Recognition: tables, columns or sheets that were not understood, tables whose codes cannot be read, and published tables missing from the workbook — said plainly instead of guessed; those values were not checked.',
  },
  example: {
    zh: '收入总表中有未能识别的列：J 列"其他资金"；其数值未参与核对。',
    en: 'The revenue table has columns that were not understood: J "其他资金"; their values were not checked.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const n of ctx.notes) {
      const t = ctx.tables.find((x) => x.notes.includes(n));
      ctx.report({
        rule: meta.id, severity: n.severity, rounding: false, table: t?.kind ?? null, sheet: n.sheet, cells: [...n.cells],
        reported: null, computed: null, difference: null, subject: n.about, text: n.text,
      });
    }
  },
};
