/**
 * Which cell is wrong: the fewest cells whose new values make every relation hold, with those values — on the
 * published documents, and on random consistent workbooks with planted faults.
 */
import { checkWorkbookRaw } from '../../../src/engine';
import { locateCauses, locateReport, locateSteps, type Cause, type LocateReport } from '../../../src/locate/locate';
import type { MipSolver } from '../../../src/locate/solver';
import { corpusWorkbook, seedWorkbook } from '../../helpers/fixtures';
import { nodeSolver } from '../../helpers/solver';
import { generateBudget } from '../../../bench/budget/model';
import { render, VARIANTS } from '../../../bench/budget/render';
import { plant, faultCandidates } from '../../../bench/budget/faults';
import type { Workbook } from '../../../src/snapshot';

let solver: MipSolver;
beforeAll(async () => { solver = await nodeSolver(); });

function locate(wb: Workbook) {
  const r = checkWorkbookRaw(wb, { keepRelations: true });
  return { result: r, causes: locateCauses(r.checked ?? [], solver) };
}

const brief = (c: Cause) => [c.sheet, c.cell, c.current, c.suggested, c.certain, c.alternatives.length];

describe('the published documents', () => {
  test('司法局: the 项目支出 cell repeating 64,840,547.00 is the cause in both tables, to be 0.00, and it resolves their errors', () => {
    const { result, causes } = locate(corpusWorkbook('sh-putuo-sfj-2026-unit-budget'));
    expect(causes.map(brief)).toEqual([
      ['支出总表', 'G8', '64840547.00', '0.00', true, 0],
      ['一般公共预算支出功能分类表', 'G8', '64840547.00', '0.00', true, 0],
    ]);
    // Each resolves the row that did not cross-foot and the 款 that did not add up: the table's two errors.
    for (const c of causes) {
      expect(c.findings.map((i) => [result.findings[i].relation, result.findings[i].severity])).toEqual([
        [`${result.findings[c.findings[0]].table}.hierarchy`, 'error'], [`${result.findings[c.findings[0]].table}.cross-foot`, 'error'],
      ]);
      expect([c.within, c.between]).toEqual([2, 0]);
    }
  });

  test('宜川路街道: 30299 printing the 302 total is the cause, to be 0.00; the 0.01 roundings are not located', () => {
    const { causes } = locate(corpusWorkbook('sh-putuo-yichuan-2025-final'));
    expect(causes.map(brief)).toEqual([['一般公共预算财政拨款基本支出决算表', 'F32', '1844.57', '0.00', true, 0]]);
  });

  test('documents with 尾差 only, or none, get no cause', () => {
    for (const doc of ['sh-putuo-zfb-2025-budget', 'sh-putuo-wanli-2025-budget', 'sh-putuo-czj-2024-final']) {
      expect([doc, locate(corpusWorkbook(doc)).causes]).toEqual([doc, []]);
    }
    expect(locate(seedWorkbook('004')).causes).toEqual([]);
  });

  test('seed 000: 0.16 under three blank totals — the one detail, in both columns, not the three totals', () => {
    const { causes } = locate(seedWorkbook('000'));
    expect(causes.map(brief)).toEqual([['three-public', 'C13', '0.16', '0.00', true, 0], ['three-public', 'D13', '0.16', '0.00', true, 0]]);
    expect(causes[0].together.map((t) => t.cell)).toEqual(['D13']);
  });
});

