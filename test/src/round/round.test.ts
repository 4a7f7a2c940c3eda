/**
 * 舍位平衡: the published 元 documents to 万元 with every relation exact; an already rounded 决算 with its 尾差
 * removed by the fewest ±0.01; what cannot balance is said, not hidden. The results are checked again by the
 * engine itself, strictly (every difference an error), never by the rounding code.
 */
import { checkWorkbookRaw } from '../../../src/engine';
import type { MipSolver } from '../../../src/locate/solver';
import { Decimal } from '../../../src/money';
import { roundWorkbook, type RoundOutcome, type RoundedCell } from '../../../src/round/round';
import { parseA1, sheetFromGrid, type Cell, type Workbook } from '../../../src/snapshot';
import { corpusWorkbook } from '../../helpers/fixtures';
import { nodeSolver } from '../../helpers/solver';
import { generateBudget } from '../../../bench/budget/model';
import { inWholeYuan, render, VARIANTS } from '../../../bench/budget/render';

let solver: MipSolver;
beforeAll(async () => { solver = await nodeSolver(); });

type Done = Extract<RoundOutcome, { kind: 'done' }>;

function round(wb: Workbook, unit: 'wan' | 'yuan' = 'wan', decimals = 2): Done {
  const o = roundWorkbook(wb, checkWorkbookRaw(wb, { keepRelations: true }), { unit, decimals }, solver);
  if (o.kind !== 'done') throw new Error(`refused: ${o.reason.en}`);
  return o;
}

/** The workbook with some cells' values replaced (as numbers shown with `decimals`) and unit lines rewritten. */
function apply(wb: Workbook, cells: ReadonlyArray<Pick<RoundedCell, 'sheet' | 'cell'> & { readonly to: string }>, units: Done['units'] = [], decimals = 2): Workbook {
  const bySheet = new Map<string, Map<string, string>>();
  for (const c of cells) bySheet.set(c.sheet, (bySheet.get(c.sheet) ?? new Map<string, string>()).set(c.cell, c.to));
  for (const u of units) bySheet.set(u.sheet, (bySheet.get(u.sheet) ?? new Map<string, string>()).set(u.cell, `text:${u.after}`));
  return {
    sheets: wb.sheets.map((s) => {
      const changes = bySheet.get(s.name);
      if (!changes) return s;
      const rows = s.rows.map((r) => [...r]);
      for (const [address, to] of changes) {
        const { row, col } = parseA1(address);
        while (rows.length <= row) rows.push([]);
        const cell: Cell = to.startsWith('text:')
          ? { address, row, col, value: to.slice(5), text: to.slice(5) }
          : { address, row, col, value: Number(to), text: new Decimal(to).toFixed(decimals), numberFormat: `0.${'0'.repeat(decimals)}` };
        rows[row][col] = cell;
      }
      return { name: s.name, rows };
    }),
  };
}

/** Relations that do not hold exactly (strict: 尾差 count). */
function failing(wb: Workbook): string[] {
  const r = checkWorkbookRaw(wb, { keepRelations: true, strict: true });
  return (r.checked ?? []).filter((c) => c.outcome !== 'held' && c.instance.severity !== 'info').map((c) => `${c.instance.table.sheet}!${c.instance.total.address} ${c.instance.relation}`);
}

/** Each rounded cell within one unit of the last digit of its exact value, rounded down or up. */
function withinOneUnit(o: Done, exactToTarget: (c: RoundedCell) => Decimal): void {
  const unit = new Decimal(10).pow(-o.target.decimals);
  for (const c of o.cells) {
    const x = exactToTarget(c);
    const y = new Decimal(c.value);
    expect({ cell: `${c.sheet}!${c.cell}`, ok: y.minus(x).abs().lt(unit) || y.eq(x) }).toEqual({ cell: `${c.sheet}!${c.cell}`, ok: true });
    if (x.isZero()) expect(y.isZero()).toBe(true);
    if (x.div(unit).isInteger()) expect(y.eq(x)).toBe(true);
  }
}

