/**
 * A random but exactly consistent department budget: the one set of numbers behind the nine linked 公开表.
 *
 * Every amount is an integer count of `Units` (100 元 = 0.01 万元), so printing it in 元 or in 万元 with two
 * decimals is exact and no rounding difference can appear between tables. Only the leaves are drawn at
 * random (the 项 amounts, the 款 of the economic classification, the 三公 parts); every parent, total and
 * summary line is derived from them by the functions below, so every relation a checker may test holds by
 * construction. The renderers (render.ts) print these derived values; they never add anything up themselves.
 */
import { Catalog, type Subject } from '../../src/catalog/catalog';
import { Rng } from '../rng';

/** Whole hundreds of 元 (= 0.01 万元). */
export type Units = number;

/** The money of one 项, by source. All of it is spent in the year; only `generalBasic` is 基本支出. */
export interface Flows {
  /** 一般公共预算财政拨款, 基本支出. */
  readonly generalBasic: Units;
  /** 一般公共预算财政拨款, 项目支出. */
  readonly generalProject: Units;
  /** 政府性基金预算财政拨款 (项目支出, on 基金 subjects only). */
  readonly fundProject: Units;
  /** 国有资本经营预算财政拨款 (项目支出, on 223 subjects only). */
  readonly soeProject: Units;
  /** 事业收入, spent on projects. */
  readonly business: Units;
  /** 其他收入, spent on projects. */
  readonly other: Units;
  /** 上年结转 of 一般公共预算财政拨款, spent on projects (so it counts in the 一般公共预算 table). */
  readonly carry: Units;
}

export const NO_FLOWS: Flows = { generalBasic: 0, generalProject: 0, fundProject: 0, soeProject: 0, business: 0, other: 0, carry: 0 };

export function addFlows(a: Flows, b: Flows): Flows {
  return {
    generalBasic: a.generalBasic + b.generalBasic,
    generalProject: a.generalProject + b.generalProject,
    fundProject: a.fundProject + b.fundProject,
    soeProject: a.soeProject + b.soeProject,
    business: a.business + b.business,
    other: a.other + b.other,
    carry: a.carry + b.carry,
  };
}

/**
 * What each printed column means, as a function of the flows. This is the single definition the renderers
 * use, so a column means the same thing in every layout.
 */
export const measure = {
  /** Everything spent (支出总表 合计 = 收入总表 合计 incl. 上年结转). */
  total: (f: Flows): Units => f.generalBasic + f.generalProject + f.fundProject + f.soeProject + f.business + f.other + f.carry,
  /** 基本支出: only 一般公共预算 money pays for it, so the 支出总表 and the 一般公共预算表 agree on it. */
  basic: (f: Flows): Units => f.generalBasic,
  /** 项目支出 of the 支出总表: every source. */
  project: (f: Flows): Units => f.generalProject + f.carry + f.fundProject + f.soeProject + f.business + f.other,
  /** 一般公共预算财政拨款支出 (incl. what the carried-over 一般公共预算 money pays for). */
  general: (f: Flows): Units => f.generalBasic + f.generalProject + f.carry,
  generalProject: (f: Flows): Units => f.generalProject + f.carry,
  fund: (f: Flows): Units => f.fundProject,
  soe: (f: Flows): Units => f.soeProject,
  /** 财政拨款收入 of the year (all three budgets, no carry-over). */
  fiscalIncome: (f: Flows): Units => f.generalBasic + f.generalProject + f.fundProject + f.soeProject,
  /** 一般公共预算拨款收入 of the year. */
  generalIncome: (f: Flows): Units => f.generalBasic + f.generalProject,
  /** 本年收入 (小计 / 本年收入合计): every source of the year, no carry-over. */
  yearIncome: (f: Flows): Units => f.generalBasic + f.generalProject + f.fundProject + f.soeProject + f.business + f.other,
  /** 单位资金 (Hebei 收支总表): the department's own money. */
  unitFunds: (f: Flows): Units => f.business + f.other,
  /** Any 财政拨款 at all (the 财政拨款收支总表 lists these 类). */
  fiscal: (f: Flows): Units => f.generalBasic + f.generalProject + f.fundProject + f.soeProject + f.carry,
} as const;

/** A 功能分类 subject of any level, with the flows of everything under it. */
export interface FunctionNode {
  readonly code: string;
  readonly name: string;
  /** 1 = 类, 2 = 款, 3 = 项. */
  readonly level: 1 | 2 | 3;
  readonly flows: Flows;
}

