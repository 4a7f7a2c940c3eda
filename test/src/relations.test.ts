/**
 * The relations every table must satisfy, written down here from the domain (not read from the layouts), each
 * checked by changing one printed cell of a real published table and expecting a finding of that relation
 * citing the cell. Deleting a relation — or one term of it (经营支出 from the 支出总表 cross-foot) — from a
 * layout makes its case fail. A cell that takes part in no sum (机关运行经费) must raise nothing.
 */
import { checkWorkbook } from '../../src/engine';
import { Decimal } from '../../src/money';
import { a1, parseTsv, sheetFromGrid, type Workbook } from '../../src/snapshot';
import { TABLE_KINDS, type TableKind } from '../../src/table';
import { CORPUS, fixtureGrid } from '../helpers/fixtures';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Grid = string[][];

/** The nine grids of a Hebei seed, by kind. */
function seed(s: string): Map<string, Grid> {
  return new Map(TABLE_KINDS.map((k) => [k, fixtureGrid(s, k)]));
}

/** The grids of a corpus document, by sheet name. */
function corpus(doc: string): Map<string, Grid> {
  const dir = join(CORPUS, doc);
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()
    .map((f) => [f.replace(/^\d+_/, '').replace(/\.tsv$/, ''), parseTsv(readFileSync(join(dir, f), 'utf8'))]));
}

function workbook(grids: Map<string, Grid>): Workbook {
  return { sheets: [...grids].map(([name, g]) => sheetFromGrid(name, g)) };
}

/** The body row whose cells include `key` (searched below the header block: the first row printing a number). */
function rowOf(g: Grid, key: string, from = g.findIndex((row) => row.some((c) => /^[\d,]+\.\d+$/.test(c.trim())))): number {
  const r = g.findIndex((row, i) => i >= from && row.some((c) => c.trim() === key));
  if (r < 0) throw new Error(`no row ${key}`);
  return r;
}

const col = (letter: string) => letter.charCodeAt(0) - 65;

/** The three "三公" rows of seed 000 above 公务用车运行维护费 filled in, so the table adds up before a change. */
function threePublicConsistent(): Map<string, Grid> {
  const g = seed('000');
  const tp = g.get('three-public') as Grid;
  for (const label of ['合计', '“三公”经费小计', '二、公务用车购置及运维费']) {
    const r = rowOf(tp, label, 5);
    tp[r][2] = '0.16';
    tp[r][3] = '0.16';
  }
  return g;
}

interface Case {
  /** What the relation is, in the words of the domain. */
  readonly relation: string;
  readonly grids: () => Map<string, Grid>;
  readonly sheet: string;
  readonly row: string;
  readonly column: string;
  /** Finding relations expected to cite the changed cell (at least these). */
  readonly expect: readonly string[];
}

