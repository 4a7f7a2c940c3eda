import { grade, halfUnit } from '../../src/grade';
import { Decimal } from '../../src/money';

const a = (v: string, precision = 2, weight?: -1) => ({ value: new Decimal(v), precision, weight });

describe('grade: one interval rule for every relation (XBRL Calculations 1.1)', () => {
  test('exact sums are consistent', () => {
    expect(grade(a('10.00'), [a('4.00'), a('6.00')], false)).toMatchObject({ consistent: true, rounding: false });
  });

  test('20805: 536.45 vs 536.44 over four terms is within ½·10⁻²·5 = 0.025 — rounding', () => {
    const g = grade(a('536.45'), [a('269.32'), a('117.50'), a('129.48'), a('20.14')], false);
    expect(g).toMatchObject({ consistent: false, rounding: true });
    expect(g.difference.toString()).toBe('0.01');
    expect(g.tolerance.toString()).toBe('0.025');
    expect(g.computed.toString()).toBe('536.44');
  });

  test('the boundary: a difference equal to the tolerance is 尾差, one unit of a finer digit above it is an error', () => {
    // Two 2-decimal values: tolerance 0.005 + 0.005 = 0.01.
    expect(grade(a('10.01'), [a('10.00')], false)).toMatchObject({ rounding: true });
    expect(grade(a('10.0101', 4), [a('10.00')], false)).toMatchObject({ rounding: false });
    // Three values: 0.015 is the tolerance exactly; 0.0151 is above it.
    expect(grade(a('10.015', 2), [a('4.00'), a('6.00')], false).rounding).toBe(true);
    const above = grade(a('10.0151', 2), [a('4.00'), a('6.00')], false);
    expect(above.rounding).toBe(false);
    expect(above.tolerance.toString()).toBe('0.015');
  });

  test('a blank is a zero printed at its column precision: 0.01 against a blank is 尾差, the same as against 0.00', () => {
    const blank = grade(a('0.01'), [a('0', 2)], false);
    const zero = grade(a('0.01'), [a('0.00', 2)], false);
    expect(blank).toMatchObject({ consistent: false, rounding: true });
    expect(zero).toMatchObject({ consistent: false, rounding: true });
    expect(blank.tolerance.eq(zero.tolerance)).toBe(true);
  });

  test('0.16 under a blank parent is an error whatever the blank stands for', () => {
    expect(grade(a('0', 2), [a('0.16'), a('0', 2)], false)).toMatchObject({ consistent: false, rounding: false });
  });

  test('weights: 年末 = 年初 + 本年收入 − 本年支出', () => {
    expect(grade(a('0'), [a('0'), a('105.00'), a('105.00', 2, -1)], false)).toMatchObject({ consistent: true });
    const g = grade(a('1.00'), [a('0'), a('105.00'), a('105.00', 2, -1)], false);
    expect(g).toMatchObject({ consistent: false, rounding: false });
    expect(g.computed.toString()).toBe('0');
  });

  test('le: parts that only bound their line may fall short, never exceed it', () => {
    expect(grade(a('10.00'), [a('4.00')], false, 'le')).toMatchObject({ consistent: true });
    expect(grade(a('10.00'), [a('14.00')], false, 'le')).toMatchObject({ consistent: false, rounding: false });
    expect(grade(a('10.00'), [a('10.01')], false, 'le')).toMatchObject({ consistent: false, rounding: true });
  });

  test('strict makes every difference an error', () => {
    expect(grade(a('536.45'), [a('536.44')], true)).toMatchObject({ consistent: false, rounding: false });
  });

  test('coarser precision widens the interval: 元 integers', () => {
    expect(grade(a('5364500', 0), [a('5364400', 0)], false).rounding).toBe(false);
    expect(grade(a('101', 0), [a('50', 0), a('50', 0)], false).rounding).toBe(true);
    // 94,995,790 against four 项 adding up to 94,995,789: tolerance 5 × 0.5.
    expect(grade(a('94995790', 0), [a('17887739', 0), a('17464243', 0), a('6522681', 0), a('53121126', 0)], false)).toMatchObject({ rounding: true });
  });

  test('half units', () => {
    expect(halfUnit(2).toString()).toBe('0.005');
    expect(halfUnit(0).toString()).toBe('0.5');
    expect(halfUnit(6).toString()).toBe('5e-7');
  });
});