export interface Item extends FunctionNode { readonly level: 3 }
export interface Section extends FunctionNode { readonly level: 2; readonly items: readonly Item[] }
export interface FunctionClass extends FunctionNode { readonly level: 1; readonly sections: readonly Section[] }

/** An economic 款 of the 基本支出 table (30101 …). */
export interface EconSection { readonly code: string; readonly name: string; readonly amount: Units }

export interface EconClass {
  readonly code: '301' | '302' | '303' | '310';
  readonly name: string;
  /** 人员经费 (301, 303) or 公用经费 (302, 310). */
  readonly personnel: boolean;
  readonly sections: readonly EconSection[];
  readonly amount: Units;
}

/** The four "三公" parts; subtotals come from `threePublicLines`. */
export interface ThreePublic {
  readonly abroad: Units;
  readonly vehiclePurchase: Units;
  readonly vehicleUpkeep: Units;
  readonly reception: Units;
}

export type ThreePublicLine = 'total' | 'abroad' | 'vehicle' | 'vehicle-purchase' | 'vehicle-upkeep' | 'reception';

export function threePublicLines(t: ThreePublic): Record<ThreePublicLine, Units> {
  const vehicle = t.vehiclePurchase + t.vehicleUpkeep;
  return {
    total: t.abroad + vehicle + t.reception,
    abroad: t.abroad,
    vehicle,
    'vehicle-purchase': t.vehiclePurchase,
    'vehicle-upkeep': t.vehicleUpkeep,
    reception: t.reception,
  };
}

export interface Budget {
  readonly seed: number;
  readonly year: number;
  readonly department: { readonly code: string; readonly name: string };
  /** 功能分类 类 in code order, each with its 款 and 项 in code order. */
  readonly classes: readonly FunctionClass[];
  /** 一般公共预算财政拨款基本支出 by economic 类 (301, 302, 303, 310 as present), in code order. */
  readonly economic: readonly EconClass[];
  /**
   * "三公" of the budget (what a 预算 prints, and the 预算数 columns of a 决算) and the actual spending
   * (the 决算数 columns). Both hold every relation; the 基本支出 30212 / 30217 / 30231 are not larger than
   * either.
   */
  readonly threePublic: { readonly budget: ThreePublic; readonly final: ThreePublic };
  /** 会议费 / 培训费 budgets (Hebei prints them under "三公"): not below the 基本支出 30215 / 30216. */
  readonly meetingTraining: { readonly meeting: Units; readonly training: Units };
  /** 机关运行经费 (Shanghai prints it beside "三公"): here the 公用经费 of the 基本支出 table. */
  readonly operatingCost: Units;
}

export interface GenerateOptions {
  /** Catalog edition and 预算年度; default 2025 or 2026 at random. */
  readonly year?: number;
  /** 政府性基金 subjects and money (default: at random, half the budgets). */
  readonly fund?: boolean;
  /** 国有资本经营 subjects (223) and money (default: at random, one in five). */
  readonly soe?: boolean;
  /** 上年结转 of 一般公共预算 money (default: at random, two in five). */
  readonly carryOver?: boolean;
  /** 事业收入 / 其他收入 (default: at random, two in five). */
  readonly unitFunds?: boolean;
}

// ---- derived views ---------------------------------------------------------------------------------------

/** Every 功能分类 subject in table order: 类, then each 款 followed by its 项. */
export function functionRows(b: Budget): FunctionNode[] {
  const out: FunctionNode[] = [];
  for (const c of b.classes) {
    out.push(c);
    for (const s of c.sections) {
      out.push(s);
      out.push(...s.items);
    }
  }
  return out;
}

/** Flows of the whole budget (the 合计 rows). */
export function totalFlows(b: Budget): Flows {
  return b.classes.reduce((acc, c) => addFlows(acc, c.flows), NO_FLOWS);
}

/**
 * The subjects of one table, with the amounts that table shows: the 一般公共预算 table lists only subjects
 * with 一般公共预算 money, the 政府性基金 table only 基金 subjects, and so on. A parent is listed when one of
 * its children is.
 */
export function rowsWith(b: Budget, keep: (f: Flows) => boolean): FunctionNode[] {
  return functionRows(b).filter((n) => keep(n.flows));
}

export function personnelTotal(b: Budget): Units {
  return b.economic.filter((e) => e.personnel).reduce((s, e) => s + e.amount, 0);
}

export function publicTotal(b: Budget): Units {
  return b.economic.filter((e) => !e.personnel).reduce((s, e) => s + e.amount, 0);
}

/** The economic 款 amount (0 when the budget has none). */
export function econAmount(b: Budget, code: string): Units {
  for (const e of b.economic) {
    if (e.code === code) return e.amount;
    for (const s of e.sections) if (s.code === code) return s.amount;
  }
  return 0;
}

