import type { ExcelContext } from '../office/port';
import { qualified } from './address';

export interface NoteItem {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
}

function keyOf(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, '')}`;
}

/** `sheet!A1` back into its sheet and cell (the sheet may itself contain `!`). */
function splitKey(key: string): { sheet: string; address: string } {
  const i = key.lastIndexOf('!');
  return { sheet: key.slice(0, i), address: key.slice(i + 1) };
}

/**
 * Adds each text as a cell note (ExcelApi 1.18), only where the cell has no note, so a user's note is never
 * overwritten. 2 syncs: which cells have notes, then the adds. Returns the keys (`sheet!A1`) of the notes
 * added, for removeNotes to take away exactly those.
 */
export async function addNotes(ctx: ExcelContext, items: readonly NoteItem[]): Promise<string[]> {
  const notes = ctx.workbook.notes;
  const wanted = new Map<string, NoteItem>();
  for (const it of items) {
    const key = keyOf(it.sheet, it.address);
    if (!wanted.has(key)) wanted.set(key, it);
  }
  const probes = [...wanted].map(([key, it]) => {
    const note = notes.getItemOrNullObject(qualified(it.sheet, it.address.replace(/\$/g, '')));
    note.load('isNullObject');
    return { key, it, note };
  });
  await ctx.sync();
  const added: string[] = [];
  for (const { key, it, note } of probes) {
    if (!note.isNullObject) continue;
    notes.add(qualified(it.sheet, it.address.replace(/\$/g, '')), it.text);
    added.push(key);
  }
  if (added.length > 0) await ctx.sync();
  return added;
}

/** Deletes the notes addNotes added (by their keys), in 1 sync; a note already gone is no error. */
export async function removeNotes(ctx: ExcelContext, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  for (const key of new Set(keys)) {
    const { sheet, address } = splitKey(key);
    ctx.workbook.notes.getItemOrNullObject(qualified(sheet, address)).delete();
  }
  await ctx.sync();
}
