import type { Unit } from '../../src/table';
import type { DocumentStore } from '../host';

/**
 * The sheets 舍位平衡 added (ops/round-sheets.ts), kept in the document's settings with a fingerprint of each
 * one's contents as written: 撤销 removes exactly those sheets, also after save and reopen, and asks first when
 * the user has edited one since.
 */
export const ROUND_SHEETS_KEY = 'budget-check.round-sheets.v1';

export interface AddedSheet {
  readonly name: string;
  readonly id: string;
  readonly source: string;
  /** Of the sheet's contents (formulas or values of its used range) as written. */
  readonly fingerprint: string;
}

/** One 舍位平衡 run's new sheets. */
export interface RoundBatch {
  readonly at: string;
  readonly unit: Unit;
  readonly decimals: number;
  readonly sheets: readonly AddedSheet[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function isAdded(x: unknown): x is AddedSheet {
  return isRecord(x) && typeof x.name === 'string' && typeof x.id === 'string' && typeof x.source === 'string' && typeof x.fingerprint === 'string';
}

/** The kept batches, oldest first; anything damaged or in another shape is skipped. */
export function loadRoundBatches(store: DocumentStore): RoundBatch[] {
  let raw: unknown;
  try {
    raw = store.get(ROUND_SHEETS_KEY);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter((b): b is RoundBatch => isRecord(b) && typeof b.at === 'string' && (b.unit === 'wan' || b.unit === 'yuan')
    && typeof b.decimals === 'number' && Array.isArray(b.sheets) && b.sheets.length > 0 && b.sheets.every(isAdded));
}

export function saveRoundBatches(store: DocumentStore, list: readonly RoundBatch[]): Promise<void> {
  return store.set(ROUND_SHEETS_KEY, list.length === 0 ? undefined : list);
}

