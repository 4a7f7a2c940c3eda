import { LEVEL_NAMES_EN, LEVEL_NAMES_ZH, type CodeLevel } from '../codes';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'code-structure',
  severity: 'error',
  description: {
    zh: '科目编码结构：编码格式错误（功能分类 3/5/7 位、经济分类 3/5 位）、缺少上级科目行、同一表内编码重复。每个编码只报一次。',
    en: 'Code structure: malformed codes (function 3/5/7 digits, economic 3/5), rows whose parent row is missing, a code listed twice in one table. Each code is reported once.',
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
      const base = { rule: meta.id, rounding: false, table: t.kind, sheet: t.sheet, reported: null, computed: null, difference: null };
      const where = { zh: TABLE_NAMES_ZH[t.kind], en: TABLE_NAMES_EN[t.kind] };
      const malformed = new Map<string, string[]>();
      for (const r of t.rows) {
        if (r.code.kind !== 'malformed') continue;
        malformed.set(r.code.text, [...(malformed.get(r.code.text) ?? []), ...r.codeCells]);
      }
      for (const [text, cells] of malformed) {
        ctx.report({ ...base, severity: 'error', cells, subject: text, text: { zh: `${where.zh}：科目编码格式错误："${text}"`, en: `${where.en}: malformed subject code "${text}"` } });
      }
      for (const [code, rows] of t.index.duplicates) {
        ctx.report({
          ...base, severity: 'warning', subject: code, cells: rows.map((r) => r.codeCells[0] ?? ''),
          text: { zh: `${where.zh}：科目 ${code} 在本表中出现 ${rows.length} 次（只按第一次核对）`, en: `${where.en}: code ${code} appears ${rows.length} times (only the first is checked)` },
        });
      }
      for (const [parent, rows] of t.index.orphans) {
        const lvl = (rows[0].code.kind === 'code' ? rows[0].code.subject.level - 1 : 1) as CodeLevel;
        const codes = rows.map((r) => (r.code.kind === 'code' ? r.code.subject.code : ''));
        ctx.report({
          ...base, severity: 'error', subject: parent, cells: rows.flatMap((r) => r.codeCells),
          text: {
            zh: `${where.zh}：上级${LEVEL_NAMES_ZH[lvl]} ${parent} 不在表中（其下有 ${codes.join('、')}）`,
            en: `${where.en}: the parent ${LEVEL_NAMES_EN[lvl]} ${parent} is missing (its children ${codes.join(', ')} are listed)`,
          },
        });
      }
    }
  },
};
