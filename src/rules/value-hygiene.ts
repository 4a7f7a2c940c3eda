import type { AmountCell } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'value-hygiene',
  severity: 'warning',
  description: {
    zh: '金额单元格：无法识别的内容、以文本存储的数字、比显示更多的小数位（隐藏精度会使合计看似不平）、负数金额。同一表中同类问题合为一条。',
    en: 'Amount cells: unreadable content, numbers stored as text, more decimals than displayed (hidden precision), negative amounts. One finding per table and kind of problem.',
  },
  example: {
    zh: '收入总表有 3 个数字以文本存储（D7、D8、E9），求和公式会漏算它们。',
    en: 'The revenue table has 3 numbers stored as text (D7, D8, E9); SUM formulas skip them.',
  },
};

type Problem = 'invalid' | 'text' | 'hidden' | 'negative';

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      const found = new Map<Problem, AmountCell[]>();
      const add = (p: Problem, a: AmountCell) => found.set(p, [...(found.get(p) ?? []), a]);
      for (const r of t.rows) {
        for (const a of r.amounts.values()) {
          const p = a.parse;
          if (p.kind === 'invalid') { add('invalid', a); continue; }
          if (p.kind !== 'number') continue;
          if (p.fromText) add('text', a);
          else if (p.rawDecimals > p.amount.decimals) add('hidden', a);
          if (p.amount.value.isNegative()) add('negative', a);
        }
      }
      const name = { zh: TABLE_NAMES_ZH[t.kind], en: TABLE_NAMES_EN[t.kind] };
      for (const [problem, cells] of found) {
        const list = cells.slice(0, 5).map((c) => c.address).join('、') + (cells.length > 5 ? '…' : '');
        const listEn = cells.slice(0, 5).map((c) => c.address).join(', ') + (cells.length > 5 ? '…' : '');
        const one = cells[0];
        const shown = one.cell?.text.trim() ?? '';
        const value = one.parse.kind === 'number' ? one.parse.amount.value.toString() : shown;
        const text = {
          invalid: { zh: `${name.zh}有 ${cells.length} 个单元格不是金额（${list}，如"${shown}"），未参与核对`, en: `the ${name.en} has ${cells.length} cell(s) that are not amounts (${listEn}, e.g. "${shown}"); they were not checked` },
          text: { zh: `${name.zh}有 ${cells.length} 个数字以文本存储（${list}，如"${shown}"），求和公式会漏算它们`, en: `the ${name.en} has ${cells.length} number(s) stored as text (${listEn}, e.g. "${shown}"); SUM formulas skip them` },
          hidden: { zh: `${name.zh}有 ${cells.length} 个单元格的实际值小数位多于显示（${list}，如 ${value}）`, en: `the ${name.en} has ${cells.length} cell(s) holding more decimals than displayed (${listEn}, e.g. ${value})` },
          negative: { zh: `${name.zh}有 ${cells.length} 个负数金额（${list}，如 ${value}）`, en: `the ${name.en} has ${cells.length} negative amount(s) (${listEn}, e.g. ${value})` },
        }[problem];
        ctx.report({
          rule: meta.id, severity: problem === 'invalid' ? 'error' : 'warning', rounding: false, table: t.kind, sheet: t.sheet,
          cells: cells.map((c) => c.address), reported: problem === 'invalid' ? null : value, computed: null, difference: null,
          subject: problem, text,
        });
      }
    }
  },
};
