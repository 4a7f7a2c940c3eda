import type { AmountCell, Column, Table, TableKind, TableRow } from '../table';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH } from '../table';
import { norm } from '../text';
import { rowsByCode } from './hierarchy-sum';
import { checkRelation, type RuleContext, type Rule, type RuleMeta } from './rule';
import { cellOf, classRows, col, hasValue, itemName, tableOf, totalRow, unitShift } from './cross';
import { sideRows } from './summary-rows';

export const meta: RuleMeta = {
  id: 'cross-table',
  severity: 'error',
  description: {
    zh: '表间核对：收支总表与收入总表、支出总表；财政拨款收支总表与一般公共预算（政府性基金、国有资本经营）支出表；一般公共预算支出表的基本支出与基本支出表；收入总表与支出总表逐科目（有结转时仅提示）。',
    en: 'Between tables: summary vs revenue and expenditure tables; fiscal summary vs the general, fund and SOE expenditure tables; general table basic expenditure vs the basic expenditure table; revenue vs expenditure code by code (information only where carry-overs exist).',
  },
  example: {
    zh: '收支总表"八、社会保障和就业支出" 540.56 应等于支出总表类 208 的合计 540.56。',
    en: 'Summary line "8. social security and employment" 540.56 must equal class 208 in the expenditure table.',
  },
};

interface Link {
  readonly total: { table: Table; cell: AmountCell };
  readonly terms: ReadonlyArray<{ table: Table; cell: AmountCell }>;
  readonly what: { zh: string; en: string };
  readonly info?: boolean;
}

function link(ctx: RuleContext, l: Link): void {
  checkRelation(ctx, meta, {
    table: l.total.table,
    total: l.total.cell,
    terms: l.terms.map((t) => t.cell),
    termSheets: l.terms.map((t) => t.table.sheet),
    termShift: l.terms.map((t) => unitShift(t.table.unit, l.total.table.unit)),
    what: l.what,
    severity: l.info ? 'info' : undefined,
  });
}

const zhName = (k: TableKind) => TABLE_NAMES_ZH[k];
const enName = (k: TableKind) => TABLE_NAMES_EN[k];

/** 收支总表 income lines against the 收入总表 合计 row. */
function summaryVsIncome(ctx: RuleContext, summary: Table, income: Table): void {
  const sAmt = col(summary, 'total', 'income') ?? summary.columns.find((c) => c.role.kind === 'amount' && c.role.side === 'income');
  const tr = totalRow(income);
  if (!sAmt || !tr) return;
  const s = sideRows(summary, 'income');
  const at = (r: TableRow) => ({ table: summary, cell: cellOf(r, sAmt) });
  const inc = (c: Column | undefined) => (c ? [{ table: income, cell: cellOf(tr, c) }] : []);
  const fiscalLines = s.items.filter((r) => /一般公共预算|政府性基金|国有资本经营|财政拨款/.test(itemName(r, 'income')));
  const fiscal = col(income, 'fiscal');
  if (fiscal && fiscalLines.length > 0) {
    // The 收入总表 has one 财政拨款 column for the three budgets' lines of the summary.
    link(ctx, {
      total: { table: income, cell: cellOf(tr, fiscal) },
      terms: fiscalLines.map(at),
      what: { zh: `${zhName('income')}合计行 财政拨款收入（对${zhName('summary')}）`, en: `${enName('income')} total row, fiscal appropriation (vs ${enName('summary')})` },
    });
  }
  // 财政专户管理资金 and 单位资金 lines against their 收入总表 columns (单位资金 = the unit's own sources).
  const special = s.items.find((r) => /财政专户/.test(itemName(r, 'income')));
  const specialCol = col(income, 'special');
  if (special && specialCol) {
    link(ctx, {
      total: at(special), terms: inc(specialCol),
      what: { zh: `${zhName('summary')}"${itemName(special, 'income')}"（对${zhName('income')}）`, en: `${enName('summary')} special account funds (vs ${enName('income')})` },
    });
  }
  const unit = s.items.find((r) => /单位资金/.test(itemName(r, 'income')));
  const unitCols = (['unit-funds', 'undertaking', 'operating', 'superior', 'affiliated', 'other-income'] as const)
    .map((role) => col(income, role)).filter((c): c is Column => c !== undefined);
  if (unit && unitCols.length > 0) {
    link(ctx, {
      total: at(unit), terms: unitCols.flatMap((c) => inc(c)),
      what: { zh: `${zhName('summary')}"${itemName(unit, 'income')}"（对${zhName('income')}）`, en: `${enName('summary')} the unit's own funds (vs ${enName('income')})` },
    });
  }
  if (s.yearTotal) {
    const sub = col(income, 'subtotal');
    const total = col(income, 'total');
    const carry = col(income, 'carryover');
    const terms = sub ? inc(sub) : total ? inc(total) : [];
    if (terms.length > 0 && (sub || !carry)) {
      link(ctx, { total: at(s.yearTotal), terms, what: { zh: `${zhName('summary')} 本年收入合计（对${zhName('income')}）`, en: `${enName('summary')} income for the year (vs ${enName('income')})` } });
    }
    if (s.carry && carry) {
      link(ctx, { total: at(s.carry), terms: inc(carry), what: { zh: `${zhName('summary')} 上年结转结余（对${zhName('income')}）`, en: `${enName('summary')} carry-over (vs ${enName('income')})` } });
    }
  }
}

