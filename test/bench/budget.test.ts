/**
 * Self-checks of the budget generator, without the engine: whatever the renderers print must hold every
 * relation exactly, in every variant, so that a finding of the engine on a rendered budget is the engine's
 * and not a rendering bug. All checks read the rendered workbook through the `cells` map.
 */
import { Catalog } from '../../src/catalog/catalog';
import type { Cell, Sheet } from '../../src/snapshot';
import { textOf, unitsOf } from '../../bench/budget/cells';
import { commonIds, DEFAULT_DELTA, FAULT_KINDS, faultCandidates, fits, plant, sampleFaults } from '../../bench/budget/faults';
import { functionRows, generateBudget, type Budget, type Units } from '../../bench/budget/model';
import { cellOf, chineseNumber, render, VARIANTS, type Rendered, type Variant } from '../../bench/budget/render';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const CATALOG = Catalog.builtIn();

const budgets = new Map<number, Budget>(SEEDS.map((s) => [s, generateBudget(s)]));
const budgetOf = (seed: number): Budget => budgets.get(seed) as Budget;

// ---- reading back ----------------------------------------------------------------------------------------

function sheetOf(r: Rendered, name: string): Sheet {
  const s = r.workbook.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
}

function position(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Amounts by id, in Units, read from the cells (a blank reads 0); `opt` is undefined for an id not printed. */
function reader(r: Rendered) {
  // Every amount read once (the checks ask for the same ids many times).
  const values = amountsById(r);
  const get = (id: string): Units => {
    const u = values.get(id);
    if (u === undefined) throw new Error(`${r.variant.name}: no ${id}`);
    return u;
  };
  const opt = (id: string): Units | undefined => values.get(id);
  // table → column → rows, built once: the checks ask for it many times.
  const index = new Map<string, Map<string, string[]>>();
  for (const id of r.cells.keys()) {
    const [t, row, c] = id.split('|');
    const byColumn = index.get(t) ?? new Map<string, string[]>();
    index.set(t, byColumn);
    byColumn.set(c, [...(byColumn.get(c) ?? []), row]);
  }
  /** The rows printed for a table and column. */
  const rows = (table: string, column: string): string[] => index.get(table)?.get(column) ?? [];
  const columns = (table: string): string[] => [...(index.get(table)?.keys() ?? [])];
  return { get, opt, rows, columns };
}

/** Every relation of the nine tables, recomputed from the printed cells; returns the violations. */
function violations(r: Rendered): string[] {
  const bad: string[] = [];
  const { get, opt, rows, columns } = reader(r);
  const eq = (what: string, a: Units, b: Units) => {
    if (a !== b) bad.push(`${r.variant.name}: ${what}: ${a} ≠ ${b}`);
  };
  const sum = (ids: string[]) => ids.reduce((s, id) => s + (opt(id) ?? 0), 0);
  const final = r.variant.template === 'shanghai-final';

  // Hierarchy: 类 = Σ款, 款 = Σ项, 合计 = Σ类, in every amount column of every coded table.
  for (const t of ['income', 'expenditure', 'general-expenditure', 'fund-expenditure', 'soe-expenditure', 'basic-expenditure']) {
    for (const c of columns(t)) {
      const present = rows(t, c);
      const codes = present.filter((x) => /^\d+$/.test(x));
      for (const code of codes) {
        if (code.length > 3 && !codes.includes(code.slice(0, -2))) bad.push(`${r.variant.name}: ${t} ${code} has no parent row`);
        const kids = codes.filter((k) => k.length === code.length + 2 && k.startsWith(code));
        if (kids.length > 0) eq(`${t}|${code}|${c} = Σ children`, get(`${t}|${code}|${c}`), sum(kids.map((k) => `${t}|${k}|${c}`)));
      }
      if (present.includes('total') && codes.length > 0) eq(`${t}|total|${c} = Σ类`, get(`${t}|total|${c}`), sum(codes.filter((k) => k.length === 3).map((k) => `${t}|${k}|${c}`)));
    }
  }

  // Row cross-foots.
  const codesOf = (t: string) => rows(t, t === 'income' ? 'fiscal' : 'total').filter((x) => x !== 'total' || t !== 'basic-expenditure');
  for (const x of codesOf('income')) {
    const id = (c: string) => `income|${x}|${c}`;
    const sources = sum(['fiscal', 'special-account', 'business', 'operating', 'superior', 'affiliated', 'other'].map(id));
    if (r.cells.has(id('year-total'))) eq(`${id('year-total')} = Σ sources`, get(id('year-total')), sources);
    if (r.cells.has(id('total'))) eq(`${id('total')} = Σ sources + 上年结转`, get(id('total')), sources + (opt(id('carry')) ?? 0));
  }
  for (const x of codesOf('expenditure')) {
    const id = (c: string) => `expenditure|${x}|${c}`;
    eq(`${id('total')} cross-foot`, get(id('total')), sum(['basic', 'project', 'operating', 'remit', 'affiliate-subsidy'].map(id)));
  }
  for (const t of ['general-expenditure', 'fund-expenditure', 'soe-expenditure']) {
    for (const x of codesOf(t)) {
      const id = (c: string) => `${t}|${x}|${c}`;
      eq(`${id('total')} = 基本 + 项目`, get(id('total')), get(id('basic')) + get(id('project')));
      if (r.cells.has(id('carry-in'))) eq(`${id('total')} 年初 + 收入 = 支出 + 年末`, get(id('carry-in')) + get(id('income')), get(id('total')) + get(id('carry-out')));
    }
  }
  const B = 'basic-expenditure';
  for (const x of rows(B, 'personnel').filter((y) => r.cells.has(`${B}|${y}|total`))) eq(`${B}|${x} = 人员 + 公用`, get(`${B}|${x}|total`), get(`${B}|${x}|personnel`) + get(`${B}|${x}|public`));
  const classesOf = (codes: string[]) => sum(codes.map((c) => `${B}|${c}|total`));
  eq('人员经费 = 301 + 303', get(`${B}|total|personnel`), classesOf(['301', '303']));
  eq('公用经费 = 302 + 310', get(`${B}|total|public`), classesOf(['302', '310']));

  // Across tables: the same 类 / 款 / 项 in 收入, 支出, 一般公共预算, 基金, 国资 tables.
  const E = 'expenditure';
  const expCodes = codesOf(E);
  expect(new Set(codesOf('income'))).toEqual(new Set(expCodes));
  const carryOf = (x: string): Units | undefined => opt(`income|${x}|carry`) ?? (final ? undefined : 0);
  for (const x of expCodes) {
    const g = opt(`general-expenditure|${x}|total`) ?? 0;
    const f = opt(`fund-expenditure|${x}|total`) ?? 0;
    const s = opt(`soe-expenditure|${x}|total`) ?? 0;
    eq(`${E}|${x}|basic = 一般公共预算 basic`, get(`${E}|${x}|basic`), opt(`general-expenditure|${x}|basic`) ?? 0);
    eq(`${E}|${x}|total = 财政拨款 + 事业 + 其他`, get(`${E}|${x}|total`), g + f + s + get(`income|${x}|business`) + get(`income|${x}|other`) + get(`income|${x}|operating`));
    if (r.cells.has(`income|${x}|total`)) eq(`income|${x}|total = ${E}`, get(`income|${x}|total`), get(`${E}|${x}|total`));
    const carry = carryOf(x);
    if (carry !== undefined) eq(`income|${x}|fiscal + 上年结转 = 一般 + 基金 + 国资`, get(`income|${x}|fiscal`) + carry, g + f + s);
  }
  for (const t of ['general-expenditure', 'fund-expenditure', 'soe-expenditure']) {
    for (const x of codesOf(t)) if (x !== 'total' && !expCodes.includes(x)) bad.push(`${r.variant.name}: ${t} ${x} is not in the 支出总表`);
  }
  eq('一般公共预算 基本支出 = 基本支出表', get('general-expenditure|total|basic'), get(`${B}|total|personnel`) + get(`${B}|total|public`));
  if (r.cells.has(`${B}|total|total`)) eq('基本支出表 合计', get(`${B}|total|total`), get('general-expenditure|total|basic'));

  // 收支总表.
  const S = 'summary';
  const classes = expCodes.filter((x) => x.length === 3);
  for (const c of classes) if (!r.cells.has(`${S}|expense:${c}|total`)) bad.push(`${r.variant.name}: no 收支总表 line for ${c}`);
  const lines = rows(S, 'total').filter((x) => x.startsWith('expense:'));
  for (const l of lines) eq(`${S}|${l}`, get(`${S}|${l}|total`), opt(`${E}|${l.slice(8)}|total`) ?? 0);
  eq('收支总表 Σ lines = 支出总表 合计', sum(lines.map((l) => `${S}|${l}|total`)), get(`${E}|total|total`));
  const inc = (k: string) => opt(`${S}|income:${k}|total`);
  const fiscalLines = (inc('general') ?? 0) + (inc('fund') ?? 0) + (inc('soe') ?? 0);
  eq('收支总表 财政拨款 = 收入总表 财政拨款收入', fiscalLines, get('income|total|fiscal'));
  if (inc('fiscal') !== undefined) eq('一、财政拨款收入 = 1 + 2 + 3', inc('fiscal') ?? 0, fiscalLines);
  if (inc('business') !== undefined) eq('事业收入', inc('business') ?? 0, get('income|total|business'));
  if (inc('other') !== undefined) eq('其他收入', inc('other') ?? 0, get('income|total|other'));
  if (inc('unit') !== undefined) eq('单位资金', inc('unit') ?? 0, get('income|total|business') + get('income|total|other'));
  const sources = fiscalLines + sum(['special-account', 'unit', 'superior', 'business', 'operating', 'affiliated', 'other'].map((k) => `${S}|income:${k}|total`));
  const yearIncome = opt(`${S}|income-year-total|total`);
  if (yearIncome !== undefined) {
    eq('本年收入合计 = Σ收入', yearIncome, sources);
    eq('本年收入合计 = 收入总表', yearIncome, r.cells.has('income|total|year-total') ? get('income|total|year-total') : get('income|total|total') - (opt('income|total|carry') ?? 0));
  }
  const carryIn = opt(`${S}|carry-in|total`) ?? 0;
  if (r.cells.has('income|total|carry')) eq('上年结转结余 = 收入总表 上年结转', carryIn, get('income|total|carry'));
  eq('收入总计 = 本年 + 结转', get(`${S}|income-grand-total|total`), sources + carryIn);
  eq('收入总计 = 支出总计', get(`${S}|income-grand-total|total`), get(`${S}|expense-grand-total|total`));
  const yearExpense = opt(`${S}|expense-year-total|total`);
  if (yearExpense !== undefined) {
    eq('本年支出合计 = 支出总表', yearExpense, get(`${E}|total|total`));
    eq('支出总计 = 本年 + 年末', get(`${S}|expense-grand-total|total`), yearExpense + (opt(`${S}|carry-out|total`) ?? 0));
  } else eq('支出总计 = 支出总表', get(`${S}|expense-grand-total|total`), get(`${E}|total|total`));
  if (!final && r.cells.has('income|total|total')) eq('收入总计 = 收入总表 合计', get(`${S}|income-grand-total|total`), get('income|total|total'));

  // 财政拨款收支总表.
  const F = 'fiscal-summary';
  const fLines = rows(F, 'general').filter((x) => x.startsWith('expense:'));
  const parts: Array<[string, string]> = [['general', 'general-expenditure'], ['fund', 'fund-expenditure'], ['soe', 'soe-expenditure']];
  for (const l of fLines) {
    const c = l.slice(8);
    for (const [col, t] of parts) eq(`${F}|${l}|${col}`, get(`${F}|${l}|${col}`), opt(`${t}|${c}|total`) ?? 0);
    eq(`${F}|${l}|total = Σ`, get(`${F}|${l}|total`), get(`${F}|${l}|general`) + get(`${F}|${l}|fund`) + get(`${F}|${l}|soe`));
  }
  for (const [, t] of parts) for (const c of codesOf(t).filter((x) => x.length === 3)) if (!fLines.includes(`expense:${c}`)) bad.push(`${r.variant.name}: no 财政拨款收支总表 line for ${c}`);
  for (const col of ['total', 'general', 'fund', 'soe']) {
    const all = sum(fLines.map((l) => `${F}|${l}|${col}`));
    if (r.cells.has(`${F}|expense-year-total|${col}`)) eq(`${F} 本年支出合计 ${col}`, get(`${F}|expense-year-total|${col}`), all);
    eq(`${F} 支出总计 ${col}`, get(`${F}|expense-grand-total|${col}`), all + (opt(`${F}|carry-out|${col}`) ?? 0));
  }
  for (const [col, t] of parts) eq(`${F} 支出总计 ${col} = ${t} 合计`, get(`${F}|expense-grand-total|${col}`), opt(`${t}|total|total`) ?? 0);
  for (const k of ['general', 'fund', 'soe']) eq(`${F} income:${k} = 收支总表`, get(`${F}|income:${k}|total`), inc(k) ?? 0);
  const fYear = sum(['general', 'fund', 'soe'].map((k) => `${F}|income:${k}|total`));
  if (r.cells.has(`${F}|income-year-total|total`)) eq(`${F} 本年收入合计`, get(`${F}|income-year-total|total`), fYear);
  const fCarry = opt(`${F}|carry-in|total`) ?? 0;
  if (r.cells.has(`${F}|carry-in:general|total`)) eq(`${F} 年初结转 = Σ`, fCarry, sum(['general', 'fund', 'soe'].map((k) => `${F}|carry-in:${k}|total`)));
  eq(`${F} 收入总计`, get(`${F}|income-grand-total|total`), fYear + fCarry);
  eq(`${F} 收入总计 = 支出总计`, get(`${F}|income-grand-total|total`), get(`${F}|expense-grand-total|total`));

  // "三公".
  const T = 'three-public';
  for (const m of ['total', 'final', 'general']) {
    if (!r.cells.has(`${T}|total|${m}`)) continue;
    const v = (row: string) => get(`${T}|${row}|${m}`);
    eq(`三公 ${m} 合计 = 出国 + 车 + 接待`, v('total'), v('abroad') + v('vehicle') + v('reception'));
    eq(`三公 ${m} 车 = 购置 + 运维`, v('vehicle'), v('vehicle-purchase') + v('vehicle-upkeep'));
    if (r.cells.has(`${T}|grand-total|${m}`)) eq(`三公 ${m} 合计 = 小计 + 会议 + 培训`, v('grand-total'), v('total') + v('meeting') + v('training'));
    if (r.cells.has(`${T}|abroad-other|${m}`)) eq(`三公 ${m} 出国 = 其中 + 其他`, v('abroad'), v('abroad-research') + v('abroad-other'));
    if (m !== 'general') {
      for (const [row, code] of [['abroad', '30212'], ['reception', '30217'], ['vehicle-upkeep', '30231'], ['meeting', '30215'], ['training', '30216']]) {
        if (!r.cells.has(`${T}|${row}|${m}`)) continue;
        const basic = opt(`${B}|${code}|total`) ?? 0;
        if (basic > v(row)) bad.push(`${r.variant.name}: 基本支出 ${code} ${basic} > 三公 ${row} ${m} ${v(row)}`);
      }
    }
  }
  for (const row of rows(T, 'general')) {
    eq(`三公 ${row} 一般公共预算 = 合计`, get(`${T}|${row}|general`), get(`${T}|${row}|total`));
    eq(`三公 ${row} 基金`, get(`${T}|${row}|fund`) + get(`${T}|${row}|soe`), 0);
  }
  if (r.cells.has(`${T}|operating|total`)) eq('机关运行经费 = 公用经费', get(`${T}|operating|total`), get(`${B}|total|public`));
  return bad;
}

// ---- where each id points ----------------------------------------------------------------------------------

/** The text cells nearest to the left of a cell (skipping amounts and blanks), nearest first. */
function labelsLeft(sheet: Sheet, row: number, col: number): string[] {
  const cells = sheet.rows[row] ?? [];
  const out: string[] = [];
  let c = col - 1;
  while (c >= 0 && (cells[c] === undefined || typeof cells[c]?.value === 'number')) c--;
  for (; c >= 0; c--) {
    const cell: Cell | undefined = cells[c];
    if (cell === undefined) continue;
    if (typeof cell.value === 'number') break;
    out.push(cell.text);
  }
  return out;
}

/** The subject code printed left of a cell, in any code style, or undefined. */
function codeLeft(labels: string[]): string | undefined {
  const parts: string[] = [];
  for (const t of labels) {
    if (/^\d{2}$/.test(t)) parts.unshift(t);
    else if (/^\d{3}$/.test(t)) return t + parts.join('');
    else {
      const m = /^\[(\d{3,7})\]|^(\d{3}(?: \d{2}){0,2})$|^(\d{5}|\d{7})$|^(\d{3,7}) \D/.exec(t);
      if (m) return (m[1] ?? m[2] ?? m[3] ?? m[4]).replace(/ /g, '');
    }
  }
  return undefined;
}

const SUMMARY_LABELS: Record<string, RegExp> = {
  'income:general': /一般公共预算/, 'income:fund': /政府性基金/, 'income:soe': /国有资本经营/, 'income:business': /事业收入/,
  'income:other': /其他收入/, 'income:fiscal': /财政拨款收入/, 'income:unit': /单位资金/, 'carry-in': /结转/, 'carry-out': /结转/,
  'income-year-total': /^本年收入合计$/, 'expense-year-total': /^本年支出合计$/, 'income-grand-total': /总计/, 'expense-grand-total': /总计/,
};

/** Problems with where the ids point: format, text, column header, row code / label. */
function placementProblems(r: Rendered, budget: Budget): string[] {
  const bad: string[] = [];
  const names = new Map(functionRows(budget).map((n) => [n.code, n.name]));
  for (const [id, loc] of r.cells) {
    const [table, row] = id.split('|');
    const sheet = sheetOf(r, loc.sheet);
    const { row: y, col: x } = position(loc.address);
    const cell = sheet.rows[y]?.[x];
    const where = `${r.variant.name} ${id} at ${loc.sheet}!${loc.address}`;
    if (cell === undefined) {
      if (r.variant.zeros !== 'blank') bad.push(`${where}: blank although zeros print as 0.00`);
    } else {
      const units = unitsOf(cell, loc.unit);
      if (cell.numberFormat !== loc.numberFormat) bad.push(`${where}: format ${cell.numberFormat}`);
      if (cell.text !== textOf(units, loc.unit, loc.numberFormat)) bad.push(`${where}: text ${cell.text}`);
    }
    // The column's header label is printed above the cell, inside the same table.
    const placed = r.tables.find((t) => t.sheet === loc.sheet && t.firstRow <= y && y <= t.lastRow);
    if (placed === undefined || placed.kind !== table) bad.push(`${where}: not inside its table (${placed?.kind})`);
    else {
      let found = false;
      for (let k = y - 1; k >= placed.firstRow && !found; k--) found = sheet.rows[k]?.[x]?.text === loc.header;
      if (!found) bad.push(`${where}: header ${loc.header} not above`);
    }
    // The row says what it is: its code, 合计, or its line label.
    const labels = labelsLeft(sheet, y, x);
    if (/^\d+$/.test(row)) {
      const code = codeLeft(labels);
      if (code !== row) bad.push(`${where}: row code ${code} (${labels.join(' / ')})`);
    } else if (row === 'total' && table !== 'three-public' && table !== 'summary' && table !== 'fiscal-summary') {
      if (!labels.some((l) => /合计$/.test(l))) bad.push(`${where}: no 合计 label (${labels.join(' / ')})`);
    } else if (row.startsWith('expense:')) {
      const name = names.get(row.slice(8)) ?? CATALOG.name(row.slice(8), { year: budget.year });
      if (!labels[0]?.endsWith(`、${name}`)) bad.push(`${where}: line ${labels[0]}`);
    } else if (SUMMARY_LABELS[row] && (table === 'summary' || table === 'fiscal-summary')) {
      if (!SUMMARY_LABELS[row].test(labels[0] ?? '')) bad.push(`${where}: line ${labels[0]}`);
    }
  }
  return bad;
}

function sameAmounts(a: Map<string, Units>, b: Map<string, Units>): boolean {
  return a.size === b.size && [...a].every(([id, u]) => b.get(id) === u);
}

function sameStrings(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, x]) => b.get(k) === x);
}

