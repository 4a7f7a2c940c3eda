/**
 * Synthetic department workbooks for the benchmark: the nine 公开表 laid out exactly like the seed-004 grids
 * (same titles, header rows and columns, read from the fixtures), with many more coded rows. Every amount is
 * integer cents until it is printed, so every parent is the exact sum of its children and every summary line
 * agrees with the detail tables, except where an error is planted on purpose.
 */
import { Catalog } from '../src/catalog/catalog';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHEET_NAMES } from '../cli/sample';
import { parseTsv, sheetFromGrid, type Workbook } from '../src/snapshot';
import { TABLE_KINDS, type TableKind } from '../src/table';
import { stripOrdinal } from '../src/text';
import { Rng } from './rng';

/** Header block of every seed table: title, department, 预算年度, 单位, two header rows, 栏次. */
export const HEADER_ROWS = 7;

export interface GridTable {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly grid: string[][];
  /** Body rows (below the header block, notes excluded): what the engine reads as table rows. */
  bodyRows: number;
}

export type PlantedKind =
  | 'child-off' | 'rounding' | 'text-number' | 'summary-line' | 'missing-section' | 'name-mismatch';

export const PLANTED_KINDS: readonly PlantedKind[] = [
  'child-off', 'rounding', 'text-number', 'summary-line', 'missing-section', 'name-mismatch',
];

export interface Planted {
  readonly kind: PlantedKind;
  readonly sheet: string;
  readonly what: string;
}

export interface DeptWorkbook {
  readonly name: string;
  readonly tables: readonly GridTable[];
  readonly planted?: Planted;
}

// ---- the subjects: real 政府收支分类科目 codes and names from the built-in catalog -----------------------

const CATALOG = Catalog.builtIn();

/** 类 names are exactly the 收支总表 expense lines (after the ordinal), which is how the engine matches them. */
const CLASSES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '201', name: '一般公共服务支出' },
  { code: '205', name: '教育支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '221', name: '住房保障支出' },
];

/** 支出经济分类 of the 基本支出 table; 301 and 303 are 人员经费, 302 公用经费. */
const ECONOMIC: ReadonlyArray<{ code: string; name: string; personnel: boolean; items: ReadonlyArray<readonly [string, string]> }> = [
  { code: '301', name: '工资福利支出', personnel: true, items: [['01', '基本工资'], ['02', '津贴补贴'], ['03', '奖金'], ['07', '绩效工资'], ['08', '机关事业单位基本养老保险缴费'], ['09', '职业年金缴费'], ['10', '职工基本医疗保险缴费'], ['11', '公务员医疗补助缴费'], ['12', '其他社会保障缴费'], ['13', '住房公积金'], ['99', '其他工资福利支出']] },
  { code: '302', name: '商品和服务支出', personnel: false, items: [['01', '办公费'], ['02', '印刷费'], ['05', '水费'], ['06', '电费'], ['07', '邮电费'], ['11', '差旅费'], ['12', '因公出国（境）费用'], ['13', '维修（护）费'], ['15', '会议费'], ['16', '培训费'], ['17', '公务接待费'], ['28', '工会经费'], ['29', '福利费'], ['31', '公务用车运行维护费'], ['39', '其他交通费用'], ['99', '其他商品和服务支出']] },
  { code: '303', name: '对个人和家庭的补助', personnel: true, items: [['01', '离休费'], ['02', '退休费'], ['05', '生活补助'], ['07', '医疗费补助'], ['09', '奖励金'], ['99', '其他对个人和家庭的补助']] },
];

const PLACES = ['张家口市', '桥东区', '桥西区', '宣化区', '下花园区', '万全区', '崇礼区', '张北县', '康保县', '沽源县', '尚义县', '蔚县', '阳原县', '怀安县', '怀来县', '涿鹿县', '赤城县'];
const BUREAUS = ['财政局', '教育局', '卫生健康委员会', '民政局', '人力资源和社会保障局', '住房和城乡建设局', '农业农村局', '水务局', '自然资源和规划局', '生态环境局', '交通运输局', '文化广电和旅游局', '市场监督管理局', '审计局', '统计局', '总工会', '妇女联合会', '残疾人联合会', '科学技术局', '档案馆'];

// ---- amounts --------------------------------------------------------------------------------------------

