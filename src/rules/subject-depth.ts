import { LEVEL_NAMES_EN, LEVEL_NAMES_ZH, type CodeLevel } from '../codes';
import { layoutOf, type Table } from '../table';
import { cellsOf, occurrences } from './occurrences';
import { qualify, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'subject-depth',
  severity: 'warning',
  description: {
    zh: '科目细化程度：功能分类表须列到项级，基本支出表须列到款级（目录中没有下级的科目除外）。每个编码报一次。',
    en: 'Detail: function tables must reach item (项) level and the basic expenditure table section (款) level, unless the catalog has no lower level. Each code is reported once.',
  },
  example: {
    zh: '支出总表列出款 20805 但没有它的任何项：应细化到项。',
    en: 'The expenditure table lists section 20805 but none of its items: it must go down to items.',
  },
};

/** Codes that have some row below them in a table (a child, or a grandchild whose parent row is missing). */
const ancestorsOf = new WeakMap<Table, Set<string>>();
function broken(t: Table): Set<string> {
  let s = ancestorsOf.get(t);
  if (!s) {
    s = new Set();
    for (const c of t.index.byCode.keys()) for (let n = c.length - 2; n >= 3; n -= 2) s.add(c.slice(0, n));
    ancestorsOf.set(t, s);
  }
  return s;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const [code, list] of occurrences(ctx.tables)) {
      const shallow = list.filter((o) => {
        const depth = layoutOf(o.table.kind).codes?.depth;
        return o.row.code.kind === 'code' && depth !== undefined && o.row.code.subject.level < depth && !broken(o.table).has(code);
      });
      if (shallow.length === 0 || shallow[0].row.code.kind !== 'code') continue;
      const year = shallow[0].table.year ?? ctx.year;
      // A subject the catalog knows to have no lower level is as deep as it goes.
      if (ctx.catalog.lookup(code, { year }).kind === 'found' && ctx.catalog.children(code, { year }).length === 0) continue;
      const level = shallow[0].row.code.subject.level;
      const lower = (level + 1) as CodeLevel;
      const { sheet, cells } = cellsOf(shallow, (o) => o.row.codeCells, qualify);
      ctx.report({
        rule: meta.id, severity: meta.severity, rounding: false, table: shallow[0].table.kind, sheet, cells,
        reported: null, computed: null, difference: null, subject: code,
        text: {
          zh: `${LEVEL_NAMES_ZH[level]} ${code} 没有细化到${LEVEL_NAMES_ZH[lower]}级`,
          en: `${LEVEL_NAMES_EN[level]} ${code} is not broken down to ${LEVEL_NAMES_EN[lower]} level`,
        },
      });
    }
  },
};
