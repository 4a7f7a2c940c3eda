import { checkWorkbook } from '../../src/engine';
import type { Finding } from '../../src/findings';
import { TABLE_KINDS } from '../../src/table';
import { seedWorkbook } from '../helpers/fixtures';

/** Findings reduced to what a reader checks by hand against the published numbers. */
function brief(f: Finding) {
  return { rule: f.rule, severity: f.severity, rounding: f.rounding, table: f.table, cells: f.cells, reported: f.reported, computed: f.computed, difference: f.difference };
}

describe('seed 004 — 张家口市总工会 2025 (tab-separated, cleanest)', () => {
  const { tables, findings } = checkWorkbook(seedWorkbook('004'));

  test('all nine tables are recognised with their kind ids', () => {
    expect(tables.map((t) => t.kind)).toEqual([...TABLE_KINDS]);
    expect(tables.every((t) => t.unit === 'wan' && t.year === 2025)).toBe(true);
  });

  test('款 20805 (536.45 vs Σ 536.44) is one rounding warning in each of the three tables that carry it, naming its columns, and nothing else is reported', () => {
    // 2080501 269.32 + 2080502 117.50 + 2080505 129.48 + 2080506 20.14 = 536.44; published parent 536.45, in
    // every amount column that carries it: one relation failing identically, so one finding per table.
    const cells = (cols: string[]) => [...cols.map((c) => `${c}13`), ...cols.flatMap((c) => [14, 15, 16, 17].map((r) => `${c}${r}`))];
    const w = (table: Finding['table'], cols: string[]) => ({
      rule: 'hierarchy-sum', severity: 'warning', rounding: true, table, cells: cells(cols), reported: '536.45', computed: '536.44', difference: '0.01',
    });
    expect(findings.map(brief)).toEqual([w('income', ['D', 'E', 'F']), w('expenditure', ['D', 'E']), w('general-expenditure', ['D', 'E'])]);
    expect(findings.map((f) => [f.relation, f.subject, f.columns])).toEqual([
      ['income.hierarchy', '20805', ['total', 'subtotal', 'fiscal']],
      ['expenditure.hierarchy', '20805', ['total', 'basic']],
      ['general-expenditure.hierarchy', '20805', ['total', 'basic']],
    ]);
    expect(findings[0].message).toBe('款 20805 合计、本年收入小计、财政拨款收入 填报数 536.45 ≠ 计算数 536.44（差额 0.01，尾差）');
  });

  test('the spaced codes 210110 1 / 221020 1 of the 支出总表 are read as 2101101 / 2210201', () => {
    const exp = tables.find((t) => t.kind === 'expenditure')!;
    const codes = exp.rows.flatMap((r) => (r.code.kind === 'code' ? [r.code.subject.code] : []));
    expect(codes).toContain('2101101');
    expect(codes).toContain('2210201');
    expect(exp.rows.some((r) => r.code.kind === 'malformed')).toBe(false);
  });

  test('--strict turns the rounding warnings into errors', () => {
    const strict = checkWorkbook(seedWorkbook('004'), { strict: true }).findings;
    expect(strict).toHaveLength(3);
    expect(strict.every((f) => f.severity === 'error' && !f.rounding)).toBe(true);
  });

  test('messages in English', () => {
    const en = checkWorkbook(seedWorkbook('004'), { lang: 'en' }).findings;
    expect(en[0].message).toBe('section 20805 合计, 本年收入小计, 财政拨款收入 reported 536.45 ≠ computed 536.44 (difference 0.01, rounding)');
  });
});

describe('seed 000 — 平乡县总工会 2024 (PDF text)', () => {
  const { tables, findings } = checkWorkbook(seedWorkbook('000'));

  test('all nine tables are recognised', () => {
    expect(tables.map((t) => t.kind)).toEqual([...TABLE_KINDS]);
  });

  test('三公: 公务用车运行维护费 0.16 under a blank 公务用车购置及运维费 is one error naming both amount columns, and nothing else is reported', () => {
    // Rows: 11 = 二、公务用车购置及运维费 (blank), 12 = 公务用车购置费 (blank), 13 = 公务用车运行维护费 0.16.
    expect(findings.map(brief)).toEqual([
      { rule: 'row-sum', severity: 'error', rounding: false, table: 'three-public', cells: ['C11', 'D11', 'C13', 'D13'], reported: '0.00', computed: '0.16', difference: '-0.16' },
    ]);
    expect(findings[0].message).toBe('公务用车购置及运维费 合计、一般公共预算财政拨款 填报数 0.00（空白） ≠ 计算数 0.16（差额 -0.16）');
  });
});

describe('seed 003 — 唐山芦台经济开发区群工部 2024 (PDF text, narrow columns)', () => {
  test('all nine tables are recognised and every published total adds up (checked by hand: see fixtures NOTES.md)', () => {
    const { tables, findings } = checkWorkbook(seedWorkbook('003'));
    expect(tables.map((t) => t.kind)).toEqual([...TABLE_KINDS]);
    expect(findings).toEqual([]);
    const income = tables.find((t) => t.kind === 'income')!;
    expect(income.rows.filter((r) => r.code.kind === 'code')).toHaveLength(16);
  });
});