describe('planted faults in random consistent workbooks', () => {
  const variants = VARIANTS.filter((v) => ['hebei', 'shanghai-budget', 'shanghai-final'].includes(v.name));

  test('one retyped detail: exactly that cell is the unique cause, with its original value', () => {
    for (const seed of [11, 12, 13]) {
      const budget = generateBudget(seed);
      for (const v of variants) {
        const rendered = render(budget, v);
        const id = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).filter((x) => x.startsWith('expenditure|'))[seed % 3];
        const { rendered: faulty, planted } = plant(rendered, { kind: 'detail-off', id });
        const { causes } = locate(faulty.workbook);
        const cell = rendered.cells.get(id);
        expect({ seed, variant: v.name, causes: causes.map((c) => [c.sheet, c.cell, c.suggested, c.certain]) }).toEqual({
          seed, variant: v.name, causes: [[planted.sheet, planted.address, expect.stringMatching(/^\d/), true]],
        });
        // The suggested value is the value before the fault.
        const before = faulty.workbook.sheets.find((s) => s.name === cell?.sheet);
        expect(before).toBeDefined();
        const original = rendered.workbook.sheets.find((s) => s.name === planted.sheet)?.rows.flat().find((c) => c?.address === planted.address);
        expect(Number(causes[0].suggested)).toBeCloseTo(typeof original?.value === 'number' ? original.value : 0, 6);
      }
    }
  });

  test('two independent faults in different tables: both cells, each the cause of its own findings', () => {
    const budget = generateBudget(21);
    const v = variants[0];
    const rendered = render(budget, v);
    const a = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('expenditure|')) as string;
    const b = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('basic-expenditure|')) as string;
    const one = plant(rendered, { kind: 'detail-off', id: a });
    const two = plant(one.rendered, { kind: 'detail-off', id: b });
    const { causes } = locate(two.rendered.workbook);
    expect(causes.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual([`${one.planted.sheet}!${one.planted.address}`, `${two.planted.sheet}!${two.planted.address}`].sort());
    expect(causes.every((c) => c.certain)).toBe(true);
  });
});

describe('the time budget', () => {
  test('groups are not started once the budget is spent: their failures are counted, the ones examined keep their causes', () => {
    const budget = generateBudget(21);
    const v = VARIANTS.filter((x) => x.name === 'hebei')[0];
    const rendered = render(budget, v);
    const a = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('expenditure|')) as string;
    const b = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('basic-expenditure|')) as string;
    const wb = plant(plant(rendered, { kind: 'detail-off', id: a }).rendered, { kind: 'detail-off', id: b }).rendered.workbook;
    const r = checkWorkbookRaw(wb, { keepRelations: true });
    const failing = (r.checked ?? []).filter((c) => c.outcome === 'failed').length;
    expect(failing).toBeGreaterThan(1);
    // A clock already past the deadline: nothing is examined, every failure is counted.
    expect(locateReport(r.checked ?? [], solver, { deadline: { now: () => 2, until: 1 } })).toEqual({ causes: [], unexamined: failing, unsolvable: 0, unexplained: [] });
    // A clock that runs out after the first group: that group's cause is kept, the other group is counted.
    let ticks = 0;
    const part = locateReport(r.checked ?? [], solver, { deadline: { now: () => ticks++, until: 0 } });
    expect(part.causes).toHaveLength(1);
    expect(part.unexamined).toBeGreaterThan(0);
    expect(part.unexamined).toBeLessThan(failing);
    // Time enough: the same answer as without a budget.
    expect(locateReport(r.checked ?? [], solver, { deadline: { now: () => 0, until: 1 } })).toEqual({ causes: locateCauses(r.checked ?? [], solver), unexamined: 0, unsolvable: 0, unexplained: [] });
  });
});

describe('step by step (locateSteps, as the task pane drives it)', () => {
  const twoFaults = () => {
    const budget = generateBudget(21);
    const v = VARIANTS.filter((x) => x.name === 'hebei')[0];
    const rendered = render(budget, v);
    const a = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('expenditure|')) as string;
    const b = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('basic-expenditure|')) as string;
    return checkWorkbookRaw(plant(plant(rendered, { kind: 'detail-off', id: a }).rendered, { kind: 'detail-off', id: b }).rendered.workbook, { keepRelations: true });
  };

  /** Runs the steps to their end, noting what had been found at each one. */
  function drive(steps: Generator<void, LocateReport, void>): { yields: number; report: LocateReport } {
    let yields = 0;
    for (;;) {
      const step = steps.next();
      if (step.done) return { yields, report: step.value };
      yields++;
    }
  }

  test('a step per independent group of failures, then the very report locateReport gives', () => {
    const r = twoFaults();
    const { yields, report } = drive(locateSteps(r.checked ?? [], solver));
    expect(yields).toBe(2);
    expect(report).toEqual(locateReport(r.checked ?? [], solver));
    expect(report.causes).toHaveLength(2);
  });

  test('each step does its own group\'s work: a caller that stops after one has the solver asked nothing more', () => {
    const r = twoFaults();
    let calls = 0;
    const counting: MipSolver = { solve: (lp) => { calls++; return solver.solve(lp); } };
    const steps = locateSteps(r.checked ?? [], counting);
    expect(steps.next().done).toBe(false);
    const first = calls;
    expect(steps.next().done).toBe(false);
    const second = calls - first;
    expect([first > 0, second > 0]).toEqual([true, true]);
    // The last step only hands over the report.
    const last = steps.next();
    expect(calls).toBe(first + second);
    expect(last).toEqual({ done: true, value: locateReport(r.checked ?? [], solver) });
  });

  test('no failure, or a deadline already past: the report at once, without a step', () => {
    const clean = checkWorkbookRaw(seedWorkbook('004'), { keepRelations: true });
    expect(drive(locateSteps(clean.checked ?? [], solver))).toEqual({ yields: 0, report: { causes: [], unexamined: 0, unsolvable: 0, unexplained: [] } });
    const r = twoFaults();
    const failing = (r.checked ?? []).filter((c) => c.outcome === 'failed').length;
    expect(drive(locateSteps(r.checked ?? [], solver, { deadline: { now: () => 2, until: 1 } }))).toEqual({ yields: 0, report: { causes: [], unexamined: failing, unsolvable: 0, unexplained: [] } });
  });
});

