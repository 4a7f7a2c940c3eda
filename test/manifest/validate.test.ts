import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BT_NS, main, parseXml, schemaDir, validateAgainstSchemas, validateManifest, XmlSyntaxError, type XmlElement,
} from '../../scripts/validate-manifest';

const MANIFEST_PATH = join(__dirname, '..', '..', 'manifest.xml');
const MANIFEST = readFileSync(MANIFEST_PATH, 'utf8');
const CLASSIC_PATH = join(__dirname, '..', '..', 'manifest-excel2016-2019.xml');
const CLASSIC = readFileSync(CLASSIC_PATH, 'utf8');

/**
 * Microsoft's manifest schemas, from ../shared/reference/office-manifest-xsd. Without them the schema tests are
 * skipped, with a message; with CI set they fail instead, so CI can never pass without having run them.
 */
const SCHEMAS = schemaDir();
if (!SCHEMAS) {
  if (process.env.CI) throw new Error('Microsoft\'s manifest schemas (../shared/reference/office-manifest-xsd) are missing: CI must validate the manifests against them');
  console.warn('../shared/reference/office-manifest-xsd not found: the manifests are not validated against Microsoft\'s schemas in this run');
}
const withSchemas = SCHEMAS ? test : test.skip;

/** The real manifest with `from` replaced by `to`; `from` must occur exactly once, so no test passes vacuously. */
function broken(from: string, to: string, xml = MANIFEST): string {
  const n = xml.split(from).length - 1;
  if (n !== 1) throw new Error(`expected exactly one "${from}" in the manifest, found ${n}`);
  return xml.replace(from, () => to);
}

/** Moves the lines from the one containing `first` to the one containing `last` (by default the same line) to just before the line containing `before`. */
function moved(first: string, before: string, last = first, xml = MANIFEST): string {
  const lines = xml.split('\n');
  const single = (text: string): number => {
    const at = lines.flatMap((l, i) => (l.includes(text) ? [i] : []));
    if (at.length !== 1) throw new Error(`expected exactly one line with "${text}", found ${at.length}`);
    return at[0];
  };
  const from = single(first);
  const taken = lines.splice(from, single(last) - from + 1);
  lines.splice(single(before), 0, ...taken);
  return lines.join('\n');
}

function elements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(elements)];
}

function value(el: XmlElement, name: string): string | undefined {
  return el.attributes.find((a) => a.local === name && a.ns === '')?.value;
}

function expectError(xml: string, pattern: RegExp): string[] {
  const { errors } = validateManifest(xml);
  expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
  return errors;
}

