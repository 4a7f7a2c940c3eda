import { occurrences, cellsOf, writtenName } from './occurrences';
import { qualify, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'unknown-code',
  severity: 'warning',
  description: {
    zh: '科目编码不在文件所属年度的政府收支分类科目目录中（按文件的预算年度选目录版本，并在结果中注明）。文件各处一致使用的未知编码只作提示（内置目录可能落后于当年正式目录，可导入正式目录）。每个编码报一次。',
    en: "The code is not in the classification of the document's budget year (the edition used is named). A code the document uses consistently is information only (the built-in edition may lag the official one; import it). Each code is reported once.",
  },
  example: {
    zh: '2025年支出功能分类中没有科目 2101109。',
    en: 'The 2025 functional classification has no subject 2101109.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const [code, list] of occurrences(ctx.tables)) {
      const year = list[0].table.year ?? ctx.year;
      const l = ctx.catalog.lookup(code, { year });
      if (l.kind !== 'unknown') continue;
      // Printed with one name wherever it appears: most likely a code of a newer or local edition.
      const names = new Set(list.map(writtenName).filter((n) => n !== undefined));
      const consistent = list.length >= 2 && names.size <= 1;
      const first = list[0].table;
      const { sheet, cells } = cellsOf(list, (o) => o.row.codeCells, qualify);
      ctx.report({
        rule: meta.id, severity: consistent ? 'info' : meta.severity, rounding: false, table: first.kind, sheet, cells,
        reported: null, computed: null, difference: null, subject: code,
        text: {
          zh: `${l.message.zh}${consistent ? `（文件中 ${list.length} 处一致使用）` : ''}；内置目录可能落后于当年正式目录，可导入正式目录`,
          en: `${l.message.en}${consistent ? ` (used consistently in ${list.length} places)` : ''}; the built-in edition may lag the official one: import it`,
        },
      });
    }
  },
};
