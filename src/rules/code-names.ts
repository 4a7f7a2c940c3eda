import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { occurrences, writtenName } from './occurrences';
import { qualify, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'code-names',
  severity: 'warning',
  description: {
    zh: '一码一名：同一科目编码在不同表中写成不同名称。每个编码报一次。',
    en: 'One code, one name: the same code written with different names in different tables. Each code is reported once.',
  },
  example: {
    zh: '科目 2080505 在支出总表中名为"机关事业单位基本养老保险缴费支出"，在收入总表中名为"基本养老保险缴费"。',
    en: 'Code 2080505 has one name in the expenditure table and another in the revenue table.',
  },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const [code, list] of occurrences(ctx.tables)) {
      const named = list.filter((o) => writtenName(o) !== undefined);
      if (named.length < 2) continue;
      const first = named[0];
      const other = named.find((o) => writtenName(o) !== writtenName(first));
      if (!other) continue;
      const a = first.row.labels.main as { text: string; address: string };
      const b = other.row.labels.main as { text: string; address: string };
      const cells = named.filter((o) => writtenName(o) !== writtenName(first)).map((o) => (o.table.sheet === other.table.sheet ? (o.row.labels.main as { address: string }).address : qualify(o.table.sheet, (o.row.labels.main as { address: string }).address)));
      ctx.report({
        rule: meta.id, severity: meta.severity, rounding: false, table: other.table.kind, sheet: other.table.sheet,
        cells: [...cells, qualify(first.table.sheet, a.address)], reported: null, computed: null, difference: null, subject: code,
        text: {
          zh: `科目 ${code} 在${TABLE_NAMES_ZH[other.table.kind]}中名为"${b.text.trim()}"，在${TABLE_NAMES_ZH[first.table.kind]}中名为"${a.text.trim()}"`,
          en: `code ${code} is named "${b.text.trim()}" in the ${TABLE_NAMES_EN[other.table.kind]} but "${a.text.trim()}" in the ${TABLE_NAMES_EN[first.table.kind]}`,
        },
      });
    }
  },
};
