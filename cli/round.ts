/**
 * `budget-check round`: 舍位平衡 of one workbook into a new file. Reads it as `check` does (its bytes decide,
 * .xls and .et through LibreOffice), balances it (src/round) and writes a copy with the same sheets and layout;
 * the input is never written. The report says what moved and, when some relations cannot all hold, which and by
 * how much.
 */
import { checkWorkbookRaw } from '../src/engine';
import type { Lang, Text } from '../src/findings';
import { groupDigits } from '../src/locate/text';
import { roundWorkbook, type RelationGap, type RoundOutcome, type RoundTarget } from '../src/round/round';
import type { Unit } from '../src/table';
import { readXlsxFile, xlsxOf, type CheckSettings } from './check-file';
import { detailOf, errorMessage, ReadError, type ErrorCode } from './read-error';
import { writeRounded } from './round-write';
import { safePath, safeText } from './safe-text';
import { nodeSolver } from './solver';

export interface RoundReport {
  readonly input: string;
  readonly output?: string;
  /** Why nothing was written: the file could not be read, or cannot be balanced as it is. */
  readonly error?: string;
  readonly detail?: string;
  readonly outcome?: RoundOutcome;
}

const UNIT_WORD: Record<Unit, Text> = { wan: { zh: '万元', en: '万元 (10,000 yuan)' }, yuan: { zh: '元', en: '元 (yuan)' } };

/** Balances `input` and writes `output`; never throws (a failure is the report's error). */
export async function roundFile(input: string | Buffer, display: string, output: string, target: RoundTarget, settings: Pick<CheckSettings, 'soffice' | 'convertTimeoutMs' | 'lang' | 'verbose'>, onSpawn?: (pid: number) => void): Promise<RoundReport> {
  const { lang, verbose } = settings;
  const ext = (/\.([^./\\]+)$/.exec(display)?.[1] ?? '').toLowerCase();
  let file;
  try {
    file = await xlsxOf(input, ext, settings, onSpawn);
  } catch (e) {
    return unreadable(display, e, lang, verbose);
  }
  try {
    const read = await readXlsxFile(file);
    if (read.uncalculated.count > 0) {
      return { input: display, error: errorMessage('uncalculated', lang, { zh: `如 ${read.uncalculated.first.join('、')}`, en: `e.g. ${read.uncalculated.first.join(', ')}` }) };
    }
    const result = checkWorkbookRaw(read.workbook, { keepRelations: true });
    const outcome = roundWorkbook(read.workbook, result, target, await nodeSolver());
    if (outcome.kind === 'refused') return { input: display, outcome };
    await writeRounded(file.path, output, outcome.cells, outcome.units, target.decimals);
    return { input: display, output, outcome };
  } catch (e) {
    return unreadable(display, e, lang, verbose);
  } finally {
    file.cleanup();
  }
}

function unreadable(display: string, e: unknown, lang: Lang, verbose: boolean): RoundReport {
  const detail = verbose ? { detail: detailOf(e) } : {};
  if (e instanceof ReadError) return { input: display, error: errorMessage(e.code, lang, e.words), ...detail };
  return { input: display, error: errorMessage('internal', lang), ...detail };
}

function gapLine(g: RelationGap, lang: Lang): string {
  const unit = UNIT_WORD[g.unit][lang];
  return lang === 'zh'
    ? `    ${safeText(g.sheet)}!${g.cell}  ${safeText(g.what.zh)} 差 ${groupDigits(g.difference)} ${unit}`
    : `    ${safeText(g.sheet)}!${g.cell}  ${safeText(g.what.en)} off by ${groupDigits(g.difference)} ${unit}`;
}

/** At most this many cells and relations are listed in text; JSON lists all. */
const LIST = 30;

function more(n: number, lang: Lang): string {
  return n > LIST ? (lang === 'zh' ? `    …（另有 ${n - LIST} 处）` : `    … (${n - LIST} more)`) : '';
}

