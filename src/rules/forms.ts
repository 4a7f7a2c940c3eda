/**
 * What the form rules share: the forms of a workbook, a project's name in messages, money as 万元 operands,
 * and how an indicator's value is written (comparator, number, unit).
 */
import { Decimal } from '../money';
import type { Operand } from '../grade';
import type { AmountCell, Form, Table, TableKind, Unit } from '../table';
import type { Text } from '../findings';
import { norm } from '../text';

/** One form (a project's block) with what messages and findings need of its table. */
export interface FormTable {
  readonly table: Table;
  readonly form: Form;
  readonly kind: TableKind;
  readonly sheet: string;
  readonly unit: Unit;
  readonly title: string;
  readonly titleAddress: string;
}

export function formsOf(tables: readonly Table[]): FormTable[] {
  return tables.flatMap((table) => (table.forms ?? []).map((form) => ({
    table, form, kind: table.kind, sheet: table.sheet, unit: form.unit, title: form.title, titleAddress: form.titleAddress,
  })));
}

/** 项目"市级劳模疗休养资金" (or the department, or the table's title when no name is printed). */
export function formWords(t: FormTable): Text {
  const name = t.form.fields.get('name')?.text ?? '';
  if (t.kind === 'department-performance') return { zh: name ? `部门整体绩效目标"${name}"` : '部门整体绩效目标', en: name ? `department targets "${name}"` : 'department targets' };
  const n = name || t.title.replace(/^\s*\d+[、.．]\s*/, '').replace(/绩效目标(?:申报)?表$/, '');
  return { zh: `项目"${n}"`, en: `project "${n}"` };
}

/** The form's identity in findings: its project code, else its name. */
export function formSubject(t: FormTable): string {
  return t.form.fields.get('code')?.text || t.form.fields.get('name')?.text || t.title;
}

const TEN = new Decimal(10);

/** A printed amount as an operand in 万元 (a 元 table's amounts divided by 10,000, its precision shifted). */
export function wanOperand(cell: AmountCell, unit: 'wan' | 'yuan'): Operand | undefined {
  if (cell.parse.kind === 'invalid') return undefined;
  const value = cell.parse.kind === 'number' ? cell.parse.amount.value : new Decimal(0);
  return unit === 'wan' ? { value, precision: cell.precision } : { value: value.div(TEN.pow(4)), precision: cell.precision + 4 };
}

export function money(v: Decimal, d = 2): string {
  return v.toFixed(Math.max(0, d));
}

/** How an indicator value is written: `≥26户` → ge 26 户; `全年` → words; `2025年5月-10月` → a time. */
export interface IndicatorValue {
  /** `no-number`: a comparator or a unit with no figure (`≥%`, `≤ 万元`): a quantitative value left unfilled. */
  readonly kind: 'empty' | 'words' | 'time' | 'number' | 'no-number';
  readonly comparator?: string;
  readonly number?: Decimal;
  /** Decimals printed. */
  readonly decimals?: number;
  readonly unit?: string;
  /** Two comparators, or one after the number (`≥95≥`). */
  readonly malformed?: boolean;
}

const LEAD = /^(≥|≤|>=|<=|>|<|=|≧|≦|＞|＜|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|小于|高于|低于|达到|超过|约|控制在)/;
const TRAIL = /(及以上|以上|及以下|以下|以内|之内)$/;
const TIME = /\d\s*(?:年|月|日|号|季度|周|天内|个工作日)|\d+[-—~～至]\d+月|上半年|下半年|年底|年末|月底|月末/;

export function readValue(raw: string): IndicatorValue {
  const v = norm(raw).replace(/[。.，,；;]+$/, '');
  if (v === '') return { kind: 'empty' };
  if (!/\d/.test(v)) return /^(?:≥|≤|>=|<=|>|<|=|≧|≦|＞|＜)/.test(v) || /^(?:%|％|万元|元)$/.test(v) ? { kind: 'no-number' } : { kind: 'words' };
  const m = /(\d+(?:\.\d+)?)/.exec(v) as RegExpExecArray;
  const before = v.slice(0, m.index);
  let after = v.slice(m.index + m[1].length);
  // A time or a date range (2025年5月-10月, 12月31日前完成, 5月份前) needs no comparator.
  if (TIME.test(v) && !/%$/.test(v)) return { kind: 'time' };
  const lead = LEAD.exec(before);
  let comparator = lead?.[1];
  const trail = TRAIL.exec(after);
  if (trail) { comparator = comparator ?? trail[1]; after = after.slice(0, trail.index); }
  const malformed = /[≥≤><=≧≦]/.test(after) || (lead !== null && lead.index + lead[1].length < before.length && /[≥≤><=]/.test(before.slice(lead[1].length)));
  const unit = after.replace(/[≥≤><=≧≦]/g, '').trim();
  return {
    kind: 'number', comparator, number: new Decimal(m[1]), decimals: m[1].split('.')[1]?.length ?? 0,
    unit: unit === '' ? undefined : unit, malformed,
  };
}
