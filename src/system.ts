/**
 * The relations of a checked workbook as one linear system over its cells, in 元: each graded relation
 * `total = Σ weight × term` becomes `Σ coef × cell = 0` (or `≤` for 其中 lines) with the rounding interval the
 * grading used. Error location and controlled rounding both solve over it.
 */
import { Decimal, ZERO } from './money';
import { halfUnit } from './grade';
import type { CheckedRelation, Instance, Term } from './rules/rule';
import type { AmountCell, Table } from './table';

export interface Variable {
  /** `sheet!A1`. */
  readonly key: string;
  readonly table: Table;
  readonly cell: AmountCell;
  /** The value in its own unit, and the factor that brings it to 元 (10000 for a 万元 table). */
  readonly value: Decimal;
  readonly toBase: Decimal;
  /** A formula's result: it follows its inputs. */
  readonly fixed: boolean;
}

export interface Equation {
  readonly relation: CheckedRelation;
  /** Coefficient of each variable in 元 (the total +1, terms −weight). */
  readonly coefs: ReadonlyMap<string, number>;
  /** Σ coef × value in 元, and the rounding interval in 元. */
  readonly residual: Decimal;
  readonly tol: Decimal;
  readonly compare: 'eq' | 'le';
}

export const TEN_THOUSAND = new Decimal(10000);
const ONE = new Decimal(1);
const isTerm = (t: AmountCell | Term): t is Term => (t as Term).table !== undefined;

export const variableKey = (table: Table, cell: AmountCell): string => `${table.sheet}!${cell.address}`;

/** The variable of a cell, made on first sight; none for a cell that holds no amount (text, an error value). */
export function variableOf(vars: Map<string, Variable>, table: Table, cell: AmountCell): Variable | undefined {
  if (cell.parse.kind === 'invalid') return undefined;
  const key = variableKey(table, cell);
  let v = vars.get(key);
  if (!v) {
    v = {
      key, table, cell,
      value: cell.parse.kind === 'number' ? cell.parse.amount.value : ZERO,
      toBase: table.unit === 'wan' ? TEN_THOUSAND : ONE,
      fixed: cell.cell?.formula !== undefined,
    };
    vars.set(key, v);
  }
  return v;
}

/** One relation as an equation; none for an information-only relation or one over a cell holding no amount. */
export function equationOf(vars: Map<string, Variable>, c: CheckedRelation): Equation | undefined {
  const inst: Instance = c.instance;
  // Information-only relations (twin tables with carry-overs) are no constraint.
  if (inst.severity === 'info') return undefined;
  const coefs = new Map<string, number>();
  let residual = ZERO;
  let tol = ZERO;
  const add = (table: Table, cell: AmountCell, coef: number): boolean => {
    const v = variableOf(vars, table, cell);
    if (!v) return false;
    coefs.set(v.key, (coefs.get(v.key) ?? 0) + coef);
    residual = residual.plus(v.value.times(v.toBase).times(coef));
    tol = tol.plus(halfUnit(cell.precision).times(v.toBase));
    return true;
  };
  if (!add(inst.table, inst.total, 1)) return undefined;
  for (const t of inst.terms) {
    const ok = isTerm(t) ? add(t.table, t.cell, -(t.weight ?? 1)) : add(inst.table, t, -1);
    if (!ok) return undefined;
  }
  return { relation: c, coefs, residual, tol, compare: inst.compare ?? 'eq' };
}

/** Every relation of a checked workbook (run with `keepRelations`) over the cells it involves. */
export function linearSystem(checked: readonly CheckedRelation[], vars = new Map<string, Variable>()): { vars: Map<string, Variable>; eqs: Equation[] } {
  const eqs: Equation[] = [];
  for (const c of checked) {
    const e = equationOf(vars, c);
    if (e) eqs.push(e);
  }
  return { vars, eqs };
}
