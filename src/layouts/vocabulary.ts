/**
 * Header words → what a column is. Shared by every layout: a header means the same thing wherever it is
 * printed; a layout then says which of these columns it accepts. A header not listed here is `unknown`, never
 * an amount.
 */
import { norm } from '../text';
import type { AmountRole, Measure, Side } from './types';

export type HeaderClass =
  | { readonly type: 'seq' }
  | { readonly type: 'code' }
  | { readonly type: 'code-part'; readonly part: 1 | 2 | 3 }
  | { readonly type: 'name'; readonly side?: Side }
  | { readonly type: 'amount'; readonly role: AmountRole; readonly side?: Side; readonly measure?: Measure }
  | { readonly type: 'text' }
  | { readonly type: 'unknown' };

/** Amount headers, most specific first; matched against the leaf with its measure word removed. */
export const AMOUNT_HEADERS: ReadonlyArray<readonly [RegExp, AmountRole]> = [
  [/机关运行经费/, 'admin-costs'],
  [/因公出国/, 'travel'],
  [/公务用车购置及运/, 'vehicle'],
  [/^(?:公务用车)?购置费$/, 'vehicle-purchase'],
  [/^(?:公务用车)?运行(?:维护)?费$|^(?:公务用车)?运维费$/, 'vehicle-upkeep'],
  [/公务接待/, 'reception'],
  [/^年初(?:财政拨款)?结转和?结余$|^年初结转$/, 'carry-in'],
  [/^年末(?:财政拨款)?结转和?结余$|^年末结转$/, 'carry-out'],
  [/^小计$|^本年收入(?:合计|小计)?$/, 'subtotal'],
  [/^(?:合计|总计|金额|本年|全年|本年预算|预算金额|预算安排数?|支出合计|本年支出合计|本年支出|收入合计|本年合计)$/, 'total'],
  [/^(?:收入|支出)$/, 'total'],
  [/基本支出(?:合计)?$/, 'basic'],
  [/项目支出(?:合计)?$/, 'project'],
  [/^(?:事业单位)?经营支出$/, 'business'],
  [/上[解缴]上级/, 'remit'],
  [/对附属单位补助/, 'subsidy'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/一般公共预算/, 'general'],
  [/政府性基金/, 'fund'],
  [/国有资本经营/, 'soe'],
  [/财政专户/, 'special'],
  [/^财政拨款(?:收入)?$/, 'fiscal'],
  [/^事业收入$/, 'undertaking'],
  [/经营收入$/, 'operating'],
  [/上级补助/, 'superior'],
  [/附属单位上缴/, 'affiliated'],
  [/^其他收入$/, 'other-income'],
  [/^单位资金$/, 'unit-funds'],
  [/^上年结转|^上年结余|^结转$/, 'carryover'],
  // 政府采购预算表 and 固定资产占用情况表.
  [/^政府采购(?:预算)?(?:总额|金额|合计)$/, 'total'],
  [/^基金预算(?:拨款)?$/, 'fund'],
  [/^货物(?:类)?$/, 'goods'],
  [/^工程(?:类)?$/, 'works'],
  [/^服务(?:类)?$/, 'services'],
  [/^(?:预留)?小微企业(?:预留)?(?:份额|金额)?$/, 'small-reserved'],
  [/预留中小(?:微)?企业|面向中小(?:微)?企业(?:预留)?/, 'sme-reserved'],
  [/^数量$/, 'quantity'],
  [/^单价$/, 'unit-price'],
  [/^预算资金$/, 'source-budget'],
  [/^(?:价值|金额价值|账面价值|原值)$/, 'value'],
];

/** A unit printed in a header cell (`价值（金额单位：万元）`, `货物(万元)`): it names the unit, not the column. */
export const HEADER_UNIT = /\((?:金额)?(?:单位[:：]?)?(万元|元)\)$/;

/** Measure words at the end of a header: what kind of figure the column holds. */
const MEASURES: ReadonlyArray<readonly [RegExp, Measure]> = [
  [/年初预算数?$/, 'initial'],
  [/调整预算数?$/, 'adjusted'],
  [/决算数?$/, 'final'],
  [/预算数$/, 'budget'],
];

const SEQ = /^(?:序号|行次|栏次|编号|行号)$/;
const CODE = /编码$|代码$|^编码|^科目代码/;
const NAME = /名称$|^项目$|^科目$|^收入项目$|^支出项目$|^项目名称$|^摘要$|^采购项目$/;
const TEXT = /^(?:备注|说明|资金性质|附注|(?:政府采购)?目录序号|(?:政府采购|采购)?品目(?:编码)?|计量单位|采购方式)$/;

