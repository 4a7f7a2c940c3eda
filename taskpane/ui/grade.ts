import type { Finding, RawFinding } from '../../src/findings';

/** How a finding is shown: a rounding difference is its own grade, whatever its severity. */
export type Grade = 'error' | 'rounding' | 'warning' | 'info';

export function gradeOf(f: Pick<Finding | RawFinding, 'severity' | 'rounding'>): Grade {
  return f.rounding ? 'rounding' : f.severity;
}

export const GRADE_ORDER: readonly Grade[] = ['error', 'warning', 'rounding', 'info'];
