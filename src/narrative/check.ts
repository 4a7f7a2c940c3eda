/**
 * Checks a 情况说明 against the tables: each figure in 万元 / 元 is attached to the item its clause names (收入,
 * 基本支出, 公务接待费, a project by its name…) and compared with that item's figure in the tables, within the
 * rounding of both printed values; figures of 比上年增减 and 与上年持平 are checked against last year's tables when
 * they are given. Figures of no known item are counted, never guessed.
 */
import type { RawFinding, Severity } from '../findings';
import { grade } from '../grade';
import { Decimal } from '../money';
import { qualify } from '../rules/rule';
import { norm } from '../text';
import type { Fact, FactKey, Facts } from './facts';
import { CHANGE, CHANGE_BEFORE, FILLER, ITEMS, LEVEL } from './items';

export interface NarrativeCheck {
  readonly findings: readonly RawFinding[];
  /** Figures attached to an item and compared. */
  readonly checked: number;
  /** Figures of changes (比上年增减) not checked because last year's tables were not given. */
  readonly changesUnchecked: number;
  /** Money figures attached to no known item. */
  readonly unknown: number;
}

const MONEY = /(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元)/g;
const SHORT = /[，,；;。：:、()]/;
const LONG = /[，,；;。：:]/;
const TEN_THOUSAND = new Decimal(10000);

/** A heading line (三、机关运行经费安排情况, 1、收入说明, （二）支出情况): it starts a paragraph. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])/;

/**
 * Paragraphs, each as its sentences. Lines are joined (a PDF copy breaks lines, even figures, anywhere); a
 * heading line starts a new paragraph.
 */
export function paragraphs(text: string): string[][] {
  const out: string[] = [];
  let cur = '';
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (HEADING.test(line) && cur !== '') { out.push(cur); cur = ''; }
    cur += line.replace(/\s+/g, '');
  }
  if (cur !== '') out.push(cur);
  return out.map((p) => p.split(/(?<=[。！？；;])/).filter((s) => s !== ''));
}

/** Every sentence of a text, in order. */
export function sentences(text: string): string[] {
  return paragraphs(text).flat();
}

