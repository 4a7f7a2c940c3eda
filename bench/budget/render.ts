/**
 * Renders one `Budget` as the nine linked 公开表 in many layouts (templates × code styles × units × placement
 * × page furniture × 合计 position), and says where every value went.
 *
 * ## Cell ids
 *
 * `cells` maps a layout-independent id `table|row|column` to the cell the value was written to. The same id
 * means the same quantity in every variant that prints it; a variant that does not print a quantity has no
 * such id (see `commonIds` in faults.ts for the ids every variant prints).
 *
 * table   — the fixture kind ids: summary, income, expenditure, fiscal-summary, general-expenditure,
 *           basic-expenditure, fund-expenditure, soe-expenditure, three-public.
 * row     — coded tables: the subject code (`208`, `20805`, `2080501`; economic `301`, `30101`) or `total`
 *           for the 合计 row.
 *           summary / fiscal-summary: `income:<source>` (general, fund, soe, fiscal = 财政拨款收入 as one line,
 *           business, operating, other, superior, affiliated, special-account, unit = Hebei 单位资金),
 *           `income-year-total` (本年收入合计), `carry-in` (上年结转结余 / 年初(财政拨款)结转和结余) and
 *           `carry-in:<general|fund|soe>` (its sub-lines), `income-grand-total` (收入总计 / 总计),
 *           `expense:<类 code>` (an expense line), `expense-year-total` (本年支出合计), `carry-out` (年终 /
 *           年末结转…), `expense-grand-total` (支出总计 / 总计), `non-fiscal-balance-used` (使用非财政拨款结余),
 *           `surplus-distribution` (结余分配).
 *           three-public: `total` (the "三公" total), `abroad`, `vehicle` (购置及运行维护费 subtotal),
 *           `vehicle-purchase`, `vehicle-upkeep`, `reception`, `operating` (机关运行经费, Shanghai budget);
 *           Hebei's rows also `grand-total` (合计 incl. 会议费/培训费), `abroad-research`, `abroad-other`,
 *           `meeting`, `meeting-other`, `training`.
 * column  — coded tables: `total` (合计 / 本年支出合计), `basic`, `project`; income: `total` (合计 incl.
 *           上年结转), `year-total` (本年收入 小计 / 本年收入合计), `fiscal`, `special-account`, `business`,
 *           `operating`, `superior`, `affiliated`, `other`, `carry`; expenditure also `operating`, `remit`,
 *           `affiliate-subsidy`; 决算 fund/soe tables `carry-in`, `income`, `carry-out`.
 *           basic-expenditure: `total`, `personnel`, `public` (the 决算 two-sided table prints 决算数 as
 *           `total`, and its 人员经费合计 / 公用经费合计 as `total|personnel` / `total|public`).
 *           summary lines: `total`; fiscal-summary expense lines: `total`, `general`, `fund`, `soe`.
 *           three-public: `total` (the budget figure: 预算数), `final` (决算数), Hebei `general`/`fund`/`soe`.
 *
 * Examples: `expenditure|2080501|basic`, `expenditure|total|total`, `summary|expense:208|total`,
 * `summary|income-year-total|total`, `three-public|vehicle-upkeep|final`, `basic-expenditure|30217|total`.
 *
 * Amount cells are numbers with a number format (`0.00`, `#,##0.00`, or `#,##0` for whole 元) and the text
 * Excel shows; a zero amount is a blank cell or a 0 (variant `zeros`). Codes (`05` keeps its zero), names and
 * labels are text; 序号 and 栏次 are whole numbers. Each `cells` entry also says the table's unit, the cell's
 * format and its column header, so a test can read the amount back exactly (cells.ts `unitsOf`).
 */
import { Catalog } from '../../src/catalog/catalog';
import { sheetFromGrid, a1, type Cell, type Sheet, type Workbook } from '../../src/snapshot';
import { amountCell, intCell, type AmountFormat, type Unit } from './cells';
import {
  econAmount, measure, personnelTotal, publicTotal, rowsWith, threePublicLines, totalFlows,
  type Budget, type Flows, type FunctionNode, type Units,
} from './model';

// ---- variants --------------------------------------------------------------------------------------------

export type TableKind =
  | 'summary' | 'income' | 'expenditure' | 'fiscal-summary' | 'general-expenditure'
  | 'basic-expenditure' | 'fund-expenditure' | 'soe-expenditure' | 'three-public';

export const TABLE_KINDS: readonly TableKind[] = [
  'summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure',
  'basic-expenditure', 'fund-expenditure', 'soe-expenditure', 'three-public',
];

/** hebei-budget: seed-004; shanghai-budget: the corpus 部门预算; shanghai-final: the corpus 部门决算. */
export type Template = 'hebei-budget' | 'shanghai-budget' | 'shanghai-final';
/**
 * joined `2080501`; spaced `208 05 01`; split 类 | 款 | 项 columns; split-header the same under a 科目编码
 * parent header; bracket `[2080501]行政单位离退休`; prefix `2080501 行政单位离退休` (code and name in one cell).
 */
export type CodeStyle = 'joined' | 'spaced' | 'split' | 'split-header' | 'bracket' | 'prefix';
/**
 * wan: 万元 `0.00`; wan-sep: 万元 `#,##0.00`; yuan: 元 `#,##0.00`; yuan-int: 元 `#,##0` (whole 元, as
 * sh-putuo-wanli-2025-budget prints them). In 元 the "三公" table stays in 万元 (`#,##0.00`), as every
 * template prints it.
 */
export type UnitStyle = 'wan' | 'wan-sep' | 'yuan' | 'yuan-int';
/** One table per sheet, or all nine on one sheet with one blank row between them, or with none. */
export type Placement = 'sheets' | 'stacked' | 'stacked-tight';
/** Where the 合计 row goes: as the template has it (the 决算 template mixes), or first / last everywhere. */
export type TotalRow = 'template' | 'first' | 'last';
/** A zero amount prints as a blank cell or as 0.00. */
export type Zeros = 'blank' | 'zero';

export interface Variant {
  readonly name: string;
  readonly template: Template;
  readonly codes: CodeStyle;
  readonly unit: UnitStyle;
  readonly placement: Placement;
  /** Repeat the page header block (unit line(s), header rows, 栏次) after every N body rows; 0 = never. */
  readonly repeatHeaderEvery: number;
  readonly totalRow: TotalRow;
  readonly zeros: Zeros;
}

export const TEMPLATE_DEFAULTS: Readonly<Record<Template, Omit<Variant, 'name' | 'template'>>> = {
  'hebei-budget': { codes: 'joined', unit: 'wan', placement: 'sheets', repeatHeaderEvery: 0, totalRow: 'template', zeros: 'blank' },
  'shanghai-budget': { codes: 'split', unit: 'yuan', placement: 'sheets', repeatHeaderEvery: 0, totalRow: 'template', zeros: 'zero' },
  'shanghai-final': { codes: 'joined', unit: 'wan-sep', placement: 'sheets', repeatHeaderEvery: 0, totalRow: 'template', zeros: 'blank' },
};

