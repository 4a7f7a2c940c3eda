import { Decimal } from '../money';
import type { AmountCell, Table } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { rowsByCode } from './hierarchy-sum';
import { lineOf } from './three-public-sum';
import { amountOf, qualify, type Rule, type RuleMeta } from './rule';
import { col, tableOf, unitShift } from './cross';

export const meta: RuleMeta = {
  id: 'three-public-vs-basic',
  severity: 'error',
  description: {
    zh: '基本支出表中的 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费不得超过"三公"经费表的对应项（三公经费还可含项目支出；注意元与万元）。',
    en: 'Basic expenditure 30212 overseas travel, 30217 reception and 30231 vehicle upkeep cannot exceed the matching "three public" lines (which may also include project spending; units are converted).',
  },
  example: {
    zh: '基本支出表 30231 公务用车运行维护费 0.16 ≤ "三公"表公务用车运行维护费 0.16：通过。',
    en: 'Basic 30231 vehicle upkeep 0.16 ≤ "three public" vehicle upkeep 0.16: passes.',
  },
};

const PAIRS = [
  { code: '30212', line: 'travel', zh: '因公出国（境）费', en: 'overseas travel' },
  { code: '30217', line: 'reception', zh: '公务接待费', en: 'official reception' },
  { code: '30231', line: 'vehicle-upkeep', zh: '公务用车运行维护费', en: 'vehicle upkeep' },
] as const;

function threePublicCell(t: Table, line: string): AmountCell | undefined {
  const total = col(t, 'total');
  if (!total) return undefined;
  const row = t.rows.find((r) => lineOf(r.labels.main?.text ?? '') === line);
  if (row) return row.amounts.get(total.col);
  // One row of columns: the line is a column.
  const role = line === 'vehicle-upkeep' ? 'vehicle-upkeep' : line;
  const c = t.columns.find((x) => x.role.kind === 'amount' && x.role.role === role);
  const body = t.rows[0];
  return c && body ? body.amounts.get(c.col) : undefined;
}

export const rule: Rule = {
  meta,
  check(ctx) {
    const basic = tableOf(ctx.tables, 'basic-expenditure');
    const tp = tableOf(ctx.tables, 'three-public');
    if (!basic || !tp) return;
    const bt = col(basic, 'total');
    if (!bt) return;
    const byCode = rowsByCode(basic);
    for (const p of PAIRS) {
      const br = byCode.get(p.code);
      const bc = br?.amounts.get(bt.col);
      const b = amountOf(bc);
      if (!bc || !b || b.value.isZero()) continue;
      const tc = threePublicCell(tp, p.line);
      const t = amountOf(tc);
      // Compare in the 三公 table's unit.
      const bv = b.value.times(new Decimal(10).pow(unitShift(basic.unit, tp.unit)));
      const tv = t ? t.value : new Decimal(0);
      const slack = new Decimal(0.5).times(new Decimal(10).pow(-(t?.decimals ?? 2)));
      if (bv.lte(tv.plus(slack))) continue;
      const d = Math.max(2, t?.decimals ?? 2);
      ctx.report({
        rule: meta.id, severity: meta.severity, rounding: false, table: 'three-public', sheet: tp.sheet,
        cells: [tc?.address ?? tp.titleAddress, qualify(basic.sheet, bc.address)],
        reported: tv.toFixed(d), computed: bv.toFixed(d), difference: tv.minus(bv).toFixed(d),
        text: {
          zh: `"三公"经费表${p.zh} ${tv.toFixed(d)} 小于${TABLE_NAMES_ZH['basic-expenditure']} ${p.code} 的 ${bv.toFixed(d)}`,
          en: `"three public" ${p.en} ${tv.toFixed(d)} is less than ${p.code} in the ${TABLE_NAMES_EN['basic-expenditure']} (${bv.toFixed(d)})`,
        },
      });
    }
  },
};