/** What the matcher reads: half-width, no spaces, no quotes, 因公出国（境）费 without brackets. */
function prep(s: string): string {
  return norm(s).replace(/["'“”‘’]/g, '').replace(/\(境\)/g, '境');
}

function lastIndex(s: string, re: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (re.test(s[i])) return i;
  return -1;
}

interface Attached {
  readonly key: FactKey | null;
  readonly change: boolean;
  /** An item the matcher knows (拟购置固定资产 is known and has no table figure). */
  readonly known: boolean;
}

const COMPARED_WORDS = /^(?:较|比|与|同)?(?:\d{4}年|上年|去年)?(?:预算|同期)?(?:相比|比较|比)?/;

function attach(s: string, at: number, from: number, facts: Facts): Attached | undefined {
  const short = s.slice(Math.max(from, lastIndex(s.slice(0, at), SHORT) + 1), at);
  const long = s.slice(Math.max(from, lastIndex(s.slice(0, at), LONG) + 1), at);
  let label = short.replace(FILLER, '');
  const change = CHANGE.test(label) || CHANGE_BEFORE.test(label);
  label = label.replace(CHANGE, '').replace(FILLER, '');
  const item = ITEMS.find((x) => x.pattern.test(label));
  if (item) return { key: item.key, change, known: true };
  // A project by its name as printed in its 绩效目标表 (the longest that fits).
  const names = [...facts.projects].sort((a, b) => b.name.length - a.name.length);
  const p = names.find((x) => long.includes(prep(x.name)));
  if (p) return { key: p.key, change, known: true };
  // A change with nothing but 较2024年 before it is the change of the item just named; words before it name another thing.
  return change && label.replace(COMPARED_WORDS, '') === '' ? { key: null, change, known: false } : undefined;
}

function figure(f: Fact): string {
  return f.value.toFixed(Math.max(2, Math.min(f.precision, 4)));
}

function sourceCells(f: Fact): { sheet: string; cells: string[] } {
  const sheet = f.sources[0]?.table.sheet ?? '';
  return { sheet, cells: f.sources.map((s) => (s.table.sheet === sheet ? s.address : qualify(s.table.sheet, s.address))) };
}

export function checkNarrative(text: string, current: Facts, previous?: Facts): NarrativeCheck {
  const findings: RawFinding[] = [];
  let checked = 0;
  let changesUnchecked = 0;
  let unknown = 0;
  let topic: FactKey | undefined;
  const report = (f: Fact, severity: Severity, rounding: boolean, quote: string, said: string, saidValue: Decimal, zh: string, en: string, computed: Decimal) => {
    const { sheet, cells } = sourceCells(f);
    const d = Math.max(2, Math.min(f.precision, 4));
    findings.push({
      rule: 'narrative', severity, rounding, table: f.sources[0]?.table.kind ?? null, sheet, cells,
      reported: said, computed: computed.toFixed(d), difference: saidValue.minus(computed).toFixed(d),
      relation: `narrative.${f.key.startsWith('project:') ? 'project' : f.key}`, subject: f.key,
      text: { zh: `情况说明"${quote}"：${zh}`, en: `the narrative "${quote}": ${en}` },
    });
  };
  for (const para of paragraphs(text)) {
    topic = undefined;
    for (const quote of para) {
      const s = prep(quote);
      let from = 0;
      let last: FactKey | undefined;
      for (const m of s.matchAll(MONEY)) {
        const at = m.index;
        const a = attach(s, at, from, current);
        from = at + m[0].length;
        if (!a) { unknown++; continue; }
        if (a.known && a.key === null) continue;
        const key = a.key ?? last ?? topic;
        if (a.key) { last = a.key; topic = topic ?? a.key; }
        if (!key) { unknown++; continue; }
        const fact = current.facts.get(key);
        if (!fact) { unknown++; continue; }
        const digits = m[1].replace(/,/g, '');
        const inYuan = m[2] === '元';
        const said = new Decimal(digits);
        const saidWan = inYuan ? said.div(TEN_THOUSAND) : said;
        const precision = (digits.split('.')[1]?.length ?? 0) + (inYuan ? 4 : 0);
        const shown = `${m[1]}${m[2]}`;
        if (a.change) {
          const before = previous?.facts.get(key);
          if (!before) { changesUnchecked++; continue; }
          checked++;
          const diff = fact.value.minus(before.value).abs();
          const g = grade({ value: diff, precision: Math.max(fact.precision, before.precision) }, [{ value: saidWan, precision }], false);
          if (g.consistent) continue;
          report(fact, g.rounding ? 'warning' : 'error', g.rounding, quote, shown, saidWan,
            `${fact.label.zh}增减 ${shown}，表中本年 ${figure(fact)}万元、上年 ${figure(before)}万元，相差 ${diff.toFixed(2)}万元${g.rounding ? '（尾差）' : ''}`,
            `${fact.label.en} changed by ${shown}; the tables give ${figure(fact)} this year and ${figure(before)} last year, a change of ${diff.toFixed(2)}${g.rounding ? ' (rounding)' : ''}`, diff);
          continue;
        }
        checked++;
        const candidates = [fact.value, ...(fact.alternatives ?? [])];
        const grades = candidates.map((v) => grade({ value: v, precision: fact.precision }, [{ value: saidWan, precision }], false));
        if (grades.some((g) => g.consistent)) continue;
        const g = grades.find((x) => x.rounding) ?? grades[0];
        const unitHint = inYuan && said.eq(fact.value) ? '（单位应为万元？）' : '';
        // 机关运行经费 taken from 公用经费: a department with 事业单位 counts them apart, so a difference is to be checked, not an error.
        const severity: Severity = fact.derived === 'public' ? 'info' : g.rounding ? 'warning' : 'error';
        const scope = fact.derived === 'public' ? '（表中未列机关运行经费，取基本支出表公用经费；含事业单位的部门两者口径不同，请核实）' : '';
        report(fact, severity, g.rounding, quote, shown, saidWan,
          `${fact.label.zh} ${shown}，表中为 ${figure(fact)}万元${g.rounding ? '（尾差）' : ''}${unitHint}${scope}`,
          `${fact.label.en} ${shown}, the tables give ${figure(fact)}${g.rounding ? ' (rounding)' : ''}${unitHint ? ' (should the unit be 万元?)' : ''}`, fact.value);
      }
      // 与上年持平: the last item named in the sentence, else the paragraph's topic, is unchanged.
      const level = LEVEL.exec(s);
      if (level) {
        const key = last ?? topic;
        const fact = key ? current.facts.get(key) : undefined;
        const before = key ? previous?.facts.get(key) : undefined;
        if (fact && !before) changesUnchecked++;
        if (fact && before) {
          checked++;
          const g = grade({ value: fact.value, precision: fact.precision }, [{ value: before.value, precision: before.precision }], false);
          if (!g.consistent) {
            report(fact, g.rounding ? 'warning' : 'error', g.rounding, quote, '0', new Decimal(0),
              `说${fact.label.zh}与上年持平，但表中本年 ${figure(fact)}万元、上年 ${figure(before)}万元`,
              `says ${fact.label.en} is unchanged, but the tables give ${figure(fact)} this year and ${figure(before)} last year`, fact.value.minus(before.value));
          }
        }
      }
    }
  }
  return { findings, checked, changesUnchecked, unknown };
}
