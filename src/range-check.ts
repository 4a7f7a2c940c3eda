import { checkWorkbook } from './engine';
import type { Finding, Lang } from './findings';
import type { Cause, CauseCell, LocateReport } from './locate/locate';
import type { CheckedRelation } from './rules/rule';
import { a1, parseA1, type Cell, type CellValue, type Workbook } from './snapshot';
import { rowLabel } from './table';

/** The likely wrong cells of checked relations, and what it could not explain (src/locate with a solver the host loaded). */
export type RangeLocate = (checked: readonly CheckedRelation[]) => LocateReport;

export interface RangeOptions {
  /** Top-left cell of the range on its sheet (e.g. `B3`), so findings cite the sheet's own addresses. */
  readonly origin?: string;
  readonly sheet?: string;
  readonly lang?: Lang;
  readonly strict?: boolean;
  /**
   * For `detail`'s last column: locates the likely wrong cells; null when the host could not load the solver
   * (the column then says so). Without it the column stays empty.
   */
  readonly locate?: RangeLocate | null;
}

export interface RangeResult {
  readonly relations: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  /**
   * One line for a worksheet cell: ✓ 平衡（已核对 N 项勾稽关系）, ✓ with the 尾差 listed when only rounding differs
   * (no error), or ✗ N 处不平：… (N findings, each at its first total).
   */
  readonly summary: string;
  /**
   * With `detail`: a header row, then one row per failing column (row, code, column, 填报数, 计算数, 差额, grade,
   * likely wrong cell), the row number and the amounts as numbers: a relation failing in several columns is one finding but a row for
   * each of its `parts`. The last column names the cells whose change would resolve the row's failure, with the
   * value each should have (only with `locate`); it is empty for 尾差, which are no errors to locate.
   */
  readonly table: (string | number)[][];
  /** Some relation fails beyond rounding: there is something for `locate` to find. */
  readonly failed: boolean;
}

/** CHECKTOTALS's options text: `detail` / 明细, `strict` / 严格, `auto` / 自动 (the rounding rule), in any order. */
export function parseRangeOptions(text: string): { detail: boolean; strict: boolean } | { error: string } {
  const words = text.trim() === '' ? [] : text.trim().split(/[\s,，;；]+/);
  let detail = false;
  let strict = false;
  for (const w of words) {
    const k = w.toLowerCase().replace(/^tolerance=/, '');
    if (k === 'detail' || k === '明细') detail = true;
    else if (k === 'strict' || k === '严格') strict = true;
    else if (k === 'auto' || k === '自动') strict = false;
    else return { error: `未知选项"${w}"：可用 detail（明细）、strict（严格）或 auto（自动，按尾差规则） / unknown option "${w}": use detail, strict or auto` };
  }
  return { detail, strict };
}

/**
 * One range as a workbook of one sheet, each value at its own sheet address (so findings cite the sheet's cells).
 * Values carry no number format, so amounts are read with the two decimals of a 万元 table unless they hold
 * more; empty cells, which Excel passes as 0 on desktop and as null on the web, are both read as blank.
 */
export function rangeWorkbook(values: ReadonlyArray<ReadonlyArray<CellValue>>, options: Pick<RangeOptions, 'origin' | 'sheet'> = {}): Workbook {
  const origin = options.origin ? parseA1(options.origin) : { row: 0, col: 0 };
  // Placed down/right so sheet addresses are real: the engine indexes rows[r][c] by sheet position.
  const placed: (Cell | undefined)[][] = [];
  values.forEach((line, r) => {
    const row = origin.row + r;
    const out: (Cell | undefined)[] = [];
    line.forEach((v, c) => {
      if (v === null || v === '' || v === 0) return;
      const col = origin.col + c;
      const decimals = typeof v === 'number' ? (String(v).split('.')[1] ?? '').length : 0;
      out[col] = { address: a1(row, col), row, col, value: v, text: String(v), ...(typeof v === 'number' && decimals <= 2 ? { numberFormat: '0.00' } : {}) };
    });
    placed[row] = out;
  });
  for (let i = 0; i < placed.length; i++) if (!placed[i]) placed[i] = [];
  return { sheets: [{ name: options.sheet ?? 'Sheet1', rows: placed }] };
}

