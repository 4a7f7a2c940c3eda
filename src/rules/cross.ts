import type { AmountCell, Column, Side, Table, TableKind, TableRow, Unit } from '../table';
import { norm, stripOrdinal } from '../text';
import { isTotalRow } from './hierarchy-sum';

/** Shared look-ups of the 表间 rules. */
export function tableOf(tables: readonly Table[], kind: TableKind): Table | undefined {
  return tables.find((t) => t.kind === kind);
}

export { firstAmountColumn as col } from '../table';

export function cellOf(r: TableRow, c: Column): AmountCell {
  return r.amounts.get(c.col) as AmountCell;
}

export function totalRow(t: Table): TableRow | undefined {
  return t.rows.find(isTotalRow);
}

/** 类 rows (3-digit function codes) keyed by their normalised name, and by code. */
export function classRows(t: Table): { byName: Map<string, TableRow>; byCode: Map<string, TableRow> } {
  const byName = new Map<string, TableRow>();
  const byCode = new Map<string, TableRow>();
  for (const r of t.rows) {
    if (r.code.kind !== 'code' || r.code.subject.family !== 'function' || r.code.subject.level !== 1) continue;
    byCode.set(r.code.subject.code, r);
    byName.set(norm(r.labels.main?.text ?? ''), r);
  }
  return { byName, byCode };
}

export function itemName(r: TableRow, side: Side): string {
  return stripOrdinal(norm(r.labels[side]?.text ?? ''));
}

/** Power of ten that brings an amount in `from` to `to`. */
export function unitShift(from: Unit, to: Unit): number {
  if (from === to) return 0;
  return from === 'yuan' ? -4 : 4;
}

export function hasValue(c: AmountCell | undefined): boolean {
  return c !== undefined && c.parse.kind === 'number' && !c.parse.amount.value.isZero();
}
