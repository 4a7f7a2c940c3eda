import { render, type Finding, type Lang, type RawFinding } from './findings';
import { recognizeWorkbook, type Recognition } from './recognize/recognize';
import { RULES } from './rules';
import type { CheckedRelation, CheckOptions, Rule, RuleContext } from './rules/rule';
import type { Workbook } from './snapshot';
import type { RecognitionNote, Table } from './table';
import { Catalog, type EditionChoice } from './catalog/catalog';

export interface EngineOptions extends CheckOptions {
  readonly lang?: Lang;
  readonly rules?: readonly Rule[];
  /** Keep every graded relation in the result (`checked`), for locating the cells that are wrong. */
  readonly keepRelations?: boolean;
  /** Report each of the nine 公开表 missing from the workbook (on for a workbook, off for one range). */
  readonly expectAll?: boolean;
}

export interface CheckResult {
  readonly tables: readonly Table[];
  readonly findings: readonly Finding[];
  /** How many sum relations were checked. */
  readonly relations: number;
  /** The document's budget year, when its tables print one. */
  readonly year?: number;
  /** The catalog edition the codes were judged against (the document's year, or the nearest edition held). */
  readonly edition: EditionChoice;
  /** Every graded relation with its outcome (with `keepRelations`). */
  readonly checked?: readonly CheckedRelation[];
}

/** The findings with both languages kept, for a UI that switches language without checking again. */
export interface RawCheckResult {
  readonly tables: readonly Table[];
  readonly findings: readonly RawFinding[];
  readonly relations: number;
  readonly year?: number;
  readonly edition: EditionChoice;
  /** Every graded relation with its outcome (with `keepRelations`). */
  readonly checked?: readonly CheckedRelation[];
}

/** The year most of the document's tables print (ties: the latest). */
export function documentYear(tables: readonly Table[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of tables) if (t.year !== undefined) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/** Recognises the tables of a workbook and runs every rule on them. */
export function checkWorkbook(workbook: Workbook, options: EngineOptions = {}): CheckResult {
  const raw = checkWorkbookRaw(workbook, options);
  const lang = options.lang ?? 'zh';
  return { ...raw, findings: raw.findings.map((f) => render(f, lang)) };
}

export function checkWorkbookRaw(workbook: Workbook, options: EngineOptions = {}): RawCheckResult {
  return checkRecognized(workbook, recognizeWorkbook(workbook, { expectAll: options.expectAll ?? true }), options);
}

/** Runs the rules over tables already recognised (with their recognition notes). */
export function checkRecognized(workbook: Workbook, recognition: Recognition, options: EngineOptions = {}): RawCheckResult {
  const raw: RawFinding[] = [];
  const checked: CheckedRelation[] | undefined = options.keepRelations ? [] : undefined;
  let relations = 0;
  const catalog = options.catalog ?? Catalog.builtIn();
  const { tables, notes } = recognition;
  const year = documentYear(tables);
  for (const rule of options.rules ?? RULES) {
    const ctx: RuleContext = {
      workbook,
      tables,
      notes,
      year,
      options,
      catalog,
      report: (f) => raw.push({ ...f, rule: f.rule ?? rule.meta.id }) - 1,
      tally: () => { relations++; },
      record: checked ? (c) => { checked.push(c); } : undefined,
    };
    rule.check(ctx);
  }
  return { tables, findings: raw, relations, year, edition: catalog.editionFor(year), checked };
}

/** Tables given directly (tests, a single recognised range): no workbook-level notes. */
export function checkTables(workbook: Workbook, tables: readonly Table[], options: EngineOptions = {}): CheckResult {
  const notes: RecognitionNote[] = tables.flatMap((t) => t.notes);
  const raw = checkRecognized(workbook, { tables, notes }, options);
  const lang = options.lang ?? 'zh';
  return { ...raw, findings: raw.findings.map((f) => render(f, lang)) };
}
