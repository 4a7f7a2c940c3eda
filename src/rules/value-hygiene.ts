import type { Rule, RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'value-hygiene',
  severity: 'warning',
  description: {
    zh: '金额单元格：以文本存储的数字、比显示更多的小数位（隐藏精度会使合计看似不平）、负数金额、无法识别的内容。',
    en: 'Amount cells: numbers stored as text, more decimals than displayed (hidden precision), negative amounts, unreadable content.',
  },
  example: {
    zh: '单元格 D7 为文本 "1,234.50"：应改为数值。',
    en: 'Cell D7 holds the text "1,234.50": it should be a number.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      for (const r of t.rows) {
        for (const a of r.amounts.values()) {
          const base = { rule: meta.id, rounding: false, table: t.kind, sheet: t.sheet, cells: [a.address], reported: null, computed: null, difference: null };
          const p = a.parse;
          if (p.kind === 'invalid') {
            ctx.report({ ...base, severity: 'error', text: { zh: `不是金额："${p.text}"`, en: `not an amount: "${p.text}"` } });
            continue;
          }
          if (p.kind !== 'number') continue;
          if (p.fromText) {
            ctx.report({ ...base, severity: 'warning', reported: p.amount.value.toString(), text: { zh: `数字以文本存储（"${a.cell?.text.trim() ?? ''}"），求和公式会漏算它`, en: `a number stored as text ("${a.cell?.text.trim() ?? ''}"); SUM formulas skip it` } });
          }
          if (!p.fromText && p.rawDecimals > p.amount.decimals) {
            ctx.report({ ...base, severity: 'warning', reported: p.amount.value.toString(), text: { zh: `实际值 ${p.amount.value.toString()} 的小数位多于显示的 ${p.amount.decimals} 位`, en: `holds ${p.amount.value.toString()}, more decimals than the ${p.amount.decimals} displayed` } });
          }
          if (p.amount.value.isNegative()) {
            ctx.report({ ...base, severity: 'warning', reported: p.amount.value.toString(), text: { zh: `负数金额 ${p.amount.value.toString()}`, en: `a negative amount ${p.amount.value.toString()}` } });
          }
        }
      }
    }
  },
};
