import type { RawCheckResult } from '../src/engine';
import type { Text } from '../src/findings';
import type { CellChange } from './host';
import type { SavedFill } from './office/marks';

export type Phase = 'read' | 'check' | 'mark';

/**
 * What the last validation found, shared by the ribbon commands and the task pane: they live in one bundle
 * on the shared runtime page, so a module-level store is the shared state.
 */
export interface ValidationState {
  /** Findings keep both languages, so switching language needs no new run. */
  readonly result?: RawCheckResult;
  readonly at?: Date;
  /** Original fills of the cells currently marked, for 清除标记. */
  readonly saved: readonly SavedFill[];
  /** Notes the add-in added (sheet!A1), removed again by 清除标记. */
  readonly notes: readonly string[];
  /** Why the last run failed, for the pane to show. */
  readonly error?: Text;
  readonly running: boolean;
  /** Where a running validation is, for the progress bar. */
  readonly phase?: Phase;
  /** Set when the user cancelled the last run. */
  readonly cancelled?: boolean;
  /** Cells edited since the last run: findings citing them are stale. */
  readonly changes: readonly CellChange[];
}

type Listener = (s: ValidationState) => void;

const initial: ValidationState = { saved: [], notes: [], running: false, changes: [] };
let state: ValidationState = initial;
const listeners = new Set<Listener>();

export function getState(): ValidationState {
  return state;
}

export function setState(patch: Partial<ValidationState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** For tests: back to a fresh runtime. */
export function resetState(): void {
  state = initial;
  listeners.clear();
}