/**
 * Checks one table given as a 2-D range of values, as a custom function receives it (read by
 * {@link rangeWorkbook}: blanks as 0 on desktop and as null on the web give the same answer).
 */
export function checkRange(values: ReadonlyArray<ReadonlyArray<CellValue>>, options: RangeOptions = {}): RangeResult {
  const book = rangeWorkbook(values, options);
  const lang = options.lang ?? 'zh';
  const sheet = options.sheet ?? 'Sheet1';
  const result = checkWorkbook(book, { lang, strict: options.strict, expectAll: false, keepRelations: true });
  // What is located is graded by the rounding rule even with `strict` (a 尾差 is no error to locate): the
  // relations that fail beyond rounding, and the causes that resolve them, by relation (sheet, relation, total).
  const graded = options.strict ? checkWorkbook(book, { lang, expectAll: false, keepRelations: true }) : result;
  const gradedChecked = graded.checked ?? [];
  const failing = new Set(gradedChecked.filter(beyondRounding).map(relationKey));
  const report = options.locate && failing.size > 0 ? options.locate(gradedChecked) : undefined;
  const causes = report?.causes ?? [];
  const relationsIn = (findings: readonly number[]) => new Set(gradedChecked.filter((r) => beyondRounding(r) && r.finding !== undefined && findings.includes(r.finding)).map(relationKey));
  const resolved = causes.map((c) => relationsIn(c.findings));
  // What no change of cells explains, told apart from what was not worked out (time, amounts beyond the solver).
  const unexplained = relationsIn(report?.unexplained ?? []);
  const relationsOf = (index: number): string[] => (result.checked ?? []).filter((r) => r.finding === index).map(relationKey);
  // Sums that do not hold are 不平; what else was noticed (a column not understood, numbers stored as text) is said apart.
  const problems = result.findings.filter((f) => f.severity !== 'info' && f.relation !== undefined);
  const notes = result.findings.filter((f) => f.severity !== 'info' && f.relation === undefined);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const sep = lang === 'zh' ? '；' : '; ';
  const listed = (fs: readonly Finding[]) => fs.map((f) => (f.cells[0] ? `${f.cells[0]} ${f.message}` : f.message)).join(sep);
  const noted = notes.length === 0 ? '' : lang === 'zh' ? `；另有 ${notes.length} 处须注意：${listed(notes)}` : `; ${notes.length} more to note: ${listed(notes)}`;
  let summary: string;
  if (result.tables.length === 0) {
    summary = lang === 'zh' ? '✗ 未识别到表格：区域应包含表头（科目编码、科目名称、合计…）' : '✗ no table recognised: the range must include the header (code, name, total…)';
  } else if (problems.length === 0) {
    summary = (lang === 'zh' ? `✓ 平衡（已核对 ${result.relations} 项勾稽关系）` : `✓ balanced (${result.relations} relations checked)`) + noted;
  } else if (problems.every((f) => f.rounding)) {
    // Only rounding differences: no error, so no ✗ — they are listed to be explained.
    summary = (lang === 'zh' ? `✓ 没有错误；${problems.length} 处尾差（可说明）：${listed(problems)}` : `✓ no errors; ${problems.length} rounding difference${problems.length === 1 ? '' : 's'} (can be explained): ${listed(problems)}`) + noted;
  } else {
    summary = (lang === 'zh' ? `✗ ${problems.length} 处不平：${listed(problems)}` : `✗ ${problems.length} not balanced: ${listed(problems)}`) + noted;
  }
  const grades = lang === 'zh' ? { error: '错误', warning: '警告', info: '提示', rounding: '尾差' } : { error: 'error', warning: 'warning', info: 'info', rounding: 'rounding' };
  const header = lang === 'zh' ? ['行', '科目', '列', '填报数', '计算数', '差额', '级别', '疑似错格'] : ['row', 'subject', 'column', 'reported', 'computed', 'difference', 'grade', 'likely wrong cell'];
  const suspects = (index: number): string => {
    const keys = relationsOf(index);
    if (options.locate === undefined || !keys.some((k) => failing.has(k))) return '';
    if (options.locate === null) return lang === 'zh' ? '未能定位（求解器未能加载）' : 'not located (the solver could not load)';
    const mine = causes.filter((_c, i) => keys.some((k) => resolved[i].has(k)));
    if (mine.length === 0 && keys.some((k) => unexplained.has(k))) return lang === 'zh' ? '没有能解释它的单元格改动' : 'no change of cells explains it';
    if (mine.length === 0) return lang === 'zh' ? '未能推断原因' : 'the cause could not be worked out';
    return mine.map((c) => suspectText(c, sheet, lang)).join(lang === 'zh' ? '；' : '; ');
  };
  const place = (ref: string) => {
    const at = parseA1(ref.replace(/^.*!/, ''));
    const t = result.tables.find((x) => x.rows.some((r) => r.row === at.row));
    const row = t?.rows.find((r) => r.row === at.row && [...r.amounts.values()].some((a) => a.col === at.col));
    const amount = row && [...row.amounts.values()].find((a) => a.col === at.col);
    return {
      row: String(at.row + 1),
      subject: row ? (row.code.kind === 'code' ? row.code.subject.code : rowLabel(row)) : '',
      column: t?.columns.find((c) => c.col === at.col)?.label ?? '',
      value: amount?.parse.kind === 'number' ? amount.parse.amount.value.toString() : '',
    };
  };
  const table = [header, ...[...problems, ...notes].filter((f) => f.reported !== null).flatMap((f) => {
    const likely = suspects(result.findings.indexOf(f));
    // A relation failing in several columns is one finding with a part per column: a row for each. A value-hygiene
    // finding names every cell with the problem: a row for each, with its value. Anything else: its first cell.
    const parts = f.parts
      ?? (f.rule === 'value-hygiene'
        ? f.cells.map((cell) => ({ cell, reported: place(cell).value, computed: '' }))
        : [{ cell: f.cells[0], reported: f.reported ?? '', computed: f.computed ?? '' }]);
    return parts.map((p) => {
      const at = place(p.cell);
      return [Number(at.row), at.subject, at.column, amount(p.reported), amount(p.computed), amount(f.difference ?? ''), f.rounding ? grades.rounding : grades[f.severity], likely];
    });
  })];
  return { relations: result.relations, findings: result.findings, errors, summary, table, failed: failing.size > 0 };
}

