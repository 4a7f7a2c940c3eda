/**
 * 舍位平衡 (controlled rounding): a workbook's amounts at another unit and precision — 元 to 万元 with two
 * decimals, or back — with every relation the checker knows holding exactly. Each cell becomes its exact value
 * rounded down or up (never further), exact values and zeros stay, and as few cells as possible leave plain
 * rounding, those nearest the half first. A workbook already at the target that shows only 尾差 gets the fewest
 * one-unit changes that remove them instead. Where no rounding can make every relation hold, the relations
 * left off are named with their differences.
 */
import type { RawCheckResult } from '../engine';
import type { Text } from '../findings';
import type { MipSolver } from '../locate/solver';
import { Decimal } from '../money';
import { UNIT } from '../recognize/header';
import type { Instance } from '../rules/rule';
import { cellAt, parseA1, type Workbook } from '../snapshot';
import { linearSystem, TEN_THOUSAND, variableOf, type Equation, type Variable } from '../system';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH, type TableKind, type Unit } from '../table';
import { brokenAtBase, solveMoves, type Choice, type Row } from './program';

export interface RoundTarget {
  readonly unit: Unit;
  /** Decimals of the result (2 by default). */
  readonly decimals: number;
}

export interface RoundedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly table: TableKind;
  /** What the cell holds, in its table's unit. */
  readonly exact: string;
  readonly from: Unit;
  /** Plain rounding to the target (half away from zero, as Excel's ROUND), and the balanced value. */
  readonly plain: string;
  readonly value: string;
  /** A formula's result: the copy holds the value instead. */
  readonly formula: boolean;
}

/** A relation that does not hold: where its total is, what it is, and by how much (total − Σ parts). */
export interface RelationGap {
  readonly sheet: string;
  readonly cell: string;
  readonly relation: string;
  readonly subject: string;
  readonly column: string;
  readonly what: Text;
  readonly difference: string;
  readonly unit: Unit;
}

/** A unit line to rewrite: the cell and its new text. */
export interface UnitLine {
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  readonly after: string;
}

export type RoundOutcome =
  | { readonly kind: 'refused'; readonly reason: Text }
  | {
    readonly kind: 'done';
    /** `convert`: to another unit or precision; `tails`: already there, 尾差 removed by one-unit changes. */
    readonly mode: 'convert' | 'tails';
    readonly target: RoundTarget;
    /** Every amount cell of the tables with what it becomes (`tails`: only the cells that change). */
    readonly cells: readonly RoundedCell[];
    readonly units: readonly UnitLine[];
    /** Relations plain rounding leaves off (`tails`: the 尾差 found). */
    readonly plainGaps: readonly RelationGap[];
    /** Relations still off after balancing: none when a balanced rounding exists. */
    readonly gaps: readonly RelationGap[];
    /** Relations the given values do not satisfy to begin with (`convert` only), in the tables' own units. */
    readonly inputGaps: readonly RelationGap[];
    /** Cells whose value differs from plain rounding (`tails`: cells changed). */
    readonly moved: number;
    /** Groups of cells the solver gave no answer for: they keep plain rounding. */
    readonly unsolved: number;
  };

const UNIT_WORD: Record<Unit, string> = { wan: '万元', yuan: '元' };
const toBaseOf = (u: Unit): Decimal => (u === 'wan' ? TEN_THOUSAND : new Decimal(1));

function refuse(zh: string, en: string): RoundOutcome {
  return { kind: 'refused', reason: { zh, en } };
}

function describe(inst: Instance): Text {
  const what = typeof inst.what === 'function' ? inst.what() : inst.what;
  return { zh: `${what.zh} ${inst.columnLabel}`.trim(), en: `${what.en} ${inst.columnLabel}`.trim() };
}

function gapOf(e: Equation, difference: Decimal, decimals: number, unit: Unit): RelationGap {
  const inst = e.relation.instance;
  return {
    sheet: inst.table.sheet, cell: inst.total.address, relation: inst.relation, subject: inst.subject, column: inst.column,
    // At least the decimals asked for, and all the difference has (0.34 元 in a table printed in whole 元).
    what: describe(inst), difference: difference.toFixed(Math.max(0, decimals, difference.decimalPlaces())), unit,
  };
}

function rowOf(e: Equation): Row {
  // The system writes `total − Σ terms` with `le` for a total bounding its parts: that is `≥ 0` here.
  return { coefs: e.coefs, compare: e.compare === 'eq' ? 'eq' : 'ge' };
}

/** The new text of a unit line: `单位：元` → `单位：万元`, the rest of the line as it was. */
function unitText(text: string, to: Unit): string {
  const replaced = text.replace(new RegExp(UNIT.source, 'g'), (m: string, u: string) => m.slice(0, m.length - u.length) + UNIT_WORD[to]);
  // `单位：` and `元` in cells of their own: the unit's cell holds the word alone.
  return replaced !== text ? replaced : text.replace(/^(\s*[（(]?)(万元|元)([)）]?\s*)$/, `$1${UNIT_WORD[to]}$3`);
}

/**
 * Balances a checked workbook (run with `keepRelations`) at the target unit and decimals. The workbook is the
 * one checked: unit lines are read from it. Nothing is changed in it; the outcome says what a copy holds.
 */