export function formatRoundText(r: RoundReport, lang: Lang): string {
  const zh = lang === 'zh';
  const head = `${safePath(r.input)}${r.output ? ` → ${safePath(r.output)}` : ''}`;
  if (r.error) return `${head}: ${zh ? '未处理' : 'not rounded'} — ${r.error}${r.detail ? `\n  ${safeText(r.detail)}` : ''}\n`;
  const o = r.outcome;
  if (!o) return `${head}\n`;
  if (o.kind === 'refused') return `${head}: ${zh ? '未处理' : 'not rounded'} — ${safeText(o.reason[lang])}\n`;
  const unit = UNIT_WORD[o.target.unit][lang];
  const out: string[] = [];
  const places = zh ? `${o.target.decimals} 位小数` : `${o.target.decimals} decimals`;
  if (o.mode === 'convert') {
    out.push(`${head}: ${zh ? `已换算为${unit}（${places}），${o.cells.length} 个金额` : `converted to ${unit} (${places}), ${o.cells.length} amounts`}`);
    out.push(zh
      ? `  直接四舍五入会留下 ${o.plainGaps.length} 处尾差；舍位平衡让 ${o.moved} 个单元格改为另一方向舍入（每格离原值不超过 1 个末位单位）`
      : `  plain rounding would leave ${o.plainGaps.length} 尾差; balancing rounds ${o.moved} cell(s) the other way (none further than one unit of the last digit)`);
  } else {
    out.push(`${head}: ${zh ? `已是${unit}（${places}），有 ${o.plainGaps.length} 处尾差；改动 ${o.moved} 个单元格各 1 个末位单位` : `already in ${unit} (${places}) with ${o.plainGaps.length} 尾差; ${o.moved} cell(s) changed by one unit of the last digit`}`);
  }
  if (o.gaps.length === 0) out.push(zh ? '  结果中全部关系相符' : '  every relation holds in the result');
  else {
    out.push(zh ? `  以下 ${o.gaps.length} 处关系无法同时相符（已写出尾差最少的结果）：` : `  these ${o.gaps.length} relations cannot all hold (the result with the fewest left off was written):`);
    out.push(...o.gaps.slice(0, LIST).map((g) => gapLine(g, lang)));
    const m = more(o.gaps.length, lang);
    if (m) out.push(m);
  }
  if (o.inputGaps.length > 0) {
    out.push(zh ? `  注意：原表本身有 ${o.inputGaps.length} 处不平衡（换算前）：` : `  note: the original does not balance in ${o.inputGaps.length} place(s) (before rounding):`);
    out.push(...o.inputGaps.slice(0, LIST).map((g) => gapLine(g, lang)));
    const m = more(o.inputGaps.length, lang);
    if (m) out.push(m);
  }
  if (o.unsolved > 0) out.push(zh ? `  ${o.unsolved} 组单元格未能求解，保持直接四舍五入` : `  ${o.unsolved} group(s) of cells could not be solved: plain rounding kept`);
  const changed = o.cells.filter((c) => c.value !== c.plain || o.mode === 'tails');
  if (changed.length > 0) {
    out.push(zh ? (o.mode === 'convert' ? '  改为另一方向舍入的单元格：' : '  改动的单元格：') : (o.mode === 'convert' ? '  cells rounded the other way:' : '  cells changed:'));
    for (const c of changed.slice(0, LIST)) {
      const from = o.mode === 'convert' ? `${groupDigits(c.plain)}（${zh ? '原值' : 'exact'} ${groupDigits(c.exact)}）` : groupDigits(c.exact);
      out.push(`    ${safeText(c.sheet)}!${c.cell}  ${from} → ${groupDigits(c.value)}`);
    }
    const m = more(changed.length, lang);
    if (m) out.push(m);
  }
  const formulas = o.cells.filter((c) => c.formula).length;
  if (o.mode === 'convert' && formulas > 0) out.push(zh ? `  ${formulas} 个公式单元格在结果中为数值` : `  ${formulas} formula cell(s) hold values in the result`);
  for (const u of o.units) out.push(`  ${safeText(u.sheet)}!${u.cell}  ${safeText(u.before)} → ${safeText(u.after)}`);
  return `${out.join('\n')}\n`;
}

/** One entry per workbook, as `check --format json` has one per file. */
export function formatRoundJson(reports: readonly RoundReport[]): string {
  return `${JSON.stringify({ files: reports.map((r) => {
    const o = r.outcome;
    return {
      input: r.input,
      ...(r.output ? { output: r.output } : {}),
      ...(r.error ? { error: r.error } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      ...(o?.kind === 'refused' ? { refused: o.reason } : {}),
      ...(o?.kind === 'done' ? {
        mode: o.mode, target: o.target, moved: o.moved, unsolved: o.unsolved,
        plainGaps: o.plainGaps, gaps: o.gaps, inputGaps: o.inputGaps, units: o.units,
        cells: o.cells.filter((c) => o.mode === 'tails' || c.value !== c.plain),
      } : {}),
    };
  }) }, null, 2)}\n`;
}

/** What the batch says when the rounding process ran out of memory or time, or ended. */
export function roundFailed(display: string, code: ErrorCode, lang: Lang, detail?: string, verbose = false, extra?: { zh: string; en: string }): RoundReport {
  return { input: display, error: errorMessage(code, lang, extra), ...(verbose && detail ? { detail } : {}) };
}

/** 0: written and balanced; 1: not balanced as asked (written with gaps, or refused); 2: not readable. */
export function roundExitCode(r: RoundReport): number {
  if (r.error) return 2;
  const o = r.outcome;
  if (!o || o.kind === 'refused') return 1;
  return o.gaps.length > 0 || o.inputGaps.length > 0 || o.unsolved > 0 ? 1 : 0;
}
