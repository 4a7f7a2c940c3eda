import type { AmountRole, ColumnRole, Side, TableKind } from '../table';

const AMOUNT_ROLES: ReadonlyArray<readonly [RegExp, AmountRole]> = [
  [/因公出国/, 'travel'],
  [/公务用车购置及运(?:行)?维(?:护)?费|公务用车购置及运行费/, 'vehicle'],
  [/购置费$/, 'vehicle-purchase'],
  [/运行(?:维护)?费$|运维费$/, 'vehicle-upkeep'],
  [/公务接待/, 'reception'],
  [/^小计$/, 'subtotal'],
  [/^(?:合计|总计|预算数|金额|本年预算数?|预算金额|决算数|全年预算数|预算安排数|本年预算)$/, 'total'],
  [/基本支出$/, 'basic'],
  [/项目支出$/, 'project'],
  [/经营支出$/, 'business'],
  [/上解上级/, 'remit'],
  [/对附属单位补助/, 'subsidy'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/一般公共预算/, 'general'],
  [/政府性基金/, 'fund'],
  [/国有资本经营/, 'soe'],
  [/财政专户/, 'special'],
  [/^财政拨款(?:收入)?$|^财政拨款/, 'fiscal'],
  [/事业收入/, 'undertaking'],
  [/经营收入/, 'operating'],
  [/上级补助/, 'superior'],
  [/附属单位上缴/, 'affiliated'],
  [/其他收入/, 'other-income'],
  [/单位资金/, 'unit-funds'],
  [/结转|结余/, 'carryover'],
];

function sideOf(path: readonly string[]): Side | undefined {
  for (const p of path) {
    if (/^收入$|^收入项目$|^收\s*入$/.test(p)) return 'income';
    if (/^支出$|^支出项目$|^支\s*出$/.test(p)) return 'expense';
  }
  return undefined;
}

/**
 * Classifies a column by its header path (top to bottom, whitespace removed). The leaf decides, the
 * ancestors disambiguate: `小计` under 公务用车购置及运维费 is the vehicle total, `项目` under 支出 is the expense
 * side's label column.
 */
export function classifyColumn(path: readonly string[]): ColumnRole | undefined {
  if (path.length === 0) return undefined;
  const leaf = path[path.length - 1];
  const ancestors = path.slice(0, -1);
  const side = sideOf(ancestors);
  if (/^(?:序号|行次|编号)$/.test(leaf)) return { kind: 'seq' };
  if (leaf === '类') return { kind: 'code', part: 1 };
  if (leaf === '款') return { kind: 'code', part: 2 };
  if (leaf === '项' && ancestors.some((a) => /编码|代码|科目/.test(a))) return { kind: 'code', part: 3 };
  if (/编码|代码/.test(leaf)) return { kind: 'code' };
  if (/名称$|^项目$|^科目$|^项目名称$|^收入项目$|^支出项目$/.test(leaf)) return { kind: 'name', side: side ?? sideOf([leaf]) };
  if (leaf === '小计') {
    if (ancestors.some((a) => /公务用车购置及运/.test(a))) return { kind: 'amount', role: 'vehicle', side };
    if (ancestors.some((a) => /因公出国/.test(a))) return { kind: 'amount', role: 'travel', side };
  }
  for (const [re, role] of AMOUNT_ROLES) if (re.test(leaf)) return { kind: 'amount', role, side };
  return { kind: 'amount', role: 'amount', side };
}

/**
 * The kind of an untitled table (a range given to CHECKTOTALS, a sheet without a title row), from the roles
 * of its columns. General-expenditure tables share the 支出总表 shape and its relations, so they read as it.
 */
export function inferKind(roles: readonly ColumnRole[]): TableKind | undefined {
  const has = (...rs: AmountRole[]) => roles.some((r) => r.kind === 'amount' && rs.includes(r.role));
  const sided = roles.some((r) => r.kind === 'amount' && r.side !== undefined);
  if (has('travel', 'vehicle', 'reception', 'vehicle-upkeep')) return 'three-public';
  if (has('personnel', 'public')) return 'basic-expenditure';
  if (sided) return has('general', 'fund', 'soe') ? 'fiscal-summary' : 'summary';
  if (has('subtotal', 'fiscal', 'undertaking', 'special', 'carryover')) return 'income';
  if (has('basic', 'project', 'business', 'remit', 'subsidy')) return 'expenditure';
  if (has('general', 'fund', 'soe')) return 'three-public';
  return undefined;
}
