import { a1, columnLetters, parseA1 } from '../src/snapshot';
import { blockOf } from '../src/snapshot';
import type { FakeCell, FakeExcel, FakeSheet } from '../taskpane/office/fake';

/**
 * The fake workbook drawn as a spreadsheet, in plain DOM: what the add-in selects, marks and notes shows
 * here as it would in Excel. Cells are updated in place on every change, the table is rebuilt only when
 * another sheet is shown or the sheet grows.
 */
type Box = FakeExcel['selection']['boxes'][number];
type Pos = { row: number; col: number };

export interface GridHandle {
  destroy(): void;
}

const MIN_ROWS = 30;
const MIN_COLS = 10;
const DEFAULT_WIDTH = 64;
const ROW_HEAD_WIDTH = 40;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Rough pixel width of a text at 12px: CJK characters are about twice as wide as Latin ones. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 12.5 : 7;
  return w;
}

/** Numbers as Excel's input line shows them; a formula rather than its result. */
function inputText(cell: FakeCell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  return cell.value === null ? '' : String(cell.value);
}

/** What the user typed, as Excel would store it: numbers as numbers (thousands separators allowed). */
export function typedValue(text: string): string | number | null {
  const t = text.trim();
  if (t === '') return null;
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain) ? Number(plain) : text;
}

/** `'收入总表'!D13`, `#收入总表!D13:D20` → the sheet and the box a hyperlink points at. */
export function linkTarget(reference: string, currentSheet: string): { sheet: string; box: Box } | undefined {
  const m = /^#?(?:(?:'((?:[^']|'')+)'|([^!]+))!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(reference.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2] ?? currentSheet;
  return { sheet, box: blockOf(m[3].toUpperCase()) };
}

function boxAddress(b: Box): string {
  return b.rows === 1 && b.cols === 1 ? a1(b.row, b.col) : `${a1(b.row, b.col)}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}`;
}

function span(from: Pos, to: Pos): Box {
  return { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col), rows: Math.abs(to.row - from.row) + 1, cols: Math.abs(to.col - from.col) + 1 };
}

