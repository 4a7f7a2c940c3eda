import { Decimal } from '../money';
import type { AmountCell, Table } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { qualify, type Rule, type RuleMeta } from './rule';
import { cellIn, columnsOf, rowsWithRole } from './select';

export const meta: RuleMeta = {
  id: 'three-public-vs-basic',
  severity: 'info',
  description: {
    zh: '基本支出表中的 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费多于"三公"经费表的对应项时提示核实（两表口径不同：经济分类科目还含执法执勤用车、外宾接待等，"三公"经费另含项目支出；元与万元自动换算）。',
    en: 'Information when basic expenditure 30212 overseas travel, 30217 reception or 30231 vehicle upkeep exceeds the matching "three public" line (the two differ in scope: economic subjects include law-enforcement vehicles and foreign guests; "three public" includes project money; units are converted).',
  },
  example: {
    zh: '基本支出表 30231 公务用车运行维护费 81.11 多于"三公"表公务用车运行维护费 19.56：请核实口径。',
    en: 'Basic 30231 vehicle upkeep 81.11 exceeds the "three public" vehicle upkeep 19.56: check the scope.',
  },
};

const PAIRS = [
  { code: '30212', role: 'travel', zh: '因公出国（境）费', en: 'overseas travel' },
  { code: '30217', role: 'reception', zh: '公务接待费', en: 'official reception' },
  { code: '30231', role: 'vehicle-upkeep', zh: '公务用车运行维护费', en: 'vehicle upkeep' },
] as const;

/** The 三公 line's amount: a row of the rows form (合计 column), or a column of the one-row form; 决算数 where both are printed. */
function threePublicCell(t: Table, role: 'travel' | 'reception' | 'vehicle-upkeep'): AmountCell | undefined {
  const total = columnsOf(t, { role: 'total' });
  const pickMeasure = <T extends { role: { kind: string } }>(cs: T[]) => cs.find((c) => c.role.kind === 'amount' && (c.role as { measure?: string }).measure === 'final') ?? cs[0];
  const row = rowsWithRole(t, 'main', role)[0];
  const tc = pickMeasure(total);
  if (row && tc) return cellIn(row, tc);
  const col = pickMeasure(columnsOf(t, { role }));
  const body = t.rows[0];
  return col && body ? cellIn(body, col) : undefined;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    const basic = ctx.tables.find((t) => t.kind === 'basic-expenditure');
    const tp = ctx.tables.find((t) => t.kind === 'three-public');
    if (!basic || !tp) return;
    for (const p of PAIRS) {
      const br = basic.index.byCode.get(p.code);
      const bc = br ? [...br.amounts.values()].find((a) => a.key.split('@')[0] === 'total') ?? [...br.amounts.values()][0] : undefined;
      if (!bc || bc.parse.kind !== 'number' || bc.parse.amount.value.isZero()) continue;
      const tc = threePublicCell(tp, p.role);
      const t = tc?.parse.kind === 'number' ? tc.parse.amount : undefined;
      const shift = basic.unit === tp.unit ? 0 : basic.unit === 'yuan' ? -4 : 4;
      const bv = bc.parse.amount.value.times(new Decimal(10).pow(shift));
      const tv = t ? t.value : new Decimal(0);
      const slack = new Decimal(0.5).times(new Decimal(10).pow(-(tc?.precision ?? 2)));
      if (bv.lte(tv.plus(slack))) continue;
      const d = Math.max(2, tc?.precision ?? 2);
      ctx.report({
        rule: meta.id, severity: meta.severity, rounding: false, table: 'three-public', sheet: tp.sheet,
        cells: [tc?.address ?? tp.titleAddress, qualify(basic.sheet, bc.address)],
        reported: tv.toFixed(d), computed: bv.toFixed(d), difference: tv.minus(bv).toFixed(d), subject: p.code,
        text: {
          zh: `"三公"经费表${p.zh} ${tv.toFixed(d)} 少于${TABLE_NAMES_ZH['basic-expenditure']} ${p.code} 的 ${bv.toFixed(d)}，请核实口径`,
          en: `"three public" ${p.en} ${tv.toFixed(d)} is less than ${p.code} in the ${TABLE_NAMES_EN['basic-expenditure']} (${bv.toFixed(d)}); check the scope`,
        },
      });
    }
  },
};
