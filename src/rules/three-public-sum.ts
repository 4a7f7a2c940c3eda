import { firstAmountColumn, type AmountCell, type AmountRole, type Column, type Table, type TableRow } from '../table';
import { norm, stripOrdinal } from '../text';
import { checkRelation, type Rule, type RuleMeta } from './rule';

export const meta: RuleMeta = {
  id: 'three-public-sum',
  severity: 'error',
  description: {
    zh: '"三公"经费：合计 = 因公出国（境）费 + 公务用车购置及运维费 + 公务接待费；公务用车购置及运维费 = 购置费 + 运行维护费；因公出国（境）费 = 其中各行之和。',
    en: '"Three public" expenses: total = overseas travel + official vehicles + official reception; vehicles = purchase + upkeep; travel = its sub-lines.',
  },
  example: {
    zh: '公务用车运行维护费 0.16，而公务用车购置及运维费为空：错误。',
    en: 'Vehicle upkeep is 0.16 while the vehicle line above it is blank: an error.',
  },
};

type Line = 'total' | 'subtotal' | 'travel' | 'travel-part' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception';

export function lineOf(raw: string): Line | undefined {
  const l = stripOrdinal(norm(raw));
  if (/^合计$|^总计$/.test(l)) return 'total';
  if (/小计$/.test(l)) return 'subtotal';
  if (/^因公出国\(境\)费$|^因公出国境费$|^因公出国费$/.test(l)) return 'travel';
  if (/因公出国/.test(l)) return 'travel-part';
  if (/公务用车购置及运/.test(l)) return 'vehicle';
  if (/购置费$/.test(l)) return 'vehicle-purchase';
  if (/运行(?:维护)?费$|运维费$/.test(l)) return 'vehicle-upkeep';
  if (/公务接待/.test(l)) return 'reception';
  return undefined;
}

const NAMES: Record<Line, { zh: string; en: string }> = {
  total: { zh: '合计', en: 'total' },
  subtotal: { zh: '"三公"经费小计', en: 'subtotal' },
  travel: { zh: '因公出国（境）费', en: 'overseas travel' },
  'travel-part': { zh: '因公出国（境）费其中项', en: 'travel sub-line' },
  vehicle: { zh: '公务用车购置及运维费', en: 'official vehicles' },
  'vehicle-purchase': { zh: '公务用车购置费', en: 'vehicle purchase' },
  'vehicle-upkeep': { zh: '公务用车运行维护费', en: 'vehicle upkeep' },
  reception: { zh: '公务接待费', en: 'official reception' },
};

export const rule: Rule = {
  meta,
  check(ctx) {
    for (const t of ctx.tables) {
      if (t.kind !== 'three-public') continue;
      checkRows(ctx, t);
      checkColumns(ctx, t);
    }
  },
};

function checkRows(ctx: Parameters<Rule['check']>[0], t: Table): void {
  const lines = new Map<Line, TableRow[]>();
  for (const r of t.rows) {
    const l = lineOf(r.labels.main?.text ?? '');
    if (!l) continue;
    const list = lines.get(l) ?? [];
    list.push(r);
    lines.set(l, list);
  }
  const one = (l: Line) => lines.get(l)?.[0];
  const cols = t.columns.filter((c) => c.role.kind === 'amount');
  const rel = (total: Line, parts: readonly Line[], c: Column) => {
    const tr = one(total);
    const terms = parts.flatMap((p) => (p === 'travel-part' ? lines.get(p) ?? [] : one(p) ? [one(p) as TableRow] : []));
    if (!tr || terms.length === 0) return;
    checkRelation(ctx, meta, {
      table: t, total: tr.amounts.get(c.col) as AmountCell, terms: terms.map((r) => r.amounts.get(c.col) as AmountCell),
      what: { zh: `${NAMES[total].zh} ${c.label}`, en: `${NAMES[total].en}, ${c.label}` },
    });
  };
  for (const c of cols) {
    if (one('subtotal')) {
      rel('subtotal', ['travel', 'vehicle', 'reception'], c);
      rel('total', ['subtotal'], c);
    } else rel('total', ['travel', 'vehicle', 'reception'], c);
    rel('vehicle', ['vehicle-purchase', 'vehicle-upkeep'], c);
    rel('travel', ['travel-part'], c);
  }
}

/** The 三公 table printed as one row of columns: 合计 | 因公出国 | 公务用车 (小计 | 购置 | 运维) | 公务接待. */
function checkColumns(ctx: Parameters<Rule['check']>[0], t: Table): void {
  const col = (role: AmountRole) => firstAmountColumn(t, role);
  const total = col('total');
  const parts = [col('travel'), col('vehicle'), col('reception')].filter((c): c is Column => c !== undefined);
  const vehicle = col('vehicle');
  const pv = [col('vehicle-purchase'), col('vehicle-upkeep')].filter((c): c is Column => c !== undefined);
  for (const r of t.rows) {
    const cell = (c: Column) => r.amounts.get(c.col) as AmountCell;
    if (total && parts.length >= 2) {
      checkRelation(ctx, meta, { table: t, total: cell(total), terms: parts.map(cell), what: { zh: '"三公"经费合计', en: '"three public" total' } });
    }
    if (vehicle && pv.length > 0) {
      checkRelation(ctx, meta, { table: t, total: cell(vehicle), terms: pv.map(cell), what: NAMES.vehicle });
    }
  }
}
