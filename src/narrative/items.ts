/**
 * The items a 情况说明 attaches figures to, as data: the words before a figure (its clause, filler such as 为 /
 * 共计安排 removed) name the item. Order matters: the specific before the general (一般公共预算收入 before 收入,
 * 基本支出 before 支出); an item with no fact (拟购置固定资产) is known, so its figure is never taken for another.
 */
import type { FactKey } from './facts';

export interface ItemSpec {
  readonly key: FactKey | null;
  readonly pattern: RegExp;
}

export const ITEMS: readonly ItemSpec[] = [
  { key: null, pattern: /拟购置?固定资产(?:总额|金额)?$/ },
  { key: 'assets.total', pattern: /固定资产(?:金额|总额|原值|总值)?$/ },
  { key: 'procurement.total', pattern: /政府采购(?:预算)?(?:总额|金额|资金)?$/ },
  { key: 'admin', pattern: /机关运行(?:经)?费(?:预算)?$/ },
  { key: 'tp.travel', pattern: /因公出国境?(?:\(境\))?费(?:用)?$/ },
  { key: 'tp.vehicle', pattern: /公务用车购置及运(?:行)?(?:维护?)?(?:经)?费$/ },
  { key: 'tp.purchase', pattern: /公务用车购置(?:经)?费$/ },
  { key: 'tp.upkeep', pattern: /公务用车运(?:行)?(?:维护?)?(?:经)?费$/ },
  { key: 'tp.reception', pattern: /公务接待(?:经)?费$/ },
  { key: 'tp.total', pattern: /三公经费(?:预算)?(?:总额|合计)?$/ },
  { key: 'income.general', pattern: /一般公共预算(?:拨款)?(?:收入)?$/ },
  { key: 'income.fund', pattern: /(?:政府性)?基金预算(?:拨款)?(?:收入)?$/ },
  { key: 'income.soe', pattern: /国有资本经营预算(?:拨款)?(?:收入)?$/ },
  { key: 'income.special', pattern: /财政专户(?:核拨|管理资金)?(?:收入)?$/ },
  { key: 'income.unit', pattern: /单位资金(?:收入)?$/ },
  { key: 'income.carry', pattern: /(?:上年|年初)结转(?:和)?(?:结余)?(?:资金)?$/ },
  { key: 'income.fiscal', pattern: /财政拨款(?:收入)?$/ },
  { key: 'expense.basic', pattern: /基本支出$/ },
  { key: 'expense.project', pattern: /项目支出$/ },
  { key: 'expense.personnel', pattern: /人员(?:经费|支出)$/ },
  { key: 'expense.public', pattern: /公用(?:经费|支出)$/ },
  { key: 'income.total', pattern: /(?:^|年|部门|单位)(?:部门)?(?:预算)?收入(?:预算)?(?:总额|合计|总计)?$/ },
  { key: 'expense.total', pattern: /(?:^|年|部门|单位)(?:部门)?(?:预算)?(?:收支|支出)(?:预算)?(?:安排|总额|合计|总计)?$/ },
];

/** Words between an item and its figure that say nothing about it (为, 共计安排, 达到…). */
export const FILLER = /(?:为|是|共计|合计|共|安排|预算安排|约|达到?|总计|计)+$/;

/** A figure that is a change, not a level: the change word before the item or between item and figure. */
export const CHANGE = /(增加|减少|增长|下降|上升|降低|新增|增|减)$/;
export const CHANGE_BEFORE = /(?:增加|减少|增长|下降|新增)/;

/** Words that make the figures after them in a sentence changes against last year. */
export const COMPARED = /较\d{4}年|较上年|比上年|与上年|同比|与\d{4}年(?:相比|比较)?|比\d{4}年/;

/** 与上年持平: no change (checked against last year's tables when given). */
export const LEVEL = /持平|无增减/;