/** The exact value in 万元, from a 元 or 万元 table. */
const yuanToWan = (c: RoundedCell) => (c.from === 'yuan' ? new Decimal(c.exact).div(10000) : new Decimal(c.exact));

describe('元 to 万元 with every relation exact', () => {
  test('区政府办公室 2025 (the clean 元 document): plain ROUND leaves 尾差, the balanced rounding none; the 万元 三公 table stays', () => {
    const wb = corpusWorkbook('sh-putuo-zfb-2025-budget');
    expect(failing(wb)).toEqual([]);
    const o = round(wb);
    expect(o.mode).toBe('convert');
    const plain = apply(wb, o.cells.map((c) => ({ ...c, to: c.plain })), o.units);
    const plainFailures = failing(plain);
    // Counted by the engine on the plainly rounded copy: the same relations the rounding reported.
    expect(plainFailures.length).toBe(6);
    expect(o.plainGaps.map((g) => `${g.sheet}!${g.cell} ${g.relation}`).sort()).toEqual([...plainFailures].sort());
    const balanced = apply(wb, o.cells.map((c) => ({ ...c, to: c.value })), o.units);
    expect(failing(balanced)).toEqual([]);
    expect([o.gaps, o.inputGaps, o.unsolved]).toEqual([[], [], 0]);
    withinOneUnit(o, yuanToWan);
    // The 万元 table is untouched.
    expect(o.cells.filter((c) => c.sheet === '三公经费和机关运行经费表').every((c) => c.value === new Decimal(c.exact).toFixed(2))).toBe(true);
    // Every table in 元 has its unit line rewritten; the 万元 table's is left alone.
    expect(o.units.map((u) => [u.sheet, u.before, u.after])).toEqual(
      checkWorkbookRaw(wb).tables.filter((t) => t.unit === 'yuan').map((t) => [t.sheet, '单位：元', '单位：万元']),
    );
    // The result is read as 万元 by the engine.
    expect(checkWorkbookRaw(balanced).tables.every((t) => t.unit === 'wan')).toBe(true);
  });

  test('万里街道 2025 with its listed inconsistency corrected (款 21201 94,995,790 → 94,995,789): balanced; as published, the input imbalance is named', () => {
    const published = corpusWorkbook('sh-putuo-wanli-2025-budget');
    const asIs = round(published);
    expect(asIs.inputGaps.map((g) => [g.sheet, g.cell, g.difference])).toEqual(expect.arrayContaining([['收入总表', 'E55', '1'], ['收入总表', 'E54', '-1']]));
    expect(asIs.inputGaps).toHaveLength(10);
    const fix = ['收入总表!E55', '收入总表!F55', '支出总表!E55', '一般公共预算支出功能分类表!E55'].map((k) => ({ sheet: k.split('!')[0], cell: k.split('!')[1], to: '94995789' }));
    const corrected = apply(published, fix, [], 0);
    expect(failing(corrected)).toEqual([]);
    const o = round(corrected);
    expect([o.gaps, o.inputGaps]).toEqual([[], []]);
    expect(o.plainGaps.length).toBeGreaterThan(0);
    expect(failing(apply(corrected, o.cells.map((c) => ({ ...c, to: c.value })), o.units))).toEqual([]);
    withinOneUnit(o, yuanToWan);
  });

  test('司法局 2026 as published: the 64,840,547.00 error cannot be rounded away — the relations left off are named with their differences', () => {
    const o = round(corpusWorkbook('sh-putuo-sfj-2026-unit-budget'));
    expect(o.gaps.map((g) => [g.sheet, g.cell, g.difference])).toEqual([
      ['支出总表', 'G7', '-6484.05'], ['一般公共预算支出功能分类表', 'G7', '-6484.05'],
      ['支出总表', 'E8', '-6484.05'], ['一般公共预算支出功能分类表', 'E8', '-6484.05'],
    ]);
    expect(o.gaps[0].what.zh).toBe('款 20406 项目支出');
    // The input's own imbalances, in 元 with their own decimals (0.34, not 0).
    expect(o.inputGaps.map((g) => g.difference)).toEqual(expect.arrayContaining(['-0.34', '0.34', '-64840547.00']));
    withinOneUnit(o, yuanToWan);
  });
});

