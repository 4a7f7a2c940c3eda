import type { CheckResult } from '../src/engine';
import type { Text } from '../src/findings';
import type { SavedFill } from './office/marks';

/**
 * What the last validation found, shared by the ribbon commands, the functions and the task pane: they all
 * live in one shared runtime page, so a module-level store is the shared state.
 */
export interface ValidationState {
  readonly result?: CheckResult;
  readonly at?: Date;
  /** Original fills of the cells currently marked, for 清除标记. */
  readonly saved: readonly SavedFill[];
  /** Why the last run failed, for the pane to show. */
  readonly error?: Text;
  readonly running: boolean;
}

type Listener = (s: ValidationState) => void;

let state: ValidationState = { saved: [], running: false };
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
  state = { saved: [], running: false };
  listeners.clear();
}