// ---- generation ------------------------------------------------------------------------------------------

const CATALOG = Catalog.builtIn();

/**
 * 类 a department's 一般公共预算 money is commonly spent on. All of them are printed lines of every 收支总表
 * template the renderers know (Hebei's 31 lines, the Shanghai 决算 24 lines).
 */
const GENERAL_CLASSES = ['201', '204', '205', '206', '207', '211', '212', '213', '214', '220', '224'];
/** Personnel-related 类 almost every department has (离退休, 养老保险缴费, 医疗, 住房公积金). */
const STAFF_CLASSES = ['208', '210', '221'];
/** 类 holding 政府性基金 款 that are printed lines of every template. */
const FUND_CLASSES = ['207', '208', '212', '213', '229'];

const PLACES = ['张家口市', '桥东区', '宣化区', '万全区', '崇礼区', '张北县', '康保县', '沽源县', '蔚县', '怀来县', '普陀区', '长宁区', '静安区'];
const BUREAUS = ['财政局', '教育局', '卫生健康委员会', '民政局', '人力资源和社会保障局', '住房和城乡建设管理委员会', '农业农村局', '水务局', '生态环境局', '交通运输局', '文化和旅游局', '市场监督管理局', '审计局', '统计局', '总工会', '妇女联合会', '残疾人联合会', '司法局', '档案馆', '万里街道办事处'];

function known(subjects: readonly Subject[]): Subject[] {
  // Names marked uncertain in the catalog are not used: a generated workbook must only print real pairs.
  return subjects.filter((s) => !s.uncertain);
}

/** 款 of a 类 for one budget part that have at least one 项. */
function sectionsOf(cls: string, year: number, part: 'general' | 'fund' | 'soe'): Subject[] {
  return known(CATALOG.children(cls, { year })).filter((k) => {
    const only = part === 'general' ? k.budgets.includes('general') && !k.budgets.includes('fund') : k.budgets.includes(part);
    return only && known(CATALOG.children(k.code, { year })).length > 0;
  });
}

function itemsOf(section: string, year: number): Subject[] {
  return known(CATALOG.children(section, { year }));
}

function nameOf(code: string, year: number): string {
  const n = CATALOG.name(code, { year });
  if (n === undefined) throw new Error(`catalog ${year} has no subject ${code}`);
  return n;
}

interface DraftItem { code: string; name: string; flows: Flows }

/** A 项 amount: between 0.50 and 3,000.00 万元, skewed to the small end as real tables are. */
function amount(rng: Rng, max = 300000): Units {
  const r = rng.next();
  return 50 + Math.floor(r * r * (max - 50));
}

function generalItem(rng: Rng, s: Subject): DraftItem {
  // 行政运行 / 事业运行 and the staff-cost subjects are mostly 基本支出, the others mostly projects.
  const running = /(01|50)$/.test(s.code) || STAFF_CLASSES.includes(s.code.slice(0, 3));
  let generalBasic = rng.chance(running ? 0.85 : 0.2) ? amount(rng) : 0;
  let generalProject = rng.chance(running ? 0.25 : 0.85) ? amount(rng) : 0;
  if (generalBasic + generalProject === 0) {
    if (running) generalBasic = amount(rng);
    else generalProject = amount(rng);
  }
  return { code: s.code, name: s.name, flows: { ...NO_FLOWS, generalBasic, generalProject } };
}

function buildSection(code: string, year: number, items: DraftItem[]): Section {
  const built: Item[] = items.map((i) => ({ code: i.code, name: i.name, level: 3, flows: i.flows }));
  return { code, name: nameOf(code, year), level: 2, items: built, flows: built.reduce((a, i) => addFlows(a, i.flows), NO_FLOWS) };
}

function buildClass(code: string, year: number, sections: Section[]): FunctionClass {
  const sorted = [...sections].sort((a, b) => (a.code < b.code ? -1 : 1));
  return { code, name: nameOf(code, year), level: 1, sections: sorted, flows: sorted.reduce((a, s) => addFlows(a, s.flows), NO_FLOWS) };
}

/** 基本支出 codes a "三公" line must cover. */
const THREE_PUBLIC_CODES: readonly string[] = ['30212', '30217', '30231'];

/** Economic 款 pools (catalog names of the year); 31013 公务用车购置 is left out so 三公 has no second link. */
function econPool(cls: string, year: number): Subject[] {
  return known(CATALOG.children(cls, { year })).filter((s) => s.code !== '31013');
}