describe('the real manifest.xml', () => {
  test('passes with no error or warning, one base and the two ribbon functions', () => {
    expect(validateManifest(MANIFEST)).toEqual({
      errors: [],
      warnings: [],
      kind: 'shared',
      base: 'https://localhost:3000/',
      functions: ['validateWorkbook', 'clearMarks'],
    });
  });

  withSchemas("conforms to Microsoft's manifest schema (XSD)", async () => {
    expect(await validateAgainstSchemas(MANIFEST, SCHEMAS!)).toEqual([]);
  });

  withSchemas('an empty <AppDomains/> (as the manifest had) fails the schema and our own checks alike', async () => {
    const empty = broken('  <Hosts>\n    <Host Name="Workbook"/>', '  <AppDomains/>\n  <Hosts>\n    <Host Name="Workbook"/>');
    expect(await validateAgainstSchemas(empty, SCHEMAS!)).toEqual([
      expect.stringMatching(/^第 \d+ 行：不符合微软清单架构（XSD）：Element 'AppDomains': Missing child element\(s\)\. Expected is \( AppDomain \)\. \/ line \d+: does not conform/),
    ]);
    expect(validateManifest(empty).errors).toEqual([expect.stringMatching(/<AppDomains> 缺少必需的子元素 <AppDomain>/)]);
    // With an AppDomain in it, both accept it.
    const one = empty.replace('<AppDomains/>', '<AppDomains><AppDomain>https://budget.czj.example</AppDomain></AppDomains>');
    expect(await validateAgainstSchemas(one, SCHEMAS!)).toEqual([]);
    expect(validateManifest(one).errors).toEqual([]);
  });

  withSchemas('the schema catches what our checks are not about, and says on which line', async () => {
    const r = await validateAgainstSchemas(broken('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>EverythingPlease</Permissions>'), SCHEMAS!);
    expect(r).toEqual([expect.stringMatching(/^第 \d+ 行：不符合微软清单架构（XSD）：Element 'Permissions': .*EverythingPlease/)]);
  });

  test('keeps what the add-in depends on', () => {
    const all = elements(parseXml(MANIFEST));
    const byLocal = (local: string): XmlElement[] => all.filter((e) => e.local === local);
    expect(byLocal('DefaultLocale')[0].text).toBe('zh-CN');
    expect(byLocal('CustomTab').map((t) => value(t, 'id'))).toEqual(['BudgetCheck.Tab']);
    expect(byLocal('TaskpaneId').map((t) => t.text)).toEqual(['BudgetCheck.Taskpane']);
    // The functions metadata: Chinese by default, the English file for en-US Office.
    const metadata = byLocal('Url').find((u) => value(u, 'id') === 'Functions.Metadata.Url')!;
    expect(metadata.ns).toBe(BT_NS);
    expect(value(metadata, 'DefaultValue')).toBe('https://localhost:3000/functions.zh-CN.json');
    expect(metadata.children.map((o) => [value(o, 'Locale'), value(o, 'Value')])).toEqual([['en-US', 'https://localhost:3000/functions.json']]);
    // Every string is Chinese by default with an en-US override; the tab reads 预算校核 / Budget Check.
    for (const s of byLocal('String')) expect(s.children.map((o) => value(o, 'Locale'))).toEqual(['en-US']);
    const tab = byLocal('String').find((s) => value(s, 'id') === 'Tab.Label')!;
    expect([value(tab, 'DefaultValue'), value(tab.children[0], 'Value')]).toEqual(['预算校核', 'Budget Check']);
  });

  test('the icons it names exist and are PNGs of their size', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(join(__dirname, '..', '..', 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const m of MANIFEST.matchAll(/https:\/\/localhost:3000\/assets\/(icon-\d+\.png)/g)) {
      expect(() => readFileSync(join(__dirname, '..', '..', 'assets', m[1]))).not.toThrow();
    }
  });
});

