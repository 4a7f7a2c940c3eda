import { LEVEL_NAMES_ZH, parentCode } from '../codes';
import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'code-structure',
  severity: 'error',
  description: {
    zh: '科目编码结构：编码格式错误（功能分类 3/5/7 位、经济分类 3/5 位）、缺少上级科目行、同一表内编码重复。',
    en: 'Code structure: malformed codes (function 3/5/7 digits, economic 3/5), a row whose parent row is missing, a code listed twice in one table.',
  },
  example: {
    zh: '项 2080505 出现在表中，但其款 20805 不在表中：缺少上级科目。',
    en: 'Item 2080505 is listed but its section 20805 is not: missing parent.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      const seen = new Map<string, string>();
      for (const r of t.rows) {
        const base = { rule: meta.id, rounding: false, table: t.kind, sheet: t.sheet, reported: null, computed: null, difference: null };
        if (r.code.kind === 'malformed') {
          ctx.report({ ...base, severity: 'error', cells: r.codeCells, text: { zh: `科目编码格式错误："${r.code.text}"`, en: `malformed subject code "${r.code.text}"` } });
          continue;
        }
        if (r.code.kind !== 'code') continue;
        const code = r.code.subject.code;
        const first = seen.get(code);
        if (first !== undefined) {
          ctx.report({ ...base, severity: 'warning', cells: [r.codeCells[0] ?? '', first], text: { zh: `科目 ${code} 在本表中重复出现`, en: `code ${code} appears twice in this table` } });
          continue;
        }
        seen.set(code, r.codeCells[0] ?? '');
      }
      for (const r of t.rows) {
        if (r.code.kind !== 'code') continue;
        const p = parentCode(r.code.subject.code);
        if (p && !seen.has(p)) {
          const lvl = LEVEL_NAMES_ZH[(r.code.subject.level - 1) as 1 | 2];
          ctx.report({
            rule: meta.id, severity: 'error', rounding: false, table: t.kind, sheet: t.sheet, cells: r.codeCells,
            reported: null, computed: null, difference: null,
            text: { zh: `科目 ${r.code.subject.code} 的上级${lvl} ${p} 不在表中`, en: `the parent ${p} of ${r.code.subject.code} is missing from the table` },
          });
        }
      }
    }
  },
};
