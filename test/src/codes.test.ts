import { joinCodeParts, parentCode, parseCode } from '../../src/codes';

const code = (p: ReturnType<typeof parseCode>) => (p.kind === 'code' ? `${p.subject.code}/${p.subject.family}/${p.subject.level}` : p.kind);

describe('codes', () => {
  test.each([
    ['2101101', '2101101/function/3'],
    ['210110 1', '2101101/function/3'],
    ['201 06 01', '2010601/function/3'],
    ['２１０', '210/function/1'],
    ['2101101.0', '2101101/function/3'],
    ['30113', '30113/economic/2'],
    ['50101', '50101/economic/2'],
    ['301', '301/economic/1'],
    ['210111', 'malformed'],
    ['1234', 'malformed'],
    ['合计', 'none'],
    ['', 'none'],
  ])('parseCode(%p) → %s', (raw, expected) => {
    expect(code(parseCode(raw))).toBe(expected);
  });

  test.each([
    [['210', '11', '01'], '2101101/function/3'],
    [['210', '11', ''], '21011/function/2'],
    [['210', '', ''], '210/function/1'],
    [['301', '2'], '30102/economic/2'],
    [['201', '20129', '2012906'], '2012906/function/3'],
    [['210', ' 1', '1'], '2100101/function/3'],
    [['', '', ''], 'none'],
    [['210', 'x', ''], 'malformed'],
  ])('joinCodeParts(%p) → %s', (parts, expected) => {
    expect(code(joinCodeParts(parts))).toBe(expected);
  });

  test('parentCode walks 项 → 款 → 类', () => {
    expect(parentCode('2101103')).toBe('21011');
    expect(parentCode('21011')).toBe('210');
    expect(parentCode('210')).toBeUndefined();
  });
});
