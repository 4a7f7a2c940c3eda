/**
 * The layout registry: every kind of table the engine understands, most specific title first (a 三公 table's
 * title also says 财政拨款 and 支出; 基本支出 also says 一般公共预算). A new kind is one file and a line here.
 */
import type { Layout } from './types';
import { layout as threePublic } from './three-public';
import { layout as basic } from './basic-expenditure';
import { layout as fund } from './fund-expenditure';
import { layout as soe } from './soe-expenditure';
import { layout as general } from './general-expenditure';
import { layout as fiscal } from './fiscal-summary';
import { layout as summary } from './summary';
import { layout as income } from './income';
import { layout as expenditure } from './expenditure';
import { layout as departmentPerformance } from './department-performance';
import { layout as performanceTarget } from './performance-target';
import { layout as procurement } from './procurement';
import { layout as fixedAssets } from './fixed-assets';

/**
 * Title-matching order. A performance form's title names its project, whatever words that uses (…专项资金支出
 * 绩效目标表): 绩效目标 decides first.
 */
const BY_PRIORITY = [
  departmentPerformance, performanceTarget, threePublic, basic, fund, soe, general, fiscal, summary, income, expenditure, procurement, fixedAssets,
] as const satisfies readonly Layout[];

/** Report order: the order of the published disclosure (the nine 公开表, then the tables printed after them). */
export const LAYOUTS = [
  summary, income, expenditure, fiscal, general, basic, fund, soe, threePublic, departmentPerformance, performanceTarget, procurement, fixedAssets,
] as const satisfies readonly Layout[];

export type TableKind = (typeof LAYOUTS)[number]['kind'];

/** The nine 公开表 every disclosure holds (required), in report order. */
export const TABLE_KINDS: readonly TableKind[] = LAYOUTS.filter((l: Layout) => l.required).map((l) => l.kind);

/** Every kind: the nine, then the tables printed after them (绩效目标, 政府采购, 固定资产). */
export const ALL_KINDS: readonly TableKind[] = LAYOUTS.map((l) => l.kind);

const BY_KIND = new Map<string, Layout>(LAYOUTS.map((l) => [l.kind, l]));

export function layoutOf(kind: string): Layout {
  const l = BY_KIND.get(kind);
  if (!l) throw new Error(`no layout for ${kind}`);
  return l;
}

/** The kind whose title patterns match first, in priority order. */
export function kindOfTitleText(t: string): TableKind | undefined {
  for (const l of BY_PRIORITY) if (l.titles.some((re) => re.test(t)) || (l.bareTitles ?? []).some((re) => re.test(t))) return l.kind;
  return undefined;
}

/** A title that does not say 表 but names a kind (部门政府采购预算). */
export function isBareTitle(t: string): boolean {
  return LAYOUTS.some((l: Layout) => (l.bareTitles ?? []).some((re) => re.test(t)));
}

/**
 * Tables of a disclosure the engine knows by name but does not check: they are named in the recognition
 * report instead of being guessed to be one of the nine.
 */
export const OTHER_TABLES: ReadonlyArray<{ readonly pattern: RegExp; readonly name: { zh: string; en: string } }> = [
  { pattern: /项目支出(?!.*绩效)/, name: { zh: '项目支出表', en: 'project expenditure table' } },
  { pattern: /机关运行经费/, name: { zh: '机关运行经费表', en: 'administrative running costs table' } },
];
