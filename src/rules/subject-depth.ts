import type { TableKind } from '../table';
import { LEVEL_NAMES_EN, LEVEL_NAMES_ZH, type CodeLevel } from '../codes';
import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'subject-depth',
  severity: 'warning',
  description: {
    zh: '科目细化程度：功能分类表须列到项级，基本支出表须列到款级（目录中没有下级的科目除外）。',
    en: 'Detail: function tables must reach item (项) level and the basic expenditure table section (款) level, unless the catalog has no lower level.',
  },
  example: {
    zh: '支出总表列出款 20805 但没有它的任何项：应细化到项。',
    en: 'The expenditure table lists section 20805 but none of its items: it must go down to items.',
  },
};

const DEPTH: Partial<Record<TableKind, CodeLevel>> = {
  income: 3, expenditure: 3, 'general-expenditure': 3, 'fund-expenditure': 3, 'soe-expenditure': 3, 'basic-expenditure': 2,
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      const depth = DEPTH[t.kind];
      if (!depth) continue;
      const parents = new Set(t.rows.flatMap((r) => (r.code.kind === 'code' && r.code.subject.level > 1 ? [r.code.subject.code.slice(0, -2)] : [])));
      for (const r of t.rows) {
        if (r.code.kind !== 'code' || r.code.subject.level >= depth) continue;
        const code = r.code.subject.code;
        if (parents.has(code)) continue;
        // A subject the catalog knows to have no lower level is as deep as it goes.
        if (ctx.catalog.lookup(code, { year: t.year }).kind === 'found' && ctx.catalog.children(code, { year: t.year }).length === 0) continue;
        const lower = (r.code.subject.level + 1) as CodeLevel;
        ctx.report({
          rule: meta.id, severity: meta.severity, rounding: false, table: t.kind, sheet: t.sheet, cells: [...r.codeCells],
          reported: null, computed: null, difference: null,
          text: {
            zh: `${LEVEL_NAMES_ZH[r.code.subject.level]} ${code} 没有细化到${LEVEL_NAMES_ZH[lower]}级`,
            en: `${LEVEL_NAMES_EN[r.code.subject.level]} ${code} is not broken down to ${LEVEL_NAMES_EN[lower]} level`,
          },
        });
      }
    }
  },
};