/** 收支总表 expense lines (one per 类) against the 类 rows of an expenditure-like table. */
function linesVsClasses(ctx: RuleContext, summary: Table, amountCol: Column, target: Table, targetCol: Column | undefined, label: string): void {
  if (!targetCol) return;
  const s = sideRows(summary, 'expense');
  const { byName } = classRows(target);
  const matched = new Set<TableRow>();
  for (const r of s.items) {
    const name = itemName(r, 'expense');
    const cr = byName.get(name);
    const sc = cellOf(r, amountCol);
    if (cr) matched.add(cr);
    if (!cr && !hasValue(sc)) continue;
    link(ctx, {
      total: { table: summary, cell: sc },
      terms: cr ? [{ table: target, cell: cellOf(cr, targetCol) }] : [],
      what: { zh: `${zhName(summary.kind)}"${name}"${label}（对${zhName(target.kind)}）`, en: `${enName(summary.kind)} "${name}" ${label} (vs ${enName(target.kind)})` },
    });
  }
  for (const cr of byName.values()) {
    if (matched.has(cr) || !hasValue(cellOf(cr, targetCol))) continue;
    const code = cr.code.kind === 'code' ? cr.code.subject.code : '';
    ctx.report({
      rule: meta.id, severity: 'error', rounding: false, table: target.kind, sheet: target.sheet, cells: [cellOf(cr, targetCol).address],
      reported: null, computed: null, difference: null,
      text: {
        zh: `${zhName(target.kind)}类 ${code}"${cr.labels.main?.text ?? ''}"在${zhName(summary.kind)}中没有对应的支出行`,
        en: `class ${code} of the ${enName(target.kind)} has no matching line in the ${enName(summary.kind)}`,
      },
    });
  }
  const tr = totalRow(target);
  if (s.yearTotal && tr) {
    link(ctx, {
      total: { table: summary, cell: cellOf(s.yearTotal, amountCol) },
      terms: [{ table: target, cell: cellOf(tr, targetCol) }],
      what: { zh: `${zhName(summary.kind)} 本年支出合计${label}（对${zhName(target.kind)}合计）`, en: `${enName(summary.kind)} expenditure for the year ${label} (vs ${enName(target.kind)} total)` },
    });
  }
}

/** 收入总表 and 支出总表 list the same codes with the same totals unless carry-overs are spent. */
function incomeVsExpenditure(ctx: RuleContext, income: Table, expenditure: Table): void {
  const it = col(income, 'total');
  const et = col(expenditure, 'total');
  if (!it || !et) return;
  const carry = col(income, 'carryover');
  const info = carry !== undefined && income.rows.some((r) => hasValue(cellOf(r, carry)));
  const ib = rowsByCode(income);
  const eb = rowsByCode(expenditure);
  for (const [code, er] of eb) {
    const ir = ib.get(code);
    if (!ir) continue;
    link(ctx, {
      total: { table: expenditure, cell: cellOf(er, et) },
      terms: [{ table: income, cell: cellOf(ir, it) }],
      what: { zh: `${zhName('expenditure')} ${code} 合计（对${zhName('income')}）`, en: `${enName('expenditure')} ${code} total (vs ${enName('income')})` },
      info,
    });
  }
  twins(ctx, income, ib, expenditure, eb);
  twins(ctx, expenditure, eb, income, ib);
}