/** The measure at the end of a header, and the header without it (`合计预算数` → 合计, budget). */
export function splitMeasure(t: string): { rest: string; measure?: Measure } {
  for (const [re, m] of MEASURES) {
    const x = re.exec(t);
    if (x) return { rest: t.slice(0, x.index), measure: m };
  }
  return { rest: t };
}

function amountRole(t: string): AmountRole | undefined {
  for (const [re, role] of AMOUNT_HEADERS) if (re.test(t)) return role;
  return undefined;
}

/** A side named by a header: 收入 / 本年收入 / 财政拨款收入 / 收入项目 (over 项目 | 预算数), 支出 likewise. */
function sideOf(t: string): Side | undefined {
  if (/^(?:本年|财政拨款)?收入(?:项目|预算|决算)?数?$/.test(t)) return 'income';
  if (/^(?:本年|财政拨款)?支出(?:项目|预算|决算)?数?$/.test(t)) return 'expense';
  return undefined;
}

/** `小计` is the subtotal of the group it stands under: the role of its nearest ancestor that names one. */
function subtotalUnder(ancestors: readonly string[]): AmountRole {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const role = amountRole(splitMeasure(ancestors[i]).rest);
    if (role !== undefined) return role;
  }
  return 'subtotal';
}

/**
 * Classifies a column by its header path (top to bottom). The leaf decides; ancestors give the side (收入 |
 * 支出), the measure (预算数 | 决算数) and, when the leaf is only a measure word, the role (`合计` over
 * `预算数`). `小计` under 公务用车购置及运维费 is the vehicle total.
 */
export function classifyHeader(rawPath: readonly string[]): HeaderClass {
  const path = rawPath.map((p) => norm(p).replace(/^其中[:：]?/, '').replace(HEADER_UNIT, '')).filter((p) => p !== '');
  if (path.length === 0) return { type: 'unknown' };
  const leaf = path[path.length - 1];
  const ancestors = path.slice(0, -1);
  if (SEQ.test(leaf)) return { type: 'seq' };
  if (leaf === '类') return { type: 'code-part', part: 1 };
  if (leaf === '款') return { type: 'code-part', part: 2 };
  if (leaf === '项') return { type: 'code-part', part: 3 };
  if (CODE.test(leaf)) return { type: 'code' };
  let side: Side | undefined;
  let measure: Measure | undefined;
  for (const a of ancestors) {
    const { rest, measure: m } = splitMeasure(a);
    side = sideOf(rest) ?? sideOf(a) ?? side;
    measure = m ?? measure;
  }
  if (NAME.test(leaf)) return { type: 'name', side: side ?? sideOf(leaf.replace(/项目$/, '')) };
  if (TEXT.test(leaf)) return { type: 'text' };
  const own = splitMeasure(leaf);
  measure = own.measure ?? measure;
  let role: AmountRole | undefined;
  if (own.rest === '' || own.rest === '金额') {
    // Only a measure word (`预算数` under `合计`, under 收入): the role is the nearest ancestor's, else the figure of the row.
    for (let i = ancestors.length - 1; i >= 0 && role === undefined; i--) {
      const a = splitMeasure(ancestors[i]).rest;
      if (a === '') continue;
      if (sideOf(a)) { side = side ?? sideOf(a); role = 'total'; break; }
      role = a === '小计' ? subtotalUnder(ancestors.slice(0, i)) : amountRole(a);
    }
    role = role ?? 'total';
  } else if (/^(?:收入|支出)$/.test(own.rest)) {
    side = side ?? sideOf(own.rest);
    role = 'total';
  } else if (own.rest === '小计') {
    role = subtotalUnder(ancestors);
  } else {
    role = amountRole(own.rest);
  }
  if (role === undefined) return { type: 'unknown' };
  return { type: 'amount', role, side, measure };
}

/** Words that start a header row (any column word of any layout). */
export function isHeaderWord(t: string): boolean {
  const c = classifyHeader([t]);
  return c.type !== 'unknown' || /^(?:功能分类科目|经济分类科目|支出功能分类科目|部门经济分类科目|支出经济分类科目|科目|资金性质|本年收入|本年支出|财政拨款|单位资金)$/.test(norm(t));
}
