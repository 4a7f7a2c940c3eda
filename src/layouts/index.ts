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

/** Title-matching order. */
const BY_PRIORITY = [threePublic, basic, fund, soe, general, fiscal, summary, income, expenditure] as const satisfies readonly Layout[];

/** Report order: the order of the published disclosure. */
export const LAYOUTS = [summary, income, expenditure, fiscal, general, basic, fund, soe, threePublic] as const satisfies readonly Layout[];

export type TableKind = (typeof LAYOUTS)[number]['kind'];

export const TABLE_KINDS: readonly TableKind[] = LAYOUTS.map((l) => l.kind);

const BY_KIND = new Map<string, Layout>(LAYOUTS.map((l) => [l.kind, l]));

export function layoutOf(kind: string): Layout {
  const l = BY_KIND.get(kind);
  if (!l) throw new Error(`no layout for ${kind}`);
  return l;
}

/** The kind whose title patterns match first, in priority order. */
export function kindOfTitleText(t: string): TableKind | undefined {
  for (const l of BY_PRIORITY) if (l.titles.some((re) => re.test(t))) return l.kind;
  return undefined;
}

/**
 * Tables of a disclosure the engine knows by name but does not check: they are named in the recognition
 * report instead of being guessed to be one of the nine.
 */
export const OTHER_TABLES: ReadonlyArray<{ readonly pattern: RegExp; readonly name: { zh: string; en: string } }> = [
  { pattern: /政府采购/, name: { zh: '政府采购预算表', en: 'government procurement table' } },
  { pattern: /绩效目标/, name: { zh: '绩效目标表', en: 'performance target table' } },
  { pattern: /固定资产/, name: { zh: '固定资产占用情况表', en: 'fixed assets table' } },
  { pattern: /项目支出/, name: { zh: '项目支出表', en: 'project expenditure table' } },
  { pattern: /机关运行经费/, name: { zh: '机关运行经费表', en: 'administrative running costs table' } },
];
