/** What a cause says, in the words of a 审核 report: one wording for the CLI, the exports and the pane. */
import type { Text } from '../findings';
import type { Cause, CauseCell } from './locate';

/** 64840547.00 → 64,840,547.00 */
export function grouped(amount: string): string {
  const [int, frac] = amount.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${g}${frac === undefined ? '' : `.${frac}`}`;
}

const where = (c: CauseCell, home: CauseCell) => (c.sheet === home.sheet ? c.cell : `${c.sheet}!${c.cell}`);

function set(cells: readonly CauseCell[], home: CauseCell, lang: 'zh' | 'en'): string {
  const names = cells.map((c) => where(c, home));
  if (lang === 'en') return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/**
 * `D8 很可能填错：应为 0.00（现为 64,840,547.00）— 改这一格可消除 7 处不平（表内 4 处、表间 3 处）`; an ambiguous
 * cause says so: `要么 D8 错，要么 D9 和 D10 都错`. An answer that is not certain is never worded as one.
 */
export function causeText(c: Cause): Text {
  const total = c.within + c.between;
  const what = { zh: `应为 ${grouped(c.suggested)}（现为 ${grouped(c.current)}）`, en: `should be ${grouped(c.suggested)} (it is ${grouped(c.current)})` };
  const tally = { zh: `表内 ${c.within} 处、表间 ${c.between} 处`, en: `${c.within} within tables, ${c.between} between tables` };
  const here = `${c.sheet}!${c.cell}`;
  if (c.alternatives.length > 0) {
    const mine = [c as CauseCell, ...c.together];
    const options = [mine, ...c.alternatives];
    const zh = options.map((o) => `要么 ${set(o, c, 'zh')} ${o.length > 1 ? '都' : ''}错`).join('，');
    const en = options.map((o, i) => `${i === 0 ? 'either' : 'or'} ${set(o, c, 'en')} ${o.length > 1 ? 'are' : 'is'} wrong`).join(', ');
    return {
      zh: `${zh}：无法确定是哪一种（${here} ${what.zh}时可消除 ${total} 处不平）`,
      en: `${en}: which cannot be told (with ${here} ${what.en}, ${total} failures go away)`,
    };
  }
  if (!c.certain) {
    return {
      zh: `${here} 可能填错：${what.zh}，但改后仍有关系未能精确相符，请核实 — 涉及 ${total} 处不平（${tally.zh}）`,
      en: `${here} may be wrong: it ${what.en}, but some relations still do not hold exactly; check it — ${total} failures involved (${tally.en})`,
    };
  }
  if (c.together.length > 0) {
    return {
      zh: `${here} 很可能填错：${what.zh}，须与 ${set(c.together, c, 'zh')} 一并改 — 改这些格可消除 ${total} 处不平（${tally.zh}）`,
      en: `${here} is most likely wrong: it ${what.en}, together with ${set(c.together, c, 'en')} — changing them resolves ${total} failures (${tally.en})`,
    };
  }
  return {
    zh: `${here} 很可能填错：${what.zh} — 改这一格可消除 ${total} 处不平（${tally.zh}）`,
    en: `${here} is most likely wrong: it ${what.en} — changing this cell resolves ${total} failures (${tally.en})`,
  };
}
