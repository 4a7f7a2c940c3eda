/**
 * The pane host's locator port with the Node solver (test/helpers/solver.ts: HiGHS from node_modules), as the
 * add-in's solver chunk does it in the browser with highs.wasm from the add-in's own files.
 */
import { locateSteps } from '../../src/locate/locate';
import type { Locate } from '../../taskpane/solver';
import { a1 } from '../../src/snapshot';
import type { FakeExcel } from '../../taskpane/office/fake';
import { nodeSolver } from '../helpers/solver';

export async function nodeLocator(): Promise<Locate> {
  const solver = await nodeSolver();
  return (checked, options) => locateSteps(checked, solver, options);
}

/** One run of a locator as the pane drove it: how many steps it was asked for, and whether it got to its end. */
export interface LocatorRun {
  steps: number;
  finished: boolean;
}

/**
 * A locator that records each run and calls `onStep` inside each step (where the pane's clock is running): a
 * test can do there what a step would cost or what happens meanwhile.
 */
export function watched(inner: Locate, onStep: (run: LocatorRun) => void = () => undefined): { locate: Locate; runs: LocatorRun[] } {
  const runs: LocatorRun[] = [];
  const locate: Locate = (checked, options) => {
    const run: LocatorRun = { steps: 0, finished: false };
    runs.push(run);
    const steps = inner(checked, options);
    return {
      next: () => {
        run.steps++;
        const step = steps.next();
        if (step.done) run.finished = true;
        else onStep(run);
        return step;
      },
    };
  };
  return { locate, runs };
}

/**
 * Every cell of the workbook as a test compares it before and after: value, text, number format, formula and
 * fill. An empty cell and no cell are the same (Excel has no difference between them), as are '' and null.
 */
export function everyCell(excel: FakeExcel, opts: { fills?: boolean } = {}): Map<string, string> {
  const fills = opts.fills ?? true;
  const out = new Map<string, string>();
  for (const s of excel.sheets) {
    for (const [k, c] of s.cells) {
      const value = c.value === '' ? null : c.value;
      const plain = value === null && !c.formula && c.numberFormat === 'General' && (!fills || c.fill.pattern === 'None') && !c.bold && !c.link;
      if (plain) continue;
      const [row, col] = k.split(',').map(Number);
      out.set(`${s.name}!${a1(row, col)}`, JSON.stringify([value, c.text, c.numberFormat, c.formula ?? null, fills ? c.fill : null, c.bold ?? false, c.link ?? null]));
    }
  }
  return out;
}

/** The cells (sheet!row,col) whose content differs between two snapshots. */
export function changedCells(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