/** Per-row amounts in cents: fiscal basic, fiscal project, and 单位资金 (事业收入) spent on projects. */
interface Vec { basic: number; project: number; unit: number }
const zero = (): Vec => ({ basic: 0, project: 0, unit: 0 });
const add = (a: Vec, b: Vec): Vec => ({ basic: a.basic + b.basic, project: a.project + b.project, unit: a.unit + b.unit });
const fiscal = (v: Vec) => v.basic + v.project;
const all = (v: Vec) => v.basic + v.project + v.unit;

/** 万元 with two decimals, printed from integer cents; zero prints blank as on the published tables. */
export function money(cents: number): string {
  if (cents === 0) return '';
  const sign = cents < 0 ? '-' : '';
  const c = Math.abs(cents);
  return `${sign}${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

/** Parses a printed 万元 amount back to cents (integer arithmetic: no float drift). */
function cents(text: string): number {
  if (text === '') return 0;
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

interface CodedRow { code: string; name: string; v: Vec }

interface FunctionTree {
  /** Rows in table order: 类, its 款, each 款's 项. */
  rows: CodedRow[];
  classes: CodedRow[];
  total: Vec;
}

function functionTree(rng: Rng): FunctionTree {
  const rows: CodedRow[] = [];
  const classes: CodedRow[] = [];
  let total = zero();
  for (const c of rng.sample(CLASSES, rng.int(3, 6))) {
    const classRow: CodedRow = { code: c.code, name: c.name, v: zero() };
    rows.push(classRow);
    classes.push(classRow);
    // 款 and 项 come from the built-in catalog, so generated workbooks pass the catalog rules too.
    const sections = CATALOG.children(c.code, { year: 2025 })
      .filter((k) => k.budgets.includes('general') && CATALOG.children(k.code, { year: 2025 }).length >= 2)
      .map((k) => [k.code.slice(3), k.name] as const);
    for (const [s, sName] of rng.sample(sections, rng.int(2, 6))) {
      const code = c.code + s;
      const sectionRow: CodedRow = { code, name: sName, v: zero() };
      rows.push(sectionRow);
      const catalogue = CATALOG.children(code, { year: 2025 }).map((x) => [x.code.slice(5), x.name] as const);
      for (const [i, iName] of rng.sample(catalogue, rng.int(2, 6))) {
        // 行政运行 / 事业运行 are mostly basic spending, the others mostly projects.
        const running = i === '01' || i === '50';
        const v: Vec = {
          basic: rng.chance(running ? 0.95 : 0.35) ? rng.int(500, 80000) : 0,
          project: rng.chance(running ? 0.15 : 0.7) ? rng.int(100, 60000) : 0,
          unit: rng.chance(0.12) ? rng.int(100, 30000) : 0,
        };
        // Every row is fiscally funded, so income, expenditure and general tables list the same codes.
        if (fiscal(v) === 0) v.basic = rng.int(500, 20000);
        rows.push({ code: code + i, name: iName, v });
        sectionRow.v = add(sectionRow.v, v);
      }
      classRow.v = add(classRow.v, sectionRow.v);
    }
    total = add(total, classRow.v);
  }
  return { rows, classes, total };
}

interface EconRow { code: string; name: string; personnel: number; public: number }

/** The 基本支出 table splits the fiscal basic total by economic code, exactly. */
function economicTree(rng: Rng, basicTotal: number): EconRow[] {
  const personnelTotal = Math.round(basicTotal * (0.65 + 0.2 * rng.next()));
  const publicTotal = basicTotal - personnelTotal;
  const with303 = rng.chance(0.6);
  const [p301, p303] = with303 ? rng.split(personnelTotal, 2) : [personnelTotal, 0];
  const budget: Record<string, number> = { '301': p301, '302': publicTotal, '303': p303 };
  const out: EconRow[] = [];
  for (const e of ECONOMIC) {
    const amount = budget[e.code];
    if (e.code === '303' && !with303) continue;
    const picked = rng.sample(e.items, e.code === '301' ? rng.int(5, 11) : e.code === '302' ? rng.int(5, 14) : rng.int(2, 5));
    const parts = rng.split(amount, picked.length);
    const row = (code: string, name: string, c: number): EconRow =>
      ({ code, name, personnel: e.personnel ? c : 0, public: e.personnel ? 0 : c });
    out.push(row(e.code, e.name, amount));
    picked.forEach(([i, name], k) => out.push(row(e.code + i, name, parts[k])));
  }
  return out;
}

// ---- the seed's header blocks ---------------------------------------------------------------------------

interface Seed { header: string[][]; full: string[][] }

function seedDir(): string {
  // dist/bench → repo root, or bench/ when run with tsx.
  for (const base of [join(__dirname, '..', '..'), join(__dirname, '..')]) {
    const p = join(base, 'test', 'fixtures', 'seed-004');
    if (existsSync(p)) return p;
  }
  throw new Error('test/fixtures/seed-004 not found');
}

function loadSeeds(): Record<TableKind, Seed> {
  const dir = seedDir();
  const out = {} as Record<TableKind, Seed>;
  for (const k of TABLE_KINDS) {
    const full = parseTsv(readFileSync(join(dir, `${k}.tsv`), 'utf8'));
    out[k] = { header: full.slice(0, HEADER_ROWS), full };
  }
  return out;
}

let seeds: Record<TableKind, Seed> | undefined;

function headerFor(kind: TableKind, dept: string): string[][] {
  seeds ??= loadSeeds();
  const h = seeds[kind].header.map((r) => [...r]);
  h[1] = [dept]; // the seed's `711 张家口市总工会` line
  return h;
}

function widthOf(kind: TableKind): number {
  seeds ??= loadSeeds();
  return seeds[kind].header[HEADER_ROWS - 1].length;
}

function line(width: number, cells: Record<number, string>): string[] {
  const r = new Array<string>(width).fill('');
  for (const [c, v] of Object.entries(cells)) r[Number(c)] = v;
  return r;
}

// ---- the nine tables ------------------------------------------------------------------------------------

type Amounts = (v: Vec) => Record<number, string>;

/** 收入总表 / 支出总表 / 一般公共预算支出表: 序号 | 编码 | 名称 | amounts…, total row first. */
function codedTable(kind: TableKind, dept: string, tree: FunctionTree, amounts: Amounts): GridTable {
  const w = widthOf(kind);
  const grid = headerFor(kind, dept);
  grid.push(line(w, { 0: '1', 2: '合计', ...amounts(tree.total) }));
  tree.rows.forEach((r, i) => grid.push(line(w, { 0: String(i + 2), 1: r.code, 2: r.name, ...amounts(r.v) })));
  return { kind, sheet: sheetName(kind), grid, bodyRows: tree.rows.length + 1 };
}

function basicTable(dept: string, econ: readonly EconRow[]): GridTable {
  const kind: TableKind = 'basic-expenditure';
  const w = widthOf(kind);
  const grid = headerFor(kind, dept);
  const top = econ.filter((e) => e.code.length === 3);
  const p = top.reduce((s, e) => s + e.personnel, 0);
  const q = top.reduce((s, e) => s + e.public, 0);
  grid.push(line(w, { 0: '1', 2: '合计', 3: money(p + q), 4: money(p), 5: money(q) }));
  econ.forEach((e, i) => grid.push(line(w, { 0: String(i + 2), 1: e.code, 2: e.name, 3: money(e.personnel + e.public), 4: money(e.personnel), 5: money(e.public) })));
  return { kind, sheet: sheetName(kind), grid, bodyRows: econ.length + 1 };
}

/**
 * 收支总表 and 财政拨款收支总表: the seed's 31 expense lines and income items, refilled from the detail tables
 * (类 totals by name, year totals, grand totals). Carry-over lines stay blank as in the seed.
 */
function summaryTable(kind: 'summary' | 'fiscal-summary', dept: string, tree: FunctionTree): GridTable {
  seeds ??= loadSeeds();
  const grid = headerFor(kind, dept);
  const byName = new Map(tree.classes.map((c) => [c.name, c]));
  const body = seeds[kind].full.slice(HEADER_ROWS);
  const fiscalTotal = money(fiscal(tree.total));
  for (const src of body) {
    const r = src.map((c, i) => (i === 0 || i === 1 || i === 3 ? c : ''));
    const inc = stripOrdinal(src[1]);
    const exp = stripOrdinal(src[3]);
    const cls = byName.get(exp);
    if (kind === 'summary') {
      if (inc === '一般公共预算拨款收入') r[2] = fiscalTotal;
      else if (inc === '单位资金') r[2] = money(tree.total.unit);
      else if (inc === '本年收入合计' || inc === '收入总计') r[2] = money(all(tree.total));
      if (cls) r[4] = money(all(cls.v));
      else if (exp === '本年支出合计' || exp === '支出总计') r[4] = money(all(tree.total));
    } else {
      // The same label repeats under 年初财政拨款结转和结余 (序号 34), which stays blank.
      if (inc === '一般公共预算拨款' && Number(src[0]) < 10) r[2] = fiscalTotal;
      else if (inc === '本年收入合计' || inc === '收入总计') r[2] = fiscalTotal;
      const e = cls ? money(fiscal(cls.v)) : exp === '本年支出合计' || exp === '支出总计' ? fiscalTotal : '';
      r[4] = e;
      r[5] = e;
    }
    grid.push(r);
  }
  return { kind, sheet: sheetName(kind), grid, bodyRows: body.length };
}

/** 政府性基金 / 国有资本经营 tables: empty, with the seed's 空表列示 note. */
function emptyTable(kind: TableKind, dept: string): GridTable {
  seeds ??= loadSeeds();
  const grid = [...headerFor(kind, dept), ...seeds[kind].full.slice(HEADER_ROWS).map((r) => [...r])];
  return { kind, sheet: sheetName(kind), grid, bodyRows: 0 };
}

/** "三公" lines cover at least the matching 基本支出 codes (they may add project spending). */
function threePublicTable(rng: Rng, dept: string, econ: readonly EconRow[]): GridTable {
  const kind: TableKind = 'three-public';
  const w = widthOf(kind);
  const grid = headerFor(kind, dept);
  const basicOf = (code: string) => econ.find((e) => e.code === code)?.public ?? 0;
  const extra = () => (rng.chance(0.4) ? rng.int(50, 3000) : 0);
  const travel = basicOf('30212') + extra();
  const upkeep = basicOf('30231') + extra();
  const purchase = rng.chance(0.2) ? rng.int(500, 4000) : 0;
  const reception = basicOf('30217') + extra();
  const vehicle = purchase + upkeep;
  const lines: Array<[string, number]> = [
    ['合计', travel + vehicle + reception],
    ['1.因公出国（境）费', travel],
    ['2.公务用车购置及运行维护费', vehicle],
    ['其中：公务用车购置费', purchase],
    ['公务用车运行维护费', upkeep],
    ['3.公务接待费', reception],
  ];
  lines.forEach(([label, c], i) => grid.push(line(w, { 0: String(i + 1), 1: label, 2: money(c), 3: money(c) })));
  return { kind, sheet: sheetName(kind), grid, bodyRows: lines.length };
}

function sheetName(kind: TableKind): string {
  return SHEET_NAMES[TABLE_KINDS.indexOf(kind)];
}

// ---- planted errors -------------------------------------------------------------------------------------

const FULL_WIDTH_DIGITS = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function table(tables: GridTable[], kind: TableKind): GridTable {
  return tables.find((t) => t.kind === kind) as GridTable;
}

/** Body rows of a coded table whose code has the given length. */
function rowsWithCodeLength(t: GridTable, len: number): number[] {
  const out: number[] = [];
  for (let r = HEADER_ROWS; r < t.grid.length; r++) if (t.grid[r][1].length === len && /^\d+$/.test(t.grid[r][1])) out.push(r);
  return out;
}

/** Mutates one table the way a hand-edited workbook goes wrong, and says what was done. */
function plant(rng: Rng, kind: PlantedKind, tables: GridTable[]): Planted {
  switch (kind) {
    case 'child-off': {
      // A 项 amount retyped: its row no longer cross-foots and its 款 no longer adds up.
      const t = table(tables, 'expenditure');
      const r = rng.pick(rowsWithCodeLength(t, 7));
      const c = t.grid[r][4] !== '' ? 4 : 5;
      t.grid[r][c] = money(cents(t.grid[r][c]) + 100);
      return { kind, sheet: t.sheet, what: `${t.grid[r][1]} col ${c} +1.00` };
    }
    case 'rounding': {
      // A 款 rounded from 元 one cent away from its 项: 尾差 warnings, as in the published sample.
      const t = table(tables, 'income');
      const r = rng.pick(rowsWithCodeLength(t, 5));
      for (const c of [3, 4, 5]) t.grid[r][c] = money(cents(t.grid[r][c]) + 1);
      return { kind, sheet: t.sheet, what: `${t.grid[r][1]} +0.01` };
    }
    case 'text-number': {
      // A 项 amount typed as full-width text: SUM skips it, the engine reads it and warns.
      const t = table(tables, 'general-expenditure');
      const r = rng.pick(rowsWithCodeLength(t, 7));
      t.grid[r][3] = FULL_WIDTH_DIGITS(t.grid[r][3]);
      return { kind, sheet: t.sheet, what: `${t.grid[r][1]} 合计 as text` };
    }
    case 'summary-line': {
      const t = table(tables, 'summary');
      const r = t.grid.findIndex((row, i) => i >= HEADER_ROWS && row[4] !== '' && !/合计|总计/.test(row[3]));
      t.grid[r][4] = money(cents(t.grid[r][4]) + 1000);
      return { kind, sheet: t.sheet, what: `${t.grid[r][3]} +10.00` };
    }
    case 'missing-section': {
      // A 款 row deleted: its 项 lose their parent and the 类 no longer adds up.
      const t = table(tables, 'general-expenditure');
      const r = rng.pick(rowsWithCodeLength(t, 5));
      const code = t.grid[r][1];
      t.grid.splice(r, 1);
      t.bodyRows--;
      return { kind, sheet: t.sheet, what: `款 ${code} removed` };
    }
    case 'name-mismatch': {
      const t = table(tables, 'expenditure');
      const r = rng.pick(rowsWithCodeLength(t, 7));
      t.grid[r][2] += '（调整）';
      return { kind, sheet: t.sheet, what: `${t.grid[r][1]} renamed` };
    }
  }
}

// ---- the batch ------------------------------------------------------------------------------------------

export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
  /** Every `plantEvery`-th workbook (offset 3) gets one planted error; 0 = none (a clean batch). */
  readonly plantEvery: number;
}

export function generateDepartment(i: number, seed: number, plantKind?: PlantedKind): DeptWorkbook {
  const rng = new Rng(seed * 1000003 + i);
  const code = String(101 + i);
  const deptName = `${PLACES[Math.floor(i / BUREAUS.length) % PLACES.length]}${BUREAUS[i % BUREAUS.length]}`;
  const dept = `${code} ${deptName}`;
  const tree = functionTree(rng);
  const econ = economicTree(rng, tree.total.basic);
  const tables: GridTable[] = [
    summaryTable('summary', dept, tree),
    codedTable('income', dept, tree, (v) => ({ 3: money(all(v)), 4: money(all(v)), 5: money(fiscal(v)), 7: money(v.unit) })),
    codedTable('expenditure', dept, tree, (v) => ({ 3: money(all(v)), 4: money(v.basic), 5: money(v.project + v.unit) })),
    summaryTable('fiscal-summary', dept, tree),
    codedTable('general-expenditure', dept, tree, (v) => ({ 3: money(fiscal(v)), 4: money(v.basic), 5: money(v.project) })),
    basicTable(dept, econ),
    emptyTable('fund-expenditure', dept),
    emptyTable('soe-expenditure', dept),
    threePublicTable(rng, dept, econ),
  ];
  const planted = plantKind ? plant(rng, plantKind, tables) : undefined;
  return { name: `${dept}2025年部门预算`, tables, planted };
}

export function generateBatch(o: GenerateOptions): DeptWorkbook[] {
  const out: DeptWorkbook[] = [];
  for (let i = 0; i < o.count; i++) {
    const k = o.plantEvery > 0 && i % o.plantEvery === 3 ? PLANTED_KINDS[Math.floor(i / o.plantEvery) % PLANTED_KINDS.length] : undefined;
    out.push(generateDepartment(i, o.seed, k));
  }
  return out;
}

/** The engine's input: the same snapshot a host builds (numeric text becomes numbers with a 0.00 format). */
export function toWorkbook(d: DeptWorkbook): Workbook {
  return { name: d.name, sheets: d.tables.map((t) => sheetFromGrid(t.sheet, t.grid)) };
}

export function bodyRowCount(d: DeptWorkbook): number {
  return d.tables.reduce((s, t) => s + t.bodyRows, 0);
}
