import type { Text } from '../src/findings';
import type { Cause, CauseCell } from '../src/locate/locate';
import type { RawCheckResult } from '../src/engine';
import type { CheckedRelation } from '../src/rules/rule';
import { parseA1 } from '../src/snapshot';

/**
 * How the pane words a located cause: a certain one as very likely (很可能), an ambiguous one as one of several
 * equally good explanations, each named; never a guess as a certainty.
 */

/** `64840547.00` → `64,840,547.00`. */
export function groupDigits(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!m) return amount;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

function byPlace(a: CauseCell, b: CauseCell): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const p = parseA1(a.cell);
  const q = parseA1(b.cell);
  return p.col - q.col || p.row - q.row;
}

/** A cell named for a sentence about `home`: without its sheet when on the same sheet. */
function named(c: CauseCell, home: string): string {
  return c.sheet === home ? c.cell : `${c.sheet}!${c.cell}`;
}

function listZh(xs: readonly string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('、')} 和 ${xs[xs.length - 1]}`;
}

function listEn(xs: readonly string[]): string {
  return xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** One set of cells that explains the failures: "D8 错" / "D9 和 D10 都错". */
function setZh(cells: readonly string[]): string {
  return cells.length === 1 ? `${cells[0]} 错` : `${listZh(cells)} 都错`;
}

function setEn(cells: readonly string[]): string {
  return cells.length === 1 ? `${cells[0]} is wrong` : cells.length === 2 ? `${listEn(cells)} are both wrong` : `${listEn(cells)} are all wrong`;
}

/** "要么 D8 错，要么 D9 和 D10 都错" / "either D8 is wrong, or D9 and D10 are both wrong". */
export function eitherText(sets: ReadonlyArray<readonly CauseCell[]>, home: string): Text {
  const names = sets.map((s) => [...s].sort(byPlace).map((c) => named(c, home)));
  return {
    zh: names.map((n) => `要么 ${setZh(n)}`).join('，'),
    en: `either ${names.map(setEn).join(', or ')}`,
  };
}

/** The set this cause belongs to (itself and the cells that must change with it), in sheet order. */
export function causeSet(c: Cause): CauseCell[] {
  return [c, ...c.together].sort(byPlace);
}

function resolvesText(c: Cause): Text {
  const n = c.within + c.between;
  const zhParts = [c.within > 0 ? `表内 ${c.within} 处` : '', c.between > 0 ? `表间 ${c.between} 处` : ''].filter(Boolean).join('、');
  const enParts = [c.within > 0 ? `${c.within} within tables` : '', c.between > 0 ? `${c.between} between tables` : ''].filter(Boolean).join(', ');
  return { zh: `${n} 处不平（${zhParts}）`, en: `${n} ${n === 1 ? 'failure' : 'failures'} (${enParts})` };
}

/**
 * The cause's sentence, e.g. "D8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 7 处不平（表内 4 处、
 * 表间 3 处）". Ambiguous: "无法确定哪一格填错：要么 D8 错，要么 D9 和 D10 都错。按第一种，D8 应为 …".
 */
export function causeText(c: Cause): Text {
  const suggested = groupDigits(c.suggested);
  const current = groupDigits(c.current);
  const others = c.together.map((t) => named(t, c.sheet));
  const resolves = resolvesText(c);
  const zhChange = others.length === 0 ? '改这一格' : `与 ${listZh(others)} 一起改`;
  const enChange = others.length === 0 ? 'changing this one cell' : `changing it together with ${listEn(others)}`;
  if (c.alternatives.length > 0) {
    const either = eitherText([causeSet(c), ...c.alternatives], c.sheet);
    return {
      zh: `无法确定哪一格填错：${either.zh}。按第一种，${c.cell} 应为 ${suggested}（现为 ${current}）— ${zhChange}可消除 ${resolves.zh}`,
      en: `Cannot tell which cell is wrong: ${either.en}. In the first case ${c.cell} should be ${suggested} (now ${current}) — ${enChange} resolves ${resolves.en}`,
    };
  }
  if (!c.certain) {
    return {
      zh: `${c.cell} 可能填错：建议值 ${suggested}（现为 ${current}）未能精确核验 — ${zhChange}可消除 ${resolves.zh}`,
      en: `${c.cell} may be wrong: the suggested ${suggested} (now ${current}) could not be verified exactly — ${enChange} resolves ${resolves.en}`,
    };
  }
  const with_ = others.length === 0 ? '' : `（与 ${listZh(others)} 一起）`;
  return {
    zh: `${c.cell} 很可能填错${with_}：应为 ${suggested}（现为 ${current}）— ${zhChange}可消除 ${resolves.zh}`,
    en: `${c.cell} is very likely wrong${others.length === 0 ? '' : `, together with ${listEn(others)}`}: it should be ${suggested} (now ${current}) — ${enChange} resolves ${resolves.en}`,
  };
}

/** Causes in the order the pane shows them: the certain first, then those resolving more. */
export function orderCauses(causes: readonly Cause[]): Cause[] {
  return causes.map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.certain) - Number(a.c.certain) || (b.c.within + b.c.between) - (a.c.within + a.c.between) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The findings (indices) of relations that fail beyond rounding and that no located cause resolves: no change
 * of cells explains them (a row missing from one table, say), or the solver found none in its time.
 */
export function unexplained(result: RawCheckResult, causes: readonly Cause[]): Set<number> {
  const claimed = new Set(causes.flatMap((c) => c.findings));
  const out = new Set<number>();
  for (const r of result.checked ?? []) {
    if (locatable(r) && r.finding !== undefined && !claimed.has(r.finding)) out.add(r.finding);
  }
  return out;
}

/** A relation failing beyond rounding; information-only relations (carry-overs between twin tables) are no constraint. */
function locatable(r: CheckedRelation): boolean {
  return r.outcome === 'failed' && r.instance.severity !== 'info';
}

/** Whether a checked result has anything to locate (尾差 are not errors to locate). */
export function needsLocating(result: RawCheckResult | undefined): boolean {
  return result?.checked?.some(locatable) ?? false;
}
