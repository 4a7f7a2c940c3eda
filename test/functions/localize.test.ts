import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { CHINESE, localize, localizeDir, LocalizeError, splitDescription, ZH_FILE, type FunctionsMetadata } from '../../scripts/localize-functions';

/** Three or more Latin words in a row: an English phrase, not a code or a term such as dept-economic. */
const LATIN_SENTENCE = /[A-Za-z]+(?:[\s,;:.]+[A-Za-z]+){2,}/;

function descriptions(m: FunctionsMetadata): Array<[string, string | undefined]> {
  return m.functions.flatMap((f) => [
    [f.id, f.description] as [string, string | undefined],
    ...f.parameters.map((p): [string, string | undefined] => [`${f.id}.${p.name}`, p.description]),
    ...(f.result && 'description' in f.result ? [[`${f.id} result`, f.result.description] as [string, string | undefined]] : []),
  ]);
}

/** Everything but the descriptions, which is what must stay identical between the languages. */
function structure(m: FunctionsMetadata): unknown {
  const { functions, ...rest } = m;
  return {
    rest,
    functions: functions.map((f) => ({
      id: f.id, name: f.name, options: f.options, result: f.result?.type, resultDimensionality: f.result?.dimensionality,
      parameters: f.parameters.map((p) => ({ name: p.name, type: p.type, dimensionality: p.dimensionality, optional: p.optional, repeating: p.repeating })),
    })),
  };
}

const one = (description: string, parameter = '科目编码 / The subject code.'): FunctionsMetadata => ({
  functions: [{ id: 'NEWFN', name: 'NEWFN', description, parameters: [{ name: 'code', description: parameter, type: 'any' }], result: { type: 'string' } }],
});