/** An amount spilled as a number (Excel sums and formats it), a blank as a blank. */
function amount(text: string): number | string {
  return text === '' || !Number.isFinite(Number(text)) ? text : Number(text);
}

/** A relation failing beyond rounding; information-only relations (carry-overs) are no constraint. */
function beyondRounding(r: CheckedRelation): boolean {
  return r.outcome === 'failed' && r.instance.severity !== 'info';
}

/** One relation of one total, the same whether graded strictly or not. */
function relationKey(r: CheckedRelation): string {
  return `${r.instance.table.sheet}|${r.instance.relation}|${r.instance.total.address}`;
}

function cellName(c: CauseCell, sheet: string): string {
  return c.sheet === sheet ? c.cell : `${c.sheet}!${c.cell}`;
}

/** "D14 应为 269.32"; not certain: "可能 D14 应为 269.32（或 D13；或 D15 和 D16）" — never a guess worded as certain. */
function suspectText(c: Cause, sheet: string, lang: Lang): string {
  const own = lang === 'zh' ? `${cellName(c, sheet)} 应为 ${c.suggested}` : `${cellName(c, sheet)} should be ${c.suggested}`;
  if (c.certain) return own;
  const and = lang === 'zh' ? ' 和 ' : ' and ';
  const others = c.alternatives.map((set) => set.map((x) => cellName(x, sheet)).join(and)).join(lang === 'zh' ? '；或 ' : '; or ');
  if (lang === 'zh') return others === '' ? `可能 ${own}（未能精确核验）` : `可能 ${own}（或 ${others}）`;
  return others === '' ? `maybe ${own} (not verified exactly)` : `maybe ${own} (or ${others})`;
}