export function mountGrid(root: HTMLElement, excel: FakeExcel): GridHandle {
  root.replaceChildren();
  const bar = el('div', 'formula-bar');
  const nameBox = el('output', 'name-box');
  nameBox.setAttribute('aria-label', '名称框');
  const fx = el('span', 'fx', 'fx');
  const formula = el('output', 'formula');
  formula.setAttribute('aria-label', '编辑栏');
  bar.append(nameBox, fx, formula);

  const scroller = el('div', 'grid-scroll');
  scroller.tabIndex = 0;
  const wrap = el('div', 'grid-wrap');
  scroller.append(wrap);
  const tabs = el('div', 'sheet-tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', '工作表');
  root.append(bar, scroller, tabs);

  let shown = '';
  let dims = { rows: 0, cols: 0 };
  let table: HTMLTableElement | undefined;
  let cols: HTMLTableColElement[] = [];
  let colHeads: HTMLTableCellElement[] = [];
  let rowHeads: HTMLTableCellElement[] = [];
  let tds: HTMLTableCellElement[][] = [];
  let sigs: string[][] = [];
  let widths: number[] = [];
  let tabKey = '';
  let selectionKey = '';
  let overlays: HTMLDivElement[] = [];
  let lit: HTMLElement[] = [];
  let anchor: Pos = { row: 0, col: 0 };
  let dragging = false;
  let editing: { sheet: string; pos: Pos; input: HTMLInputElement; original: string } | undefined;
  const remembered = new Map<string, Box[]>();

  const sheetNamed = (name: string): FakeSheet | undefined => excel.sheets.find((s) => s.name === name);
  const current = (): FakeSheet | undefined => sheetNamed(excel.activeSheet) ?? excel.sheets[0];
  const boxesHere = (): Box[] => (excel.selection.sheet === shown ? excel.selection.boxes : []);

  function select(boxes: Box[]): void {
    const sheet = sheetNamed(shown);
    if (!sheet) return;
    excel.selectBoxes(sheet, boxes);
    excel.notify();
  }

  function activate(name: string): void {
    if (name === shown && excel.activeSheet === name) return;
    cancelEdit();
    excel.activeSheet = name;
    excel.selection = { sheet: name, boxes: remembered.get(name) ?? [{ row: 0, col: 0, rows: 1, cols: 1 }] };
    excel.notify();
  }

  function follow(link: string): void {
    const target = linkTarget(link, shown);
    const sheet = target && sheetNamed(target.sheet);
    if (!target || !sheet) return;
    excel.selectBoxes(sheet, [target.box]);
    excel.notify();
  }

  // ---- drawing ----

  function notesOf(sheet: string): Map<string, string> {
    const prefix = `${sheet}!`;
    const out = new Map<string, string>();
    for (const [key, note] of excel.notes) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), note);
    return out;
  }

  function wanted(sheet: FakeSheet): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      if (r + 1 > rows) rows = r + 1;
      if (c + 1 > cols) cols = c + 1;
    }
    if (excel.selection.sheet === sheet.name) {
      for (const b of excel.selection.boxes) {
        rows = Math.max(rows, b.row + b.rows);
        cols = Math.max(cols, b.col + b.cols);
      }
    }
    for (const key of notesOf(sheet.name).keys()) {
      const first = key.replace(/:.*$/, '');
      if (!/^\$?[A-Z]+\$?\d+$/i.test(first)) continue;
      const p = parseA1(first);
      rows = Math.max(rows, p.row + 1);
      cols = Math.max(cols, p.col + 1);
    }
    // A little room past the data, as a sheet has.
    return { rows: Math.max(MIN_ROWS, rows + 3), cols: Math.max(MIN_COLS, cols + 2) };
  }

  function build(sheet: FakeSheet, size: { rows: number; cols: number }): void {
    cancelEdit();
    shown = sheet.name;
    dims = size;
    const t = el('table', 'grid');
    t.dataset.sheet = sheet.name;
    t.setAttribute('role', 'grid');
    t.setAttribute('aria-label', sheet.name);
    const colgroup = el('colgroup');
    const rowHeadCol = el('col', 'row-head-col');
    rowHeadCol.style.width = `${ROW_HEAD_WIDTH}px`;
    colgroup.append(rowHeadCol);
    cols = [];
    for (let c = 0; c < size.cols; c++) {
      const col = el('col');
      col.style.width = `${DEFAULT_WIDTH}px`;
      cols.push(col);
      colgroup.append(col);
    }
    widths = cols.map(() => DEFAULT_WIDTH);
    t.style.width = `${ROW_HEAD_WIDTH + DEFAULT_WIDTH * size.cols}px`;
    const head = el('thead');
    const headRow = el('tr');
    headRow.append(el('th', 'corner'));
    colHeads = [];
    for (let c = 0; c < size.cols; c++) {
      const th = el('th', 'col-head', columnLetters(c));
      th.scope = 'col';
      colHeads.push(th);
      headRow.append(th);
    }
    head.append(headRow);
    const body = el('tbody');
    tds = [];
    sigs = [];
    rowHeads = [];
    for (let r = 0; r < size.rows; r++) {
      const tr = el('tr');
      const th = el('th', 'row-head', String(r + 1));
      th.scope = 'row';
      rowHeads.push(th);
      tr.append(th);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < size.cols; c++) {
        const td = el('td');
        td.dataset.address = a1(r, c);
        td.append(el('span', 't'));
        line.push(td);
        tr.append(td);
      }
      tds.push(line);
      sigs.push(new Array<string>(size.cols).fill(''));
      body.append(tr);
    }
    t.append(colgroup, head, body);
    table = t;
    overlays = [];
    lit = [];
    selectionKey = '';
    wrap.replaceChildren(t);
  }

  function drawCells(sheet: FakeSheet): void {
    const notes = notesOf(sheet.name);
    const hasText = (r: number, c: number): boolean => (sheet.cell(r, c)?.text ?? '') !== '';
    const need = new Array<number>(dims.cols).fill(DEFAULT_WIDTH);
    for (let r = 0; r < dims.rows; r++) {
      for (let c = 0; c < dims.cols; c++) {
        const cell = sheet.cell(r, c);
        const text = cell?.text ?? '';
        const number = typeof cell?.value === 'number';
        // Text runs on over empty cells to its right, as in Excel; titles and unit lines do that.
        const spill = text !== '' && !number && !hasText(r, c + 1);
        if (text !== '' && !spill) need[c] = Math.max(need[c], Math.min(280, Math.ceil(textWidth(text)) + 12));
        const fill = cell && cell.fill.pattern !== 'None' ? cell.fill.color : '';
        const note = notes.get(a1(r, c)) ?? '';
        const sig = `${text}\u0001${number}\u0001${spill}\u0001${fill}\u0001${cell?.bold ?? false}\u0001${cell?.link ?? ''}\u0001${note}`;
        if (sigs[r][c] === sig) continue;
        sigs[r][c] = sig;
        const td = tds[r][c];
        (td.firstChild as HTMLSpanElement).textContent = text;
        const classes = [number ? 'num' : '', spill ? 'spill' : '', cell?.bold ? 'bold' : '', cell?.link ? 'link' : '', note ? 'note' : ''].filter(Boolean);
        td.className = classes.join(' ');
        td.style.backgroundColor = fill;
        if (note) td.title = note;
        else td.removeAttribute('title');
        if (cell?.link) td.dataset.link = cell.link;
        else delete td.dataset.link;
      }
    }
    let resized = false;
    need.forEach((w, c) => {
      if (widths[c] !== w) {
        widths[c] = w;
        cols[c].style.width = `${w}px`;
        resized = true;
      }
    });
    // A fixed-layout table takes its columns' widths only with a width of its own.
    if (resized && table) table.style.width = `${ROW_HEAD_WIDTH + widths.reduce((a, b) => a + b, 0)}px`;
  }

  /**
   * The selection's outlines are placed from the laid-out cells, once per frame: measuring them at every change
   * (each sync of a validation) would make the browser lay out the page, the pane included, again and again.
   */
  let placing = false;
  function placeSelection(): void {
    placing = false;
    const boxes = boxesHere();
    const wrapRect = wrap.getBoundingClientRect();
    boxes.forEach((b, i) => {
      const r0 = Math.min(b.row, dims.rows - 1);
      const c0 = Math.min(b.col, dims.cols - 1);
      const r1 = Math.min(b.row + b.rows - 1, dims.rows - 1);
      const c1 = Math.min(b.col + b.cols - 1, dims.cols - 1);
      const a = tds[r0]?.[c0]?.getBoundingClientRect();
      const z = tds[r1]?.[c1]?.getBoundingClientRect();
      const o = overlays[i];
      if (!a || !z || !o) return;
      o.style.left = `${a.left - wrapRect.left - 1}px`;
      o.style.top = `${a.top - wrapRect.top - 1}px`;
      o.style.width = `${z.right - a.left + 1}px`;
      o.style.height = `${z.bottom - a.top + 1}px`;
    });
    const key = `${shown}|${JSON.stringify(boxes)}`;
    if (key !== selectionKey) {
      selectionKey = key;
      const first = boxes[0];
      if (first) tds[Math.min(first.row, dims.rows - 1)]?.[Math.min(first.col, dims.cols - 1)]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  function drawSelection(): void {
    const boxes = boxesHere();
    for (const e of lit) e.classList.remove('lit');
    lit = [];
    boxes.forEach((b, i) => {
      const r0 = Math.min(b.row, dims.rows - 1);
      const c0 = Math.min(b.col, dims.cols - 1);
      const r1 = Math.min(b.row + b.rows - 1, dims.rows - 1);
      const c1 = Math.min(b.col + b.cols - 1, dims.cols - 1);
      let o = overlays[i];
      if (!o) {
        o = el('div', 'selection');
        o.setAttribute('aria-hidden', 'true');
        overlays.push(o);
        wrap.append(o);
      }
      o.classList.toggle('range', b.rows * b.cols > 1);
      for (let c = c0; c <= c1; c++) lit.push(colHeads[c]);
      for (let r = r0; r <= r1; r++) lit.push(rowHeads[r]);
    });
    for (const o of overlays.splice(boxes.length)) o.remove();
    for (const e of lit) e.classList.add('lit');
    if (!placing) {
      placing = true;
      requestAnimationFrame(placeSelection);
    }

    const sheet = sheetNamed(shown);
    const active = boxes[0];
    nameBox.textContent = active ? boxAddress(active) : '';
    formula.textContent = active && sheet ? inputText(sheet.cell(active.row, active.col)) : '';
  }

  function drawTabs(active: string): void {
    const key = excel.sheets.map((s) => s.name).join('\u0001');
    if (key !== tabKey) {
      tabKey = key;
      tabs.replaceChildren(...excel.sheets.map((s) => {
        const b = el('button', 'sheet-tab', s.name);
        b.type = 'button';
        b.setAttribute('role', 'tab');
        b.dataset.sheet = s.name;
        return b;
      }));
    }
    for (const b of tabs.children) {
      const on = (b as HTMLElement).dataset.sheet === active;
      b.setAttribute('aria-selected', String(on));
      (b as HTMLElement).tabIndex = on ? 0 : -1;
      if (on && b.getAttribute('data-shown') !== 'true') b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      b.setAttribute('data-shown', String(on));
    }
  }

  function render(): void {
    if (excel.selection.sheet) remembered.set(excel.selection.sheet, excel.selection.boxes);
    const sheet = current();
    drawTabs(sheet?.name ?? '');
    if (!sheet) {
      wrap.replaceChildren(el('p', 'empty', '工作簿中没有工作表'));
      table = undefined;
      shown = '';
      return;
    }
    const size = wanted(sheet);
    // Grows while the sheet is shown (a report being written), never shrinks under the user's eyes.
    if (!table || sheet.name !== shown || size.rows > dims.rows || size.cols > dims.cols) {
      build(sheet, { rows: sheet.name === shown ? Math.max(size.rows, dims.rows) : size.rows, cols: sheet.name === shown ? Math.max(size.cols, dims.cols) : size.cols });
    }
    drawCells(sheet);
    drawSelection();
    if (editing && editing.sheet !== shown) cancelEdit();
  }

  let pending = false;
  function schedule(): void {
    if (pending) return;
    pending = true;
    // Coalesces the notifications of one burst (a sync, then the edit handlers) into one redraw.
    queueMicrotask(() => {
      pending = false;
      render();
    });
  }

  // ---- editing ----

  function startEdit(pos: Pos, initial?: string): void {
    cancelEdit();
    const sheet = sheetNamed(shown);
    if (!sheet) return;
    const td = tds[pos.row]?.[pos.col];
    if (!td) return;
    const input = el('input', 'cell-editor');
    input.type = 'text';
    input.setAttribute('aria-label', `编辑 ${a1(pos.row, pos.col)}`);
    const original = inputText(sheet.cell(pos.row, pos.col));
    input.value = initial ?? original;
    const r = td.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    input.style.left = `${r.left - w.left}px`;
    input.style.top = `${r.top - w.top}px`;
    input.style.minWidth = `${r.width}px`;
    input.style.height = `${r.height}px`;
    editing = { sheet: shown, pos, input, original };
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        commitEdit();
        move(e.key === 'Enter' ? (e.shiftKey ? -1 : 1) : 0, e.key === 'Tab' ? (e.shiftKey ? -1 : 1) : 0, false);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancelEdit();
      }
    });
    input.addEventListener('blur', () => commitEdit());
    wrap.append(input);
    input.focus();
    if (initial === undefined) input.select();
  }

  function commitEdit(): void {
    const e = editing;
    if (!e) return;
    editing = undefined;
    e.input.remove();
    scroller.focus({ preventScroll: true });
    if (e.input.value === e.original || !sheetNamed(e.sheet)) return;
    excel.edit(e.sheet, a1(e.pos.row, e.pos.col), typedValue(e.input.value));
  }

  function cancelEdit(): void {
    const e = editing;
    if (!e) return;
    editing = undefined;
    e.input.remove();
    scroller.focus({ preventScroll: true });
  }

  // ---- mouse and keyboard ----

  const posOf = (target: EventTarget | null): Pos | undefined => {
    const td = target instanceof Element ? target.closest<HTMLElement>('td[data-address]') : null;
    return td?.dataset.address ? parseA1(td.dataset.address) : undefined;
  };

  function move(dr: number, dc: number, extend: boolean): void {
    const boxes = boxesHere();
    const first = boxes[0] ?? { row: 0, col: 0, rows: 1, cols: 1 };
    if (extend) {
      const last = boxes[boxes.length - 1] ?? first;
      // The far corner moves, the anchor stays.
      const far = { row: last.row === anchor.row ? last.row + last.rows - 1 : last.row, col: last.col === anchor.col ? last.col + last.cols - 1 : last.col };
      const to = { row: Math.max(0, far.row + dr), col: Math.max(0, far.col + dc) };
      select([span(anchor, to)]);
      return;
    }
    const to = { row: Math.max(0, first.row + dr), col: Math.max(0, first.col + dc) };
    anchor = to;
    select([{ ...to, rows: 1, cols: 1 }]);
  }

  const onMouseDown = (e: MouseEvent): void => {
    const pos = posOf(e.target);
    if (!pos || e.button !== 0) return;
    if (editing && e.target !== editing.input) commitEdit();
    e.preventDefault();
    scroller.focus({ preventScroll: true });
    const boxes = boxesHere();
    if (e.shiftKey) {
      select([...boxes.slice(0, -1), span(anchor, pos)]);
    } else if (e.ctrlKey || e.metaKey) {
      anchor = pos;
      select([...boxes, { ...pos, rows: 1, cols: 1 }]);
    } else {
      anchor = pos;
      select([{ ...pos, rows: 1, cols: 1 }]);
    }
    dragging = true;
  };
  const onMouseOver = (e: MouseEvent): void => {
    if (!dragging) return;
    const pos = posOf(e.target);
    if (pos) select([...boxesHere().slice(0, -1), span(anchor, pos)]);
  };
  const onMouseUp = (): void => { dragging = false; };
  const onClick = (e: MouseEvent): void => {
    // A click on a link's text follows it, as in Excel (elsewhere in the cell it only selects).
    const target = e.target instanceof Element ? e.target : null;
    const td = target?.closest<HTMLElement>('td.link');
    if (!td || !target?.classList.contains('t') || e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (td.dataset.link) follow(td.dataset.link);
  };
  const onDblClick = (e: MouseEvent): void => {
    const pos = posOf(e.target);
    if (pos) startEdit(pos);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (editing || !table) return;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const first = boxesHere()[0];
    if (e.key in arrows) {
      e.preventDefault();
      move(arrows[e.key][0], arrows[e.key][1], e.shiftKey);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      move(0, e.shiftKey ? -1 : 1, false);
    } else if ((e.key === 'Enter' || e.key === 'F2') && first) {
      e.preventDefault();
      startEdit({ row: first.row, col: first.col });
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && first) {
      e.preventDefault();
      const sheet = sheetNamed(shown);
      for (const b of boxesHere()) for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) {
        if (sheet?.cell(r, c)?.value != null) excel.edit(shown, a1(r, c), null);
      }
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && first) {
      // Typing over a cell replaces its content, as in Excel.
      e.preventDefault();
      startEdit({ row: first.row, col: first.col }, e.key);
    }
  };
  const onTabClick = (e: MouseEvent): void => {
    const b = e.target instanceof Element ? e.target.closest<HTMLElement>('[role="tab"]') : null;
    if (b?.dataset.sheet) activate(b.dataset.sheet);
  };
  const onTabKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const names = excel.sheets.map((s) => s.name);
    const i = names.indexOf(shown);
    const next = names[(i + (e.key === 'ArrowLeft' ? names.length - 1 : 1)) % names.length];
    if (next === undefined) return;
    e.preventDefault();
    activate(next);
    tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  };

  wrap.addEventListener('mousedown', onMouseDown);
  wrap.addEventListener('mouseover', onMouseOver);
  wrap.addEventListener('click', onClick);
  wrap.addEventListener('dblclick', onDblClick);
  scroller.addEventListener('keydown', onKeyDown);
  tabs.addEventListener('click', onTabClick);
  tabs.addEventListener('keydown', onTabKey);
  window.addEventListener('mouseup', onMouseUp);
  const stop = excel.observe(schedule);
  render();

  return {
    destroy: () => {
      stop();
      window.removeEventListener('mouseup', onMouseUp);
      root.replaceChildren();
    },
  };
}
