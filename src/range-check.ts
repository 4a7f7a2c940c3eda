import { checkWorkbook } from './engine';
import type { Finding, Lang } from './findings';
import { a1, parseA1, type Cell, type CellValue } from './snapshot';
import { rowLabel } from './table';

export interface RangeOptions {
  /** Top-left cell of the range on its sheet (e.g. `B3`), so findings cite the sheet's own addresses. */
  readonly origin?: string;
  readonly sheet?: string;
  readonly lang?: Lang;
  readonly strict?: boolean;
}

export interface RangeResult {
  readonly relations: number;
  readonly findings: readonly Finding[];
  readonly errors: number;
  /** One line for a worksheet cell: ✓ 平衡（已核对 N 项关系） or ✗ N 处不平：… (N findings, each at its first total). */
  readonly summary: string;
  /**
   * With `detail`: a header row, then one row per failing column (row, code, column, reported, computed,
   * difference, grade): a relation failing in several columns is one finding but a row for each of its `parts`.
   */
  readonly table: string[][];
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
 * Checks one table given as a 2-D range of values, as a custom function receives it. Values carry no number
 * format, so amounts are read with the two decimals of a 万元 table unless they hold more; empty cells, which
 * Excel passes as 0 on desktop and as null on the web, are both read as blank so the answer is the same.
 */
export function checkRange(values: ReadonlyArray<ReadonlyArray<CellValue>>, options: RangeOptions = {}): RangeResult {
  const origin = options.origin ? parseA1(options.origin) : { row: 0, col: 0 };
  const rows: (Cell | undefined)[][] = values.map((line, r) => line.map((v, c): Cell | undefined => {
    if (v === null || v === '' || v === 0) return undefined;
    const row = origin.row + r;
    const col = origin.col + c;
    if (typeof v === 'number') {
      const decimals = Math.max(0, (String(v).split('.')[1] ?? '').length);
      return { address: a1(row, col), row, col, value: v, text: String(v), numberFormat: decimals <= 2 ? '0.00' : undefined };
    }
    return { address: a1(row, col), row, col, value: v, text: String(v) };
  }));
  // Shift down/right so sheet addresses are real: the engine indexes rows[r][c] by sheet position.
  const placed: (Cell | undefined)[][] = [];
  rows.forEach((line, r) => {
    const out: (Cell | undefined)[] = [];
    line.forEach((cell, c) => { out[origin.col + c] = cell; });
    placed[origin.row + r] = out;
  });
  for (let i = 0; i < placed.length; i++) if (!placed[i]) placed[i] = [];
  const lang = options.lang ?? 'zh';
  const result = checkWorkbook({ sheets: [{ name: options.sheet ?? 'Sheet1', rows: placed }] }, { lang, strict: options.strict, expectAll: false });
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
    summary = (lang === 'zh' ? `✓ 平衡（已核对 ${result.relations} 项关系）` : `✓ balanced (${result.relations} relations checked)`) + noted;
  } else {
    summary = (lang === 'zh' ? `✗ ${problems.length} 处不平：${listed(problems)}` : `✗ ${problems.length} not balanced: ${listed(problems)}`) + noted;
  }
  const grades = lang === 'zh' ? { error: '错误', warning: '警告', info: '提示', rounding: '尾差' } : { error: 'error', warning: 'warning', info: 'info', rounding: 'rounding' };
  const header = lang === 'zh' ? ['行', '科目', '列', '报告数', '计算数', '差额', '级别'] : ['row', 'subject', 'column', 'reported', 'computed', 'difference', 'grade'];
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
    // A relation failing in several columns is one finding with a part per column: a row for each. A value-hygiene
    // finding names every cell with the problem: a row for each, with its value. Anything else: its first cell.
    const parts = f.parts
      ?? (f.rule === 'value-hygiene'
        ? f.cells.map((cell) => ({ cell, reported: place(cell).value, computed: '' }))
        : [{ cell: f.cells[0], reported: f.reported ?? '', computed: f.computed ?? '' }]);
    return parts.map((p) => {
      const at = place(p.cell);
      return [at.row, at.subject, at.column, p.reported, p.computed, f.difference ?? '', f.rounding ? grades.rounding : grades[f.severity]];
    });
  })];
  return { relations: result.relations, findings: result.findings, errors, summary, table };
}
