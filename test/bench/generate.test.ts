import { checkWorkbook } from '../../src/engine';
import { bodyRowCount, generateBatch, generateDepartment, PLANTED_KINDS, toWorkbook } from '../../bench/generate';

// Guards the benchmark's data: clean generated departments must be clean, planted errors must be found,
// or the bench would time a different job than it reports.
describe('benchmark workbook generator', () => {
  test('generated departments are consistent: no finding, every body row recognised', () => {
    for (const d of generateBatch({ count: 4, seed: 7, plantEvery: 0 })) {
      const r = checkWorkbook(toWorkbook(d));
      expect(r.findings).toEqual([]);
      expect(r.tables.map((t) => t.kind)).toHaveLength(9);
      expect(r.tables.reduce((s, t) => s + t.rows.length, 0)).toBe(bodyRowCount(d));
    }
  });

  test.each([...PLANTED_KINDS])('a planted %s is reported', (kind) => {
    const d = generateDepartment(3, 7, kind);
    expect(checkWorkbook(toWorkbook(d)).findings.length).toBeGreaterThan(0);
  });
});
