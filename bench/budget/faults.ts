/**
 * Planted faults: one amount cell retyped, as a user's typing mistake — exactly one cell of the rendered
 * workbook changes, every other printing of the same quantity stays right. The fault names the cell by its
 * layout-independent id (render.ts), so the same fault can be planted in every variant and must give the same
 * finding there.
 */
import { type Cell, type Sheet, type Workbook } from '../../src/snapshot';
import { amountCell, unitsOf } from './cells';
import type { Budget, Units } from './model';
import { cellOf, render, VARIANTS, type Rendered, type Variant } from './render';
import { Rng } from '../rng';

/**
 * detail-off: a leaf amount (a 项, an economic 款, a "三公" part) is wrong, so its parent and row do not add up;
 * parent-off: a 类 / 款 (or the 三公 vehicle subtotal) is wrong against its children;
 * total-off: a 合计 / 总计 / 本年…合计 cell is wrong;
 * summary-line-off: a line of the 收支总表 / 财政拨款收支总表 disagrees with the detail tables;
 * rounding: any amount one cent (0.01 万元) off, a 尾差.
 */
export type FaultKind = 'detail-off' | 'parent-off' | 'total-off' | 'summary-line-off' | 'rounding';

export const FAULT_KINDS: readonly FaultKind[] = ['detail-off', 'parent-off', 'total-off', 'summary-line-off', 'rounding'];

export interface Fault {
  readonly kind: FaultKind;
  readonly id: string;
  /** The change in 万元, at most two decimals (so it is exact in 元 too); default `DEFAULT_DELTA[kind]`. */
  readonly delta?: number;
}

/** A typed-in digit off for the real faults, one cent for the rounding one. */
export const DEFAULT_DELTA: Readonly<Record<FaultKind, number>> = {
  'detail-off': 12.34, 'parent-off': 100, 'total-off': 9, 'summary-line-off': 50, rounding: 0.01,
};

export interface Planted {
  readonly fault: Fault;
  readonly sheet: string;
  readonly address: string;
  /** The amount before and after, and the change, in Units (0.01 万元 = 100 元). */
  readonly before: Units;
  readonly after: Units;
  readonly delta: Units;
}

const CODED = new Set(['income', 'expenditure', 'general-expenditure', 'fund-expenditure', 'soe-expenditure']);
const THREE_PUBLIC_LEAVES = new Set(['abroad', 'vehicle-purchase', 'vehicle-upkeep', 'reception', 'abroad-research', 'abroad-other', 'meeting', 'meeting-other', 'training', 'operating']);

/** Whether a fault kind fits an id (a detail-off on a 合计 cell would be a total-off). */
export function fits(kind: FaultKind, id: string): boolean {
  const [table, row] = id.split('|');
  const digits = /^\d+$/.test(row) ? row.length : 0;
  switch (kind) {
    case 'detail-off':
      return (CODED.has(table) && digits === 7) || (table === 'basic-expenditure' && digits === 5) || (table === 'three-public' && THREE_PUBLIC_LEAVES.has(row));
    case 'parent-off':
      return (CODED.has(table) && (digits === 3 || digits === 5)) || (table === 'basic-expenditure' && digits === 3) || (table === 'three-public' && row === 'vehicle');
    case 'total-off':
      return row === 'total' || row.endsWith('-total');
    case 'summary-line-off':
      return (table === 'summary' || table === 'fiscal-summary') && /^(income:|expense:|carry-in)/.test(row);
    case 'rounding':
      return true;
  }
}

function deltaUnits(fault: Fault): Units {
  const d = fault.delta ?? DEFAULT_DELTA[fault.kind];
  const u = Math.round(d * 100);
  if (Math.abs(u - d * 100) > 1e-6 || u === 0) throw new Error(`delta ${d} is not a non-zero multiple of 0.01 万元`);
  return u;
}

function withCell(wb: Workbook, sheetName: string, cell: Cell): Workbook {
  const sheets = wb.sheets.map((s): Sheet => {
    if (s.name !== sheetName) return s;
    const rows = [...s.rows];
    const row = [...(rows[cell.row] ?? [])];
    while (row.length < cell.col) row.push(undefined);
    row[cell.col] = cell;
    while (rows.length < cell.row) rows.push([]);
    rows[cell.row] = row;
    return { name: s.name, rows };
  });
  return { ...wb, sheets };
}

/** Changes the one cell `fault.id` of a rendered workbook by `delta`; nothing else changes. */
export function plant(rendered: Rendered, fault: Fault): { rendered: Rendered; planted: Planted } {
  if (!fits(fault.kind, fault.id)) throw new Error(`a ${fault.kind} fault does not fit ${fault.id}`);
  const loc = rendered.cells.get(fault.id);
  if (loc === undefined) throw new Error(`${rendered.variant.name} prints no ${fault.id}`);
  const old = cellOf(rendered, fault.id);
  const before = unitsOf(old, loc.unit);
  const delta = deltaUnits(fault);
  const after = before + delta;
  const { row, col } = old ?? positionIn(loc.address);
  // The user's number keeps the column's format (a blank cell gets the one its neighbours have).
  const cell = amountCell(row, col, after, loc.unit, loc.numberFormat);
  return {
    rendered: { ...rendered, workbook: withCell(rendered.workbook, loc.sheet, cell) },
    planted: { fault, sheet: loc.sheet, address: loc.address, before, after, delta },
  };
}

function positionIn(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function renderWithFault(budget: Budget, v: Variant, fault: Fault): { rendered: Rendered; planted: Planted } {
  return plant(render(budget, v), fault);
}

const common = new WeakMap<Budget, Map<string, string[]>>();

/** The ids every given variant prints (sorted): the cells a fault can be planted in everywhere. */
export function commonIds(budget: Budget, variants: readonly Variant[] = VARIANTS): string[] {
  const key = variants.map((v) => v.name).join(',');
  const memo = common.get(budget) ?? new Map<string, string[]>();
  common.set(budget, memo);
  const hit = memo.get(key);
  if (hit) return hit;
  let ids: Set<string> | undefined;
  for (const v of variants) {
    const mine = new Set(render(budget, v).cells.keys());
    ids = ids === undefined ? mine : new Set([...ids].filter((id) => mine.has(id)));
  }
  const out = [...(ids ?? [])].sort();
  memo.set(key, out);
  return out;
}

/** Common ids a kind of fault fits; `nonZero` keeps those whose amount is not zero (a retyped figure). */
export function faultCandidates(budget: Budget, kind: FaultKind, options: { variants?: readonly Variant[]; nonZero?: boolean } = {}): string[] {
  const variants = options.variants ?? VARIANTS;
  const ids = commonIds(budget, variants).filter((id) => fits(kind, id));
  if (!options.nonZero) return ids;
  const r = render(budget, variants[0]);
  return ids.filter((id) => {
    const loc = r.cells.get(id);
    return loc !== undefined && unitsOf(cellOf(r, id), loc.unit) !== 0;
  });
}

/** One fault of each kind on a non-zero common cell, chosen by `seed` (deterministic). */
export function sampleFaults(budget: Budget, seed: number, variants: readonly Variant[] = VARIANTS): Fault[] {
  const rng = new Rng(seed * 31 + 7);
  const out: Fault[] = [];
  for (const kind of FAULT_KINDS) {
    const ids = faultCandidates(budget, kind, { variants, nonZero: true });
    if (ids.length > 0) out.push({ kind, id: rng.pick(ids) });
  }
  return out;
}
