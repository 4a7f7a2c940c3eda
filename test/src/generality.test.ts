/**
 * A generality test that cannot be tuned: one random consistent budget (all nine tables, linked) rendered in
 * every supported layout variant — Hebei / Shanghai / 决算 templates, codes joined, spaced, split (with and
 * without a parent header) or written with the name, 元 or 万元, one table per sheet or stacked, header blocks
 * repeated per page, 合计 first or last — gives no finding in any; the same planted fault gives the same
 * findings in every rendering of a template, and in every variant a finding citing the planted cell.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/findings';
import { generateBudget } from '../../bench/budget/model';
import { render, VARIANTS } from '../../bench/budget/render';
import { renderWithFault, sampleFaults } from '../../bench/budget/faults';

const identity = (f: Finding) => `${f.relation ?? f.rule}|${f.subject ?? ''}|${(f.columns ?? []).join(',')}|${f.rounding ? '尾差' : f.severity}`;

describe('generality over layout variants', () => {
  test(`a random consistent budget gives no finding in any of the ${VARIANTS.length} variants`, () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
      const budget = generateBudget(seed);
      for (const v of VARIANTS) {
        const { findings, tables } = checkWorkbook(render(budget, v).workbook);
        expect({ variant: v.name, tables: tables.length, findings: findings.map((f) => f.message) }).toEqual({ variant: v.name, tables: 9, findings: [] });
      }
    }), { numRuns: Number(process.env.GENERALITY_RUNS ?? 6), seed: Number(process.env.GENERALITY_SEED ?? 20261130) });
  }, 120_000);

  test('the same planted fault: the same findings in every rendering of a template, and the planted cell cited in every variant', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
      const budget = generateBudget(seed);
      for (const fault of sampleFaults(budget, seed)) {
        const groups = new Map<string, Map<string, string[]>>();
        const everywhere: Array<Set<string>> = [];
        for (const v of VARIANTS) {
          const { rendered, planted } = renderWithFault(budget, v, fault);
          const findings = checkWorkbook(rendered.workbook).findings.filter((f) => f.severity !== 'info');
          // One cent of 万元 is 尾差 where the table prints 万元 and 100 元 (an error) where it prints 元: a rounding
          // fault is compared within a unit.
          const unit = fault.kind === 'rounding' ? `|${rendered.cells.get(fault.id)?.unit}` : '';
          const key = `${v.template}${unit}`;
          const ids = findings.map(identity).sort().join('\n');
          const g = groups.get(key) ?? new Map<string, string[]>();
          g.set(ids, [...(g.get(ids) ?? []), v.name]);
          groups.set(key, g);
          const citing = findings.filter((f) => f.cells.some((c) => c === planted.address || c.endsWith(`!${planted.address}`)));
          expect({ variant: v.name, fault, cited: citing.length > 0 }).toEqual({ variant: v.name, fault, cited: true });
          const grade = fault.kind === 'rounding' && rendered.cells.get(fault.id)?.unit === '万元' ? '尾差' : 'error';
          expect({ variant: v.name, fault, grades: [...new Set(citing.map((f) => (f.rounding ? '尾差' : f.severity)))] }).toEqual({ variant: v.name, fault, grades: [grade] });
          everywhere.push(new Set(citing.map(identity)));
        }
        for (const [key, g] of groups) expect({ fault, key, renderings: [...g.values()].length }).toEqual({ fault, key, renderings: 1 });
        // A finding about the planted cell's relation that every variant of every template gives alike — except
        // where templates print the figure in a different structure, so a different relation holds it: the 基本支出表
        // totals (人员经费合计 / 公用经费合计 rows in 决算, a 合计 row with columns elsewhere) and the "三公" table
        // (item rows × 资金性质 columns in Hebei, one row of item columns in Shanghai).
        const restructured = fault.id.startsWith('basic-expenditure|total') || fault.id.startsWith('three-public|');
        if (fault.kind !== 'rounding' && !restructured) {
          const common = [...everywhere[0]].filter((id) => everywhere.every((s) => s.has(id)));
          expect({ fault, common: common.length > 0 }).toEqual({ fault, common: true });
        }
      }
    }), { numRuns: Math.ceil(Number(process.env.GENERALITY_RUNS ?? 6) / 2), seed: Number(process.env.GENERALITY_SEED ?? 20261130) });
  }, 180_000);
});