function economic(rng: Rng, year: number, basicTotal: Units): EconClass[] {
  const personnel = Math.round(basicTotal * (0.6 + 0.25 * rng.next()));
  const publicMoney = basicTotal - personnel;
  const with303 = rng.chance(0.6) && personnel >= 40;
  const with310 = rng.chance(0.4) && publicMoney >= 40;
  const [p301, p303] = with303 ? rng.split(personnel, 2, 20) : [personnel, 0];
  const [p302, p310] = with310 ? rng.split(publicMoney, 2, 20) : [publicMoney, 0];
  const plan: Array<[EconClass['code'], boolean, Units, number, number]> = [
    ['301', true, p301, 3, 8],
    ['302', false, p302, 3, 8],
    ['303', true, p303, 1, 3],
    ['310', false, p310, 1, 2],
  ];
  const out: EconClass[] = [];
  for (const [code, isPersonnel, total, lo, hi] of plan) {
    if (total === 0) continue;
    const pool = econPool(code, year);
    const picked = rng.sample(pool, Math.min(rng.int(lo, hi), total));
    let amounts: Units[];
    if (code === '302') {
      // The "三公" links (30212 因公出国, 30217 公务接待费, 30231 公务用车运行维护费) get small, realistic amounts;
      // the other 款 share the rest.
      const want = new Set(picked.map((p) => p.code).filter((c) => !THREE_PUBLIC_CODES.includes(c)));
      if (want.size === 0) want.add('30201');
      for (const [c, p] of [['30217', 0.6], ['30231', 0.5], ['30212', 0.15]] as const) if (rng.chance(p)) want.add(c);
      picked.splice(0, picked.length, ...pool.filter((p) => want.has(p.code)));
      const linked = picked.map((p) => THREE_PUBLIC_CODES.includes(p.code));
      const cap = Math.floor(total / (2 * picked.length));
      const small = linked.map((l) => (l ? Math.max(1, Math.min(rng.int(20, 1500), cap)) : 0));
      const rest = rng.split(total - small.reduce((s, x) => s + x, 0), linked.filter((l) => !l).length, 1);
      amounts = linked.map((l, i) => (l ? small[i] : rest.shift() ?? 0));
    } else {
      amounts = rng.split(total, picked.length, 1);
    }
    out.push({
      code, name: nameOf(code, year), personnel: isPersonnel, amount: total,
      sections: picked.map((p, i) => ({ code: p.code, name: p.name, amount: amounts[i] })),
    });
  }
  return out;
}

/** A "三公" part of the budget: at least the 基本支出 on the linked code, plus project money sometimes. */
function threePublicBudget(rng: Rng, econ: (code: string) => Units): ThreePublic {
  const extra = (p: number, max: number) => (rng.chance(p) ? rng.int(5, max) : 0);
  const t = {
    abroad: econ('30212') + extra(0.2, 3000),
    vehiclePurchase: extra(0.25, 4000),
    vehicleUpkeep: econ('30231') + extra(0.4, 1500),
    reception: econ('30217') + extra(0.5, 800),
  };
  if (t.abroad + t.vehiclePurchase + t.vehicleUpkeep + t.reception === 0) t.reception = rng.int(5, 800);
  return t;
}

/** What was actually spent: between the linked 基本支出 and the budget figure. */
function threePublicFinal(rng: Rng, budget: ThreePublic, econ: (code: string) => Units): ThreePublic {
  const between = (lo: Units, hi: Units) => lo + Math.floor((hi - lo) * rng.next());
  return {
    abroad: between(econ('30212'), budget.abroad),
    vehiclePurchase: rng.chance(0.7) ? budget.vehiclePurchase : between(0, budget.vehiclePurchase),
    vehicleUpkeep: between(econ('30231'), budget.vehicleUpkeep),
    reception: between(econ('30217'), budget.reception),
  };
}

/**
 * One random consistent budget. The same seed and options always give the same budget.
 */