/** A variant: the template's own layout with some axes changed. */
export function variant(name: string, template: Template, changes: Partial<Omit<Variant, 'name' | 'template'>> = {}): Variant {
  return { name, template, ...TEMPLATE_DEFAULTS[template], ...changes };
}

/** Every axis value appears at least once, with each template, in combinations a real workbook has. */
export const VARIANTS: readonly Variant[] = [
  variant('hebei', 'hebei-budget'),
  variant('hebei-spaced', 'hebei-budget', { codes: 'spaced' }),
  variant('hebei-split', 'hebei-budget', { codes: 'split' }),
  variant('hebei-split-header', 'hebei-budget', { codes: 'split-header' }),
  variant('hebei-bracket', 'hebei-budget', { codes: 'bracket' }),
  variant('hebei-prefix', 'hebei-budget', { codes: 'prefix' }),
  variant('hebei-yuan', 'hebei-budget', { unit: 'yuan' }),
  variant('hebei-total-last', 'hebei-budget', { totalRow: 'last' }),
  variant('hebei-stacked', 'hebei-budget', { placement: 'stacked' }),
  variant('hebei-stacked-tight', 'hebei-budget', { placement: 'stacked-tight' }),
  variant('hebei-paged', 'hebei-budget', { repeatHeaderEvery: 7 }),
  variant('hebei-zeros', 'hebei-budget', { zeros: 'zero', unit: 'wan-sep' }),
  variant('hebei-yuan-split-stacked-paged', 'hebei-budget', { unit: 'yuan', codes: 'split', placement: 'stacked', repeatHeaderEvery: 5, totalRow: 'last' }),
  variant('shanghai-budget', 'shanghai-budget'),
  variant('shanghai-budget-split-header', 'shanghai-budget', { codes: 'split-header' }),
  variant('shanghai-budget-joined', 'shanghai-budget', { codes: 'joined' }),
  variant('shanghai-budget-wan', 'shanghai-budget', { unit: 'wan' }),
  variant('shanghai-budget-yuan-int', 'shanghai-budget', { unit: 'yuan-int', zeros: 'blank' }),
  variant('shanghai-budget-total-first', 'shanghai-budget', { totalRow: 'first', zeros: 'blank' }),
  variant('shanghai-budget-stacked-paged', 'shanghai-budget', { placement: 'stacked', repeatHeaderEvery: 9 }),
  variant('shanghai-budget-bracket-tight', 'shanghai-budget', { codes: 'bracket', placement: 'stacked-tight' }),
  variant('shanghai-final', 'shanghai-final'),
  variant('shanghai-final-spaced', 'shanghai-final', { codes: 'spaced' }),
  variant('shanghai-final-split', 'shanghai-final', { codes: 'split', zeros: 'zero' }),
  variant('shanghai-final-yuan', 'shanghai-final', { unit: 'yuan' }),
  variant('shanghai-final-prefix-stacked', 'shanghai-final', { codes: 'prefix', placement: 'stacked' }),
  variant('shanghai-final-paged-last', 'shanghai-final', { repeatHeaderEvery: 6, totalRow: 'last', unit: 'wan' }),
  variant('shanghai-final-split-header-first-tight', 'shanghai-final', { codes: 'split-header', totalRow: 'first', placement: 'stacked-tight' }),
];

// ---- the rendered result ---------------------------------------------------------------------------------

export interface CellLocation {
  readonly sheet: string;
  readonly address: string;
  /** The unit of the table the cell is in. */
  readonly unit: Unit;
  readonly numberFormat: AmountFormat;
  /** The column's own header label (the lowest header row of that column), e.g. `基本支出`, `决算数`. */
  readonly header: string;
}

export interface TablePlacement {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly title: string;
  /** 0-based rows of the title and of the table's last row (note lines included). */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface Rendered {
  readonly variant: Variant;
  readonly workbook: Workbook;
  readonly cells: Map<string, CellLocation>;
  readonly tables: readonly TablePlacement[];
}

// ---- building blocks -------------------------------------------------------------------------------------

type Slot =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'int'; readonly n: number }
  /** An amount; `id` is absent for a printed line that has no quantity of its own (Hebei 人行科目). */
  | { readonly t: 'amount'; readonly id?: string; readonly units: Units };

type Line = Array<Slot | undefined>;

const text = (s: string): Slot | undefined => (s === '' ? undefined : { t: 'text', text: s });
const int = (n: number): Slot => ({ t: 'int', n });
const amt = (id: string | undefined, units: Units): Slot => ({ t: 'amount', id, units });

/** One table, before it is placed on a sheet. */
interface Block {
  readonly kind: TableKind;
  readonly title: string;
  /** The title row's other cells (the 决算 公开NN表 mark). */
  readonly titleLine: Line;
  readonly unit: Unit;
  /** 单位 / department / 年度 lines: printed under the title and again on every page. */
  readonly furniture: Line[];
  /** Header rows, 栏次 included: printed on every page. */
  readonly header: Line[];
  /** The leaf header label of each column. */
  readonly leaves: string[];
  readonly body: Line[];
  /** Lines after the body (空表 notes); never repeated. */
  readonly notes: Line[];
}

/** A column: its header path (group labels, then its own label) and what it prints on a body row. */
interface Col<R> {
  readonly path: readonly string[];
  readonly get: (row: R) => Slot | undefined;
}

/**
 * Header rows from the column paths: a group label is written once, in the first column of its span (as a
 * merged cell reads); a label spanning rows down is written in its top row; 栏次 numbers the columns after
 * the 序号 column when asked.
 */