const S4 = () => seed('004');
const E = 'expenditure';
const CASES: readonly Case[] = [
  // 支出总表: 合计 = 基本 + 项目 + 经营 + 上解上级 + 对附属单位补助, and the code hierarchy in every column.
  ...['E', 'F', 'G', 'H', 'I'].map((c): Case => ({ relation: `支出总表 合计 = … + ${c} 列`, grids: S4, sheet: E, row: '2012906', column: c, expect: ['expenditure.cross-foot', 'expenditure.hierarchy'] })),
  { relation: '支出总表 款 = Σ项 (合计)', grids: S4, sheet: E, row: '2012906', column: 'D', expect: ['expenditure.hierarchy', 'expenditure.cross-foot'] },
  { relation: '支出总表 合计行 = Σ类', grids: S4, sheet: E, row: '208', column: 'D', expect: ['expenditure.hierarchy'] },
  // 收入总表: 小计 = Σ sources, 合计 = 小计 + 上年结转.
  ...['F', 'G', 'H', 'I', 'J', 'K', 'M'].map((c): Case => ({ relation: `收入总表 小计 = Σ来源 (${c} 列)`, grids: S4, sheet: 'income', row: '2012906', column: c, expect: ['income.subtotal-fiscal', 'income.hierarchy'] })),
  { relation: '收入总表 合计 = 小计 + 上年结转', grids: S4, sheet: 'income', row: '2012906', column: 'L', expect: ['income.total', 'income.hierarchy'] },
  // 一般公共预算支出表 and 基本支出表 cross-foots and hierarchies.
  ...['E', 'F'].map((c): Case => ({ relation: `一般公共预算支出表 合计 = 基本 + 项目 (${c} 列)`, grids: S4, sheet: 'general-expenditure', row: '2012906', column: c, expect: ['general-expenditure.cross-foot', 'general-expenditure.hierarchy'] })),
  ...['E', 'F'].map((c): Case => ({ relation: `基本支出表 合计 = 人员 + 公用 (${c} 列)`, grids: S4, sheet: 'basic-expenditure', row: '30108', column: c, expect: ['basic-expenditure.cross-foot', 'basic-expenditure.hierarchy'] })),
  // 财政拨款收支总表: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营 on the expense side.
  ...['F', 'G', 'H'].map((c): Case => ({ relation: `财政拨款收支总表 支出合计 = Σ资金 (${c} 列)`, grids: S4, sheet: 'fiscal-summary', row: '八、社会保障和就业支出', column: c, expect: ['fiscal-summary.expense-cross-foot', 'fiscal-summary.expense-year'] })),
  // 收支总表 totals.
  { relation: '收支总表 本年收入合计 = Σ收入项目', grids: S4, sheet: 'summary', row: '一、一般公共预算拨款收入', column: 'C', expect: ['summary.income-year', 'link.summary-income-fiscal'] },
  { relation: '收支总表 本年支出合计 = Σ支出项目', grids: S4, sheet: 'summary', row: '八、社会保障和就业支出', column: 'E', expect: ['summary.expense-year', 'link.summary-expenditure'] },
  { relation: '收支总表 收入总计 = 本年收入合计 + 上年结转结余', grids: S4, sheet: 'summary', row: '上年结转结余', column: 'C', expect: ['summary.income-grand', 'link.summary-income-carry'] },
  { relation: '收支总表 支出总计 = 本年支出合计 + 年终结转结余', grids: S4, sheet: 'summary', row: '年终结转结余', column: 'E', expect: ['summary.expense-grand'] },
  { relation: '收支总表 支出总计 = 收入总计', grids: S4, sheet: 'summary', row: '收入总计', column: 'C', expect: ['summary.balance', 'summary.income-grand', 'link.summary-income-grand'] },
  { relation: '收支总表 财政专户 = 收入总表 财政专户', grids: S4, sheet: 'summary', row: '四、财政专户管理资金收入', column: 'C', expect: ['link.summary-income-special'] },
  { relation: '收支总表 单位资金 = 收入总表 单位来源', grids: S4, sheet: 'summary', row: '五、单位资金', column: 'C', expect: ['link.summary-income-unit'] },
  { relation: '收支总表 本年收入合计 = 收入总表 小计', grids: S4, sheet: 'summary', row: '本年收入合计', column: 'C', expect: ['link.summary-income-year', 'summary.income-year'] },
  // Links of the 财政拨款收支总表 to the budget tables, of the 一般公共预算表 to the 基本支出表, of the twin tables.
  { relation: '财政拨款收支总表 一般公共预算 = 一般公共预算支出表类', grids: S4, sheet: 'fiscal-summary', row: '十、卫生健康支出', column: 'F', expect: ['link.fiscal-general'] },
  { relation: '财政拨款收支总表 政府性基金 = 政府性基金支出表', grids: S4, sheet: 'fiscal-summary', row: '本年支出合计', column: 'G', expect: ['link.fiscal-fund'] },
  { relation: '财政拨款收支总表 国有资本经营 = 国有资本经营支出表', grids: S4, sheet: 'fiscal-summary', row: '本年支出合计', column: 'H', expect: ['link.fiscal-soe'] },
  { relation: '财政拨款收支总表 收入 = 收支总表 收入 (一般公共预算)', grids: S4, sheet: 'fiscal-summary', row: '一、一般公共预算拨款', column: 'C', expect: ['link.fiscal-summary-income'] },
  { relation: '一般公共预算支出表 基本支出合计 = 基本支出表合计', grids: S4, sheet: 'basic-expenditure', row: '合计', column: 'D', expect: ['link.general-basic'] },
  { relation: '收入总表 = 支出总表 逐科目（预算）', grids: S4, sheet: 'income', row: '2012906', column: 'D', expect: ['link.income-expenditure'] },
  // "三公" as rows (seed 000) and as one row of columns (区政府办公室 2025).
  { relation: '三公 小计 = 出国 + 公车 + 接待', grids: threePublicConsistent, sheet: 'three-public', row: '三、公务接待费', column: 'C', expect: ['three-public.subtotal'] },
  { relation: '三公 出国 = 其中各项', grids: threePublicConsistent, sheet: 'three-public', row: '其他因公出国（境）费', column: 'C', expect: ['three-public.travel'] },
  { relation: '三公 公车 = 购置 + 运维', grids: threePublicConsistent, sheet: 'three-public', row: '其中：公务用车购置费', column: 'C', expect: ['three-public.vehicle'] },
  { relation: '三公 合计 = 小计 + 会议费 + 培训费', grids: threePublicConsistent, sheet: 'three-public', row: '五、培训费', column: 'C', expect: ['three-public.total'] },
  { relation: '三公 合计 = Σ资金性质', grids: threePublicConsistent, sheet: 'three-public', row: '公务用车运行维护费', column: 'D', expect: ['three-public.funds'] },
  ...['B', 'C', 'D'].map((c): Case => ({ relation: `三公（一行）合计 = 出国 + 接待 + 公车 (${c} 列)`, grids: () => corpus('sh-putuo-zfb-2025-budget'), sheet: '三公经费和机关运行经费表', row: '867.50', column: c, expect: ['three-public.parts'] })),
  ...['E', 'F'].map((c): Case => ({ relation: `三公（一行）公车 = 购置 + 运行 (${c} 列)`, grids: () => corpus('sh-putuo-zfb-2025-budget'), sheet: '三公经费和机关运行经费表', row: '867.50', column: c, expect: ['three-public.vehicle-parts'] })),
  // 单位预算 收支总表 (人员经费 | 公用经费 | 项目支出 on the expense side); 一、财政拨款收入 = 1. + 2. + 3.
  ...['E', 'F', 'G'].map((c): Case => ({ relation: `收支总表 支出合计 = 人员 + 公用 + 项目 (${c} 列)`, grids: () => corpus('sh-putuo-sfj-2026-unit-budget'), sheet: '收支总表', row: '二、社会保障和就业支出', column: c, expect: ['summary.expense-cross-foot-split'] })),
  { relation: '收支总表 一、财政拨款收入 = 1. + 2. + 3.', grids: () => corpus('sh-putuo-wanli-2025-budget'), sheet: '收支总表', row: '2.政府性基金', column: 'B', expect: ['summary.income-parts'] },
  // 决算: 年末 = 年初 + 本年收入 − 本年支出; two-sided 基本支出表 (人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310).
  ...['C', 'D', 'H'].map((c): Case => ({ relation: `政府性基金决算 年末 = 年初 + 收入 − 支出 (${c} 列)`, grids: () => corpus('sh-putuo-yichuan-2025-final'), sheet: '政府性基金预算财政拨款收入支出决算表', row: '2219899', column: c, expect: ['fund-expenditure.carry'] })),
  { relation: '基本支出表 人员经费合计 = 工资福利 + 对个人和家庭的补助', grids: () => corpus('sh-putuo-czj-2024-final'), sheet: '一般公共预算财政拨款基本支出决算表', row: '人员经费合计', column: 'C', expect: ['basic-expenditure.personnel'] },
  { relation: '基本支出表 公用经费合计 = 其余各类', grids: () => corpus('sh-putuo-czj-2024-final'), sheet: '一般公共预算财政拨款基本支出决算表', row: '公用经费合计', column: 'F', expect: ['basic-expenditure.public'] },
  { relation: '基本支出表（两栏）右栏 款 → 类', grids: () => corpus('sh-putuo-czj-2024-final'), sheet: '一般公共预算财政拨款基本支出决算表', row: '310 02', column: 'F', expect: ['basic-expenditure.hierarchy'] },
];