export function generateBudget(seed: number, options: GenerateOptions = {}): Budget {
  const rng = new Rng(seed * 7919 + 17);
  const year = options.year ?? rng.pick([2025, 2026]);
  const withFund = options.fund ?? rng.chance(0.5);
  const withSoe = options.soe ?? rng.chance(0.2);
  const withCarry = options.carryOver ?? rng.chance(0.4);
  const withUnitFunds = options.unitFunds ?? rng.chance(0.4);

  // 1–2 staff 类 and 1–2 others, then an optional 基金 and 国资 类: 2–5 类 in all, 1–3 款 each.
  const extras = (withFund ? 1 : 0) + (withSoe ? 1 : 0);
  const staff = rng.sample(STAFF_CLASSES, rng.int(1, 2));
  const others = rng.sample(GENERAL_CLASSES, rng.int(1, Math.max(1, 4 - extras - staff.length)));
  const draft = new Map<string, Section[]>();
  for (const cls of [...staff, ...others]) {
    const sections = rng.sample(sectionsOf(cls, year, 'general'), rng.int(1, 3));
    draft.set(cls, sections.map((k) => buildSection(k.code, year, rng.sample(itemsOf(k.code, year), rng.int(1, 4)).map((s) => generalItem(rng, s)))));
  }

  // Department money sources are attached to existing general 项 (they are spent on projects).
  const generalItems = (): DraftItem[] => [...draft.values()].flatMap((ss) => ss.flatMap((s) => s.items.map((i) => ({ code: i.code, name: i.name, flows: i.flows }))));
  const bump = (code: string, f: (x: Flows) => Flows) => {
    for (const [cls, sections] of draft) {
      draft.set(cls, sections.map((s) => (s.items.some((i) => i.code === code)
        ? buildSection(s.code, year, s.items.map((i) => ({ code: i.code, name: i.name, flows: i.code === code ? f(i.flows) : i.flows })))
        : s)));
    }
  };
  if (withCarry) for (const it of rng.sample(generalItems(), rng.int(1, 2))) bump(it.code, (x) => ({ ...x, carry: amount(rng, 50000) }));
  if (withUnitFunds) {
    for (const it of rng.sample(generalItems(), rng.int(1, 3))) {
      const business = rng.chance(0.7) ? amount(rng, 80000) : 0;
      const other = business === 0 || rng.chance(0.4) ? amount(rng, 20000) : 0;
      bump(it.code, (x) => ({ ...x, business, other }));
    }
  }

  // A 基金 类 that still has room for a 款 (a 类 may hold general and 基金 款 side by side).
  const fundClasses = FUND_CLASSES.filter((c) => sectionsOf(c, year, 'fund').length > 0 && (draft.get(c)?.length ?? 0) < 3);
  if (withFund && fundClasses.length > 0) {
    const cls = rng.pick(fundClasses);
    const room = 3 - (draft.get(cls)?.length ?? 0);
    const sections = rng.sample(sectionsOf(cls, year, 'fund'), rng.int(1, Math.min(2, room))).map((k) =>
      buildSection(k.code, year, rng.sample(itemsOf(k.code, year), rng.int(1, 3)).map((s) => ({ code: s.code, name: s.name, flows: { ...NO_FLOWS, fundProject: amount(rng, 100000) } }))));
    draft.set(cls, [...(draft.get(cls) ?? []), ...sections]);
  }
  if (withSoe) {
    const sections = rng.sample(sectionsOf('223', year, 'soe'), 1).map((k) =>
      buildSection(k.code, year, rng.sample(itemsOf(k.code, year), rng.int(1, 2)).map((s) => ({ code: s.code, name: s.name, flows: { ...NO_FLOWS, soeProject: amount(rng, 50000) } }))));
    draft.set('223', sections);
  }

  // The 基本支出 table needs some room to split into economic 款: make sure the basic total is not tiny.
  const basicNow = generalItems().reduce((s, i) => s + i.flows.generalBasic, 0);
  if (basicNow < 2000) {
    const first = generalItems()[0];
    bump(first.code, (x) => ({ ...x, generalBasic: x.generalBasic + 2000 }));
  }

  const classes = [...draft.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([cls, sections]) => buildClass(cls, year, sections));
  const basicTotal = classes.reduce((s, c) => s + c.flows.generalBasic, 0);
  const econ = economic(rng, year, basicTotal);
  const econOf = (code: string) => econ.flatMap((e) => e.sections).find((s) => s.code === code)?.amount ?? 0;
  const budget3 = threePublicBudget(rng, econOf);
  const final3 = threePublicFinal(rng, budget3, econOf);

  const place = rng.pick(PLACES);
  const bureau = rng.pick(BUREAUS);
  return {
    seed, year,
    department: { code: String(rng.int(101, 999)), name: `${place}${bureau}` },
    classes,
    economic: econ,
    threePublic: { budget: budget3, final: final3 },
    meetingTraining: {
      meeting: econOf('30215') + (rng.chance(0.3) ? rng.int(10, 2000) : 0),
      training: econOf('30216') + (rng.chance(0.3) ? rng.int(10, 2000) : 0),
    },
    operatingCost: econ.filter((e) => !e.personnel).reduce((s, e) => s + e.amount, 0),
  };
}
