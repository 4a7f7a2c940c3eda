import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine';
import { sheetFromGrid } from '../../src/snapshot';
import { Decimal } from '../../src/money';
import { a1 } from '../../src/snapshot';
import { Catalog } from '../../src/catalog/catalog';

const catalog = Catalog.builtIn();

/** A random 支出总表: 类 → 款 → 项 with 基本/项目 amounts in cents; every parent and total is exact. */
const tableArb = fc.array(
  fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 99_999_99 }), fc.integer({ min: 0, max: 99_999_99 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  { minLength: 1, maxLength: 3 },
);

type Spec = [number, number][][][];
const money = (cents: number) => (cents === 0 ? '' : new Decimal(cents).div(100).toFixed(2));

function build(spec: Spec): string[][] {
  const classes = ['201', '208', '210'];
  const rows: string[][] = [];
  const sum = (xs: [number, number][]) => xs.reduce<[number, number]>((a, x) => [a[0] + x[0], a[1] + x[1]], [0, 0]);
  const line = (code: string, name: string, [b, p]: [number, number]) => [code, name, money(b + p), money(b), money(p)];
  const all: [number, number][] = [];
  spec.forEach((sections, i) => {
    const lei = classes[i];
    const classRows: string[][] = [];
    const classParts: [number, number][] = [];
    // Real subjects, so the catalog rules have nothing to say either.
    const kuans = catalog.children(lei, { year: 2025 }).filter((k) => catalog.children(k.code, { year: 2025 }).length >= 4);
    sections.forEach((items, j) => {
      const kuan = kuans[j];
      const s = sum(items);
      classParts.push(s);
      classRows.push(line(kuan.code, kuan.name, s));
      const xiang = catalog.children(kuan.code, { year: 2025 });
      items.forEach((it, k) => classRows.push(line(xiang[k].code, xiang[k].name, it)));
    });
    const cs = sum(classParts);
    all.push(cs);
    rows.push(line(lei, catalog.name(lei, { year: 2025 }) ?? '', cs), ...classRows);
  });
  const t = line('', '合计', sum(all));
  return [['2025年部门预算支出总表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], t, ...rows];
}

const check = (grid: string[][]) => checkWorkbook({ sheets: [sheetFromGrid('支出总表', grid)] }, { expectAll: false }).findings;

describe('properties', () => {
  test('a random consistent table gives no finding', () => {
    fc.assert(fc.property(tableArb, (spec) => {
      expect(check(build(spec))).toEqual([]);
    }), { numRuns: 200 });
  });

  test('changing one amount by ≥ 1.00 gives errors exactly at that cell: its column parent, its children and its row', () => {
    fc.assert(fc.property(tableArb, fc.nat(), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 100, max: 100_000 }), (spec, pick, col, delta) => {
      const grid = build(spec);
      const r = 3 + (pick % (grid.length - 3));
      const old = grid[r][col] === '' ? 0 : Math.round(Number(grid[r][col]) * 100);
      grid[r][col] = new Decimal(old + delta).div(100).toFixed(2);
      const address = a1(r, col);
      const fs = check(grid);
      expect(fs.length).toBeGreaterThan(0);
      for (const f of fs) {
        expect(f.cells).toContain(address);
        expect(f.severity).toBe('error');
      }
      // Relations through the cell: the row's cross-foot, the parent's sum (or 合计's), its own children's sum.
      const code = grid[r][0];
      const hasChildren = code === '' || grid.some((row, i) => i > 3 && row[0].length === code.length + 2 && row[0].startsWith(code));
      const hasParent = code !== '';
      expect(fs.length).toBe(1 + (hasParent ? 1 : 0) + (hasChildren ? 1 : 0));
    }), { numRuns: 200 });
  });

  test('a 0.01 change is graded as rounding (尾差), never as an error', () => {
    fc.assert(fc.property(tableArb, fc.nat(), fc.integer({ min: 2, max: 4 }), (spec, pick, col) => {
      const grid = build(spec);
      const r = 3 + (pick % (grid.length - 3));
      const old = grid[r][col] === '' ? 0 : Math.round(Number(grid[r][col]) * 100);
      grid[r][col] = new Decimal(old + 1).div(100).toFixed(2);
      const fs = check(grid);
      expect(fs.length).toBeGreaterThan(0);
      expect(fs.every((f) => f.rounding && f.severity === 'warning')).toBe(true);
    }), { numRuns: 200 });
  });
});