/** Adds 3.00 to a printed amount (or writes 3.00 into a blank one), keeping its printed decimals. */
function bump(text: string): string {
  const t = text.trim().replace(/,/g, '');
  if (t === '' || t === '-') return '3.00';
  const d = (t.split('.')[1] ?? '').length;
  return new Decimal(t).plus(3).toFixed(Math.max(d, 2));
}

describe('every relation of every table, by changing one of its cells', () => {
  test.each(CASES.map((c) => [c.relation, c] as const))('%s', (_name, c) => {
    const grids = c.grids();
    const before = checkWorkbook(workbook(grids)).findings.filter((f) => f.severity !== 'info').map((f) => `${f.relation}|${f.subject}`);
    const g = grids.get(c.sheet) as Grid;
    const r = rowOf(g, c.row);
    g[r][col(c.column)] = bump(g[r][col(c.column)] ?? '');
    const address = a1(r, col(c.column));
    const after = checkWorkbook(workbook(grids)).findings.filter((f) => f.severity !== 'info');
    const fresh = after.filter((f) => !before.includes(`${f.relation}|${f.subject}`));
    const citing = fresh.filter((f) => f.cells.some((x) => x === address || x.endsWith(`!${address}`))).map((f) => f.relation);
    for (const rel of c.expect) expect({ cell: `${c.sheet}!${address}`, citing }).toEqual({ cell: `${c.sheet}!${address}`, citing: expect.arrayContaining([rel]) });
    // A real difference (3.00) is an error wherever it is graded.
    expect(fresh.filter((f) => c.expect.includes(f.relation ?? '')).every((f) => f.severity === 'error' && !f.rounding)).toBe(true);
  });

  test('机关运行经费 beside the "三公" columns takes part in no sum: changing it raises nothing', () => {
    const grids = corpus('sh-putuo-zfb-2025-budget');
    const g = grids.get('三公经费和机关运行经费表') as Grid;
    const r = rowOf(g, '867.50');
    g[r][col('G')] = '999.99';
    expect(checkWorkbook(workbook(grids)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('the catalogue covers every table kind', () => {
    const kinds = new Set<string>(CASES.flatMap((c) => c.expect.map((e) => e.split('.')[0])));
    for (const k of TABLE_KINDS.filter((x): x is TableKind => x !== 'soe-expenditure')) expect({ k, covered: kinds.has(k) || kinds.has('link') }).toEqual({ k, covered: true });
  });
});