function headerLines(paths: ReadonlyArray<readonly string[]>, columnNumbers: boolean): { lines: Line[]; leaves: string[] } {
  const depth = Math.max(...paths.map((p) => p.length));
  const lines: Line[] = Array.from({ length: depth }, () => new Array<Slot | undefined>(paths.length).fill(undefined));
  paths.forEach((p, c) => {
    p.forEach((label, level) => {
      const leaf = level === p.length - 1;
      const prev = paths[c - 1];
      const sameGroup = prev !== undefined && prev.length > level + 1 && prev.slice(0, level + 1).join('\u0001') === p.slice(0, level + 1).join('\u0001');
      if (leaf || !sameGroup) lines[level][c] = text(label);
    });
  });
  if (columnNumbers) lines.push([text('栏次'), ...paths.slice(1).map((_, i) => int(i + 1))]);
  return { lines, leaves: paths.map((p) => p[p.length - 1]) };
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese ordinal 1–99: 一, 十一, 二十, 三十一. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

// ---- code and name columns -------------------------------------------------------------------------------

/** A row of a coded table: a subject (code and name) or the 合计 row (no code), with its amounts. */
interface CodedRow<T> { readonly code?: string; readonly name: string; readonly data: T }

function codeParts(code: string): [string, string, string] {
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
}

/**
 * The code and name columns in a style. `group` is the template's parent header over them (Hebei
 * 功能分类科目), `codeHeader` / `nameHeader` their own labels, `combinedHeader` the one column of the
 * code-and-name styles.
 */
function codeCols<T>(style: CodeStyle, labels: { group?: string; codeHeader: string; nameHeader: string; combinedHeader: string }): Array<Col<CodedRow<T>>> {
  const g = labels.group === undefined ? [] : [labels.group];
  const name: Col<CodedRow<T>> = { path: [...g, labels.nameHeader], get: (r) => text(r.name) };
  switch (style) {
    case 'joined':
    case 'spaced':
      return [
        { path: [...g, labels.codeHeader], get: (r) => (r.code === undefined ? undefined : text(style === 'joined' ? r.code : codeParts(r.code).filter((p) => p !== '').join(' '))) },
        name,
      ];
    case 'split':
    case 'split-header': {
      const parent = style === 'split-header' ? [...g, '科目编码'] : g;
      return [0, 1, 2].map((i): Col<CodedRow<T>> => ({
        path: [...parent, ['类', '款', '项'][i]],
        get: (r) => (r.code === undefined ? undefined : text(codeParts(r.code)[i])),
      })).concat([name]);
    }
    case 'bracket':
    case 'prefix':
      return [{
        path: g.length > 0 ? g : [labels.combinedHeader],
        get: (r) => text(r.code === undefined ? r.name : style === 'bracket' ? `[${r.code}]${r.name}` : `${r.code} ${r.name}`),
      }];
  }
}

// ---- per-template wording --------------------------------------------------------------------------------

const CATALOG = Catalog.builtIn();

/** Hebei 收支总表 / 财政拨款收支总表 expense lines (seed-004), in printed order. */
const HEBEI_EXPENSE_LINES = [
  '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出',
  '社会保障和就业支出', '社会保险基金支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出',
  '资源勘探工业信息等支出', '商业服务业等支出', '金融支出', '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出',
  '粮油物资储备支出', '国有资本经营预算支出', '灾害防治及应急管理支出', '预备费', '其他支出', '转移性支出', '债务还本支出',
  '债务付息支出', '债务发行费用支出', '抗疫特别国债安排的支出', '人行科目',
];

/** Shanghai 决算 收入支出决算总表 expense lines (sh-putuo-yichuan-2025-final), in printed order. */
const FINAL_EXPENSE_LINES = [
  '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出',
  '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出',
  '商业服务业等支出', '金融支出', '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出',
  '国有资本经营预算支出', '灾害防治及应急管理支出', '其他支出', '抗疫特别国债安排的支出',
];

function titles(template: Template, year: number): Record<TableKind, string> {
  switch (template) {
    case 'hebei-budget':
      return {
        summary: '部门预算收支总表', income: '部门预算收入总表', expenditure: '部门预算支出总表', 'fiscal-summary': '部门预算财政拨款收支总表',
        'general-expenditure': '部门预算一般公共预算财政拨款支出表', 'basic-expenditure': '部门预算一般公共预算财政拨款基本支出表',
        'fund-expenditure': '部门预算政府性基金预算财政拨款支出表', 'soe-expenditure': '部门预算国有资本经营预算财政拨款支出表',
        'three-public': '部门预算财政拨款“三公”经费支出表',
      };
    case 'shanghai-budget':
      return {
        summary: `${year}年部门财务收支预算总表`, income: `${year}年部门收入预算总表`, expenditure: `${year}年部门支出预算总表`,
        'fiscal-summary': `${year}年部门财政拨款收支预算总表`, 'general-expenditure': `${year}年部门一般公共预算支出功能分类预算表`,
        'fund-expenditure': `${year}年部门政府性基金预算支出功能分类预算表`, 'soe-expenditure': `${year}年部门国有资本经营预算支出功能分类预算表`,
        'basic-expenditure': `${year}年部门一般公共预算基本支出部门预算经济分类预算表`, 'three-public': `${year}年部门“三公”经费和机关运行经费预算表`,
      };
    case 'shanghai-final':
      return {
        summary: '收入支出决算总表', income: '收入决算表', expenditure: '支出决算表', 'fiscal-summary': '财政拨款收入支出决算总表',
        'general-expenditure': '一般公共预算财政拨款支出决算表', 'basic-expenditure': '一般公共预算财政拨款基本支出决算表',
        'three-public': '财政拨款“三公”经费支出决算表', 'fund-expenditure': '政府性基金预算财政拨款收入支出决算表',
        'soe-expenditure': '国有资本经营预算财政拨款收入支出决算表',
      };
  }
}

/** The printed order of the nine tables (公开01表 … 公开09表). */
function tableOrder(template: Template): TableKind[] {
  switch (template) {
    case 'hebei-budget':
      return [...TABLE_KINDS];
    case 'shanghai-budget':
      return ['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'fund-expenditure', 'soe-expenditure', 'basic-expenditure', 'three-public'];
    case 'shanghai-final':
      return ['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'basic-expenditure', 'three-public', 'fund-expenditure', 'soe-expenditure'];
  }
}

// ---- the context every table builder gets --------------------------------------------------------------

interface Ctx {
  readonly b: Budget;
  readonly v: Variant;
  readonly total: Flows;
  readonly titles: Record<TableKind, string>;
  readonly order: TableKind[];
}

function unitOf(v: Variant, kind: TableKind): Unit {
  // Every template prints "三公" in 万元, also beside 元 tables.
  return (v.unit === 'yuan' || v.unit === 'yuan-int') && kind !== 'three-public' ? '元' : '万元';
}

function formatOf(v: Variant, unit: Unit): AmountFormat {
  if (v.unit === 'wan') return '0.00';
  return v.unit === 'yuan-int' && unit === '元' ? '#,##0' : '#,##0.00';
}

function totalFirst(ctx: Ctx, kind: TableKind): boolean {
  if (ctx.v.totalRow !== 'template') return ctx.v.totalRow === 'first';
  switch (ctx.v.template) {
    case 'hebei-budget': return true;
    case 'shanghai-budget': return false;
    // 决算: 合计 first in 收入/支出决算表 and the fund tables, last in the 一般公共预算表.
    case 'shanghai-final': return kind !== 'general-expenditure';
  }
}

/** Title, furniture (department, 年度, 单位) as each template prints them. */
function frame(ctx: Ctx, kind: TableKind, width: number): Pick<Block, 'title' | 'titleLine' | 'unit' | 'furniture'> {
  const unit = unitOf(ctx.v, kind);
  const title = ctx.titles[kind];
  const atRight = (left: string, right: string): Line => {
    const l: Line = new Array<Slot | undefined>(Math.max(width, 2)).fill(undefined);
    l[0] = text(left);
    l[l.length - 1] = text(right);
    return l;
  };
  switch (ctx.v.template) {
    case 'hebei-budget':
      return {
        title, titleLine: [text(title)], unit,
        furniture: [[text(`${ctx.b.department.code} ${ctx.b.department.name}`)], [text(`预算年度：${ctx.b.year}`)], [text(`单位：${unit}`)]],
      };
    case 'shanghai-budget':
      return { title, titleLine: [text(title)], unit, furniture: [atRight(`编制部门：${ctx.b.department.name}`, `单位：${unit}`)] };
    case 'shanghai-final': {
      const n = String(ctx.order.indexOf(kind) + 1).padStart(2, '0');
      return { title, titleLine: atRight(title, `公开${n}表`), unit, furniture: [atRight(`编制单位：${ctx.b.department.name}`, `单位：${unit}`)] };
    }
  }
}

/** Body lines of a coded table, with the 合计 row first or last and 序号 numbering in Hebei. */
function codedBlock<T>(ctx: Ctx, kind: TableKind, cols: Array<Col<CodedRow<T>>>, rows: Array<CodedRow<T>>, total: CodedRow<T> | undefined, emptyNote?: string): Block {
  const hebei = ctx.v.template === 'hebei-budget';
  const ordered = total === undefined ? rows : totalFirst(ctx, kind) ? [total, ...rows] : [...rows, total];
  const all: Array<Col<CodedRow<T>>> = hebei ? [{ path: ['序号'], get: () => undefined }, ...cols] : cols;
  const { lines, leaves } = headerLines(all.map((c) => c.path), hebei);
  const body = ordered.map((r, i) => all.map((c, k) => (hebei && k === 0 ? int(i + 1) : c.get(r))));
  return {
    kind, ...frame(ctx, kind, all.length), header: lines, leaves, body,
    notes: emptyNote === undefined ? [] : [[text(emptyNote)]],
  };
}

/** An amount column of a coded table. */
function amountCol(kind: TableKind, path: readonly string[], column: string, value: (f: Flows) => Units): Col<CodedRow<Flows>> {
  return { path, get: (r) => amt(`${kind}|${r.code ?? 'total'}|${column}`, value(r.data)) };
}

const ZERO = (): Units => 0;

function functionLabels(template: Template): { group?: string; codeHeader: string; nameHeader: string; combinedHeader: string } {
  switch (template) {
    case 'hebei-budget': return { group: '功能分类科目', codeHeader: '科目编码', nameHeader: '科目名称', combinedHeader: '功能分类科目' };
    case 'shanghai-budget': return { codeHeader: '科目编码', nameHeader: '功能分类科目名称', combinedHeader: '功能分类科目' };
    case 'shanghai-final': return { codeHeader: '科目编码', nameHeader: '科目名称', combinedHeader: '功能分类科目' };
  }
}

function economicLabels(template: Template): { group?: string; codeHeader: string; nameHeader: string; combinedHeader: string } {
  switch (template) {
    case 'hebei-budget': return { group: '支出部门经济分类科目', codeHeader: '科目编码', nameHeader: '科目名称', combinedHeader: '支出部门经济分类科目' };
    case 'shanghai-budget': return { codeHeader: '科目编码', nameHeader: '经济分类科目名称', combinedHeader: '经济分类科目' };
    case 'shanghai-final': return { codeHeader: '经济分类科目编码', nameHeader: '科目名称', combinedHeader: '经济分类科目' };
  }
}

function functionRowsOf(nodes: readonly FunctionNode[]): Array<CodedRow<Flows>> {
  return nodes.map((n) => ({ code: n.code, name: n.name, data: n.flows }));
}

// ---- the five function-coded tables ----------------------------------------------------------------------

function incomeTable(ctx: Ctx): Block {
  const k: TableKind = 'income';
  const t = ctx.v.template;
  const hasCarry = ctx.total.carry > 0;
  let amounts: Array<Col<CodedRow<Flows>>>;
  if (t === 'hebei-budget') {
    const y = '本年收入';
    amounts = [
      amountCol(k, ['合计'], 'total', measure.total),
      amountCol(k, [y, '小计'], 'year-total', measure.yearIncome),
      amountCol(k, [y, '财政拨款收入'], 'fiscal', measure.fiscalIncome),
      amountCol(k, [y, '财政专户收入'], 'special-account', ZERO),
      amountCol(k, [y, '事业收入'], 'business', (f) => f.business),
      amountCol(k, [y, '经营收入'], 'operating', ZERO),
      amountCol(k, [y, '上级补助收入'], 'superior', ZERO),
      amountCol(k, [y, '附属单位上缴收入'], 'affiliated', ZERO),
      amountCol(k, [y, '其他收入'], 'other', (f) => f.other),
      amountCol(k, ['上年结转'], 'carry', (f) => f.carry),
    ];
  } else if (t === 'shanghai-budget') {
    amounts = [
      amountCol(k, ['合计'], 'total', measure.total),
      amountCol(k, ['财政拨款收入'], 'fiscal', measure.fiscalIncome),
      amountCol(k, ['事业收入'], 'business', (f) => f.business),
      amountCol(k, ['事业单位经营收入'], 'operating', ZERO),
      amountCol(k, ['其他收入'], 'other', (f) => f.other),
      // Not in the corpus template: a budget with a carry-over needs somewhere to print it (see the report).
      ...(hasCarry ? [amountCol(k, ['上年结转'], 'carry', (f) => f.carry)] : []),
    ];
  } else {
    // The 收入决算表 shows the year's income only; 年初结转和结余 is a line of the 收入支出决算总表.
    amounts = [
      amountCol(k, ['本年收入合计'], 'year-total', measure.yearIncome),
      amountCol(k, ['财政拨款收入'], 'fiscal', measure.fiscalIncome),
      amountCol(k, ['上级补助收入'], 'superior', ZERO),
      amountCol(k, ['事业收入'], 'business', (f) => f.business),
      amountCol(k, ['经营收入'], 'operating', ZERO),
      amountCol(k, ['附属单位上缴收入'], 'affiliated', ZERO),
      amountCol(k, ['其他收入'], 'other', (f) => f.other),
    ];
  }
  return codedBlock(ctx, k, [...codeCols<Flows>(ctx.v.codes, functionLabels(t)), ...amounts], functionRowsOf(rowsWith(ctx.b, () => true)), { name: '合计', data: ctx.total });
}

function expenditureTable(ctx: Ctx): Block {
  const k: TableKind = 'expenditure';
  const t = ctx.v.template;
  const base = [
    amountCol(k, [t === 'shanghai-final' ? '本年支出合计' : '合计'], 'total', measure.total),
    amountCol(k, ['基本支出'], 'basic', measure.basic),
    amountCol(k, ['项目支出'], 'project', measure.project),
  ];
  const extra = t === 'hebei-budget'
    ? [amountCol(k, ['经营支出'], 'operating', ZERO), amountCol(k, ['上解上级支出'], 'remit', ZERO), amountCol(k, ['对附属单位补助支出'], 'affiliate-subsidy', ZERO)]
    : t === 'shanghai-final'
      ? [amountCol(k, ['上缴上级支出'], 'remit', ZERO), amountCol(k, ['经营支出'], 'operating', ZERO), amountCol(k, ['对附属单位补助支出'], 'affiliate-subsidy', ZERO)]
      : [];
  return codedBlock(ctx, k, [...codeCols<Flows>(ctx.v.codes, functionLabels(t)), ...base, ...extra], functionRowsOf(rowsWith(ctx.b, () => true)), { name: '合计', data: ctx.total });
}

function generalTable(ctx: Ctx): Block {
  const k: TableKind = 'general-expenditure';
  const cols = [
    ...codeCols<Flows>(ctx.v.codes, functionLabels(ctx.v.template)),
    amountCol(k, ['合计'], 'total', measure.general),
    amountCol(k, ['基本支出'], 'basic', measure.basic),
    amountCol(k, ['项目支出'], 'project', measure.generalProject),
  ];
  return codedBlock(ctx, k, cols, functionRowsOf(rowsWith(ctx.b, (f) => measure.general(f) > 0)), { name: '合计', data: ctx.total });
}

/** 政府性基金 / 国有资本经营 table: the subjects with that money, or the template's empty table. */
function partTable(ctx: Ctx, k: 'fund-expenditure' | 'soe-expenditure'): Block {
  const money = k === 'fund-expenditure' ? measure.fund : measure.soe;
  const rows = functionRowsOf(rowsWith(ctx.b, (f) => money(f) > 0));
  const t = ctx.v.template;
  const cols = [...codeCols<Flows>(ctx.v.codes, functionLabels(t))];
  if (t === 'shanghai-final') {
    const y = '本年支出';
    cols.push(
      amountCol(k, ['年初结转和结余'], 'carry-in', ZERO),
      amountCol(k, ['本年收入'], 'income', money),
      amountCol(k, [y, '合计'], 'total', money),
      amountCol(k, [y, '基本支出'], 'basic', ZERO),
      amountCol(k, [y, '项目支出'], 'project', money),
      amountCol(k, ['年末结转和结余'], 'carry-out', ZERO),
    );
  } else {
    cols.push(amountCol(k, ['合计'], 'total', money), amountCol(k, ['基本支出'], 'basic', ZERO), amountCol(k, ['项目支出'], 'project', money));
  }
  const total = { name: '合计', data: ctx.total };
  if (rows.length > 0) return codedBlock(ctx, k, cols, rows, total);
  const what = k === 'fund-expenditure' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款';
  switch (t) {
    case 'hebei-budget': return codedBlock(ctx, k, cols, [], undefined, `注：无${what}预算，空表列示。`);
    // The corpus budget prints an empty table as its header and a 合计 row with no amounts.
    case 'shanghai-budget': return codedBlock(ctx, k, cols, [], total);
    case 'shanghai-final': return codedBlock(ctx, k, cols, [], undefined, `注：${ctx.b.department.name}无${what}收入、支出，故本表无数据。`);
  }
}

// ---- 基本支出 (economic classification) -------------------------------------------------------------------

interface EconData { readonly total: Units; readonly personnel: Units; readonly public: Units }

function basicTable(ctx: Ctx): Block {
  const k: TableKind = 'basic-expenditure';
  const t = ctx.v.template;
  if (t === 'shanghai-final') return basicTwoSided(ctx);
  const rows: Array<CodedRow<EconData>> = [];
  for (const e of ctx.b.economic) {
    const split = (a: Units): EconData => ({ total: a, personnel: e.personnel ? a : 0, public: e.personnel ? 0 : a });
    rows.push({ code: e.code, name: e.name, data: split(e.amount) });
    for (const s of e.sections) rows.push({ code: s.code, name: s.name, data: split(s.amount) });
  }
  const p = personnelTotal(ctx.b);
  const q = publicTotal(ctx.b);
  const g = t === 'hebei-budget' ? ['一般公共预算基本支出'] : [];
  const col = (label: string, column: keyof EconData): Col<CodedRow<EconData>> => ({ path: [...g, label], get: (r) => amt(`${k}|${r.code ?? 'total'}|${column}`, r.data[column]) });
  const cols = [...codeCols<EconData>(ctx.v.codes, economicLabels(t)), col('合计', 'total'), col('人员经费', 'personnel'), col('公用经费', 'public')];
  return codedBlock(ctx, k, cols, rows, { name: '合计', data: { total: p + q, personnel: p, public: q } });
}

/**
 * The 决算 table: two lists side by side (编码 | 名称 | 决算数, twice), as a fixed form listing every 款 of
 * the catalog, 301 / 303 / 310 on the left and 302 on the right (as sh-putuo-yichuan-2025-final prints it),
 * closing with 人员经费合计 (301 + 303) and 公用经费合计 (302 + 310) on one last row.
 */
function basicTwoSided(ctx: Ctx): Block {
  const k: TableKind = 'basic-expenditure';
  const year = ctx.b.year;
  const list = (classes: string[]): Array<CodedRow<Units>> => classes.flatMap((cls) => [
    { code: cls, name: CATALOG.name(cls, { year }) ?? '', data: econAmount(ctx.b, cls) },
    ...CATALOG.children(cls, { year }).filter((s) => !s.uncertain).map((s) => ({ code: s.code, name: s.name, data: econAmount(ctx.b, s.code) })),
  ]);
  const left = list(['301', '303', '310']);
  const right = list(['302']);
  const side = codeCols<Units>(ctx.v.codes, economicLabels('shanghai-final'));
  const amount: Col<CodedRow<Units>> = { path: ['决算数'], get: (r) => amt(r.code === undefined ? undefined : `${k}|${r.code}|total`, r.data) };
  const cols = [...side, amount];
  const { lines, leaves } = headerLines([...cols, ...cols].map((c) => c.path), false);
  const body: Line[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const half = (r: CodedRow<Units> | undefined): Line => cols.map((c) => (r === undefined ? undefined : c.get(r)));
    body.push([...half(left[i]), ...half(right[i])]);
  }
  // The closing row: the label in the first code column, the amount under 决算数.
  const closing = (label: string, id: string, units: Units): Line => [text(label), ...new Array<Slot | undefined>(side.length - 1).fill(undefined), amt(id, units)];
  body.push([...closing('人员经费合计', `${k}|total|personnel`, personnelTotal(ctx.b)), ...closing('公用经费合计', `${k}|total|public`, publicTotal(ctx.b))]);
  return { kind: k, ...frame(ctx, k, cols.length * 2), header: lines, leaves, body, notes: [] };
}

// ---- 收支总表 and 财政拨款收支总表 -------------------------------------------------------------------------

/** A label with its amounts (`undefined` amount = a line with no amount cell). */
interface SummaryLine { readonly label: string; readonly amounts: ReadonlyArray<Slot | undefined> }

const classCodeByName = (year: number): Map<string, string> =>
  new Map(CATALOG.list({ year, kind: 'function' }).filter((s) => s.level === 1).map((s) => [s.name, s.code]));

/**
 * The expense lines: a fixed printed list (Hebei, 决算) or only the 类 the budget has (Shanghai 预算). Each
 * line's amounts come from `amounts(flows of the 类 or none, line id)`.
 */
function expenseLines(ctx: Ctx, table: 'summary' | 'fiscal-summary', columns: ReadonlyArray<[string, (f: Flows) => Units]>): SummaryLine[] {
  const byCode = new Map(ctx.b.classes.map((c) => [c.code, c]));
  const line = (n: number, name: string, code: string | undefined): SummaryLine => {
    const f = code === undefined ? undefined : byCode.get(code)?.flows;
    return { label: `${chineseNumber(n)}、${name}`, amounts: columns.map(([col, m]) => amt(code === undefined ? undefined : `${table}|expense:${code}|${col}`, f === undefined ? 0 : m(f))) };
  };
  if (ctx.v.template === 'shanghai-budget') {
    const shown = ctx.b.classes.filter((c) => table === 'summary' || measure.fiscal(c.flows) > 0);
    return shown.map((c, i) => line(i + 1, c.name, c.code));
  }
  const names = ctx.v.template === 'hebei-budget' ? HEBEI_EXPENSE_LINES : FINAL_EXPENSE_LINES;
  const codes = classCodeByName(ctx.b.year);
  for (const c of ctx.b.classes) if (!names.includes(c.name)) throw new Error(`${ctx.v.template} has no expense line for ${c.code} ${c.name}`);
  return names.map((name, i) => line(i + 1, name, codes.get(name)));
}

/**
 * Two-sided table: income lines on the left and expense lines on the right row by row, then the paired
 * closing rows (本年收入合计 | 本年支出合计 …).
 */
function twoSided(ctx: Ctx, kind: 'summary' | 'fiscal-summary', paths: ReadonlyArray<readonly string[]>, income: SummaryLine[], expense: SummaryLine[], tail: Array<[SummaryLine | undefined, SummaryLine | undefined]>): Block {
  const hebei = ctx.v.template === 'hebei-budget';
  const all = hebei ? [['序号'], ...paths] : [...paths];
  const { lines, leaves } = headerLines(all, hebei);
  const rightWidth = paths.length - 2;
  const half = (l: SummaryLine | undefined, width: number): Line =>
    l === undefined ? new Array<Slot | undefined>(width).fill(undefined) : [text(l.label), ...l.amounts, ...new Array<Slot | undefined>(width - 1 - l.amounts.length).fill(undefined)];
  const pairs: Array<[SummaryLine | undefined, SummaryLine | undefined]> = [];
  for (let i = 0; i < Math.max(income.length, expense.length); i++) pairs.push([income[i], expense[i]]);
  pairs.push(...tail);
  const body = pairs.map(([l, r], i) => [...(hebei ? [int(i + 1)] : []), ...half(l, 2), ...half(r, rightWidth)]);
  return { kind, ...frame(ctx, kind, all.length), header: lines, leaves, body, notes: [] };
}

function summaryTable(ctx: Ctx): Block {
  const k = 'summary';
  const T = ctx.total;
  const one = (label: string, row: string, units: Units): SummaryLine => ({ label, amounts: [amt(`${k}|${row}|total`, units)] });
  const expense = expenseLines(ctx, k, [['total', measure.total]]);
  const grand = measure.total(T);
  switch (ctx.v.template) {
    case 'hebei-budget':
      return twoSided(ctx, k, [['收入', '项目'], ['收入', '预算数'], ['支出', '项目'], ['支出', '预算数']], [
        one('一、一般公共预算拨款收入', 'income:general', measure.generalIncome(T)),
        one('二、政府性基金预算拨款收入', 'income:fund', T.fundProject),
        one('三、国有资本经营预算拨款收入', 'income:soe', T.soeProject),
        one('四、财政专户管理资金收入', 'income:special-account', 0),
        one('五、单位资金', 'income:unit', measure.unitFunds(T)),
      ], expense, [
        [one('本年收入合计', 'income-year-total', measure.yearIncome(T)), one('本年支出合计', 'expense-year-total', grand)],
        [one('上年结转结余', 'carry-in', T.carry), one('年终结转结余', 'carry-out', 0)],
        [one('收入总计', 'income-grand-total', grand), one('支出总计', 'expense-grand-total', grand)],
      ]);
    case 'shanghai-budget':
      return twoSided(ctx, k, [['收入项目'], ['收入预算数'], ['支出项目'], ['支出预算数']], [
        one('一、财政拨款收入', 'income:fiscal', measure.fiscalIncome(T)),
        one('1.一般公共预算资金', 'income:general', measure.generalIncome(T)),
        one('2.政府性基金', 'income:fund', T.fundProject),
        one('3.国有资本经营预算', 'income:soe', T.soeProject),
        one('二、事业收入', 'income:business', T.business),
        one('三、事业单位经营收入', 'income:operating', 0),
        one('四、其他收入', 'income:other', T.other),
      ], expense, [
        // Not in the corpus template (none of its budgets carries money over); Hebei wording.
        ...(T.carry > 0 ? [[one('上年结转结余', 'carry-in', T.carry), undefined] as [SummaryLine, undefined]] : []),
        [one('收入总计', 'income-grand-total', grand), one('支出总计', 'expense-grand-total', grand)],
      ]);
    case 'shanghai-final':
      return twoSided(ctx, k, [['收入项目'], ['收入决算数'], ['支出项目'], ['支出决算数']], [
        one('一、一般公共预算财政拨款收入', 'income:general', measure.generalIncome(T)),
        one('二、政府性基金预算财政拨款收入', 'income:fund', T.fundProject),
        one('三、国有资本经营预算财政拨款收入', 'income:soe', T.soeProject),
        one('四、上级补助收入', 'income:superior', 0),
        one('五、事业收入', 'income:business', T.business),
        one('六、经营收入', 'income:operating', 0),
        one('七、附属单位上缴收入', 'income:affiliated', 0),
        one('八、其他收入', 'income:other', T.other),
      ], expense, [
        [one('本年收入合计', 'income-year-total', measure.yearIncome(T)), one('本年支出合计', 'expense-year-total', grand)],
        [one('使用非财政拨款结余', 'non-fiscal-balance-used', 0), one('结余分配', 'surplus-distribution', 0)],
        [one('年初结转和结余', 'carry-in', T.carry), one('年末结转和结余', 'carry-out', 0)],
        [one('总计', 'income-grand-total', grand), one('总计', 'expense-grand-total', grand)],
      ]);
  }
}

function fiscalSummaryTable(ctx: Ctx): Block {
  const k = 'fiscal-summary';
  const T = ctx.total;
  const cols: ReadonlyArray<[string, (f: Flows) => Units]> = [['total', measure.fiscal], ['general', measure.general], ['fund', measure.fund], ['soe', measure.soe]];
  const one = (label: string, row: string, units: Units): SummaryLine => ({ label, amounts: [amt(`${k}|${row}|total`, units)] });
  const four = (label: string, row: string, f: Flows | undefined): SummaryLine => ({ label, amounts: cols.map(([c, m]) => amt(`${k}|${row}|${c}`, f === undefined ? 0 : m(f))) });
  const expense = expenseLines(ctx, k, cols);
  const year = measure.generalIncome(T) + T.fundProject + T.soeProject;
  const grand = measure.fiscal(T);
  const carrySubs = (names: [string, string, string]): Array<[SummaryLine, undefined]> => [
    [one(names[0], 'carry-in:general', T.carry), undefined],
    [one(names[1], 'carry-in:fund', 0), undefined],
    [one(names[2], 'carry-in:soe', 0), undefined],
  ];
  switch (ctx.v.template) {
    case 'hebei-budget': {
      const names: [string, string, string] = ['一、一般公共预算拨款', '二、政府性基金预算拨款', '三、国有资本经营预算拨款'];
      return twoSided(ctx, k, [['收入', '项目'], ['收入', '金额'], ['支出', '项目'], ['支出', '合计'], ['支出', '一般公共预算财政拨款'], ['支出', '政府性基金预算财政拨款'], ['支出', '国有资本经营预算财政拨款']], [
        one(names[0], 'income:general', measure.generalIncome(T)), one(names[1], 'income:fund', T.fundProject), one(names[2], 'income:soe', T.soeProject),
      ], expense, [
        [one('本年收入合计', 'income-year-total', year), four('本年支出合计', 'expense-year-total', T)],
        [one('年初财政拨款结转和结余', 'carry-in', T.carry), four('年末财政拨款结转和结余', 'carry-out', undefined)],
        ...carrySubs(names),
        [one('收入总计', 'income-grand-total', grand), four('支出总计', 'expense-grand-total', T)],
      ]);
    }
    case 'shanghai-budget':
      return twoSided(ctx, k, [['收入项目'], ['收入预算数'], ['支出项目'], ['支出合计'], ['一般公共预算'], ['政府性基金预算'], ['国有资本经营预算']], [
        one('一、一般公共预算资金', 'income:general', measure.generalIncome(T)), one('二、政府性基金', 'income:fund', T.fundProject), one('三、国有资本经营预算', 'income:soe', T.soeProject),
      ], expense, [
        // Not in the corpus template; Hebei wording.
        ...(T.carry > 0 ? [[one('年初财政拨款结转和结余', 'carry-in', T.carry), undefined] as [SummaryLine, undefined]] : []),
        [one('收入总计', 'income-grand-total', grand), four('支出总计', 'expense-grand-total', T)],
      ]);
    case 'shanghai-final': {
      const names: [string, string, string] = ['一、一般公共预算财政拨款', '二、政府性基金预算财政拨款', '三、国有资本经营预算财政拨款'];
      return twoSided(ctx, k, [['收入项目'], ['收入决算数'], ['支出项目'], ['支出合计'], ['一般公共预算财政拨款'], ['政府性基金预算财政拨款'], ['国有资本经营预算财政拨款']], [
        one(names[0], 'income:general', measure.generalIncome(T)), one(names[1], 'income:fund', T.fundProject), one(names[2], 'income:soe', T.soeProject),
      ], expense, [
        [one('本年收入合计', 'income-year-total', year), four('本年支出合计', 'expense-year-total', T)],
        [one('年初财政拨款结转和结余', 'carry-in', T.carry), four('年末财政拨款结转和结余', 'carry-out', undefined)],
        ...carrySubs(names),
        [one('总计', 'income-grand-total', grand), four('总计', 'expense-grand-total', T)],
      ]);
    }
  }
}

// ---- "三公" ------------------------------------------------------------------------------------------------

function threePublicTable(ctx: Ctx): Block {
  const k: TableKind = 'three-public';
  const budget = threePublicLines(ctx.b.threePublic.budget);
  switch (ctx.v.template) {
    case 'hebei-budget': {
      // seed-000's rows: 合计 = "三公"经费小计 + 会议费 + 培训费.
      const { meeting, training } = ctx.b.meetingTraining;
      const rows: Array<[string, string, Units]> = [
        ['“三公”经费小计', 'total', budget.total],
        ['一、因公出国（境）费', 'abroad', budget.abroad],
        ['其中：教学科研人员因公出国（境）费', 'abroad-research', 0],
        ['其他因公出国（境）费', 'abroad-other', budget.abroad],
        ['二、公务用车购置及运维费', 'vehicle', budget.vehicle],
        ['其中：公务用车购置费', 'vehicle-purchase', budget['vehicle-purchase']],
        ['公务用车运行维护费', 'vehicle-upkeep', budget['vehicle-upkeep']],
        ['三、公务接待费', 'reception', budget.reception],
        ['四、会议费', 'meeting', meeting],
        ['其他会议费', 'meeting-other', meeting],
        ['五、培训费', 'training', training],
      ];
      const grand: [string, string, Units] = ['合计', 'grand-total', budget.total + meeting + training];
      const ordered = totalFirst(ctx, k) ? [grand, ...rows] : [...rows, grand];
      const g = '资 金 性 质';
      const { lines, leaves } = headerLines([['序号'], ['项 目'], [g, '合计'], [g, '一般公共预算财政拨款'], [g, '政府性基金预算拨款'], [g, '国有资本经营预算财政拨款']], true);
      const body = ordered.map(([label, row, units], i): Line => [
        int(i + 1), text(label), amt(`${k}|${row}|total`, units), amt(`${k}|${row}|general`, units), amt(`${k}|${row}|fund`, 0), amt(`${k}|${row}|soe`, 0),
      ]);
      return { kind: k, ...frame(ctx, k, 6), header: lines, leaves, body, notes: [] };
    }
    case 'shanghai-budget': {
      const cols: Array<[string, string, Units]> = [
        ['合计', 'total', budget.total], ['因公出国(境)费', 'abroad', budget.abroad], ['公务接待费', 'reception', budget.reception],
        ['公务用车购置及运行费小计', 'vehicle', budget.vehicle], ['公务用车购置费', 'vehicle-purchase', budget['vehicle-purchase']],
        ['公务用车运行费', 'vehicle-upkeep', budget['vehicle-upkeep']], ['机关运行经费预算数', 'operating', ctx.b.operatingCost],
      ];
      const { lines, leaves } = headerLines(cols.map(([label]) => [label]), false);
      return { kind: k, ...frame(ctx, k, cols.length), header: lines, leaves, body: [cols.map(([, row, units]) => amt(`${k}|${row}|total`, units))], notes: [] };
    }
    case 'shanghai-final': {
      const final = threePublicLines(ctx.b.threePublic.final);
      const parts: Array<[string, keyof typeof budget]> = [
        ['合计', 'total'], ['因公出国（境）费', 'abroad'], ['公务用车购置及运行维护费小计', 'vehicle'], ['公务用车购置费', 'vehicle-purchase'],
        ['公务用车运行维护费', 'vehicle-upkeep'], ['公务接待费', 'reception'],
      ];
      const paths = parts.flatMap(([label]) => [[label, '预算数'], [label, '决算数']]);
      const { lines, leaves } = headerLines(paths, false);
      const body: Line[] = [parts.flatMap(([, row]) => [amt(`${k}|${row}|total`, budget[row]), amt(`${k}|${row}|final`, final[row])])];
      return { kind: k, ...frame(ctx, k, paths.length), header: lines, leaves, body, notes: [] };
    }
  }
}

// ---- placing the blocks on sheets ------------------------------------------------------------------------

/** The block's lines: title, furniture, header, body with the page header repeated, notes. */
function blockLines(block: Block, every: number): Line[] {
  const page = [...block.furniture, ...block.header];
  const out: Line[] = [block.titleLine, ...page];
  block.body.forEach((line, i) => {
    if (every > 0 && i > 0 && i % every === 0) out.push(...page);
    out.push(line);
  });
  out.push(...block.notes);
  return out;
}

/**
 * Turns lines into a sheet: text through `sheetFromGrid` (codes stay text: `05` keeps its zero), then the
 * amounts and whole numbers as typed numbers with their formats. Records where each id went.
 */
function toSheet(name: string, lines: Line[], leavesOf: (row: number) => string[] | undefined, units: (row: number) => Unit, formatOfUnit: (u: Unit) => AmountFormat, zeros: Zeros, cells: Map<string, CellLocation>): Sheet {
  const grid = lines.map((l) => Array.from(l, (s) => (s?.t === 'text' ? s.text : '')));
  const base = sheetFromGrid(name, grid, { numbers: 'text' });
  const rows = base.rows.map((row, r) => {
    const out: Array<Cell | undefined> = [...row];
    lines[r].forEach((s, c) => {
      if (s === undefined || s.t === 'text') return;
      if (s.t === 'int') {
        out[c] = intCell(r, c, s.n);
        return;
      }
      const unit = units(r);
      const format = formatOfUnit(unit);
      out[c] = s.units === 0 && zeros === 'blank' ? undefined : amountCell(r, c, s.units, unit, format);
      if (s.id !== undefined) {
        if (cells.has(s.id)) throw new Error(`cell id ${s.id} written twice`);
        cells.set(s.id, { sheet: name, address: a1(r, c), unit, numberFormat: format, header: leavesOf(r)?.[c] ?? '' });
      }
    });
    return out;
  });
  return { name, rows };
}

const BUILDERS: Record<TableKind, (ctx: Ctx) => Block> = {
  summary: summaryTable,
  income: incomeTable,
  expenditure: expenditureTable,
  'fiscal-summary': fiscalSummaryTable,
  'general-expenditure': generalTable,
  'basic-expenditure': basicTable,
  'fund-expenditure': (ctx) => partTable(ctx, 'fund-expenditure'),
  'soe-expenditure': (ctx) => partTable(ctx, 'soe-expenditure'),
  'three-public': threePublicTable,
};

function sheetNameOf(title: string): string {
  // Excel sheet names: at most 31 characters; the year prefix is dropped so the name is the table's.
  return title.replace(/^\d{4}年/, '').slice(0, 31);
}

/** Renders the budget in one variant. */
export function render(budget: Budget, v: Variant): Rendered {
  const ctx: Ctx = { b: budget, v, total: totalFlows(budget), titles: titles(v.template, budget.year), order: tableOrder(v.template) };
  const blocks = ctx.order.map((k) => BUILDERS[k](ctx));
  const cells = new Map<string, CellLocation>();
  const tables: TablePlacement[] = [];
  const sheets: Sheet[] = [];
  // Groups of blocks per sheet: one each, or all nine on one sheet.
  const groups = v.placement === 'sheets' ? blocks.map((b) => [b]) : [blocks];
  for (const group of groups) {
    const name = v.placement === 'sheets' ? sheetNameOf(group[0].title) : v.template === 'shanghai-final' ? '部门决算' : '部门预算';
    const lines: Line[] = [];
    const rowUnit: Unit[] = [];
    const rowLeaves: Array<string[] | undefined> = [];
    group.forEach((block, i) => {
      if (i > 0 && v.placement === 'stacked') {
        lines.push([]);
        rowUnit.push(block.unit);
        rowLeaves.push(undefined);
      }
      const first = lines.length;
      const ls = blockLines(block, v.repeatHeaderEvery);
      lines.push(...ls);
      ls.forEach(() => {
        rowUnit.push(block.unit);
        rowLeaves.push(block.leaves);
      });
      tables.push({ kind: block.kind, sheet: name, title: block.title, firstRow: first, lastRow: lines.length - 1 });
    });
    sheets.push(toSheet(name, lines, (r) => rowLeaves[r], (r) => rowUnit[r], (u) => formatOf(v, u), v.zeros, cells));
  }
  const d = budget.department;
  const name = v.template === 'hebei-budget' ? `${d.code} ${d.name}${budget.year}年部门预算`
    : v.template === 'shanghai-budget' ? `${d.name}${budget.year}年部门预算` : `${d.name}${budget.year}年度部门决算`;
  return { variant: v, workbook: { name, sheets }, cells, tables };
}

/** The cell an id was written to (undefined for a blank cell), read back from the workbook. */
export function cellOf(r: Rendered, id: string): Cell | undefined {
  const loc = r.cells.get(id);
  if (loc === undefined) throw new Error(`${r.variant.name} prints no ${id}`);
  const sheet = r.workbook.sheets.find((s) => s.name === loc.sheet);
  if (sheet === undefined) throw new Error(`no sheet ${loc.sheet}`);
  const { row, col } = positionOf(loc.address);
  return sheet.rows[row]?.[col];
}

function positionOf(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * The workbook with its 元 amounts a hundred times smaller: whole 元 instead of whole hundreds, every relation
 * still exact (all 元 cells scale alike; the 万元 三公 table is linked to them only for information). Converting
 * it to 万元 then needs real rounding, as a budget kept to the 元 does.
 */
export function inWholeYuan(r: Rendered): Workbook {
  const yuanRows = new Map<string, Array<[number, number]>>();
  for (const t of r.tables) {
    if (t.kind === 'three-public' || (r.variant.unit !== 'yuan' && r.variant.unit !== 'yuan-int')) continue;
    yuanRows.set(t.sheet, [...(yuanRows.get(t.sheet) ?? []), [t.firstRow, t.lastRow]]);
  }
  const amountFormats = new Set<string>(['#,##0.00', '0.00', '#,##0']);
  return {
    sheets: r.workbook.sheets.map((s) => {
      const spans = yuanRows.get(s.name);
      if (!spans) return s;
      return {
        name: s.name,
        rows: s.rows.map((row, i) => (!spans.some(([a, b]) => i >= a && i <= b) ? row : row.map((c) => {
          if (!c || typeof c.value !== 'number' || !amountFormats.has(c.numberFormat ?? '')) return c;
          const yuan = Math.round(c.value / 100);
          const digits = String(Math.abs(yuan));
          const whole = `${yuan < 0 ? '-' : ''}${c.numberFormat === '0.00' ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
          return { ...c, value: yuan, text: c.numberFormat === '#,##0' ? whole : `${whole}.00` };
        }))),
      };
    }),
  };
}
