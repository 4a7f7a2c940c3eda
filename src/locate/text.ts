/**
 * What a cause says, in the words of a 审核 report: one wording for the CLI, its exports and the pane. A certain
 * cause is very likely (很可能), an ambiguous one one of several equally good explanations, each named; a guess
 * is never worded as a certainty. Host-neutral: no DOM, no Office.js, no Node.
 */
import type { Text } from '../findings';
import { parseA1 } from '../snapshot';
import type { Cause, CauseCell } from './locate';

/** `64840547.00` → `64,840,547.00`; anything not a plain decimal is returned as it is. */
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

/** A cell named for a sentence about `home`: without its sheet when on the same sheet (never, for home ''). */
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

/**
 * "要么 D8 错，要么 D9 和 D10 都错" / "either D8 is wrong, or D9 and D10 are both wrong": each set in sheet order,
 * cells on `home` without their sheet ('' names every sheet).
 */
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

/** "7 处不平（表内 4 处、表间 3 处）": a count of zero is not named. */
function resolvesText(c: Cause): Text {
  const n = c.within + c.between;
  const zhParts = [c.within > 0 ? `表内 ${c.within} 处` : '', c.between > 0 ? `表间 ${c.between} 处` : ''].filter(Boolean).join('、');
  const enParts = [c.within > 0 ? `${c.within} within tables` : '', c.between > 0 ? `${c.between} between tables` : ''].filter(Boolean).join(', ');
  // A cell widened into the answer may touch no failing relation itself: then there is nothing to break down.
  const failures = `${n} ${n === 1 ? 'failure' : 'failures'}`;
  return n === 0 ? { zh: `${n} 处不平`, en: failures } : { zh: `${n} 处不平（${zhParts}）`, en: `${failures} (${enParts})` };
}

export interface CauseTextOptions {
  /**
   * Name the cause's own cell with its sheet (`支出总表!G8 很可能填错：…`), and every cell of the alternatives:
   * for a report line that stands alone (the CLI). The pane shows the sheet beside the sentence: `D8 很可能填错：…`.
   */
  readonly qualified?: boolean;
}

/**
 * The cause's sentence, e.g. "D8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 7 处不平（表内 4 处、
 * 表间 3 处）". Ambiguous: "无法确定哪一格填错：要么 D8 错，要么 D9 和 D10 都错。按第一种，D8 应为 …". Not verified
 * exactly: "D8 可能填错：建议值 … 未能精确核验 — …". Cells that change with it are named from its sheet.
 */
export function causeText(c: Cause, options: CauseTextOptions = {}): Text {
  const self = options.qualified ? `${c.sheet}!${c.cell}` : c.cell;
  const suggested = groupDigits(c.suggested);
  const current = groupDigits(c.current);
  const others = c.together.map((t) => named(t, c.sheet));
  const resolves = resolvesText(c);
  const zhChange = others.length === 0 ? '改这一格' : `与 ${listZh(others)} 一起改`;
  const enChange = others.length === 0 ? 'changing this one cell' : `changing it together with ${listEn(others)}`;
  if (c.alternatives.length > 0) {
    // Standing alone, the list comes before any cell that would say which sheet a bare address is on.
    const either = eitherText([causeSet(c), ...c.alternatives], options.qualified ? '' : c.sheet);
    return {
      zh: `无法确定哪一格填错：${either.zh}。按第一种，${self} 应为 ${suggested}（现为 ${current}）— ${zhChange}可消除 ${resolves.zh}`,
      en: `Cannot tell which cell is wrong: ${either.en}. In the first case ${self} should be ${suggested} (now ${current}) — ${enChange} resolves ${resolves.en}`,
    };
  }
  if (!c.certain) {
    return {
      zh: `${self} 可能填错：建议值 ${suggested}（现为 ${current}）未能精确核验 — ${zhChange}可消除 ${resolves.zh}`,
      en: `${self} may be wrong: the suggested ${suggested} (now ${current}) could not be verified exactly — ${enChange} resolves ${resolves.en}`,
    };
  }
  const with_ = others.length === 0 ? '' : `（与 ${listZh(others)} 一起）`;
  return {
    zh: `${self} 很可能填错${with_}：应为 ${suggested}（现为 ${current}）— ${zhChange}可消除 ${resolves.zh}`,
    en: `${self} is very likely wrong${others.length === 0 ? '' : `, together with ${listEn(others)}`}: it should be ${suggested} (now ${current}) — ${enChange} resolves ${resolves.en}`,
  };
}
