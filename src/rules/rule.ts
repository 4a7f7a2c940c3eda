import type { RawFinding, Severity, Text } from '../findings';
import type { Amount } from '../money';
import { Decimal, formatMoney } from '../money';
import { grade } from '../grade';
import type { Workbook } from '../snapshot';
import type { AmountCell, Table } from '../table';
import { Catalog } from '../catalog/catalog';

export interface RuleMeta {
  readonly id: string;
  /** Severity of a real (non-rounding) failure. */
  readonly severity: Severity;
  readonly description: Text;
  /** A short worked example for the docs. */
  readonly example: Text;
}

export interface CheckOptions {
  /** Every difference is an error, rounding included. */
  readonly strict?: boolean;
  /** The subject catalog (built-in by default; an imported edition takes precedence). */
  readonly catalog?: Catalog;
}

export interface RuleContext {
  readonly workbook: Workbook;
  readonly tables: readonly Table[];
  readonly options: CheckOptions;
  readonly catalog: Catalog;
  report(finding: Omit<RawFinding, 'rule'> & { rule?: string }): void;
  /** Counts one relation checked, held or not (CHECKTOTALS says how many it verified). */
  tally(): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

export function amountOf(c: AmountCell | undefined): Amount | null {
  return c && c.parse.kind === 'number' ? c.parse.amount : null;
}

export interface Relation {
  readonly table: Table;
  readonly total: AmountCell;
  readonly terms: readonly AmountCell[];
  /** What is checked, e.g. `20805 合计`, in both languages; a function when it costs to build (most hold). */
  readonly what: Text | (() => Text);
  /** Severity of a real difference; the rule's own by default. */
  readonly severity?: Severity;
  /** For cross-table checks: the sheet of each term, when it is not the total's sheet. */
  readonly termSheets?: readonly string[];
  /** Power of ten each term is scaled by to reach the total's unit (−4 for 元 terms of a 万元 total). */
  readonly termShift?: readonly number[];
}

export function qualify(sheet: string, address: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

function shifted(a: Amount | null, shift: number): Amount | null {
  if (!a || shift === 0) return a;
  return { value: a.value.times(new Decimal(10).pow(shift)), decimals: a.decimals - shift };
}

/**
 * Checks total = Σ terms under the rounding rule and reports a finding when it does not hold. Returns
 * whether it held exactly or within rounding.
 */
export function checkRelation(ctx: RuleContext, meta: RuleMeta, rel: Relation): boolean {
  const reported = amountOf(rel.total);
  const terms = rel.terms.map((t, i) => shifted(amountOf(t), rel.termShift?.[i] ?? 0));
  if (rel.total.parse.kind === 'invalid' || rel.terms.some((t) => t.parse.kind === 'invalid')) return true;
  ctx.tally();
  const g = grade(reported, terms, ctx.options.strict === true);
  if (g.consistent) return true;
  const decimals = Math.max(2, reported?.decimals ?? 0, ...terms.map((t) => t?.decimals ?? 0));
  const computed = terms.reduce((s, t) => (t ? s.plus(t.value) : s), new Decimal(0));
  const rv = reported ? reported.value : new Decimal(0);
  const rep = formatMoney(rv, decimals);
  const com = formatMoney(computed, decimals);
  const diff = formatMoney(g.difference, decimals);
  const severity: Severity = g.rounding ? 'warning' : rel.severity ?? meta.severity;
  const what = typeof rel.what === 'function' ? rel.what() : rel.what;
  const blank = reported ? '' : '（空白）';
  const blankEn = reported ? '' : ' (blank)';
  ctx.report({
    rule: meta.id,
    severity,
    rounding: g.rounding,
    table: rel.table.kind,
    sheet: rel.table.sheet,
    cells: [
      rel.total.address,
      ...rel.terms.flatMap((t, i) => {
        if (t.parse.kind !== 'number') return [];
        const s = rel.termSheets?.[i];
        return [s && s !== rel.table.sheet ? qualify(s, t.address) : t.address];
      }),
    ],
    reported: rep,
    computed: com,
    difference: diff,
    text: {
      zh: `${what.zh} ${rep}${blank} ≠ 明细 ${com}（差 ${diff}${g.rounding ? '，尾差' : ''}）`,
      en: `${what.en} ${rep}${blankEn} ≠ sum of parts ${com} (difference ${diff}${g.rounding ? ', rounding' : ''})`,
    },
  });
  return g.rounding;
}