export function roundWorkbook(workbook: Workbook, result: RawCheckResult, target: RoundTarget, solver: MipSolver): RoundOutcome {
  if (!Number.isInteger(target.decimals) || target.decimals < 0 || target.decimals > 6) {
    return refuse('小数位数应为 0 到 6 的整数', 'decimals must be a whole number from 0 to 6');
  }
  const tables = result.tables.filter((t) => !t.empty);
  if (tables.length === 0) return refuse('未识别到有金额的预算公开表，无法舍位平衡', 'no budget table with amounts was recognised: nothing to round');
  if (!result.checked) throw new Error('roundWorkbook needs a result checked with keepRelations');
  const unprinted = tables.filter((t) => t.unitCell === undefined);
  if (unprinted.length > 0) {
    const names = unprinted.map((t) => `${t.sheet}（${TABLE_NAMES_ZH[t.kind]}）`).join('、');
    return refuse(`${names}未注明金额单位，无法确定换算：请在表头上方注明"单位：元"或"单位：万元"`,
      `${unprinted.map((t) => `${t.sheet} (${TABLE_NAMES_EN[t.kind]})`).join(', ')} print no unit: add "单位：元" or "单位：万元" above the header`);
  }
  // Every amount of the tables is a variable, also those in no relation (they are simply rounded).
  const vars = new Map<string, Variable>();
  const invalid: string[] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      for (const a of r.amounts.values()) {
        if (a.parse.kind === 'invalid') invalid.push(`${t.sheet}!${a.address}`);
        else variableOf(vars, t, a);
      }
    }
  }
  if (invalid.length > 0) {
    const list = invalid.slice(0, 5).join('、') + (invalid.length > 5 ? '…' : '');
    return refuse(`${invalid.length} 个金额单元格不是数字（${list}），无法换算：请先改正`,
      `${invalid.length} amount cell(s) are not numbers (${invalid.slice(0, 5).join(', ')}${invalid.length > 5 ? '…' : ''}): correct them first`);
  }
  const { eqs } = linearSystem(result.checked, vars);
  const unitSize = toBaseOf(target.unit).div(new Decimal(10).pow(target.decimals));
  const inUnits = (v: Variable): Decimal => v.value.times(v.toBase).div(unitSize);
  const needsRounding = [...vars.values()].some((v) => !inUnits(v).isInteger());
  const sameUnit = tables.every((t) => t.unit === target.unit);
  const mode = sameUnit && !needsRounding ? 'tails' : 'convert';
  if (mode === 'tails') {
    const errors = result.checked.filter((c) => c.outcome === 'failed' && c.instance.severity !== 'info').length;
    if (errors > 0) {
      return refuse(`工作簿有 ${errors} 处超出尾差的不平，舍位平衡只消除尾差：请先改正（budget-check check 会列出可能填错的单元格）`,
        `the workbook has ${errors} failure(s) beyond rounding; rounding balance only removes 尾差: correct them first (budget-check check lists the likely wrong cells)`);
    }
  }
  const choices = new Map<string, Choice>();
  for (const v of vars.values()) {
    const x = inUnits(v);
    if (x.isInteger() || x.isZero()) {
      // Exact at the target already, or zero: stays. A formula's result in `tails` follows its inputs.
      const movable = mode === 'tails' && !x.isZero() && !v.fixed;
      choices.set(v.key, movable ? { key: v.key, base: x, up: 1, down: 1 } : { key: v.key, base: x });
      continue;
    }
    const lo = x.floor();
    const plain = x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    // Leaving plain rounding costs 1 to 2: the nearer the half, the cheaper, and two moves always cost more than one.
    const f = x.minus(lo);
    const cost = Number(new Decimal(1).plus(f.times(2).minus(1).abs().times(0.99)).toFixed(4));
    choices.set(v.key, plain.eq(lo) ? { key: v.key, base: plain, up: cost } : { key: v.key, base: plain, down: cost });
  }
  const rows = eqs.map(rowOf);
  const toTarget = (units: Decimal): Decimal => units.times(unitSize).div(toBaseOf(target.unit));
  const plainGaps = brokenAtBase(choices, rows).map((b) => gapOf(eqs[b.row], toTarget(b.residual), target.decimals, target.unit));
  const solved = solveMoves(choices, rows, solver);
  const gaps = solved.broken.map((b) => gapOf(eqs[b.row], toTarget(b.residual), target.decimals, target.unit));
  const inputGaps = mode === 'tails' ? [] : eqs
    .filter((e) => (e.compare === 'eq' ? !e.residual.isZero() : e.residual.isNegative()))
    .map((e) => {
      const total = vars.get(`${e.relation.instance.table.sheet}!${e.relation.instance.total.address}`) as Variable;
      return gapOf(e, e.residual.div(total.toBase), Math.max(total.cell.precision, 0), total.table.unit);
    });
  const cells: RoundedCell[] = [];
  for (const v of vars.values()) {
    const c = choices.get(v.key) as Choice;
    const value = c.base.plus(solved.moves.get(v.key) ?? 0);
    if (mode === 'tails' && value.eq(c.base)) continue;
    cells.push({
      sheet: v.table.sheet, cell: v.cell.address, table: v.table.kind,
      exact: v.value.toFixed(Math.max(0, v.cell.precision, v.value.decimalPlaces())), from: v.table.unit,
      plain: toTarget(c.base).toFixed(target.decimals),
      value: toTarget(value).toFixed(target.decimals),
      formula: v.fixed,
    });
  }
  const units: UnitLine[] = [];
  const seen = new Set<string>();
  // Every table's unit line, empty tables' too: the whole copy is in the target unit.
  for (const t of result.tables) {
    if (t.unit === target.unit || t.unitCell === undefined) continue;
    const key = `${t.sheet}!${t.unitCell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const sheet = workbook.sheets.find((s) => s.name === t.sheet);
    const { row, col } = parseA1(t.unitCell);
    const before = sheet ? cellAt(sheet, row, col)?.text ?? '' : '';
    units.push({ sheet: t.sheet, cell: t.unitCell, before, after: unitText(before, target.unit) });
  }
  return {
    kind: 'done', mode, target, cells, units, plainGaps, gaps, inputGaps,
    moved: solved.moves.size, unsolved: solved.unsolved,
  };
}

