/**
 * Reads a layout's selectors against a recognised table: rows by role, items, classes; columns by role. Every
 * relation rule goes through these, so a selector means the same thing in every rule.
 */
import type { AmountRole, ColumnChoice, ColumnRef, RowSelector, Side } from '../layouts/types';
import { amountColumns, hasRole, rowLabel, roleKey, type AmountCell, type Column, type SideKey, type Table, type TableRow } from '../table';
import { norm, stripOrdinal } from '../text';

export function rowsWithRole(t: Table, side: SideKey, role: string): readonly TableRow[] {
  return t.index.byRole.get(roleKey(side, role as never)) ?? [];
}

/** The rows a selector picks (in table order, without repeats). */
export function selectRows(t: Table, sel: RowSelector, side: Side | undefined): TableRow[] {
  const key: SideKey = side ?? 'main';
  if ('first' in sel) {
    for (const alt of sel.first) {
      const rows = selectRows(t, alt, side);
      if (rows.length > 0) return rows;
    }
    return [];
  }
  if ('role' in sel) return [...rowsWithRole(t, sel.side ?? key, sel.role)];
  if ('roles' in sel) return sel.roles.flatMap((r) => rowsWithRole(t, key, r));
  if ('others' in sel) return t.rows.filter((r) => !isTotalRow(r, key) && !isOfWhich(r, key));
  if ('items' in sel) {
    const s = t.index.sides[sel.side ?? side ?? 'income'];
    if (!s) return [];
    return s.items.filter((r) => !sel.label || sel.label.test(itemLabel(r, sel.side ?? side ?? 'income')));
  }
  const { in: inList, notIn } = sel.classes;
  return t.index.classes.filter((r) => {
    const code = r.code.kind === 'code' ? r.code.subject.code : '';
    return (!inList || inList.includes(code)) && (!notIn || !notIn.includes(code));
  });
}

/** A 合计 / 小计 row of a line table: never one of its items. */
function isTotalRow(r: TableRow, side: SideKey): boolean {
  const role = r.roles[side];
  return role === 'total' || role === 'subtotal' || role === 'year-total' || role === 'grand-total';
}

/** A 其中 line (also after a number: `1. 其中：办公用房`): it bounds the line above, it is no item of its own. */
export function isOfWhich(r: TableRow, side: SideKey): boolean {
  return /^(?:\d+[.、．])?其中/.test(norm(rowLabel(r, side)));
}

/** An item's label without its ordinal (`八、社会保障和就业支出` → 社会保障和就业支出). */
export function itemLabel(r: TableRow, side: SideKey): string {
  return stripOrdinal(norm(rowLabel(r, side)));
}

function present(t: Table, roles: readonly AmountRole[] | undefined): boolean {
  return (roles ?? []).some((r) => hasRole(t, r));
}

/** The columns a term reference picks (one per measure), honouring `unless`. */
export function columnsOf(t: Table, ref: ColumnRef): Column[] {
  if (present(t, ref.unless)) return [];
  return amountColumns(t, ref.role, ref.side);
}

/** The first column a choice picks (first measure), or none. */
export function columnOf(t: Table, choice: ColumnChoice): Column | undefined {
  if ('first' in choice) {
    for (const c of choice.first) {
      const col = columnsOf(t, c)[0];
      if (col) return col;
    }
    return undefined;
  }
  return columnsOf(t, choice)[0];
}

export function cellIn(r: TableRow, c: Column): AmountCell | undefined {
  return c.key === undefined ? undefined : r.amounts.get(c.key);
}

/** The row's identity in findings: its code, its role, or its item label. */
export function subjectOf(r: TableRow, side?: SideKey): string {
  if (r.code.kind === 'code') return r.code.subject.code;
  const k = side ?? (r.labels.main ? 'main' : r.labels.expense ? 'expense' : 'income');
  const role = r.roles[k];
  if (role) return k === 'main' ? role : `${k}:${role}`;
  const l = itemLabel(r, k);
  return k === 'main' ? `line:${l}` : `${k}:${l}`;
}

/** The row in words for a message: `款 20805`, `本年收入合计`, `"八、社会保障和就业支出"`, `第 12 行`. */
export function rowWords(r: TableRow, side?: SideKey): { zh: string; en: string } {
  if (r.code.kind === 'code') {
    const lv = r.code.subject.level;
    const zh = ['类', '款', '项'][lv - 1];
    const en = ['class', 'section', 'item'][lv - 1];
    return { zh: `${zh} ${r.code.subject.code}`, en: `${en} ${r.code.subject.code}` };
  }
  const l = rowLabel(r, side);
  if (l !== '') return { zh: /^(?:合计|总计)$/.test(norm(l)) ? `${norm(l)}行` : l, en: /^(?:合计|总计)$/.test(norm(l)) ? 'total row' : l };
  return { zh: `第 ${r.row + 1} 行`, en: `row ${r.row + 1}` };
}
