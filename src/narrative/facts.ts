/**
 * The figures a 情况说明 repeats, read from the recognised tables: income by source, spending (基本 with 人员经费 /
 * 公用经费, 项目 and each project), 机关运行经费, 三公 and its parts, 政府采购, 固定资产 — each in 万元 with where it
 * comes from. A figure whose table is missing is absent, never guessed.
 */
import { Decimal } from '../money';
import type { Text } from '../findings';
import { amountColumns, type AmountCell, type Table, type TableRow } from '../table';
import { cellIn, columnsOf, itemLabel, rowsWithRole, selectRows } from '../rules/select';
import type { AmountRole } from '../layouts/types';
import { documentYear } from '../engine';
import { recognizeWorkbook } from '../recognize/recognize';
import type { Workbook } from '../snapshot';

export type FactKey =
  | 'income.total' | 'income.general' | 'income.fund' | 'income.soe' | 'income.special' | 'income.unit' | 'income.carry' | 'income.fiscal'
  | 'expense.total' | 'expense.basic' | 'expense.personnel' | 'expense.public' | 'expense.project'
  | 'admin'
  | 'tp.total' | 'tp.travel' | 'tp.vehicle' | 'tp.purchase' | 'tp.upkeep' | 'tp.reception'
  | 'procurement.total' | 'assets.total'
  | `project:${string}`;

export interface Source {
  readonly table: Table;
  readonly address: string;
}

export interface Fact {
  readonly key: FactKey;
  readonly label: Text;
  /** In 万元, with the decimals it stands for. */
  readonly value: Decimal;
  readonly precision: number;
  readonly sources: readonly Source[];
  /** Other figures the text may mean by the same words (本年收入合计 for 收入总计). */
  readonly alternatives?: readonly Decimal[];
  /** Not printed as such: derived (机关运行经费 from 公用经费, a 三公 total from its parts). */
  readonly derived?: string;
}

export interface Facts {
  readonly year?: number;
  readonly facts: ReadonlyMap<FactKey, Fact>;
  /** Projects in table order, with their names as printed. */
  readonly projects: ReadonlyArray<{ readonly name: string; readonly key: FactKey }>;
}

const TEN_THOUSAND = new Decimal(10000);
const ZERO = new Decimal(0);

interface Value { value: Decimal; precision: number; sources: Source[] }

function valueOf(t: Table, cell: AmountCell | undefined): Value | undefined {
  if (!cell || cell.parse.kind === 'invalid') return undefined;
  const v = cell.parse.kind === 'number' ? cell.parse.amount.value : ZERO;
  return t.unit === 'yuan'
    ? { value: v.div(TEN_THOUSAND), precision: cell.precision + 4, sources: [{ table: t, address: cell.address }] }
    : { value: v, precision: cell.precision, sources: [{ table: t, address: cell.address }] };
}

function sum(values: ReadonlyArray<Value | undefined>): Value | undefined {
  const vs = values.filter((v): v is Value => v !== undefined);
  if (vs.length === 0) return undefined;
  return { value: vs.reduce((s, v) => s.plus(v.value), ZERO), precision: Math.max(...vs.map((v) => v.precision)), sources: vs.flatMap((v) => v.sources) };
}

const zero = (t: Table): Value => ({ value: ZERO, precision: 2, sources: [{ table: t, address: t.titleAddress }] });

function first(tables: readonly Table[], kind: string): Table | undefined {
  return tables.find((t) => t.kind === kind);
}

function totalRow(t: Table): TableRow | undefined {
  return rowsWithRole(t, 'main', 'total')[0];
}

/** A column's cell on the 合计 row. */
function onTotal(t: Table | undefined, role: AmountRole): Value | undefined {
  if (!t) return undefined;
  if (t.empty) return zero(t);
  const row = totalRow(t);
  const col = columnsOf(t, { role })[0];
  return row && col ? valueOf(t, cellIn(row, col)) : undefined;
}

function summaryLine(t: Table, side: 'income' | 'expense', test: (label: string, r: TableRow) => boolean): Value | undefined {
  const col = amountColumns(t, 'total', side)[0];
  if (!col) return undefined;
  const row = t.rows.find((r) => r.labels[side] !== undefined && test(itemLabel(r, side), r));
  return row ? valueOf(t, cellIn(row, col)) : undefined;
}

