import type { Rule } from './rule';
import { rule as hierarchySum } from './hierarchy-sum';
import { rule as rowCrossFoot } from './row-cross-foot';
import { rule as summaryRows } from './summary-rows';
import { rule as threePublicSum } from './three-public-sum';
import { rule as valueHygiene } from './value-hygiene';
import { rule as codeStructure } from './code-structure';
import { rule as crossTable } from './cross-table';
import { rule as threePublicVsBasic } from './three-public-vs-basic';
import { rule as emptyBudgetTables } from './empty-budget-tables';
import { rule as subjectName } from './subject-name';
import { rule as unknownCode } from './unknown-code';
import { rule as subjectDepth } from './subject-depth';

/** Every rule the engine runs, in report order. Adding a check = adding a module here. */
export const RULES: readonly Rule[] = [
  hierarchySum, rowCrossFoot, summaryRows, threePublicSum, crossTable, threePublicVsBasic, emptyBudgetTables,
  codeStructure, subjectDepth, unknownCode, subjectName, valueHygiene,
];

export type { Rule, RuleMeta, RuleContext } from './rule';
