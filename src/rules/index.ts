import type { Rule } from './rule';
import { rule as recognition } from './recognition';
import { rule as hierarchySum } from './hierarchy-sum';
import { rule as rowCrossFoot } from './row-cross-foot';
import { rule as rowSum } from './row-sum';
import { rule as crossTable } from './cross-table';
import { rule as threePublicVsBasic } from './three-public-vs-basic';
import { rule as emptyBudgetTables } from './empty-budget-tables';
import { rule as codeStructure } from './code-structure';
import { rule as subjectDepth } from './subject-depth';
import { rule as unknownCode } from './unknown-code';
import { rule as subjectName } from './subject-name';
import { rule as codeNames } from './code-names';
import { rule as valueHygiene } from './value-hygiene';
import { rule as formSum } from './form-sum';
import { rule as spendingPlan } from './spending-plan';
import { rule as indicators } from './indicators';
import { rule as costIndicator } from './cost-indicator';
import { rule as projectTotal } from './project-total';

/** Every rule the engine runs, in report order. Adding a check = adding a module here. */
export const RULES: readonly Rule[] = [
  recognition, hierarchySum, rowCrossFoot, rowSum, crossTable, threePublicVsBasic, emptyBudgetTables,
  codeStructure, subjectDepth, unknownCode, subjectName, codeNames, valueHygiene,
  formSum, spendingPlan, indicators, costIndicator, projectTotal,
];

export type { Rule, RuleMeta, RuleContext } from './rule';