function summaryRole(t: Table, side: 'income' | 'expense', role: 'year-total' | 'grand-total' | 'carry-in'): Value | undefined {
  const col = amountColumns(t, 'total', side)[0];
  const row = selectRows(t, { role, side }, side)[0];
  return row && col ? valueOf(t, cellIn(row, col)) : undefined;
}

/** A 三公 figure: a row of the rows form (合计 column), or a column of the one-row form. */
function threePublic(t: Table, role: 'total' | 'subtotal' | 'travel' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception'): Value | undefined {
  if (t.empty) return zero(t);
  const total = columnsOf(t, { role: 'total' })[0] ?? columnsOf(t, { role: 'general' })[0];
  const row = rowsWithRole(t, 'main', role)[0];
  if (row && total) return valueOf(t, cellIn(row, total));
  const col = columnsOf(t, { role: role === 'subtotal' ? 'total' : role })[0];
  const body = t.rows[0];
  return col && body ? valueOf(t, cellIn(body, col)) : undefined;
}

const isZeroish = (v: Value | undefined) => v === undefined || v.value.isZero();

export function readFacts(tables: readonly Table[], year?: number): Facts {
  const facts = new Map<FactKey, Fact>();
  const put = (key: FactKey, zh: string, en: string, v: Value | undefined, extra: Partial<Pick<Fact, 'alternatives' | 'derived'>> = {}) => {
    if (v) facts.set(key, { key, label: { zh, en }, value: v.value, precision: v.precision, sources: v.sources, ...extra });
  };
  const summary = first(tables, 'summary');
  const income = first(tables, 'income');
  if (summary) {
    const grand = summaryRole(summary, 'income', 'grand-total');
    const yearTotal = summaryRole(summary, 'income', 'year-total');
    put('income.total', '收入预算', 'income', grand ?? yearTotal, { alternatives: grand && yearTotal ? [yearTotal.value] : undefined });
    put('income.general', '一般公共预算收入', 'general budget income', summaryLine(summary, 'income', (l) => /一般公共预算/.test(l)));
    put('income.fund', '政府性基金预算收入', 'fund income', summaryLine(summary, 'income', (l) => /政府性基金/.test(l)));
    put('income.soe', '国有资本经营预算收入', 'state capital income', summaryLine(summary, 'income', (l) => /国有资本经营/.test(l)));
    put('income.special', '财政专户管理资金收入', 'special account income', summaryLine(summary, 'income', (l) => /财政专户/.test(l)));
    put('income.unit', '单位资金收入', "unit's own funds", summaryLine(summary, 'income', (l) => /^单位资金/.test(l))
      ?? sum(['事业收入', '经营收入', '上级补助', '附属单位上缴', '其他收入'].map((w) => summaryLine(summary, 'income', (l) => l.includes(w)))));
    put('income.carry', '上年结转结余', 'carry-over', summaryRole(summary, 'income', 'carry-in'));
    const fiscal = summaryLine(summary, 'income', (l) => /^财政拨款/.test(l))
      ?? sum([facts.get('income.general'), facts.get('income.fund'), facts.get('income.soe')].map((f) => (f ? { value: f.value, precision: f.precision, sources: [...f.sources] } : undefined)));
    put('income.fiscal', '财政拨款收入', 'fiscal appropriation', fiscal);
    const eg = summaryRole(summary, 'expense', 'grand-total');
    const ey = summaryRole(summary, 'expense', 'year-total');
    put('expense.total', '支出预算', 'expenditure', eg ?? ey, { alternatives: eg && ey ? [ey.value] : undefined });
  } else if (income) {
    put('income.total', '收入预算', 'income', onTotal(income, 'total'));
  }
  const exp = first(tables, 'expenditure') ?? first(tables, 'general-expenditure');
  if (exp) {
    if (!facts.has('expense.total')) put('expense.total', '支出预算', 'expenditure', onTotal(exp, 'total'));
    put('expense.basic', '基本支出', 'basic expenditure', onTotal(exp, 'basic') ?? sum([onTotal(exp, 'personnel'), onTotal(exp, 'public')]));
    put('expense.project', '项目支出', 'project expenditure', onTotal(exp, 'project'));
  }
  const basic = first(tables, 'basic-expenditure');
  if (basic) {
    const rowOf = (role: 'personnel-total' | 'public-total') => {
      const r = rowsWithRole(basic, 'main', role)[0];
      const c = columnsOf(basic, { role: 'total' })[0];
      return r && c ? valueOf(basic, cellIn(r, c)) : undefined;
    };
    put('expense.personnel', '人员经费', 'personnel', onTotal(basic, 'personnel') ?? rowOf('personnel-total'));
    put('expense.public', '公用经费', 'operating', onTotal(basic, 'public') ?? rowOf('public-total'));
  } else if (exp) {
    put('expense.personnel', '人员经费', 'personnel', onTotal(exp, 'personnel'));
    put('expense.public', '公用经费', 'operating', onTotal(exp, 'public'));
  }
  const tp = first(tables, 'three-public');
  if (tp) {
    const travel = threePublic(tp, 'travel');
    const purchase = threePublic(tp, 'vehicle-purchase');
    const upkeep = threePublic(tp, 'vehicle-upkeep');
    const reception = threePublic(tp, 'reception');
    let vehicle = threePublic(tp, 'vehicle');
    // A blank total over filled parts: what the text repeats is the parts' sum (the blank is reported by row-sum).
    let derived: string | undefined;
    const parts = sum([purchase, upkeep]);
    if (isZeroish(vehicle) && parts && !parts.value.isZero()) { vehicle = parts; derived = 'parts'; }
    let total = threePublic(tp, 'total') ?? threePublic(tp, 'subtotal');
    const all = sum([travel, vehicle, reception]);
    if (isZeroish(total) && all && !all.value.isZero()) { total = all; derived = 'parts'; }
    put('tp.total', '"三公"经费', '"three public" expenses', total, derived ? { derived } : {});
    put('tp.travel', '因公出国（境）费', 'overseas travel', travel);
    put('tp.vehicle', '公务用车购置及运维费', 'official vehicles', vehicle);
    put('tp.purchase', '公务用车购置费', 'vehicle purchase', purchase);
    put('tp.upkeep', '公务用车运维费', 'vehicle upkeep', upkeep);
    put('tp.reception', '公务接待费', 'official reception', reception);
    const admin = columnsOf(tp, { role: 'admin-costs' })[0];
    if (admin && tp.rows[0]) put('admin', '机关运行经费', 'administrative running costs', valueOf(tp, cellIn(tp.rows[0], admin)));
  }
  if (!facts.has('admin')) {
    // Where no table prints it, 机关运行经费 is the 公用经费 of the 基本支出表 (of administrative units only: said so).
    const pub = facts.get('expense.public');
    if (pub) facts.set('admin', { ...pub, key: 'admin', label: { zh: '机关运行经费', en: 'administrative running costs' }, derived: 'public' });
  }
  const proc = first(tables, 'procurement');
  if (proc) {
    const row = totalRow(proc);
    const col = columnsOf(proc, { role: 'total' })[0];
    const v = proc.empty ? zero(proc) : row && col ? valueOf(proc, cellIn(row, col)) : col ? sum(selectRows(proc, { others: true }, undefined).map((r) => valueOf(proc, cellIn(r, col)))) : undefined;
    put('procurement.total', '政府采购预算', 'government procurement', v);
  }
  const assets = first(tables, 'fixed-assets');
  if (assets) {
    const row = totalRow(assets);
    const col = columnsOf(assets, { role: 'value' })[0];
    const v = assets.empty ? zero(assets) : row && col ? valueOf(assets, cellIn(row, col)) : col ? sum(selectRows(assets, { others: true }, undefined).map((r) => valueOf(assets, cellIn(r, col)))) : undefined;
    put('assets.total', '固定资产', 'fixed assets', v);
  }
  const projects: Array<{ name: string; key: FactKey }> = [];
  for (const t of tables) {
    if (t.kind !== 'performance-target') continue;
    for (const form of t.forms ?? []) {
      const name = form.fields.get('name')?.text;
      const b = form.fields.get('budget')?.amount;
      if (!name || !b || b.parse.kind !== 'number') continue;
      const key: FactKey = `project:${name}`;
      put(key, name, name, valueOf({ ...t, unit: form.unit }, b));
      projects.push({ name, key });
    }
  }
  return { year, facts, projects };
}

/** The figures of a workbook as it is: its tables recognised (none required), no rule run. */
export function workbookFacts(workbook: Workbook): Facts {
  const { tables } = recognizeWorkbook(workbook, { expectAll: false });
  return readFacts(tables, documentYear(tables));
}