function twins(ctx: RuleContext, a: Table, ab: Map<string, TableRow>, b: Table, bb: Map<string, TableRow>): void {
  for (const [code, r] of ab) {
    if (bb.has(code)) continue;
    ctx.report({
      rule: meta.id, severity: 'warning', rounding: false, table: a.kind, sheet: a.sheet, cells: [...r.codeCells],
      reported: null, computed: null, difference: null,
      text: { zh: `科目 ${code} 在${zhName(a.kind)}中有、在${zhName(b.kind)}中没有`, en: `code ${code} is in the ${enName(a.kind)} but not in the ${enName(b.kind)}` },
    });
  }
}

/** 一般公共预算支出表 合计行 基本支出 = 基本支出表 合计. */
function generalVsBasic(ctx: RuleContext, general: Table, basic: Table): void {
  const gb = col(general, 'basic');
  const bt = col(basic, 'total');
  const gr = totalRow(general);
  const br = totalRow(basic);
  if (!gb || !bt || !gr || !br) return;
  link(ctx, {
    total: { table: general, cell: cellOf(gr, gb) },
    terms: [{ table: basic, cell: cellOf(br, bt) }],
    what: { zh: `${zhName('general-expenditure')} 合计行 基本支出（对${zhName('basic-expenditure')}合计）`, en: `${enName('general-expenditure')} total basic expenditure (vs ${enName('basic-expenditure')} total)` },
  });
}

/** One code, one name: the same code written with two names in different tables. */
function namesAgree(ctx: RuleContext, tables: readonly Table[]): void {
  const first = new Map<string, { table: Table; name: string; address: string }>();
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.code.kind !== 'code' || !r.labels.main) continue;
      const code = r.code.subject.code;
      const name = norm(r.labels.main.text);
      const seen = first.get(code);
      if (!seen) { first.set(code, { table: t, name, address: r.labels.main.address }); continue; }
      if (seen.name === name) continue;
      ctx.report({
        rule: meta.id, severity: 'warning', rounding: false, table: t.kind, sheet: t.sheet, cells: [r.labels.main.address],
        reported: null, computed: null, difference: null,
        text: {
          zh: `科目 ${code} 在${zhName(t.kind)}中名为"${r.labels.main.text.trim()}"，在${zhName(seen.table.kind)}中名为"${seen.name}"`,
          en: `code ${code} is named "${r.labels.main.text.trim()}" in the ${enName(t.kind)} but "${seen.name}" in the ${enName(seen.table.kind)}`,
        },
      });
    }
  }
}

export const rule: Rule = {
  meta,
  check(ctx) {
    const t = (k: TableKind) => tableOf(ctx.tables, k);
    const summary = t('summary');
    const income = t('income');
    const expenditure = t('expenditure');
    const fiscal = t('fiscal-summary');
    const general = t('general-expenditure');
    const basic = t('basic-expenditure');
    if (summary && income) summaryVsIncome(ctx, summary, income);
    const sExp = summary ? col(summary, 'total', 'expense') : undefined;
    if (summary && sExp && expenditure) linesVsClasses(ctx, summary, sExp, expenditure, col(expenditure, 'total'), '');
    if (fiscal) {
      const pairs: Array<[Column | undefined, Table | undefined]> = [
        [col(fiscal, 'general', 'expense'), general],
        [col(fiscal, 'fund', 'expense'), t('fund-expenditure')],
        [col(fiscal, 'soe', 'expense'), t('soe-expenditure')],
      ];
      for (const [fc, target] of pairs) if (fc && target) linesVsClasses(ctx, fiscal, fc, target, col(target, 'total'), ` ${fc.label}`);
    }
    if (income && expenditure) incomeVsExpenditure(ctx, income, expenditure);
    if (general && basic) generalVsBasic(ctx, general, basic);
    namesAgree(ctx, ctx.tables);
  },
};