function amountsById(r: Rendered): Map<string, Units> {
  const sheets = new Map(r.workbook.sheets.map((s) => [s.name, s]));
  const out = new Map<string, Units>();
  for (const [id, loc] of r.cells) {
    const { row, col } = position(loc.address);
    out.set(id, unitsOf(sheets.get(loc.sheet)?.rows[row]?.[col], loc.unit));
  }
  return out;
}

/** Every cell of a workbook as `sheet!A1 → value|text|format` (for cell-by-cell diffs). */
function flatten(r: Rendered): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of r.workbook.sheets) for (const row of s.rows) for (const c of row) if (c) out.set(`${s.name}!${c.address}`, `${String(c.value)}|${c.text}|${c.numberFormat ?? ''}`);
  return out;
}

// ---- the tests -------------------------------------------------------------------------------------------

describe('budget model', () => {
  test('is deterministic and varies with the seed', () => {
    expect(generateBudget(3)).toEqual(generateBudget(3));
    expect(render(generateBudget(3), VARIANTS[0]).workbook).toEqual(render(generateBudget(3), VARIANTS[0]).workbook);
    expect(generateBudget(3)).not.toEqual(generateBudget(4));
  });

  test('uses real catalog subjects, whole Units, 2–5 类 of 1–3 款 of 1–4 项', () => {
    const many = Array.from({ length: 16 }, (_, i) => generateBudget(100 + i));
    for (const b of [...budgets.values(), ...many]) {
      expect(b.classes.length).toBeGreaterThanOrEqual(2);
      expect(b.classes.length).toBeLessThanOrEqual(5);
      for (const c of b.classes) {
        expect(c.sections.length).toBeGreaterThanOrEqual(1);
        expect(c.sections.length).toBeLessThanOrEqual(3);
        for (const k of c.sections) expect(k.items.length).toBeGreaterThanOrEqual(1);
        for (const k of c.sections) expect(k.items.length).toBeLessThanOrEqual(4);
      }
      for (const n of functionRows(b)) {
        expect(CATALOG.name(n.code, { year: b.year })).toBe(n.name);
        for (const v of Object.values(n.flows)) expect(Number.isInteger(v) && v >= 0).toBe(true);
      }
      for (const e of b.economic) for (const s of e.sections) expect(CATALOG.name(s.code, { year: b.year, kind: 'dept-economic' })).toBe(s.name);
    }
  });

  test('options switch the optional parts on and off', () => {
    const all = generateBudget(11, { fund: true, soe: true, carryOver: true, unitFunds: true, year: 2026 });
    const none = generateBudget(11, { fund: false, soe: false, carryOver: false, unitFunds: false, year: 2025 });
    const sum = (b: Budget, k: 'fundProject' | 'soeProject' | 'carry' | 'business' | 'other') => b.classes.reduce((s, c) => s + c.flows[k], 0);
    expect(all.year).toBe(2026);
    expect(sum(all, 'fundProject') * sum(all, 'soeProject') * sum(all, 'carry') * (sum(all, 'business') + sum(all, 'other'))).toBeGreaterThan(0);
    expect(sum(none, 'fundProject') + sum(none, 'soeProject') + sum(none, 'carry') + sum(none, 'business') + sum(none, 'other')).toBe(0);
    for (const b of [all, none]) for (const v of VARIANTS) expect(violations(render(b, v))).toEqual([]);
  });

  test('Chinese ordinals', () => {
    expect([1, 10, 11, 20, 24, 31].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十四', '三十一']);
  });
});

describe('rendered budgets', () => {
  test('every relation holds on the printed cells, in every variant', () => {
    for (const seed of SEEDS) for (const v of VARIANTS) expect(violations(render(budgetOf(seed), v))).toEqual([]);
  });

  test('every id points to its own amount cell: format, text, header above, code or label on the row', () => {
    for (const seed of SEEDS) for (const v of VARIANTS) expect(placementProblems(render(budgetOf(seed), v), budgetOf(seed))).toEqual([]);
  });

  test('a blank cell is an intentional zero: the 0.00 rendering has the same ids and amounts', () => {
    const bad: string[] = [];
    for (const seed of SEEDS) {
      for (const v of VARIANTS.filter((x) => x.zeros === 'blank')) {
        const blank = amountsById(render(budgetOf(seed), v));
        const zero = render(budgetOf(seed), { ...v, zeros: 'zero' });
        const zeros = amountsById(zero);
        if (!sameAmounts(zeros, blank)) bad.push(`${v.name} seed ${seed}: amounts differ`);
        for (const id of zero.cells.keys()) if (cellOf(zero, id) === undefined) bad.push(`${v.name} ${id}: blank in the 0.00 rendering`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('元 and 万元 renderings of the same value agree exactly', () => {
    const bad: string[] = [];
    for (const seed of SEEDS) {
      for (const v of VARIANTS) {
        const yuan = render(budgetOf(seed), { ...v, unit: seed % 2 === 0 ? 'yuan' : 'yuan-int' });
        const wan = render(budgetOf(seed), { ...v, unit: 'wan' });
        if (!sameAmounts(amountsById(yuan), amountsById(wan))) bad.push(`${v.name} seed ${seed}: amounts differ`);
        for (const [id, loc] of yuan.cells) {
          const y = cellOf(yuan, id);
          const w = cellOf(wan, id);
          if (y === undefined || w === undefined) {
            if (y !== w) bad.push(`${v.name} ${id}: blank in one unit only`);
            continue;
          }
          // 元 = 万元 × 10000, compared as exact decimals of the printed texts.
          const yuanText = `${(BigInt(w.text.replace('.', '')) * 100n).toString()}${loc.numberFormat === '#,##0' ? '' : '.00'}`;
          const want = loc.unit === '元' ? yuanText : w.text;
          if (y.text.replace(/,/g, '') !== want) bad.push(`${v.name} ${id}: ${y.text} vs ${w.text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('the tables sit where the variant says', () => {
    const b = budgetOf(1);
    for (const v of VARIANTS) {
      const r = render(b, v);
      expect(r.tables).toHaveLength(9);
      expect(r.workbook.sheets).toHaveLength(v.placement === 'sheets' ? 9 : 1);
      if (v.placement !== 'sheets') {
        const sorted = [...r.tables].sort((a, c) => a.firstRow - c.firstRow);
        sorted.slice(1).forEach((t, i) => expect(t.firstRow - sorted[i].lastRow).toBe(v.placement === 'stacked' ? 2 : 1));
      }
      // The header block repeats on every printed page of a long table.
      const sheet = sheetOf(r, r.tables.find((t) => t.kind === 'expenditure')?.sheet ?? '');
      const t = r.tables.find((x) => x.kind === 'expenditure');
      const units = sheet.rows.slice(t?.firstRow, (t?.lastRow ?? 0) + 1).filter((row) => row.some((c) => /^单位：/.test(c?.text ?? ''))).length;
      const body = functionRows(b).length + 1;
      expect(units).toBe(v.repeatHeaderEvery > 0 ? Math.ceil(body / v.repeatHeaderEvery) : 1);
    }
  });

  test('codes are text, amounts are numbers', () => {
    const r = render(budgetOf(2), VARIANTS.find((v) => v.codes === 'split') as Variant);
    const codeCells = r.workbook.sheets.flatMap((s) => s.rows.flat()).filter((c): c is Cell => c !== undefined && /^\d{2,3}$/.test(c.text) && typeof c.value === 'string');
    expect(codeCells.some((c) => c.text === '01' || c.text === '02' || c.text === '05')).toBe(true);
    for (const id of r.cells.keys()) expect(['number', 'undefined']).toContain(typeof cellOf(r, id)?.value);
  });
});

describe('planted faults', () => {
  test('the ids of the brief are printed in every variant', () => {
    for (const b of budgets.values()) {
      const ids = new Set(commonIds(b));
      const item = functionRows(b).find((n) => n.level === 3 && n.flows.generalBasic > 0);
      expect(item).toBeDefined();
      for (const id of [`expenditure|${item?.code}|basic`, 'expenditure|total|total', `summary|expense:${b.classes[0].code}|total`, 'three-public|vehicle-upkeep|total', 'general-expenditure|total|basic']) {
        expect(ids.has(id)).toBe(true);
      }
      for (const e of b.economic) for (const s of e.sections) expect(ids.has(`basic-expenditure|${s.code}|total`)).toBe(true);
    }
  });

  test('every kind has candidates, and a fault fits only its kind of cell', () => {
    for (const b of budgets.values()) for (const k of FAULT_KINDS) expect(faultCandidates(b, k, { nonZero: true }).length).toBeGreaterThan(0);
    expect(fits('detail-off', 'expenditure|2080501|basic')).toBe(true);
    expect(fits('detail-off', 'expenditure|20805|basic')).toBe(false);
    expect(fits('total-off', 'expenditure|total|total')).toBe(true);
    expect(fits('summary-line-off', 'summary|expense:208|total')).toBe(true);
    expect(() => plant(render(budgetOf(1), VARIANTS[0]), { kind: 'total-off', id: 'expenditure|2080501|basic' })).toThrow();
    expect(() => plant(render(budgetOf(1), VARIANTS[0]), { kind: 'rounding', id: 'expenditure|total|total', delta: 0.001 })).toThrow();
  });

  test('planting changes exactly one cell, by the delta, in every variant', () => {
    const bad: string[] = [];
    for (const seed of SEEDS.slice(0, 3)) {
      const b = budgetOf(seed);
      const reference = amountsById(render(b, VARIANTS[0]));
      const faults = [...sampleFaults(b, seed), { kind: 'detail-off' as const, id: faultCandidates(b, 'detail-off')[0], delta: -0.5 }];
      for (const v of VARIANTS) {
        const clean = render(b, v);
        const before = flatten(clean);
        for (const fault of faults) {
          const { rendered, planted } = plant(clean, fault);
          const after = flatten(rendered);
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
          const loc = clean.cells.get(fault.id);
          const where = `${v.name} ${fault.kind} ${fault.id}`;
          if (changed.length !== 1 || changed[0] !== `${loc?.sheet}!${loc?.address}` || changed[0] !== `${planted.sheet}!${planted.address}`) bad.push(`${where}: changed ${changed.join(', ')}`);
          if (planted.after - planted.before !== Math.round((fault.delta ?? DEFAULT_DELTA[fault.kind]) * 100)) bad.push(`${where}: delta ${planted.after - planted.before}`);
          if (unitsOf(cellOf(rendered, fault.id), loc?.unit ?? '万元') !== planted.after) bad.push(`${where}: cell does not read ${planted.after}`);
          // The same fault is the same quantity everywhere: the value before is the one of every other variant.
          if (planted.before !== reference.get(fault.id)) bad.push(`${where}: before ${planted.before} ≠ ${reference.get(fault.id)}`);
          // And the self-check sees it, so these checks are not vacuous.
          if (violations(rendered).length === 0) bad.push(`${where}: not seen by the relation checks`);
        }
        // The clean rendering is untouched by planting.
        if (!sameStrings(flatten(clean), before)) bad.push(`${v.name}: planting changed the clean rendering`);
      }
    }
    expect(bad).toEqual([]);
  });
});
