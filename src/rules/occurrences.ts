/** Every printed occurrence of each code across the workbook's tables: rules report a code once, with all its cells. */
import type { Table, TableRow } from '../table';
import { norm } from '../text';

export interface Occurrence {
  readonly table: Table;
  readonly row: TableRow;
}

export function occurrences(tables: readonly Table[]): Map<string, Occurrence[]> {
  const m = new Map<string, Occurrence[]>();
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.code.kind !== 'code') continue;
      const list = m.get(r.code.subject.code) ?? [];
      list.push({ table: t, row: r });
      m.set(r.code.subject.code, list);
    }
  }
  return m;
}

/** The written name of an occurrence, normalised (or undefined). */
export function writtenName(o: Occurrence): string | undefined {
  const l = o.row.labels.main;
  return l ? norm(l.text) : undefined;
}

/** A code's cells on the first table's sheet as plain addresses, the others qualified. */
export function cellsOf(list: readonly Occurrence[], pick: (o: Occurrence) => readonly string[], qualify: (sheet: string, a: string) => string): { sheet: string; cells: string[] } {
  const sheet = list[0].table.sheet;
  const cells = list.flatMap((o) => pick(o).map((a) => (o.table.sheet === sheet ? a : qualify(o.table.sheet, a))));
  return { sheet, cells };
}
