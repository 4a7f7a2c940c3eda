import { isFindingKey } from '../../src/export';
import type { DocumentStore } from '../host';

/** Where 审核说明 live: in the workbook's own settings, so they travel with the file. */
export const EXPLANATIONS_KEY = 'budget-check.explanations.v1';

/** A finding the user marked 已说明, with why, and when (ISO 8601). */
export interface Explanation {
  readonly note: string;
  readonly at: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The stored explanations by finding key (src/export findingKey: relation, sheet, subject, grade and
 * difference). The settings may have been written by another version or edited by hand: entries that are not
 * a note with a valid time are skipped, and nothing here throws. Entries under a key of an earlier format
 * (`rule|sheet|cell`, which named a cell, not a finding) lapse: they are not loaded, so no finding shows
 * 已说明 on their account, and the next explanation written drops them from the workbook.
 */
export function loadExplanations(store: DocumentStore): Map<string, Explanation> {
  const out = new Map<string, Explanation>();
  let raw: unknown;
  try {
    raw = store.get(EXPLANATIONS_KEY);
    if (typeof raw === 'string') raw = JSON.parse(raw) as unknown;
  } catch {
    return out;
  }
  if (!isRecord(raw)) return out;
  for (const [key, v] of Object.entries(raw)) {
    if (!isFindingKey(key) || !isRecord(v) || typeof v.note !== 'string' || typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) continue;
    out.set(key, { note: v.note, at: v.at });
  }
  return out;
}

function save(store: DocumentStore, all: ReadonlyMap<string, Explanation>): Promise<void> {
  // Nothing left: remove the setting rather than keep an empty one in the file.
  return store.set(EXPLANATIONS_KEY, all.size === 0 ? undefined : Object.fromEntries(all));
}

/** Marks a finding 已说明 (or changes its note). Damaged and lapsed entries found on the way are dropped. */
export async function explain(store: DocumentStore, key: string, note: string, now: Date): Promise<void> {
  const all = loadExplanations(store);
  all.set(key, { note, at: now.toISOString() });
  await save(store, all);
}

export async function unexplain(store: DocumentStore, key: string): Promise<void> {
  const all = loadExplanations(store);
  if (!all.delete(key)) return;
  await save(store, all);
}