describe('the fewest cells leave plain rounding', () => {
  test('three 项 of 1.665, 0.665 and 0.67 万元 under a 款 of exactly 3.00: one 项 rounds down, in both columns that print it; the totals stay', () => {
    const grid = [
      ['2025年一般公共预算财政拨款支出表'], ['单位：元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['208', '社会保障和就业支出', '30000', '30000', ''],
      ['20805', '行政事业单位养老支出', '30000', '30000', ''],
      ['2080501', '行政单位离退休', '16650', '16650', ''],
      ['2080502', '事业单位离退休', '6650', '6650', ''],
      ['2080505', '机关事业单位基本养老保险缴费支出', '6700', '6700', ''],
    ];
    const wb: Workbook = { sheets: [sheetFromGrid('一般公共预算支出表', grid)] };
    const o = round(wb);
    expect(o.plainGaps.map((g) => [g.cell, g.difference])).toEqual([['C5', '-0.01'], ['D5', '-0.01']]);
    const moved = o.cells.filter((c) => c.value !== c.plain).map((c) => [c.cell, c.plain, c.value]);
    // 1.665 and 0.665 are both exactly half way: either may go down; 0.67 and the totals are exact and stay.
    expect([[['C6', '1.67', '1.66'], ['D6', '1.67', '1.66']], [['C7', '0.67', '0.66'], ['D7', '0.67', '0.66']]]).toContainEqual(moved);
    expect(o.moved).toBe(2);
    expect(o.gaps).toEqual([]);
  });
});

describe('an already rounded workbook: the fewest ±0.01 that remove its 尾差', () => {
  test('财政局 2024 决算 (万元): every 尾差 removed, each change one unit, nothing else touched', () => {
    const wb = corpusWorkbook('sh-putuo-czj-2024-final');
    const before = failing(wb);
    expect(before.length).toBeGreaterThan(0);
    const o = round(wb);
    expect(o.mode).toBe('tails');
    expect(o.plainGaps.length).toBe(before.length);
    expect(o.units).toEqual([]);
    for (const c of o.cells) expect(new Decimal(c.value).minus(c.exact).abs().toFixed(2)).toBe('0.01');
    expect(o.moved).toBe(o.cells.length);
    expect(failing(apply(wb, o.cells.map((c) => ({ ...c, to: c.value }))))).toEqual([]);
  });

  test('a workbook with an error beyond rounding is refused with the count, not rounded around', () => {
    const o = roundWorkbook(corpusWorkbook('sh-putuo-yichuan-2025-final'), checkWorkbookRaw(corpusWorkbook('sh-putuo-yichuan-2025-final'), { keepRelations: true }), { unit: 'wan', decimals: 2 }, solver);
    expect(o.kind).toBe('refused');
    if (o.kind === 'refused') expect(o.reason.zh).toMatch(/^工作簿有 \d+ 处超出尾差的不平/);
  });
});

describe('half cases, negative amounts, and random consistent workbooks', () => {
  const yuanVariants = VARIANTS.filter((v) => v.unit === 'yuan' || v.unit === 'yuan-int');

  test('random consistent workbooks kept to the 元 (every 元 variant): plain rounding leaves 尾差, balancing none, each cell within one unit', () => {
    expect(yuanVariants.length).toBeGreaterThan(2);
    let plainGaps = 0;
    for (const [i, v] of yuanVariants.entries()) {
      const wb = inWholeYuan(render(generateBudget(500 + i), v));
      expect({ v: v.name, f: failing(wb) }).toEqual({ v: v.name, f: [] });
      const o = round(wb);
      plainGaps += o.plainGaps.length;
      expect(failing(apply(wb, o.cells.map((c) => ({ ...c, to: c.plain })), o.units)).length).toBe(o.plainGaps.length);
      expect({ v: v.name, gaps: o.gaps, unsolved: o.unsolved }).toEqual({ v: v.name, gaps: [], unsolved: 0 });
      expect({ v: v.name, f: failing(apply(wb, o.cells.map((c) => ({ ...c, to: c.value })), o.units)) }).toEqual({ v: v.name, f: [] });
      withinOneUnit(o, yuanToWan);
    }
    expect(plainGaps).toBeGreaterThan(yuanVariants.length);
  });

  test('77,777,750 元 is 7,777.775 万元: plain rounding goes away from zero (7,777.78), and so does −77,777,750', () => {
    const wb = corpusWorkbook('sh-putuo-zfb-2025-budget');
    const o = round(wb);
    const free = o.cells.find((c) => c.sheet === '收支总表' && c.value === c.plain && !new Decimal(c.exact).isZero()) as RoundedCell;
    for (const [exact, plain] of [['77777750', '7777.78'], ['-77777750', '-7777.78'], ['77777749', '7777.77'], ['-77777749', '-7777.77']]) {
      const changed = apply(wb, [{ sheet: free.sheet, cell: free.cell, to: exact }], [], 0);
      const r = roundWorkbook(changed, checkWorkbookRaw(changed, { keepRelations: true }), { unit: 'wan', decimals: 2 }, solver);
      if (r.kind !== 'done') throw new Error('refused');
      const c = r.cells.find((x) => x.sheet === free.sheet && x.cell === free.cell) as RoundedCell;
      expect([exact, c.plain]).toEqual([exact, plain]);
      // The changed cell breaks its relations in the input: said, and the value stays within one unit.
      expect(r.inputGaps.length).toBeGreaterThan(0);
      expect(new Decimal(c.value).minus(new Decimal(exact).div(10000)).abs().lt(0.01)).toBe(true);
    }
  });

  test('back to 元: 万元 figures times 10,000 exactly, and to whole 元', () => {
    const wb = corpusWorkbook('sh-putuo-czj-2024-final');
    const o = round(wb, 'yuan', 2);
    expect(o.mode).toBe('convert');
    expect(o.cells.every((c) => c.value === new Decimal(c.exact).times(10000).toFixed(2))).toBe(true);
    // Its 尾差 stay 尾差: exact scaling cannot remove them, and says so.
    expect(o.gaps.length).toBe(o.plainGaps.length);
  });
});

describe('what it refuses', () => {
  test('a table without a printed unit, decimals out of range, no table', () => {
    const wb = corpusWorkbook('sh-putuo-zfb-2025-budget');
    const noUnit: Workbook = { sheets: wb.sheets.map((s) => (s.name !== '收入总表' ? s : { name: s.name, rows: s.rows.map((r) => r.map((c) => (c && /单位/.test(c.text) ? { ...c, value: '', text: '' } : c))) })) };
    const a = roundWorkbook(noUnit, checkWorkbookRaw(noUnit, { keepRelations: true }), { unit: 'wan', decimals: 2 }, solver);
    expect(a.kind === 'refused' && a.reason.zh).toMatch(/^收入总表（收入总表）未注明金额单位/);
    const b = roundWorkbook(wb, checkWorkbookRaw(wb, { keepRelations: true }), { unit: 'wan', decimals: 7 }, solver);
    expect(b.kind === 'refused' && b.reason.zh).toBe('小数位数应为 0 到 6 的整数');
    const empty: Workbook = { sheets: [{ name: 'x', rows: [] }] };
    const c = roundWorkbook(empty, checkWorkbookRaw(empty, { keepRelations: true }), { unit: 'wan', decimals: 2 }, solver);
    expect(c.kind === 'refused' && c.reason.en).toMatch(/no budget table/);
  });
});
