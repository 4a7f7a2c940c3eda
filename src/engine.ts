import { render, type Finding, type Lang, type RawFinding } from './findings';
import { recognizeTables } from './recognize/recognize';
import { RULES } from './rules';
import type { CheckOptions, Rule, RuleContext } from './rules/rule';
import type { Workbook } from './snapshot';
import type { Table } from './table';

export interface EngineOptions extends CheckOptions {
  readonly lang?: Lang;
  readonly rules?: readonly Rule[];
}

export interface CheckResult {
  readonly tables: readonly Table[];
  readonly findings: readonly Finding[];
}

/** Recognises the tables of a workbook and runs every rule on them. */
export function checkWorkbook(workbook: Workbook, options: EngineOptions = {}): CheckResult {
  const tables = recognizeTables(workbook);
  return { tables, findings: checkTables(workbook, tables, options) };
}

export function checkTables(workbook: Workbook, tables: readonly Table[], options: EngineOptions = {}): Finding[] {
  const raw: RawFinding[] = [];
  for (const rule of options.rules ?? RULES) {
    const ctx: RuleContext = {
      workbook,
      tables,
      options,
      report: (f) => raw.push({ ...f, rule: f.rule ?? rule.meta.id }),
    };
    rule.check(ctx);
  }
  const lang = options.lang ?? 'zh';
  return raw.map((f) => render(f, lang));
}
