/**
 * The index a table is read through: rows by code, the code tree, rows by role, and the item structure of the
 * sides of a summary. Built once at recognition; rules never search the rows themselves.
 */
import { parentCode } from '../codes';
import type { Layout, Side } from '../layouts/types';
import type { SideIndex, TableIndex, TableRow } from '../table';
import { roleKey } from '../table';
import { norm } from '../text';

function sideIndex(rows: readonly TableRow[], side: Side): SideIndex {
  const items: TableRow[] = [];
  const parts = new Map<TableRow, { rows: TableRow[]; exhaustive: boolean; optional: boolean }>();
  let parent: TableRow | undefined;
  let afterTotals = false;
  for (const r of rows) {
    const label = r.labels[side];
    if (!label) continue;
    const role = r.roles[side];
    const depth = r.depth[side] ?? 0;
    if (role === 'year-total' || role === 'grand-total') { afterTotals = true; parent = undefined; continue; }
    if (role !== undefined) {
      // A carry-over line after the year's totals may be followed by its budget lines (一、一般公共预算…).
      parent = afterTotals && (role === 'carry-in' || role === 'carry-out') ? r : undefined;
      continue;
    }
    if (afterTotals) {
      if (parent) {
        const p = parts.get(parent) ?? { rows: [], exhaustive: true, optional: true };
        p.rows.push(r);
        parts.set(parent, p);
      }
      continue;
    }
    if (depth === 2 && parent) {
      const p = parts.get(parent) ?? { rows: [], exhaustive: true, optional: false };
      // "其中" lists what a line includes, not all of it: such parts only bound their line.
      if (/^其中/.test(norm(label.text))) p.exhaustive = false;
      p.rows.push(r);
      parts.set(parent, p);
      continue;
    }
    items.push(r);
    parent = r;
  }
  return { items, parts };
}

export function buildIndex(rows: readonly TableRow[], layout: Layout): TableIndex {
  const byCode = new Map<string, TableRow>();
  const duplicates = new Map<string, TableRow[]>();
  for (const r of rows) {
    if (r.code.kind !== 'code') continue;
    const code = r.code.subject.code;
    const first = byCode.get(code);
    if (!first) { byCode.set(code, r); continue; }
    const list = duplicates.get(code) ?? [first];
    list.push(r);
    duplicates.set(code, list);
  }
  const children = new Map<string, TableRow[]>();
  const orphans = new Map<string, TableRow[]>();
  const classes: TableRow[] = [];
  for (const [code, r] of byCode) {
    const p = parentCode(code);
    if (p === undefined) { classes.push(r); continue; }
    const target = byCode.has(p) ? children : orphans;
    const list = target.get(p) ?? [];
    list.push(r);
    target.set(p, list);
  }
  const byRole = new Map<string, TableRow[]>();
  for (const r of rows) {
    for (const [side, role] of Object.entries(r.roles)) {
      if (!role) continue;
      const k = roleKey(side as Side | 'main', role);
      const list = byRole.get(k) ?? [];
      list.push(r);
      byRole.set(k, list);
    }
  }
  const sides: TableIndex['sides'] = layout.shape === 'two-sided'
    ? { income: sideIndex(rows, 'income'), expense: sideIndex(rows, 'expense') }
    : {};
  return { byCode, duplicates, children, orphans, classes, byRole, sides };
}