describe('zh-CN function metadata (scripts/localize-functions.ts)', () => {
  let metadata: FunctionsMetadata;
  let en: FunctionsMetadata;
  let zh: FunctionsMetadata;

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(join(__dirname, '..', '..', 'functions', 'functions.ts'));
    expect(r.errors).toEqual([]);
    metadata = JSON.parse(r.metadataJson) as FunctionsMetadata;
    ({ en, zh } = localize(metadata));
  });

  test('ids, names, parameters, options and result types are identical in both languages', () => {
    expect(metadata.functions.length).toBeGreaterThan(0);
    expect(structure(en)).toEqual(structure(metadata));
    expect(structure(zh)).toEqual(structure(metadata));
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
  });

  test('every function and parameter has a description in each language', () => {
    for (const m of [en, zh]) {
      for (const [where, d] of descriptions(m)) expect([where, typeof d === 'string' && d.trim() !== '']).toEqual([where, true]);
    }
    expect(descriptions(en).map(([w]) => w)).toEqual(descriptions(metadata).map(([w]) => w));
  });

  test('Chinese descriptions contain Chinese and no English sentence', () => {
    for (const [where, d] of descriptions(zh)) {
      expect([where, /\p{Script=Han}/u.test(d ?? '')]).toEqual([where, true]);
      expect([where, LATIN_SENTENCE.exec(d ?? '')?.[0]]).toEqual([where, undefined]);
    }
  });

  test('English descriptions contain no Chinese characters', () => {
    for (const [where, d] of descriptions(en)) {
      expect([where, /[A-Za-z]/.test(d ?? '')]).toEqual([where, true]);
      expect([where, CHINESE.exec(d ?? '')?.[0]]).toEqual([where, undefined]);
    }
  });

  test('the split follows the JSDoc: two lines, or "中文 / English"', () => {
    const f = (id: string, m: FunctionsMetadata) => m.functions.find((x) => x.id === id)!;
    expect(f('CHECKTOTALS', en).description).toBe('Checks whether the totals in a budget table range add up; differences within rounding are graded as rounding.');
    expect(f('CHECKTOTALS', zh).parameters[0].description).toBe('表格区域，含表头（科目编码、科目名称、合计、基本支出…）');
    expect(f('SUBJECTNAME', zh).parameters.map((p) => p.description)).toEqual(['科目编码，如 2101103 或 "210 11 03"', '年度，默认最新版目录', '分类：function、dept-economic、gov-economic']);
    expect(f('SUBJECTNAME', en).parameters.map((p) => p.description)).toEqual(['The subject code.', 'Edition year; the newest by default.', 'Classification kind.']);
    // 类/款/项 in the English line take the glossary's English.
    expect(f('SUBJECTLEVEL', en).description).toBe('Returns the level of a subject code (class, section or item), in Chinese.');
  });

  test('no function is volatile', () => {
    for (const m of [metadata, en, zh]) for (const f of m.functions) expect([f.id, f.options?.volatile ?? false]).toEqual([f.id, false]);
  });

  test('the input is not changed', () => {
    const copy = JSON.parse(JSON.stringify(metadata)) as FunctionsMetadata;
    localize(metadata);
    expect(metadata).toEqual(copy);
  });

  test('a description without Chinese fails, naming the function', () => {
    expect(() => localize(one('Returns something new.'))).toThrow(LocalizeError);
    expect(() => localize(one('Returns something new.'))).toThrow(/NEWFN: no Chinese part/);
    expect(() => localize(one('返回新东西。\nReturns something new.', 'The subject code.'))).toThrow(/NEWFN parameter code: no Chinese part/);
  });

  test('a description without English, or with no description at all, fails', () => {
    expect(() => localize(one('返回新东西。'))).toThrow(/NEWFN: no English part/);
    expect(() => localize(one('返回新东西。', '科目编码'))).toThrow(/2 function descriptions[\s\S]*NEWFN parameter code: no English part/);
    const bare = one('x');
    delete bare.functions[0].description;
    expect(() => localize(bare)).toThrow(/NEWFN: no description/);
  });

  test('English first, Chinese after English, ambiguous slashes and unknown Chinese in English fail', () => {
    expect(() => splitDescription('Returns the name.\n返回名称。')).toThrow(/no Chinese part/);
    expect(() => splitDescription('返回名称。\nReturns the name.\n另外一行中文。')).toThrow(/Chinese text after the English part/);
    expect(() => splitDescription('分类 / Kind / Classification kind.')).toThrow(/more than one " \/ "/);
    expect(() => splitDescription('返回名称。\nReturns the subject 名称.')).toThrow(/contains Chinese \(名 称\)/);
  });

  test('robust splitting: wrapped lines, full-width slash, Chinese starting with a code, Latin terms on the Chinese side', () => {
    expect(splitDescription('核对表格区域内的合计\n是否平衡。\nChecks whether the totals\nadd up.')).toEqual({ zh: '核对表格区域内的合计是否平衡。', en: 'Checks whether the totals add up.' });
    expect(splitDescription('CHECKTOTALS 的区域参数 ／ The range.')).toEqual({ zh: 'CHECKTOTALS 的区域参数', en: 'The range.' });
    expect(splitDescription('分类：function / dept-economic / Classification kind.')).toEqual({ zh: '分类：function / dept-economic', en: 'Classification kind.' });
    expect(splitDescription('  年度 / Edition year.  ')).toEqual({ zh: '年度', en: 'Edition year.' });
    expect(splitDescription('科目编码 / The subject code;\nspaces are ignored.')).toEqual({ zh: '科目编码', en: 'The subject code; spaces are ignored.' });
  });

  test('a result description, when present, is split too', () => {
    const m = one('返回新东西。\nReturns something new.');
    m.functions[0].result = { type: 'string', description: '科目名称 / The subject name.' };
    const r = localize(m);
    expect(r.zh.functions[0].result).toEqual({ type: 'string', description: '科目名称' });
    expect(r.en.functions[0].result).toEqual({ type: 'string', description: 'The subject name.' });
  });

  test('localizeDir writes both files and leaves an already localized directory alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'localize-'));
    try {
      writeFileSync(join(dir, 'functions.json'), JSON.stringify(metadata, null, 4));
      expect(localizeDir(dir)).toEqual({ functions: metadata.functions.length, written: true });
      expect(JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8'))).toEqual(en);
      expect(JSON.parse(readFileSync(join(dir, ZH_FILE), 'utf8'))).toEqual(zh);
      expect(localizeDir(dir)).toEqual({ functions: metadata.functions.length, written: false });
      expect(JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8'))).toEqual(en);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