describe('each check fails on a broken copy', () => {
  test('a resid that names no resource', () => {
    const xml = broken('<Label resid="Tab.Label"/>', '<Label resid="Tab.Lable"/>');
    expectError(xml, /第 \d+ 行：<Label> 的 resid“Tab\.Lable”在 <Resources> 中找不到 \/ line \d+: the resid "Tab\.Lable" of <Label> is not defined/);
    expect(validateManifest(xml).warnings).toEqual([expect.stringMatching(/资源“Tab\.Label”未被任何 resid 使用/)]);
  });

  test('a resid that names the wrong kind of resource', () => {
    expectError(broken('<Description resid="Validate.Tooltip"/>', '<Description resid="Validate.Label"/>'),
      /resid“Validate\.Label”应指向 bt:LongStrings，却是 bt:ShortStrings 中的资源/);
  });

  test('an http URL', () => {
    const errors = expectError(broken('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      /URL 须使用 https：http:\/\/localhost:3000\/functions\.js \/ line \d+: URLs must use https/);
    expect(errors).toHaveLength(1); // not reported again as outside the base
    expectError(broken('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'), /须使用 https/);
  });

  test('elements out of schema order', () => {
    expectError(moved('<Description DefaultValue=', '<DisplayName DefaultValue=', '</Description>'),
      /元素顺序错误：<DisplayName> 应在 <Description> 之前（<OfficeApp> 的架构顺序：<Id> → <AlternateId> → <Version>/);
    expectError(moved('<Permissions>', '<DefaultSettings>'), /元素顺序错误：<DefaultSettings> 应在 <Permissions> 之前/);
    expectError(moved('<FunctionFile resid=', '<GetStarted>'), /元素顺序错误：<GetStarted> 应在 <FunctionFile> 之前/);
    expectError(moved('<Label resid="Tab.Label"/>', '<Group id="BudgetCheck.Group">'), /元素顺序错误：<Group> 应在 <Label> 之前/);
    expectError(moved('<Title resid="Validate.Label"/>', '<Label resid="Validate.Label"/>'), /<Control> 中不允许出现 <Title>/);
  });

  test('a required element missing, or one the schema does not know', () => {
    expectError(broken('  <DefaultLocale>zh-CN</DefaultLocale>\n', ''),
      /<OfficeApp> 缺少必需的子元素 <DefaultLocale> \/ line \d+: <OfficeApp> lacks the required element <DefaultLocale>/);
    expectError(broken('<Permissions>', '<Colour>blue</Colour>\n  <Permissions>'), /<OfficeApp> 中不允许出现 <Colour>/);
    expectError(broken('<Namespace resid="Functions.Namespace"/>', ''), /<ExtensionPoint> 缺少必需的子元素 <Namespace>/);
  });

  test('SharedRuntime missing from the requirements, or too old', () => {
    expectError(broken('      <Set Name="SharedRuntime" MinVersion="1.1"/>\n', '      <Set Name="ExcelApi" MinVersion="1.1"/>\n'),
      /<Requirements> 中缺少 <Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expectError(broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.0"/>'), /SharedRuntime 的 MinVersion 至少应为 1\.1，实为 1\.0/);
  });

  test('an Id that is not a GUID', () => {
    expectError(broken('<Id>6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60</Id>', '<Id>budget-table-assistant</Id>'), /<Id> 应为 GUID.*实为“budget-table-assistant”/);
    expectError(broken('<Id>6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60</Id>', '<Id>6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f6</Id>'), /<Id> 应为 GUID/);
    expectError(broken('<Id>6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60</Id>', '<Id>{6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60}</Id>'), /<Id> 应为 GUID/);
  });

  test('a Version that is not n.n.n.n', () => {
    expectError(broken('<Version>0.1.0.0</Version>', '<Version>0.1.0</Version>'), /<Version> 应为 n\.n\.n\.n/);
    expectError(broken('<Version>0.1.0.0</Version>', '<Version>v0.1.0.0</Version>'), /<Version> 应为 n\.n\.n\.n/);
  });

  test('a ShortString longer than 125 characters, a LongString longer than 250', () => {
    expect(validateManifest(broken('Value="Budget Check"', `Value="${'B'.repeat(125)}"`)).errors).toEqual([]);
    expectError(broken('Value="Budget Check"', `Value="${'B'.repeat(126)}"`), /bt:ShortStrings 中“Tab\.Label”的 en-US 覆盖值 有 126 个字符，超过上限 125/);
    expectError(broken('DefaultValue="预算校核"', `DefaultValue="${'预'.repeat(126)}"`), /“Tab\.Label”的 DefaultValue 有 126 个字符/);
    expectError(broken('DefaultValue="清除上次校验在单元格上做的标记，恢复单元格原来的填充色。"', `DefaultValue="${'清'.repeat(251)}"`),
      /bt:LongStrings 中“ClearMarks\.Tooltip”的 DefaultValue 有 251 个字符，超过上限 250/);
  });

  test('a resource id longer than 32 characters', () => {
    const long = 'GetStarted.LearnMoreUrl.ForTheBudgetDepartment';
    const xml = broken('<LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>', `<LearnMoreUrl resid="${long}"/>`,
      broken('<bt:Url id="GetStarted.LearnMoreUrl"', `<bt:Url id="${long}"`));
    expectError(xml, /资源 id“GetStarted\.LearnMoreUrl\.ForTheBudgetDepartment”超过 32 个字符（46 个）/);
    expectError(xml, /resid“GetStarted\.LearnMoreUrl\.ForTheBudgetDepartment”超过 32 个字符/);
  });

  test('URLs under more than one base', () => {
    const other = broken('"https://localhost:3000/functions.js"', '"https://cdn.example.com/functions.js"');
    expectError(other, /URL https:\/\/cdn\.example\.com\/functions\.js 不在基址 https:\/\/localhost:3000\/ 之下/);
    expect(validateManifest(other).base).toBeUndefined();
    // Same origin, another path prefix: under a production base such as https://intranet/budget/ this is mixed too.
    const intranet = MANIFEST.split('https://localhost:3000/').join('https://intranet.example/budget/');
    expect(validateManifest(intranet)).toMatchObject({ errors: [], base: 'https://intranet.example/budget/' });
    expectError(broken('https://intranet.example/budget/assets/icon-80.png', 'https://intranet.example/budget2/assets/icon-80.png', intranet),
      /URL https:\/\/intranet\.example\/budget2\/assets\/icon-80\.png 不在基址 https:\/\/intranet\.example\/budget\/ 之下/);
  });

  test('a root that is not a TaskPaneApp OfficeApp', () => {
    expectError(broken('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), /<OfficeApp> 的 xsi:type 应为 TaskPaneApp（实为 ContentApp）/);
    expectError('<?xml version="1.0"?>\n<Manifest xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"/>', /根元素应为命名空间 .* 中的 <OfficeApp>，实为 <Manifest>/);
    expectError(broken('xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"', 'xmlns="http://schemas.microsoft.com/office/appforoffice/1.0"'), /根元素应为命名空间/);
  });

  test('the runtime lifetime is not long', () => {
    expectError(broken('lifetime="long"', 'lifetime="short"'), /<Runtime> 的 lifetime 应为 long（实为 short）/);
    expectError(broken(' lifetime="long"', ''), /<Runtime> 的 lifetime 应为 long（实为 未设置）/);
  });

  test('one page for the shared runtime', () => {
    const xml = broken('<FunctionFile resid="Shared.Url"/>', '<FunctionFile resid="Commands.Url"/>',
      broken('<bt:Url id="Shared.Url"', '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n        <bt:Url id="Shared.Url"'));
    expectError(xml, /共享运行时：<FunctionFile> 的 resid 应为 <Runtime> 的“Shared\.Url”，实为“Commands\.Url”/);
  });

  test('the functions namespace is not BUDGET', () => {
    expectError(broken('DefaultValue="BUDGET"', 'DefaultValue="YSJH"'), /自定义函数命名空间应为 BUDGET，实为“YSJH”/);
    expectError(broken('Value="BUDGET"/>', 'Value="BUDGETEN"/>'), /自定义函数命名空间应为 BUDGET（en-US），实为“BUDGETEN”/);
  });

  test('permissions other than ReadWriteDocument', () => {
    expectError(broken('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), /<Permissions> 应为 ReadWriteDocument/);
  });

  test('an Override without a Locale', () => {
    expectError(broken('<Override Locale="en-US" Value="Budget Table Assistant"/>', '<Override Value="Budget Table Assistant"/>'), /<Override> 缺少 Locale 属性/);
    expectError(broken('<bt:Override Locale="en-US" Value="Check"/>', '<bt:Override Value="Check"/>'), /<bt:Override> 缺少 Locale 属性/);
  });

  test('a string without the override every other string has: a warning', () => {
    const r = validateManifest(broken('\n          <bt:Override Locale="en-US" Value="Check"/>', ''));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.stringMatching(/字符串“Group\.Label”没有 en-US 的覆盖值/)]);
  });

  test('an ExecuteFunction without a FunctionFile, an empty FunctionName', () => {
    expectError(broken('          <FunctionFile resid="Shared.Url"/>\n', ''), /ExecuteFunction 按钮需要同一外形规格中的 <FunctionFile>/);
    expectError(broken('<FunctionName>clearMarks</FunctionName>', '<FunctionName> </FunctionName>'), /<FunctionName> 为空/);
    expect(validateManifest(broken('<FunctionName>clearMarks</FunctionName>', '<FunctionName>validateWorkbook</FunctionName>')).functions)
      .toEqual(['validateWorkbook', 'validateWorkbook']);
  });

  test('icons without the three required sizes, duplicate control ids', () => {
    // The group's icon (the first <Icon>) without its 80-pixel image.
    const groupIcon = MANIFEST.indexOf('<bt:Image size="80" resid="Icon.80x80"/>');
    const xml = MANIFEST.slice(0, groupIcon) + MANIFEST.slice(MANIFEST.indexOf('\n', groupIcon) + 1);
    expect(validateManifest(xml).errors).toEqual([expect.stringMatching(/<Icon> 缺少尺寸 80 的图像（16、32、80 必需）/)]);
    expectError(broken('id="BudgetCheck.ClearMarks"', 'id="BudgetCheck.Validate"'), /<Control> 的 id“BudgetCheck\.Validate”重复/);
  });

  test('an element in the wrong namespace', () => {
    expectError(broken('<bt:Image id="Icon.80x80"', '<Image id="Icon.80x80"'), /<Image> 应在命名空间 http:\/\/schemas\.microsoft\.com\/office\/officeappbasictypes\/1\.0 中/);
    // A mistyped default namespace on VersionOverrides: one message, not one per element under it.
    const errors = validateManifest(broken('<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"',
      '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverride"')).errors;
    expect(errors.filter((e) => e.includes('应在命名空间'))).toEqual([expect.stringMatching(/^第 \d+ 行：<VersionOverrides> 应在命名空间/)]);
  });

  test('XML that is not well-formed', () => {
    // </Supertip> dropped: the next end tag, </Control>, closes the wrong element.
    expectError(broken('<Description resid="ClearMarks.Tooltip"/>\n                  </Supertip>', '<Description resid="ClearMarks.Tooltip"/>'),
      /^第 \d+ 行第 \d+ 列：XML 格式错误：结束标签 <\/Control> 与第 \d+ 行的开始标签 <Supertip> 不匹配 \/ line \d+, column \d+: XML is not well-formed/);
    expectError(MANIFEST + '<OfficeApp/>\n', /根元素之后不能再有内容/);
    expectError(broken('预算表校核助手已就绪', '预算表&校核助手已就绪'), /单独的“&”须写作“&amp;”/);
    expectError(broken('预算表校核助手已就绪', '预算表&nbsp;校核助手已就绪'), /未定义的实体 &nbsp;/);
    expectError(broken('<OfficeApp', '<!DOCTYPE OfficeApp>\n<OfficeApp'), /不允许 DOCTYPE/);
    expectError(MANIFEST.replace('</OfficeApp>', ''), /元素 <OfficeApp> 没有结束标签/);
    expect(validateManifest('').errors).toEqual([expect.stringMatching(/此处应为根元素/)]);
  });

  test('every message is Chinese first, then English', () => {
    const cases = [
      broken('<Label resid="Tab.Label"/>', '<Label resid="Tab.Lable"/>'),
      broken('"https://localhost:3000/functions.js"', '"http://cdn.example.com/functions.js"'),
      moved('<Description DefaultValue=', '<DisplayName DefaultValue=', '</Description>'),
      broken('<Id>6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60</Id>', '<Id>x</Id>'),
      broken('lifetime="long"', 'lifetime="short"'),
      '<a><b></a>',
    ];
    for (const xml of cases) {
      const { errors, warnings } = validateManifest(xml);
      for (const m of [...errors, ...warnings]) {
        const [zh, ...en] = m.split(' / ');
        expect(zh).toMatch(/\p{Script=Han}/u);
        expect(en.join(' / ')).toMatch(/\b(line|the|must|is|not|has)\b/);
      }
    }
  });
});

describe('the XML reader', () => {
  test('elements, attributes, namespaces, entities and lines', () => {
    const root = parseXml([
      '<?xml version="1.0"?>',
      '<!-- note -->',
      '<r xmlns="urn:a" xmlns:p="urn:p" p:x="1 &amp; 2&#x41;">',
      '  <p:c y=\'&lt;b&gt;\'>t&quot;<![CDATA[<raw>]]></p:c>',
      '  <d/>',
      '</r>',
      '',
    ].join('\n'));
    expect([root.local, root.ns, root.line]).toEqual(['r', 'urn:a', 3]);
    expect(root.attributes.find((a) => a.local === 'x')).toMatchObject({ prefix: 'p', ns: 'urn:p', value: '1 & 2A' });
    const [c, d] = root.children;
    expect([c.name, c.local, c.ns, c.line, c.text, c.attributes[0].value]).toEqual(['p:c', 'c', 'urn:p', 4, 't"<raw>', '<b>']);
    expect([d.local, d.ns, d.parent]).toEqual(['d', 'urn:a', root]);
  });

  test('faults carry their line and column', () => {
    const fault = (xml: string): XmlSyntaxError => {
      try {
        parseXml(xml);
      } catch (e) {
        if (e instanceof XmlSyntaxError) return e;
        throw e;
      }
      throw new Error('no fault');
    };
    expect(fault('<a>\n  <b>\n</a>')).toMatchObject({ line: 3, column: 1 });
    expect(fault('<a x="1" x="2"/>')).toMatchObject({ line: 1, en: 'attribute x is repeated' });
    expect(fault('<a x="<"/>').en).toMatch(/may not contain "<"/);
    expect(fault('<a x=1/>').en).toMatch(/must be quoted/);
    expect(fault('<p:a/>').en).toBe('namespace prefix p is not declared');
    expect(fault('<a/><b/>').en).toBe('nothing may follow the root element');
    expect(fault('<a><!-- x -- y --></a>').en).toMatch(/"--"/);
    expect(fault('<a>&#0;</a>').en).toMatch(/not a legal XML character/);
    expect(fault('<a>\u0001</a>').en).toBe('illegal character U+0001');
    expect(fault('<a></A>').en).toMatch(/does not match/);
  });
});

describe('npm run validate', () => {
  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(argv, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }
  const schemaLine = (): string => (SCHEMAS
    ? `  微软清单架构 / Microsoft's schemas: 符合 / conforms（${SCHEMAS}）\n`
    : "  微软清单架构 / Microsoft's schemas: 未找到，跳过（可用 --schemas 指定目录） / not found, skipped (give --schemas DIR)\n");

  test('no path: both source manifests, each with its kind, the schemas, the base and the functions; exit 0', async () => {
    expect(await run()).toEqual({
      code: 0,
      out: 'manifest.xml：通过（0 个错误，0 个警告） / passed (0 errors, 0 warnings)\n'
        + '  类型 / kind: 共享运行时（自定义函数、功能区、任务窗格） / shared runtime (custom functions, ribbon, task pane)\n'
        + schemaLine()
        + '  URL 基址 / URL base: https://localhost:3000/\n'
        + '  ExecuteFunction 函数 / functions: validateWorkbook, clearMarks\n'
        + 'manifest-excel2016-2019.xml：通过（0 个错误，0 个警告） / passed (0 errors, 0 warnings)\n'
        + '  类型 / kind: 无共享运行时（功能区、任务窗格；Excel 2016/2019） / without shared runtime (ribbon, task pane; Excel 2016/2019)\n'
        + schemaLine()
        + '  URL 基址 / URL base: https://localhost:3000/\n'
        + '  ExecuteFunction 函数 / functions: validateWorkbook, clearMarks\n',
      err: '',
    });
  });

  test('a path: that manifest only (a built one, say)', async () => {
    const r = await run(MANIFEST_PATH);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^manifest\.xml：通过/);
    expect(r.out).not.toContain('manifest-excel2016-2019.xml');
  });

  test('a broken manifest: exit 1 and the errors listed, the schema\'s among them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const path = join(dir, 'broken.xml');
    writeFileSync(path, broken('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"',
      broken('  <Hosts>\n    <Host Name="Workbook"/>', '  <AppDomains/>\n  <Hosts>\n    <Host Name="Workbook"/>')));
    const r = await run(path, MANIFEST_PATH);
    expect(r.code).toBe(1);
    const errors = SCHEMAS ? 3 : 2;
    expect(r.out).toMatch(new RegExp(`^broken\\.xml：未通过（${errors} 个错误，0 个警告） / failed \\(${errors} errors, 0 warnings\\)\\n`));
    expect(r.out).toMatch(/\n {2}✗ 第 \d+ 行：URL 须使用 https/);
    if (SCHEMAS) expect(r.out).toMatch(/\n {2}✗ 第 \d+ 行：不符合微软清单架构（XSD）：Element 'AppDomains'/);
    // The next one is still checked and reported.
    expect(r.out).toContain('\nmanifest.xml：通过');
  });

  test('no readable file, bad arguments, a schema folder without schemas: exit 2', async () => {
    expect(await run(join(tmpdir(), 'no-such-manifest.xml'))).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^无法读取 .* \/ cannot read /) });
    expect((await run('--bogus')).code).toBe(2);
    expect((await run('--schemas')).code).toBe(2);
    expect(await run('--schemas', tmpdir(), MANIFEST_PATH)).toMatchObject({ code: 2, err: expect.stringContaining('OfficeAppManifestV1_1.xsd') });
    expect(await run('--help')).toMatchObject({ code: 0, out: expect.stringContaining('usage: validate-manifest') });
  });
});

describe('manifest-excel2016-2019.xml: the add-in for Excel without the shared runtime', () => {
  test('passes our own checks as a manifest without shared runtime', () => {
    expect(validateManifest(CLASSIC)).toEqual({ errors: [], warnings: [], kind: 'classic', base: 'https://localhost:3000/', functions: ['validateWorkbook', 'clearMarks'] });
  });

  withSchemas("conforms to Microsoft's manifest schema (XSD)", async () => {
    expect(await validateAgainstSchemas(CLASSIC, SCHEMAS!)).toEqual([]);
  });

  test('nothing Excel 2016 / 2019 lack: no SharedRuntime, no custom functions, no runtime; ExcelApi 1.4 is what it needs', () => {
    const all = elements(parseXml(CLASSIC));
    expect(all.filter((e) => ['Runtimes', 'Runtime', 'AllFormFactors'].includes(e.local))).toEqual([]);
    expect(CLASSIC.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/CustomFunctions|SharedRuntime|Functions\.|BUDGET/);
    const sets = all.filter((e) => e.local === 'Set').map((e) => [value(e, 'Name'), value(e, 'MinVersion')]);
    expect(sets).toEqual([['ExcelApi', '1.4']]);
    // The ribbon's functions run on commands.html (the pane's bundle without the pane), the pane is taskpane.html.
    const urls = Object.fromEntries(all.filter((e) => e.local === 'Url').map((u) => [value(u, 'id'), value(u, 'DefaultValue')]));
    expect(urls).toEqual({
      'Commands.Url': 'https://localhost:3000/commands.html',
      'Taskpane.Url': 'https://localhost:3000/taskpane.html',
      'GetStarted.LearnMoreUrl': 'https://localhost:3000/help.html',
    });
    expect(value(all.find((e) => e.local === 'FunctionFile')!, 'resid')).toBe('Commands.Url');
  });

  test('a shared runtime or custom functions required there, or no ExcelApi 1.4, is an error', () => {
    const classic = (from: string, to: string): string => broken(from, to, CLASSIC);
    for (const set of ['SharedRuntime', 'CustomFunctionsRuntime']) {
      const errors = validateManifest(classic('<Set Name="ExcelApi" MinVersion="1.4"/>', `<Set Name="ExcelApi" MinVersion="1.4"/>\n      <Set Name="${set}" MinVersion="1.1"/>`)).errors;
      // SharedRuntime makes it a shared-runtime manifest, which then lacks the runtime and the functions.
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(set === 'SharedRuntime' ? /缺少 <Runtimes>/ : /无共享运行时的清单不能要求 CustomFunctionsRuntime/)]));
    }
    expect(validateManifest(classic('<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>')).errors)
      .toEqual([expect.stringMatching(/ExcelApi 的 MinVersion 至少应为 1\.4（getUsedRangeOrNullObject），实为 1\.1/)]);
    expect(validateManifest(classic('<Set Name="ExcelApi" MinVersion="1.4"/>', '<Set Name="DialogApi" MinVersion="1.1"/>')).errors)
      .toEqual([expect.stringMatching(/<Requirements> 中缺少 <Set Name="ExcelApi" MinVersion="1\.4"\/>/)]);
    // Without a FunctionFile the ribbon's ExecuteFunction buttons have nowhere to run.
    expect(validateManifest(classic('          <FunctionFile resid="Commands.Url"/>\n', '')).errors)
      .toEqual(expect.arrayContaining([expect.stringMatching(/ExecuteFunction 按钮需要同一外形规格中的 <FunctionFile>/)]));
  });

  test('the same add-in as manifest.xml: Id, version, names, icons, pane, ribbon and strings agree', () => {
    const described = (xml: string) => {
      const all = elements(parseXml(xml));
      const root = all[0];
      const top = (local: string) => root.children.find((c) => c.local === local);
      const strings = Object.fromEntries(all.filter((e) => e.local === 'String' || e.local === 'Image').map((e) => [value(e, 'id'), [value(e, 'DefaultValue'), ...e.children.map((o) => value(o, 'Value'))]]));
      return {
        id: top('Id')?.text, version: top('Version')?.text, provider: top('ProviderName')?.text, locale: top('DefaultLocale')?.text,
        names: ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => [value(top(n)!, 'DefaultValue'), ...top(n)!.children.map((o) => value(o, 'Value'))]),
        pane: value(top('DefaultSettings')!.children[0], 'DefaultValue'),
        permissions: top('Permissions')?.text,
        controls: all.filter((e) => ['CustomTab', 'Group', 'Control'].includes(e.local)).map((e) => value(e, 'id')),
        actions: all.filter((e) => e.local === 'FunctionName' || e.local === 'TaskpaneId').map((e) => e.text),
        ribbonStrings: ['Tab.Label', 'Group.Label', 'Validate.Label', 'ClearMarks.Label', 'Taskpane.Label', 'Validate.Tooltip', 'ClearMarks.Tooltip', 'Taskpane.Tooltip', 'GetStarted.Title', 'Icon.16x16', 'Icon.32x32', 'Icon.80x80'].map((id) => strings[id]),
      };
    };
    expect(described(CLASSIC)).toEqual(described(MANIFEST));
  });
});
