import { decimalsOfFormat, parseAmount, toHalfWidth } from '../../src/money';

describe('parseAmount', () => {
  test.each([
    [1234.5, '1,234.50', '#,##0.00', '1234.5', 2, false],
    [536.45, '536.45', '0.00', '536.45', 2, false],
    ['1,234.50', '1,234.50', undefined, '1234.5', 2, true],
    ['1234.5', '1234.5', undefined, '1234.5', 1, true],
    [' 12.30 ', ' 12.30 ', undefined, '12.3', 2, true],
    ['0', '0', undefined, '0', 0, true],
    ['１２.３０', '１２.３０', undefined, '12.3', 2, true],
  ])('%p reads as %s', (value, text, fmt, expected, decimals, fromText) => {
    const p = parseAmount(value, text, fmt);
    expect(p.kind).toBe('number');
    if (p.kind !== 'number') return;
    expect(p.amount.value.toString()).toBe(expected);
    expect(p.amount.decimals).toBe(decimals);
    expect(p.fromText).toBe(fromText);
  });

  test.each(['-', '', '—', '  ', '－'])('%p is blank', (t) => {
    expect(parseAmount(t === '' ? null : t, t).kind).toBe('blank');
  });

  test('binary noise from a formula result is dropped: 870.3699999999999 is 870.37', () => {
    const p = parseAmount(870.3699999999999, '870.37', '0.00');
    expect(p.kind === 'number' && p.amount.value.toString()).toBe('870.37');
  });

  test('hidden precision is visible as rawDecimals', () => {
    const p = parseAmount(12.345, '12.35', '0.00');
    expect(p.kind === 'number' && [p.amount.decimals, p.rawDecimals]).toEqual([2, 3]);
  });

  test('words are invalid, not zero', () => {
    expect(parseAmount('见附表', '见附表')).toEqual({ kind: 'invalid', text: '见附表' });
  });
});

test('decimalsOfFormat', () => {
  expect(decimalsOfFormat('0.00')).toBe(2);
  expect(decimalsOfFormat('#,##0.00_ ;[Red]-#,##0.00')).toBe(2);
  expect(decimalsOfFormat('0')).toBe(0);
  expect(decimalsOfFormat('General')).toBeUndefined();
  expect(decimalsOfFormat('"¥"#,##0.000')).toBe(3);
});

test('toHalfWidth', () => {
  expect(toHalfWidth('２１０　１１')).toBe('210 11');
});
