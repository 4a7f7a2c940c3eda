import { render, type Finding, type Lang, type RawFinding } from './findings';
import { recognizeTables } from './recognize/recognize';
import { RULES } from './rules';
import type { CheckOptions, Rule, RuleContext } from './rules/rule';
import type { Workbook } from './snapshot';
import type { Table } from './table';
import { Catalog } from './catalog/catalog';

export interface EngineOptions extends CheckOptions {
  readonly lang?: Lang;
  readonly rules?: readonly Rule[];
}

export interface CheckResult {
  readonly tables: readonly Table[];
  readonly findings: readonly Finding[];
  /** How many sum relations were checked. */
  readonly relations: number;
}

/** Recognises the tables of a workbook and runs every rule on them. */
export function checkWorkbook(workbook: Workbook, options: EngineOptions = {}): CheckResult {
  return checkTables(workbook, recognizeTables(workbook), options);
}

export function checkTables(workbook: Workbook, tables: readonly Table[], options: EngineOptions = {}): CheckResult {
  const { findings, relations } = checkTablesRaw(workbook, tables, options);
  const lang = options.lang ?? 'zh';
  return { tables, findings: findings.map((f) => render(f, lang)), relations };
}

/** The findings with both languages kept, for a UI that switches language without checking again. */
export interface RawCheckResult {
  readonly tables: readonly Table[];
  readonly findings: readonly RawFinding[];
  readonly relations: number;
}

export function checkWorkbookRaw(workbook: Workbook, options: EngineOptions = {}): RawCheckResult {
  return checkTablesRaw(workbook, recognizeTables(workbook), options);
}

export function checkTablesRaw(workbook: Workbook, tables: readonly Table[], options: EngineOptions = {}): RawCheckResult {
  const raw: RawFinding[] = [];
  let relations = 0;
  const catalog = options.catalog ?? Catalog.builtIn();
  for (const rule of options.rules ?? RULES) {
    const ctx: RuleContext = {
      workbook,
      tables,
      options,
      catalog,
      report: (f) => raw.push({ ...f, rule: f.rule ?? rule.meta.id }),
      tally: () => { relations++; },
    };
    rule.check(ctx);
  }
  return { tables, findings: raw, relations };
}
