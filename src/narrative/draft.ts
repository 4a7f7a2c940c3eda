/**
 * Drafts the numeric paragraphs of a 情况说明 from the tables, in the wording of the published documents
 * (收入说明, 支出说明, 机关运行经费, 三公, 政府采购, 国有资产), every figure in 万元 with two decimals; with last
 * year's figures, each main figure gets its 比上年增减 (amount and rate) or 与上年持平.
 */
import { Decimal } from '../money';
import type { Fact, FactKey, Facts } from './facts';

const wan = (v: Decimal) => `${v.toFixed(2)}万元`;

export interface DraftParagraph {
  readonly heading: string;
  readonly text: string;
}

/** 比上年增加 12.30万元，增长 5.20% / 与上年持平 / nothing when last year's figure is unknown. */
export function changeWords(cur: Fact | undefined, prev: Fact | undefined): string {
  if (!cur || !prev) return '';
  const d = cur.value.minus(prev.value);
  if (d.abs().lt(new Decimal('0.005'))) return '，与上年持平';
  const rate = prev.value.isZero() ? '' : `，${d.isPositive() ? '增长' : '下降'}${d.abs().div(prev.value).times(100).toFixed(2)}%`;
  return `，比上年${d.isPositive() ? '增加' : '减少'}${wan(d.abs())}${rate}`;
}

export function draftNarrative(current: Facts, previous?: Facts): DraftParagraph[] {
  const f = (k: FactKey) => current.facts.get(k);
  const p = (k: FactKey) => previous?.facts.get(k);
  const v = (k: FactKey) => wan(f(k)?.value ?? new Decimal(0));
  const ch = (k: FactKey) => changeWords(f(k), p(k));
  const y = current.year !== undefined ? `${current.year}年` : '本年';
  const out: DraftParagraph[] = [];
  if (f('income.total')) {
    const parts: string[] = [];
    if (f('income.general')) parts.push(`一般公共预算收入${v('income.general')}`);
    if (f('income.fund')) parts.push(`基金预算收入${v('income.fund')}`);
    if (f('income.soe')) parts.push(`国有资本经营预算收入${v('income.soe')}`);
    if (f('income.special')) parts.push(`财政专户核拨收入${v('income.special')}`);
    if (f('income.unit')) parts.push(`单位资金收入${v('income.unit')}`);
    if (f('income.carry')) parts.push(`上年结转结余${v('income.carry')}`);
    out.push({ heading: '收入说明', text: `${y}预算收入${v('income.total')}${ch('income.total')}${parts.length ? `，其中：${parts.join('，')}` : ''}。` });
  }
  if (f('expense.total')) {
    let text = `${y}支出预算${v('expense.total')}${ch('expense.total')}`;
    if (f('expense.basic')) {
      text += `，其中基本支出${v('expense.basic')}${ch('expense.basic')}`;
      if (f('expense.personnel') || f('expense.public')) text += `，包括人员经费${v('expense.personnel')}和日常公用经费${v('expense.public')}`;
    }
    if (f('expense.project')) {
      text += `；项目支出${v('expense.project')}${ch('expense.project')}`;
      if (current.projects.length > 0) text += `，主要为${current.projects.map((x) => `${x.name}${v(x.key)}`).join('，')}`;
    }
    out.push({ heading: '支出说明', text: `${text}。` });
  }
  if (f('admin')) out.push({ heading: '机关运行经费安排情况', text: `${y}，我部门机关运行经费共计安排${v('admin')}${ch('admin')}。` });
  if (f('tp.total')) {
    out.push({
      heading: '财政拨款"三公"经费预算情况',
      text: `${y}，我部门财政拨款"三公"经费预算安排${v('tp.total')}，其中因公出国（境）费${v('tp.travel')}；公务用车购置及运维费${v('tp.vehicle')}（其中：公务用车购置费为${v('tp.purchase')}，公务用车运维费${v('tp.upkeep')}）；公务接待费${v('tp.reception')}${ch('tp.total').replace(/^，/, '。')}。`,
    });
  }
  if (f('procurement.total')) out.push({ heading: '政府采购预算情况', text: `${y}，我部门政府采购预算${v('procurement.total')}${ch('procurement.total')}。` });
  if (f('assets.total')) out.push({ heading: '国有资产信息', text: `截至上年末，我部门（含所属单位）固定资产金额为${v('assets.total')}。` });
  return out;
}

/** The draft as text: numbered headings and paragraphs. */
export function draftText(paragraphs: readonly DraftParagraph[]): string {
  const n = ['一', '二', '三', '四', '五', '六', '七', '八'];
  return paragraphs.map((x, i) => `${n[i] ?? i + 1}、${x.heading}\n${x.text}\n`).join('\n');
}
