import { decimalsOfFormat, parseAmount, type AmountParse } from '../../src/money';

/** The value and displayed decimals of a parse that must be a number. */
function number(p: AmountParse): { value: string; decimals: number; fromText: boolean } {
  if (p.kind !== 'number') throw new Error(`expected a number, got ${JSON.stringify(p)}`);
  return { value: p.amount.value.toString(), decimals: p.amount.decimals, fromText: p.fromText };
}

describe('parseAmount: a cell without a value is read from its printed text (grids, CSV, TSV transcriptions)', () => {
  test('no value: " 20.14 " is the text number 20.14 with two decimals', () => {
    const value = null;
    expect(number(parseAmount(value, ' 20.14 '))).toEqual({ value: '20.14', decimals: 2, fromText: true });
  });

  test('no value: the marks finance staff write for nothing are blank, padded or not', () => {
    const value = null;
    for (const t of [' — ', ' -- ', '\\', ' / ', '——']) expect(parseAmount(value, t)).toEqual({ kind: 'blank' });
  });

  test('value null: words stay invalid (never zero)', () => {
    expect(parseAmount(null, ' 见说明 ')).toEqual({ kind: 'invalid', text: '见说明' });
  });

  test('full-width marks (－, －－, ／, ＼) fold to the same blanks, as a value or as printed text', () => {
    for (const t of ['－', '－－', '／', '＼']) {
      expect(parseAmount(t, t)).toEqual({ kind: 'blank' });
      expect(parseAmount(null, t)).toEqual({ kind: 'blank' });
    }
  });

  test('a backslash typed as the value is blank too', () => {
    expect(parseAmount('\\', '\\')).toEqual({ kind: 'blank' });
  });
});

describe('parseAmount: thousands separators in text amounts', () => {
  test.each([
    ['870,370.00', '870370', 2],
    ['12,345', '12345', 0],
    ['1,234,567.8', '1234567.8', 1],
  ])('%p reads as %s (%d decimals)', (text, value, decimals) => {
    expect(number(parseAmount(text, text))).toEqual({ value, decimals, fromText: true });
  });

  test.each(['1,2345.00', '1234,567', ',123'])('a misplaced separator (%p) is not a number', (text) => {
    expect(parseAmount(text, text)).toEqual({ kind: 'invalid', text });
  });
});

describe('parseAmount: numbers', () => {
  test.each([Number.NaN, Number.POSITIVE_INFINITY])('%p (a failed formula) is invalid, not an amount', (v) => {
    expect(parseAmount(v, '#DIV/0!')).toEqual({ kind: 'invalid', text: String(v) });
  });

  test('without a number format the printed text decides, padding trimmed: 117.5 shown as " 117.50 " has two decimals', () => {
    expect(number(parseAmount(117.5, ' 117.50 '))).toEqual({ value: '117.5', decimals: 2, fromText: false });
  });

  test('a locale-tagged General format ([$-804]General) says nothing about decimals: the printed text decides', () => {
    expect(number(parseAmount(1234.5, '1,234.50', '[$-804]General'))).toEqual({ value: '1234.5', decimals: 2, fromText: false });
  });
});

describe('decimalsOfFormat', () => {
  test('a quoted literal is not a placeholder: #,##0".00" shows whole numbers with a printed ".00"', () => {
    expect(decimalsOfFormat('#,##0".00"')).toBe(0);
    expect(decimalsOfFormat('0.00"万元"')).toBe(2);
  });

  test('a bracketed locale or colour is not a placeholder: [$-804] holds a 0 but shows nothing', () => {
    expect(decimalsOfFormat('[$-804]General')).toBeUndefined();
    expect(decimalsOfFormat('[DBNum2][$-804]General')).toBeUndefined();
    expect(decimalsOfFormat('[$-804]#,##0.0')).toBe(1);
    expect(decimalsOfFormat('[Red]0.00')).toBe(2);
  });

  test('text and empty formats show no decimals of their own', () => {
    expect(decimalsOfFormat('@')).toBeUndefined();
    expect(decimalsOfFormat('')).toBeUndefined();
    expect(decimalsOfFormat(undefined)).toBeUndefined();
    expect(decimalsOfFormat('general')).toBeUndefined();
  });
});
