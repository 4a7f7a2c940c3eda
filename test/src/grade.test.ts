import { grade } from '../../src/grade';
import { Decimal } from '../../src/money';

const a = (v: string, decimals = 2) => ({ value: new Decimal(v), decimals });

describe('grade (XBRL Calculations 1.1 interval rule)', () => {
  test('exact sums are consistent', () => {
    expect(grade(a('10.00'), [a('4.00'), a('6.00')], false)).toMatchObject({ consistent: true, rounding: false });
  });

  test('20805: 536.45 vs 536.44 over four terms is within ½·10⁻²·5 = 0.025 — rounding', () => {
    const g = grade(a('536.45'), [a('269.32'), a('117.50'), a('129.48'), a('20.14')], false);
    expect(g).toMatchObject({ consistent: false, rounding: true });
    expect(g.difference.toString()).toBe('0.01');
    expect(g.tolerance.toString()).toBe('0.025');
  });

  test('a difference beyond the tolerance is an error', () => {
    expect(grade(a('10.03'), [a('4.00'), a('6.00')], false)).toMatchObject({ consistent: false, rounding: false });
  });

  test('the boundary is inclusive: 0.015 over two terms (tolerance 0.015)', () => {
    expect(grade(a('10.015', 3), [a('4.00'), a('6.00')], false).rounding).toBe(false);
    expect(grade(a('10.01'), [a('4.00'), a('6.00')], false).rounding).toBe(true);
  });

  test('blank cells are exact: a blank total over one 0.16 term is an error', () => {
    expect(grade(null, [a('0.16'), null], false)).toMatchObject({ consistent: false, rounding: false });
  });

  test('strict makes every difference an error', () => {
    expect(grade(a('536.45'), [a('536.44')], true)).toMatchObject({ consistent: false, rounding: false });
  });

  test('coarser precision widens the interval: 元 integers', () => {
    expect(grade(a('5364500', 0), [a('5364400', 0)], false).rounding).toBe(false);
    expect(grade(a('101', 0), [a('50', 0), a('50', 0)], false).rounding).toBe(true);
  });
});