describe('what the solver cannot take', () => {
  const faulty = () => {
    const budget = generateBudget(21);
    const v = VARIANTS.filter((x) => x.name === 'hebei')[0];
    const rendered = render(budget, v);
    const a = faultCandidates(budget, 'detail-off', { variants: [v], nonZero: true }).find((x) => x.startsWith('expenditure|')) as string;
    return { rendered, planted: plant(rendered, { kind: 'detail-off', id: a }) };
  };

  test('a cell holding 1e308: its group is counted as unsolvable, not thrown', () => {
    const { planted } = faulty();
    const wb: Workbook = {
      sheets: planted.rendered.workbook.sheets.map((s) => (s.name !== planted.planted.sheet ? s : {
        name: s.name,
        rows: s.rows.map((row) => row.map((c) => (c && c.address === planted.planted.address ? { ...c, value: 1e308, text: '1e308' } : c))),
      })),
    };
    const r = checkWorkbookRaw(wb, { keepRelations: true });
    const failing = (r.checked ?? []).filter((c) => c.outcome === 'failed').length;
    expect(failing).toBeGreaterThan(0);
    expect(locateReport(r.checked ?? [], solver)).toEqual({ causes: [], unexamined: 0, unsolvable: failing, unexplained: [] });
  });

  test('a solver that throws costs its group the cause, never the call', () => {
    const { planted } = faulty();
    const r = checkWorkbookRaw(planted.rendered.workbook, { keepRelations: true });
    const failing = (r.checked ?? []).filter((c) => c.outcome === 'failed').length;
    const broken: MipSolver = { solve: () => { throw new Error('Unable to read LP model'); } };
    expect(locateReport(r.checked ?? [], broken)).toEqual({ causes: [], unexamined: 0, unsolvable: failing, unexplained: [] });
  });
});

describe('failures no change of cells explains', () => {
  test('司法局 with every amount of 支出总表 a formula result: its errors are unexplained, the other table keeps its cause', () => {
    const wb = corpusWorkbook('sh-putuo-sfj-2026-unit-budget');
    const formulas: Workbook = {
      sheets: wb.sheets.map((s) => (s.name !== '支出总表' ? s : {
        name: s.name,
        rows: s.rows.map((row) => row.map((c) => (c && typeof c.value === 'number' ? { address: c.address, row: c.row, col: c.col, value: c.value, text: c.text, formula: 'SUM(A1)' } : c))),
      })),
    };
    const r = checkWorkbookRaw(formulas, { keepRelations: true });
    const report = locateReport(r.checked ?? [], solver);
    expect(report.causes.map(brief)).toEqual([['一般公共预算支出功能分类表', 'G8', '64840547.00', '0.00', true, 0]]);
    const errorsThere = r.findings.flatMap((f, i) => (f.sheet === '支出总表' && f.severity === 'error' ? [i] : []));
    expect(errorsThere.length).toBeGreaterThan(0);
    expect(report.unexplained).toEqual(errorsThere);
    expect(new Set(report.unexplained.map((i) => r.findings[i].relation))).toEqual(new Set(['expenditure.hierarchy', 'expenditure.cross-foot']));
    // Without formulas, nothing is unexplained.
    const plain = checkWorkbookRaw(wb, { keepRelations: true });
    expect(locateReport(plain.checked ?? [], solver).unexplained).toEqual([]);
  });
});
