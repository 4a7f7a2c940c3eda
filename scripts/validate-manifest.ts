// Offline check of the add-in-only XML manifests, for networks where Microsoft's online validator cannot be
// reached:
//   npm run validate                               both source manifests (manifest.xml, manifest-excel2016-2019.xml)
//   npm run validate -- dist/addin/manifest.xml    any manifest, e.g. the built ones (several paths allowed)
//   npm run validate -- --schemas DIR …            Microsoft's XSD files from DIR
// Exit status 0: no error (warnings allowed); 1: at least one error; 2: no readable file, bad arguments.
//
// Two layers. (1) Microsoft's manifest schemas (XSD), run by libxml2 compiled to WebAssembly (xmllint-wasm,
// offline), from ../shared/reference/office-manifest-xsd (or --schemas DIR, or OFFICE_MANIFEST_XSD); where no
// schemas are found this layer is skipped and the output says so. (2) Its own checks, with messages in Chinese
// then English that name the line: what the schema and the Office documentation require of this add-in's kind
// of manifest (TaskPaneApp, VersionOverrides 1.0 for Workbook): well-formed XML, namespaces, the element order
// of the schema sequences, required elements, resource references and their lengths, https URLs under one base;
// and what this project requires of each of its two kinds of manifest:
//   - shared runtime (manifest.xml; Excel with SharedRuntime 1.1): SharedRuntime 1.1 required, lifetime long, one
//     page for functions, ribbon and task pane, the BUDGET namespace;
//   - without shared runtime (manifest-excel2016-2019.xml; Excel 2016 / 2019): no SharedRuntime or custom
//     functions anywhere, ExcelApi 1.4 required (validation reads used ranges with getUsedRangeOrNullObject);
// and ReadWriteDocument for both.
//
// The XML reader is a small strict one of its own (no DTD, five predefined entities, namespaces resolved):
// a manifest is small, and its well-formedness is itself one of the checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

// ---------------------------------------------------------------------------------------------------------
// XML

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XmlAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Resolved namespace URI: '' for an unprefixed attribute, XMLNS_NS for a namespace declaration. */
  readonly ns: string;
  readonly value: string;
}

export interface XmlElement {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Resolved namespace URI ('' when the element is in no namespace). */
  readonly ns: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** The character data directly inside the element (entities decoded, CDATA included, not trimmed). */
  text: string;
  readonly line: number;
  readonly parent: XmlElement | undefined;
}

export class XmlSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, readonly zh: string, readonly en: string) {
    super(`line ${line}, column ${column}: ${en}`);
    this.name = 'XmlSyntaxError';
  }
}

const NAME = /[A-Za-z_:\u00C0-\uFFFD][-A-Za-z0-9_:.\u00B7\u00C0-\uFFFD]*/y;
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][-A-Za-z0-9_.]*));/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ILLEGAL_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function legalCodePoint(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

class XmlReader {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  document(): XmlElement {
    const bad = ILLEGAL_CHAR.exec(this.src);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      this.fail(bad.index, `非法字符 U+${code}`, `illegal character U+${code}`);
    }
    if (this.src.startsWith('\uFEFF')) this.pos = 1;
    if (/^<\?xml[ \t\r\n]/.test(this.src.slice(this.pos, this.pos + 6))) this.instruction(true);
    this.misc();
    if (this.pos >= this.src.length || this.src[this.pos] !== '<') this.fail(this.pos, '此处应为根元素', 'the root element was expected here');
    const root = this.element(undefined, new Map([['xml', XML_NS]]));
    this.misc();
    if (this.pos < this.src.length) this.fail(this.pos, '根元素之后不能再有内容', 'nothing may follow the root element');
    return root;
  }

  private line(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private fail(pos: number, zh: string, en: string): never {
    const line = this.line(pos);
    throw new XmlSyntaxError(line, pos - this.lineStarts[line - 1] + 1, zh, en);
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private space(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && ' \t\r\n'.includes(this.src[this.pos])) this.pos++;
    return this.pos > start;
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail(this.pos, '此处应为名称', 'a name was expected here');
    this.pos += m[0].length;
    return m[0];
  }

  /** White space, comments and processing instructions before or after the root element. */
  private misc(): void {
    for (;;) {
      this.space();
      if (this.at('<!--')) this.comment();
      else if (this.at('<?')) this.instruction(false);
      else if (this.at('<!DOCTYPE')) this.fail(this.pos, '清单中不允许 DOCTYPE（不支持 DTD 与自定义实体）', 'a DOCTYPE is not allowed in a manifest (no DTD, no custom entities)');
      else return;
    }
  }

  private comment(): void {
    const start = this.pos;
    const end = this.src.indexOf('-->', start + 4);
    if (end < 0) this.fail(start, '注释没有结束（缺少“-->”）', 'unterminated comment (no "-->")');
    const body = this.src.slice(start + 4, end);
    if (body.includes('--') || body.endsWith('-')) this.fail(start, '注释中不能出现“--”', 'a comment may not contain "--"');
    this.pos = end + 3;
  }

  private instruction(declaration: boolean): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name();
    if (!declaration && target.toLowerCase() === 'xml') this.fail(start, 'XML 声明只能出现在文件开头', 'the XML declaration may only appear at the very start');
    const end = this.src.indexOf('?>', this.pos);
    if (end < 0) this.fail(start, '处理指令没有结束（缺少“?>”）', 'unterminated processing instruction (no "?>")');
    this.pos = end + 2;
  }

  /** Decodes character and entity references; `literal` is applied to the text between them. */
  private decode(raw: string, offset: number, literal: (s: string) => string = (s) => s): string {
    let out = '';
    let from = 0;
    for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', from)) {
      out += literal(raw.slice(from, i));
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(raw);
      if (!m) this.fail(offset + i, '单独的“&”须写作“&amp;”', 'a bare "&" must be written "&amp;"');
      if (m[3] !== undefined) {
        const value = PREDEFINED[m[3]];
        if (value === undefined) this.fail(offset + i, `未定义的实体 &${m[3]};`, `undefined entity &${m[3]};`);
        out += value;
      } else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
        if (!legalCodePoint(code)) this.fail(offset + i, `字符引用 ${m[0]} 不是合法的 XML 字符`, `character reference ${m[0]} is not a legal XML character`);
        out += String.fromCodePoint(code);
      }
      from = i + m[0].length;
    }
    return out + literal(raw.slice(from));
  }

  private element(parent: XmlElement | undefined, scope: ReadonlyMap<string, string>): XmlElement {
    const start = this.pos;
    this.pos++;
    const name = this.name();
    const raw: { name: string; value: string; pos: number }[] = [];
    let empty = false;
    for (;;) {
      const spaced = this.space();
      if (this.at('/>')) { this.pos += 2; empty = true; break; }
      if (this.at('>')) { this.pos++; break; }
      if (this.pos >= this.src.length) this.fail(start, `<${name}> 的开始标签没有结束`, `the start tag of <${name}> is never closed`);
      if (!spaced) this.fail(this.pos, '属性前须有空白', 'white space is required before an attribute');
      const at = this.pos;
      const attrName = this.name();
      this.space();
      if (!this.at('=')) this.fail(this.pos, `属性 ${attrName} 缺少“=”`, `attribute ${attrName} has no "="`);
      this.pos++;
      this.space();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(this.pos, `属性 ${attrName} 的值须加引号`, `the value of attribute ${attrName} must be quoted`);
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail(at, `属性 ${attrName} 的值没有结束引号`, `the value of attribute ${attrName} has no closing quote`);
      const rawValue = this.src.slice(this.pos + 1, end);
      const lt = rawValue.indexOf('<');
      if (lt >= 0) this.fail(this.pos + 1 + lt, '属性值中不能有“<”，须写作“&lt;”', 'an attribute value may not contain "<" (write "&lt;")');
      if (raw.some((a) => a.name === attrName)) this.fail(at, `属性 ${attrName} 重复`, `attribute ${attrName} is repeated`);
      raw.push({ name: attrName, value: this.decode(rawValue, this.pos + 1, (s) => s.replace(/\r\n?|[\t\n]/g, ' ')), pos: at });
      this.pos = end + 1;
    }

    let own: Map<string, string> | undefined;
    for (const a of raw) {
      if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) continue;
      const prefix = a.name === 'xmlns' ? '' : a.name.slice(6);
      if (prefix !== '' && a.value === '') this.fail(a.pos, `命名空间前缀 ${prefix} 不能绑定为空`, `namespace prefix ${prefix} cannot be bound to ""`);
      own ??= new Map(scope);
      own.set(prefix, a.value);
    }
    const names: ReadonlyMap<string, string> = own ?? scope;
    const split = (qname: string, pos: number): [string, string] => {
      const parts = qname.split(':');
      if (parts.length > 2 || parts.some((p) => p === '')) this.fail(pos, `名称 ${qname} 不符合命名空间规范`, `name ${qname} is not namespace-well-formed`);
      return parts.length === 2 ? [parts[0], parts[1]] : ['', parts[0]];
    };
    const resolve = (prefix: string, pos: number): string => {
      const ns = names.get(prefix);
      if (ns === undefined) this.fail(pos, `命名空间前缀 ${prefix} 未声明`, `namespace prefix ${prefix} is not declared`);
      return ns;
    };
    const [prefix, local] = split(name, start);
    const ns = prefix === '' ? names.get('') ?? '' : resolve(prefix, start);
    const attributes: XmlAttribute[] = [];
    for (const a of raw) {
      const [p, l] = split(a.name, a.pos);
      const attrNs = a.name === 'xmlns' || p === 'xmlns' ? XMLNS_NS : p === '' ? '' : resolve(p, a.pos);
      if (attrNs !== '' && attributes.some((b) => b.ns === attrNs && b.local === l && attrNs !== XMLNS_NS)) {
        this.fail(a.pos, `属性 ${a.name} 与另一属性的命名空间和名称都相同`, `attribute ${a.name} repeats another attribute's namespace and name`);
      }
      attributes.push({ name: a.name, prefix: p, local: l, ns: attrNs, value: a.value });
    }

    const el: XmlElement = { name, prefix, local, ns, attributes, children: [], text: '', line: this.line(start), parent };
    if (!empty) this.content(el, start, names);
    return el;
  }

  private content(el: XmlElement, start: number, scope: ReadonlyMap<string, string>): void {
    for (;;) {
      if (this.pos >= this.src.length) this.fail(start, `元素 <${el.name}> 没有结束标签`, `element <${el.name}> is never closed`);
      if (this.at('</')) {
        const at = this.pos;
        this.pos += 2;
        const name = this.name();
        this.space();
        if (!this.at('>')) this.fail(this.pos, `结束标签 </${name}> 缺少“>”`, `end tag </${name}> has no ">"`);
        this.pos++;
        if (name !== el.name) {
          this.fail(at, `结束标签 </${name}> 与第 ${el.line} 行的开始标签 <${el.name}> 不匹配`,
            `end tag </${name}> does not match the start tag <${el.name}> on line ${el.line}`);
        }
        return;
      }
      if (this.at('<!--')) this.comment();
      else if (this.at('<![CDATA[')) {
        const end = this.src.indexOf(']]>', this.pos);
        if (end < 0) this.fail(this.pos, 'CDATA 段没有结束（缺少“]]>”）', 'unterminated CDATA section (no "]]>")');
        el.text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.at('<?')) this.instruction(false);
      else if (this.at('<!')) this.fail(this.pos, '此处不允许“<!”', '"<!" is not allowed here');
      else if (this.at('<')) el.children.push(this.element(el, scope));
      else {
        let end = this.src.indexOf('<', this.pos);
        if (end < 0) end = this.src.length;
        const raw = this.src.slice(this.pos, end);
        const cdataEnd = raw.indexOf(']]>');
        if (cdataEnd >= 0) this.fail(this.pos + cdataEnd, '文本中不能出现“]]>”', 'text may not contain "]]>"');
        el.text += this.decode(raw, this.pos);
        this.pos = end;
      }
    }
  }
}

/** Parses a whole XML document strictly; throws XmlSyntaxError with the line and column of the first fault. */
export function parseXml(xml: string): XmlElement {
  return new XmlReader(xml).document();
}

// ---------------------------------------------------------------------------------------------------------
// The manifest

export const APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
export const VO_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
export const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** What this project requires beyond the schema. */
export const EXPECTED = { namespace: 'BUDGET', permissions: 'ReadWriteDocument', sharedRuntime: '1.1', excelApi: '1.4' } as const;

/**
 * The two kinds of manifest the project ships: `shared` (one shared runtime for custom functions, ribbon and
 * task pane) and `classic` (ribbon and task pane in their own runtimes, no custom functions: for Excel without
 * SharedRuntime 1.1). A manifest declaring a runtime, custom functions or the SharedRuntime set is `shared`.
 */
export type ManifestKind = 'shared' | 'classic';

export const KIND_NAMES: Readonly<Record<ManifestKind, { zh: string; en: string }>> = {
  shared: { zh: '共享运行时（自定义函数、功能区、任务窗格）', en: 'shared runtime (custom functions, ribbon, task pane)' },
  classic: { zh: '无共享运行时（功能区、任务窗格；Excel 2016/2019）', en: 'without shared runtime (ribbon, task pane; Excel 2016/2019)' },
};

export interface ManifestReport {
  errors: string[];
  warnings: string[];
  /** Which of the project's two kinds the manifest is (absent when it is not even an OfficeApp). */
  kind?: ManifestKind;
  /** The base (origin and path prefix) all URLs share; absent when they do not share one. */
  base?: string;
  /** FunctionName of every ExecuteFunction action, in document order. */
  functions: string[];
}

interface Particle {
  readonly names: readonly string[];
  readonly min: number;
  readonly max: number;
}

const one = (name: string): Particle => ({ names: [name], min: 1, max: 1 });
const opt = (name: string): Particle => ({ names: [name], min: 0, max: 1 });
const many = (name: string, min = 1): Particle => ({ names: [name], min, max: Infinity });
const choice = (names: readonly string[], min: number, max: number): Particle => ({ names, min, max });

/** Elements with text or attributes only. */
const LEAF: readonly Particle[] = [];
const LOCALIZED: readonly Particle[] = [many('Override', 0)];

// The sequences of OfficeAppManifestV1_1.xsd (OfficeApp, extended by TaskPaneApp) for the base manifest.
const BASE_MODELS: Readonly<Record<string, readonly Particle[]>> = {
  OfficeApp: [
    one('Id'), opt('AlternateId'), one('Version'), one('ProviderName'), one('DefaultLocale'), one('DisplayName'),
    one('Description'), opt('IconUrl'), opt('HighResolutionIconUrl'), opt('SupportUrl'), opt('AppDomains'), opt('Hosts'),
    opt('Requirements'), one('DefaultSettings'), one('Permissions'), opt('Dictionary'), opt('VersionOverrides'),
  ],
  Id: LEAF, AlternateId: LEAF, Version: LEAF, ProviderName: LEAF, DefaultLocale: LEAF, Permissions: LEAF,
  DisplayName: LOCALIZED, Description: LOCALIZED, IconUrl: LOCALIZED, HighResolutionIconUrl: LOCALIZED, SupportUrl: LOCALIZED,
  AppDomains: [many('AppDomain')], AppDomain: LEAF,
  Hosts: [many('Host')], Host: LEAF,
  Requirements: [opt('Sets'), opt('Methods')], Sets: [many('Set')], Set: LEAF, Methods: [many('Method')], Method: LEAF,
  DefaultSettings: [one('SourceLocation')], SourceLocation: LOCALIZED,
  Override: LEAF,
};

// The sequences of TaskPaneAppVersionOverridesV1_0.xsd used by an Excel add-in with commands and functions.
const VO_MODELS: Readonly<Record<string, readonly Particle[]>> = {
  VersionOverrides: [opt('Description'), opt('Requirements'), one('Hosts'), opt('Resources'), opt('WebApplicationInfo'), opt('EquivalentAddins')],
  Description: LEAF,
  Requirements: BASE_MODELS.Requirements, Sets: BASE_MODELS.Sets, Set: LEAF, Methods: BASE_MODELS.Methods, Method: LEAF,
  Hosts: [many('Host')],
  Host: [opt('Runtimes'), opt('AllFormFactors'), opt('DesktopFormFactor')],
  Runtimes: [many('Runtime')],
  Runtime: [many('Override', 0)],
  AllFormFactors: [many('ExtensionPoint')],
  DesktopFormFactor: [opt('GetStarted'), opt('FunctionFile'), many('ExtensionPoint')],
  GetStarted: [one('Title'), one('Description'), one('LearnMoreUrl')],
  'ExtensionPoint[CustomFunctions]': [one('Script'), one('Page'), one('Metadata'), one('Namespace')],
  'ExtensionPoint[PrimaryCommandSurface]': [choice(['CustomTab', 'OfficeTab'], 1, Infinity)],
  Script: [one('SourceLocation')], Page: [one('SourceLocation')], Metadata: [one('SourceLocation')],
  CustomTab: [choice(['Group', 'OfficeGroup'], 1, Infinity), one('Label'), choice(['InsertAfter', 'InsertBefore'], 0, 1)],
  OfficeTab: [many('Group')],
  Group: [opt('OverriddenByRibbonApi'), one('Label'), one('Icon'), choice(['Control', 'OfficeControl'], 1, Infinity)],
  'Control[Button]': [opt('OverriddenByRibbonApi'), one('Label'), opt('ToolTip'), one('Supertip'), one('Icon'), one('Action'), opt('Enabled')],
  Supertip: [one('Title'), one('Description')],
  Icon: [many('Image')],
  'Action[ExecuteFunction]': [one('FunctionName')],
  'Action[ShowTaskpane]': [opt('TaskpaneId'), one('SourceLocation'), opt('Title')],
  Resources: [opt('Images'), opt('Urls'), opt('ShortStrings'), opt('LongStrings')],
  Images: [many('Image')], Urls: [many('Url')], ShortStrings: [many('String')], LongStrings: [many('String')],
  Image: LOCALIZED, Url: LOCALIZED, String: LOCALIZED, Override: LEAF,
  SourceLocation: LEAF, FunctionFile: LEAF, Namespace: LEAF, Title: LEAF, LearnMoreUrl: LEAF, Label: LEAF, ToolTip: LEAF,
  FunctionName: LEAF, TaskpaneId: LEAF, Enabled: LEAF, OverriddenByRibbonApi: LEAF, OfficeControl: LEAF, OfficeGroup: LEAF,
  InsertAfter: LEAF, InsertBefore: LEAF,
};

/** Elements whose content depends on their xsi:type. */
const TYPED = new Set(['ExtensionPoint', 'Control', 'Action']);
/** Elements of the basic-types namespace (bt:) inside VersionOverrides; their Override children are bt: too. */
const BT_ELEMENTS = new Set(['Images', 'Urls', 'ShortStrings', 'LongStrings', 'Image', 'Url', 'String']);

type Kind = 'image' | 'url' | 'short' | 'long';
const KIND_PLACE: Readonly<Record<Kind, string>> = { image: 'bt:Images', url: 'bt:Urls', short: 'bt:ShortStrings', long: 'bt:LongStrings' };
const MAX_LENGTH: Readonly<Record<Kind, number>> = { image: 2048, url: 2048, short: 125, long: 250 };
/** The resource kind a resid on each element must name. */
const RESID_KIND: Readonly<Record<string, Kind>> = {
  Image: 'image', SourceLocation: 'url', FunctionFile: 'url', LearnMoreUrl: 'url', Runtime: 'url', Override: 'url',
  Label: 'short', Title: 'short', Namespace: 'short', Description: 'long', ToolTip: 'long',
};
const MAX_ID = 32;
const ICON_SIZES = ['16', '32', '80'];
const ICON_SIZES_ALLOWED = new Set(['16', '20', '24', '32', '40', '48', '64', '80']);

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const VERSION = /^(0|[1-9][0-9]{0,4})(\.(0|[1-9][0-9]{0,4})){3}$/;
const CULTURE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const URL_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

interface Resource {
  readonly id: string;
  readonly kind: Kind;
  readonly el: XmlElement;
  /** DefaultValue first, then each Override's Value with its Locale. */
  readonly values: readonly { readonly value: string; readonly locale?: string; readonly el: XmlElement }[];
  used: boolean;
}

function attr(el: XmlElement | undefined, local: string): string | undefined {
  return el?.attributes.find((a) => a.ns === '' && a.local === local)?.value;
}

/** The local part of the xsi:type value ("bt:MobileIconList" → "MobileIconList"). */
function xsiType(el: XmlElement): string | undefined {
  const v = el.attributes.find((a) => a.ns === XSI_NS && a.local === 'type')?.value.trim();
  return v === undefined ? undefined : v.slice(v.indexOf(':') + 1);
}

function kids(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

function kid(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function within(el: XmlElement, local: string): boolean {
  for (let p: XmlElement | undefined = el; p; p = p.parent) if (p.local === local) return true;
  return false;
}

function chars(s: string): number {
  return [...s].length;
}

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function message(line: number | undefined, zh: string, en: string): string {
  return line === undefined ? `${zh} / ${en}` : `第 ${line} 行：${zh} / line ${line}: ${en}`;
}

const tag = (names: readonly string[]): string => names.map((n) => `<${n}>`).join('|');

/** Checks a manifest's text; never throws for a bad manifest, only reports. */
export function validateManifest(xml: string): ManifestReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const functions: string[] = [];
  const error = (el: XmlElement | undefined, zh: string, en: string): void => { errors.push(message(el?.line, zh, en)); };
  const warn = (el: XmlElement | undefined, zh: string, en: string): void => { warnings.push(message(el?.line, zh, en)); };

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    errors.push(`第 ${e.line} 行第 ${e.column} 列：XML 格式错误：${e.zh} / line ${e.line}, column ${e.column}: XML is not well-formed: ${e.en}`);
    return { errors, warnings, functions };
  }

  // Root -----------------------------------------------------------------------------------------------
  if (root.local !== 'OfficeApp' || root.ns !== APP_NS) {
    error(root, `根元素应为命名空间 ${APP_NS} 中的 <OfficeApp>，实为 <${root.name}>（${root.ns || '无命名空间'}）`,
      `the root element must be <OfficeApp> in namespace ${APP_NS}, not <${root.name}> (${root.ns || 'no namespace'})`);
    return { errors, warnings, functions };
  }
  if (xsiType(root) !== 'TaskPaneApp') {
    error(root, `<OfficeApp> 的 xsi:type 应为 TaskPaneApp（实为 ${xsiType(root) ?? '无'}）`, `<OfficeApp> must have xsi:type TaskPaneApp (it has ${xsiType(root) ?? 'none'})`);
  }
  const vo = kid(root, 'VersionOverrides');

  // Namespaces and the schema's sequences --------------------------------------------------------------
  const misplaced = new Set<XmlElement>();
  for (const el of walk(root)) {
    if (el === root) continue;
    const inVo = within(el, 'VersionOverrides');
    const bt = BT_ELEMENTS.has(el.local) || (el.local === 'Override' && BT_ELEMENTS.has(el.parent?.local ?? ''));
    const expected = !inVo ? APP_NS : bt ? BT_NS : VO_NS;
    if (el.ns === expected) continue;
    misplaced.add(el);
    // One message for a wrong default namespace, not one per element under it.
    if (el.parent && misplaced.has(el.parent) && el.parent.ns === el.ns) continue;
    error(el, `<${el.name}> 应在命名空间 ${expected} 中（实为 ${el.ns || '无命名空间'}）`, `<${el.name}> must be in namespace ${expected} (it is in ${el.ns || 'no namespace'})`);
  }
  if (vo && xsiType(vo) !== 'VersionOverridesV1_0') {
    error(vo, `TaskPaneApp 的 <VersionOverrides> 的 xsi:type 应为 VersionOverridesV1_0（实为 ${xsiType(vo) ?? '无'}）`,
      `<VersionOverrides> of a TaskPaneApp must have xsi:type VersionOverridesV1_0 (it has ${xsiType(vo) ?? 'none'})`);
  }

  for (const el of walk(root)) {
    let model: readonly Particle[] | undefined;
    if (!within(el, 'VersionOverrides')) model = BASE_MODELS[el.local];
    else if (el.local === 'Image' && el.parent?.local === 'Icon') model = LEAF;
    else if (TYPED.has(el.local)) {
      const type = xsiType(el);
      if (type === undefined) {
        error(el, `<${el.local}> 缺少 xsi:type`, `<${el.local}> has no xsi:type`);
        continue;
      }
      model = VO_MODELS[`${el.local}[${type}]`];
      if (!model) {
        warn(el, `<${el.local} xsi:type="${type}"> 的内容不在本校验的检查范围内`, `the content of <${el.local} xsi:type="${type}"> is not checked by this validator`);
        continue;
      }
    } else model = VO_MODELS[el.local];
    if (model) checkSequence(el, model, error);
  }

  // Base manifest values -------------------------------------------------------------------------------
  const id = kid(root, 'Id');
  if (id && !GUID.test(id.text.trim())) {
    error(id, `<Id> 应为 GUID（如 6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60），实为“${id.text.trim()}”`,
      `<Id> must be a GUID (such as 6f1d7c2a-5b8e-4d0a-9c3e-2a7b4e9d1f60), not "${id.text.trim()}"`);
  }
  const version = kid(root, 'Version');
  if (version && !VERSION.test(version.text.trim())) {
    error(version, `<Version> 应为 n.n.n.n（每段 0–99999），实为“${version.text.trim()}”`, `<Version> must be n.n.n.n (each part 0–99999), not "${version.text.trim()}"`);
  }
  const locale = kid(root, 'DefaultLocale');
  if (locale && !CULTURE.test(locale.text.trim())) {
    error(locale, `<DefaultLocale> 应为区域名称（如 zh-CN），实为“${locale.text.trim()}”`, `<DefaultLocale> must be a culture name (such as zh-CN), not "${locale.text.trim()}"`);
  }
  const permissions = kid(root, 'Permissions');
  if (permissions && permissions.text.trim() !== EXPECTED.permissions) {
    error(permissions, `<Permissions> 应为 ${EXPECTED.permissions}（校验要读写单元格），实为“${permissions.text.trim()}”`,
      `<Permissions> must be ${EXPECTED.permissions} (the check reads and marks cells), not "${permissions.text.trim()}"`);
  }
  const provider = kid(root, 'ProviderName');
  if (provider && chars(provider.text.trim()) > 125) error(provider, '<ProviderName> 超过 125 个字符', '<ProviderName> is longer than 125 characters');
  const settings = [['DisplayName', 125], ['Description', 250], ['IconUrl', 2048], ['HighResolutionIconUrl', 2048], ['SupportUrl', 2048]] as const;
  for (const [local, max] of settings) {
    const el = kid(root, local);
    if (!el) {
      if (local === 'IconUrl' || local === 'HighResolutionIconUrl') {
        warn(root, `缺少 <${local}>（架构上可选，但 Office 用它显示加载项图标）`, `<${local}> is missing (optional in the schema, but Office shows it as the add-in's icon)`);
      }
      continue;
    }
    checkLocalized(el, max, error);
  }
  const source = kid(kid(root, 'DefaultSettings'), 'SourceLocation');
  if (source) checkLocalized(source, 2048, error);
  const baseHosts = kid(root, 'Hosts');
  if (baseHosts && !kids(baseHosts, 'Host').some((h) => attr(h, 'Name') === 'Workbook')) {
    error(baseHosts, '<Hosts> 中应有 <Host Name="Workbook"/>', '<Hosts> must contain <Host Name="Workbook"/>');
  }

  // Every Override names its locale ----------------------------------------------------------------------
  for (const el of walk(root)) {
    if (el.local !== 'Override' || el.parent?.local === 'Runtime' || el.parent?.local === 'Token') continue;
    const loc = attr(el, 'Locale');
    if (loc === undefined || loc.trim() === '') error(el, `<${el.name}> 缺少 Locale 属性`, `<${el.name}> has no Locale attribute`);
    else if (!CULTURE.test(loc)) error(el, `<${el.name}> 的 Locale“${loc}”不是区域名称`, `the Locale "${loc}" of <${el.name}> is not a culture name`);
    if (attr(el, 'Value') === undefined) error(el, `<${el.name}> 缺少 Value 属性`, `<${el.name}> has no Value attribute`);
  }

  // The kind: shared runtime or not -------------------------------------------------------------------
  const sets = kid(kid(root, 'Requirements'), 'Sets');
  const requiredSet = (name: string): XmlElement | undefined => kids(sets, 'Set').find((x) => attr(x, 'Name') === name);
  const minVersion = (set: XmlElement): string => attr(set, 'MinVersion') ?? attr(sets, 'DefaultMinVersion') ?? '1.1';
  const voWorkbook = kids(kid(vo, 'Hosts'), 'Host').find((h) => xsiType(h) === 'Workbook');
  const runtimeEls = kids(kid(voWorkbook, 'Runtimes'), 'Runtime');
  const functionPoints = voWorkbook ? [...walk(voWorkbook)].filter((e) => e.local === 'ExtensionPoint' && xsiType(e) === 'CustomFunctions') : [];
  const kind: ManifestKind = runtimeEls.length > 0 || functionPoints.length > 0 || requiredSet('SharedRuntime') ? 'shared' : 'classic';

  // Requirements -----------------------------------------------------------------------------------------
  if (kind === 'shared') {
    const shared = requiredSet('SharedRuntime');
    if (!shared) {
      error(kid(root, 'Requirements') ?? root, `<Requirements> 中缺少 <Set Name="SharedRuntime" MinVersion="${EXPECTED.sharedRuntime}"/>（函数、功能区按钮与任务窗格共用一个运行时）`,
        `<Requirements> lacks <Set Name="SharedRuntime" MinVersion="${EXPECTED.sharedRuntime}"/> (functions, ribbon buttons and task pane share one runtime)`);
    } else if (compareVersions(minVersion(shared), EXPECTED.sharedRuntime) < 0) {
      error(shared, `SharedRuntime 的 MinVersion 至少应为 ${EXPECTED.sharedRuntime}，实为 ${minVersion(shared)}`,
        `the MinVersion of SharedRuntime must be at least ${EXPECTED.sharedRuntime}, not ${minVersion(shared)}`);
    }
  } else {
    // Nothing that Excel 2016 / 2019 lack may be required: the manifest would not install there at all.
    for (const name of ['SharedRuntime', 'CustomFunctionsRuntime']) {
      const set = requiredSet(name);
      if (set) {
        error(set, `无共享运行时的清单不能要求 ${name}：缺少它的 Excel（2016、2019）将根本无法安装此加载项`,
          `a manifest without the shared runtime must not require ${name}: Excel without it (2016, 2019) would not install the add-in at all`);
      }
    }
    const excel = requiredSet('ExcelApi');
    if (!excel) {
      error(kid(root, 'Requirements') ?? root, `<Requirements> 中缺少 <Set Name="ExcelApi" MinVersion="${EXPECTED.excelApi}"/>（校验用 getUsedRangeOrNullObject 读取已用区域）`,
        `<Requirements> lacks <Set Name="ExcelApi" MinVersion="${EXPECTED.excelApi}"/> (validation reads used ranges with getUsedRangeOrNullObject)`);
    } else if (compareVersions(minVersion(excel), EXPECTED.excelApi) < 0) {
      error(excel, `ExcelApi 的 MinVersion 至少应为 ${EXPECTED.excelApi}（getUsedRangeOrNullObject），实为 ${minVersion(excel)}`,
        `the MinVersion of ExcelApi must be at least ${EXPECTED.excelApi} (getUsedRangeOrNullObject), not ${minVersion(excel)}`);
    }
  }

  // Resources ------------------------------------------------------------------------------------------
  const resources = new Map<string, Resource>();
  const res = kid(vo, 'Resources');
  const groups = [['Images', 'Image', 'image'], ['Urls', 'Url', 'url'], ['ShortStrings', 'String', 'short'], ['LongStrings', 'String', 'long']] as const;
  for (const [group, item, kind] of groups) {
    for (const el of kids(kid(res, group), item)) {
      const rid = attr(el, 'id');
      if (rid === undefined || rid === '') {
        error(el, `<${el.name}> 缺少 id 属性`, `<${el.name}> has no id attribute`);
        continue;
      }
      if (chars(rid) > MAX_ID) error(el, `资源 id“${rid}”超过 ${MAX_ID} 个字符（${chars(rid)} 个）`, `resource id "${rid}" is longer than ${MAX_ID} characters (${chars(rid)})`);
      const first = resources.get(rid);
      if (first) error(el, `资源 id“${rid}”重复（第 ${first.el.line} 行已定义）`, `resource id "${rid}" is defined twice (first on line ${first.el.line})`);
      const def = attr(el, 'DefaultValue');
      if (def === undefined) error(el, `资源“${rid}”缺少 DefaultValue`, `resource "${rid}" has no DefaultValue`);
      const values: Resource['values'] = [
        ...(def === undefined ? [] : [{ value: def, el }]),
        ...kids(el, 'Override').map((o) => ({ value: attr(o, 'Value') ?? '', locale: attr(o, 'Locale'), el: o })),
      ];
      for (const v of values) {
        const n = chars(v.value);
        if (n > MAX_LENGTH[kind]) {
          const which = v.locale ? `${v.locale} 覆盖值` : 'DefaultValue';
          const whichEn = v.locale ? `the ${v.locale} override` : 'DefaultValue';
          error(v.el, `${KIND_PLACE[kind]} 中“${rid}”的 ${which} 有 ${n} 个字符，超过上限 ${MAX_LENGTH[kind]}`,
            `${whichEn} of "${rid}" in ${KIND_PLACE[kind]} has ${n} characters, more than the limit of ${MAX_LENGTH[kind]}`);
        }
        if ((kind === 'short' || kind === 'long') && v.value.trim() === '') error(v.el, `字符串“${rid}”为空`, `string "${rid}" is empty`);
      }
      if (!first) resources.set(rid, { id: rid, kind, el, values, used: false });
    }
  }
  // Every string in every locale the manifest localizes into.
  const strings = [...resources.values()].filter((r) => r.kind === 'short' || r.kind === 'long');
  const locales = new Map<string, string>(); // lower case → as first written
  for (const r of strings) for (const v of r.values) if (v.locale && !locales.has(v.locale.toLowerCase())) locales.set(v.locale.toLowerCase(), v.locale);
  for (const r of strings) {
    const has = new Set(r.values.flatMap((v) => (v.locale ? [v.locale.toLowerCase()] : [])));
    const missing = [...locales].filter(([lower]) => !has.has(lower)).map(([, written]) => written);
    if (missing.length > 0) warn(r.el, `字符串“${r.id}”没有 ${missing.join('、')} 的覆盖值`, `string "${r.id}" has no override for ${missing.join(', ')}`);
  }

  // Every resid resolves, to the right kind of resource ------------------------------------------------
  for (const el of walk(root)) {
    const rid = attr(el, 'resid');
    if (rid === undefined) continue;
    if (chars(rid) > MAX_ID) error(el, `resid“${rid}”超过 ${MAX_ID} 个字符`, `resid "${rid}" is longer than ${MAX_ID} characters`);
    const r = resources.get(rid);
    if (!r) {
      error(el, `<${el.name}> 的 resid“${rid}”在 <Resources> 中找不到`, `the resid "${rid}" of <${el.name}> is not defined in <Resources>`);
      continue;
    }
    r.used = true;
    const kind = RESID_KIND[el.local];
    if (kind && kind !== r.kind) {
      error(el, `<${el.name}> 的 resid“${rid}”应指向 ${KIND_PLACE[kind]}，却是 ${KIND_PLACE[r.kind]} 中的资源`,
        `the resid "${rid}" of <${el.name}> must name a resource in ${KIND_PLACE[kind]}, but it is in ${KIND_PLACE[r.kind]}`);
    }
  }
  for (const r of resources.values()) if (!r.used) warn(r.el, `资源“${r.id}”未被任何 resid 使用`, `resource "${r.id}" is not used by any resid`);

  // URLs: https, one base --------------------------------------------------------------------------------
  const urls: { url: URL; value: string; el: XmlElement; domain: boolean }[] = [];
  for (const el of walk(root)) {
    const candidates = [
      ...el.attributes.filter((a) => a.ns !== XMLNS_NS && a.ns !== XSI_NS).map((a) => a.value.trim()),
      ...(el.children.length === 0 ? [el.text.trim()] : []),
    ];
    for (const value of candidates) {
      if (!URL_LIKE.test(value)) continue;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        error(el, `“${value}”不是合法的 URL`, `"${value}" is not a valid URL`);
        continue;
      }
      if (url.protocol !== 'https:') error(el, `URL 须使用 https：${value}`, `URLs must use https: ${value}`);
      if (value.length > 2048) error(el, `URL 超过 2048 个字符：${value.slice(0, 60)}…`, `URL longer than 2048 characters: ${value.slice(0, 60)}…`);
      urls.push({ url, value, el, domain: el.local === 'AppDomain' });
    }
  }
  let base: string | undefined;
  // AppDomains name other sites by definition; a non-https URL is reported above already.
  const pages = urls.filter((u) => !u.domain && u.url.protocol === 'https:');
  if (pages.length > 0) {
    const anchorText = attr(source, 'DefaultValue')?.trim();
    const anchor = pages.find((u) => u.value === anchorText) ?? pages[0];
    const dir = (u: URL): string => u.origin + u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1);
    base = dir(anchor.url);
    const outside = pages.filter((u) => !u.url.href.startsWith(base!));
    for (const u of outside) {
      error(u.el, `URL ${u.url.href} 不在基址 ${base} 之下（基址取自 <DefaultSettings> 的 SourceLocation；`
        + '所有 URL 须共用一个基址，生产构建才能整体替换）',
      `URL ${u.url.href} is not under the base ${base} (taken from the SourceLocation of <DefaultSettings>; `
        + 'all URLs must share one base so that a production build can rewrite it)');
    }
    if (outside.length > 0) base = undefined;
  }

  // The VersionOverrides host: runtime, functions, commands ----------------------------------------------
  const workbook = voWorkbook;
  if (!vo) error(root, '缺少 <VersionOverrides>（自定义函数与功能区命令在其中声明）', '<VersionOverrides> is missing (custom functions and ribbon commands are declared there)');
  else if (!workbook) error(kid(vo, 'Hosts') ?? vo, '<VersionOverrides> 中缺少 <Host xsi:type="Workbook">', '<VersionOverrides> lacks <Host xsi:type="Workbook">');
  if (workbook) {
    const runtime = runtimeEls[0];
    if (kind === 'shared' && !runtime) {
      error(workbook, '缺少 <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes>（共享运行时）',
        '<Runtimes><Runtime resid="…" lifetime="long"/></Runtimes> is missing (the shared runtime)');
    } else if (runtime && attr(runtime, 'lifetime') !== 'long') {
      error(runtime, `<Runtime> 的 lifetime 应为 long（实为 ${attr(runtime, 'lifetime') ?? '未设置'}），否则任务窗格关闭后函数与按钮会失去运行时`,
        `the lifetime of <Runtime> must be long (it is ${attr(runtime, 'lifetime') ?? 'not set'}), `
          + 'or functions and buttons lose their runtime when the task pane closes');
    }
    const runtimeResid = attr(runtime, 'resid');
    const sameRuntime = (el: XmlElement | undefined, what: string, whatEn: string): void => {
      const rid = attr(el, 'resid');
      if (el && runtimeResid !== undefined && rid !== undefined && rid !== runtimeResid) {
        error(el, `共享运行时：${what} 的 resid 应为 <Runtime> 的“${runtimeResid}”，实为“${rid}”`,
          `shared runtime: the resid of ${whatEn} must be "${runtimeResid}" as on <Runtime>, not "${rid}"`);
      }
    };

    if (kind === 'shared' && functionPoints.length === 0) error(workbook, '缺少 <ExtensionPoint xsi:type="CustomFunctions">', '<ExtensionPoint xsi:type="CustomFunctions"> is missing');
    for (const point of functionPoints) {
      sameRuntime(kid(kid(point, 'Page'), 'SourceLocation'), '自定义函数 <Page>', 'the custom functions <Page>');
      const ns = kid(point, 'Namespace');
      const r = resources.get(attr(ns, 'resid') ?? '');
      if (ns && r) {
        for (const v of r.values) {
          if (v.value !== EXPECTED.namespace) {
            error(v.el, `自定义函数命名空间应为 ${EXPECTED.namespace}${v.locale ? `（${v.locale}）` : ''}，实为“${v.value}”`,
              `the custom functions namespace must be ${EXPECTED.namespace}${v.locale ? ` (${v.locale})` : ''}, not "${v.value}"`);
          }
        }
      }
    }

    for (const formFactor of kids(workbook, 'DesktopFormFactor')) {
      const functionFile = kid(formFactor, 'FunctionFile');
      sameRuntime(functionFile, '<FunctionFile>', '<FunctionFile>');
      const actions = [...walk(formFactor)].filter((e) => e.local === 'Action');
      for (const action of actions) {
        const type = xsiType(action);
        if (type === 'ShowTaskpane') sameRuntime(kid(action, 'SourceLocation'), 'ShowTaskpane 的 <SourceLocation>', 'the <SourceLocation> of ShowTaskpane');
        if (type !== 'ExecuteFunction') continue;
        const name = kid(action, 'FunctionName')?.text.trim();
        if (name === undefined) continue;
        if (name === '') error(action, '<FunctionName> 为空', '<FunctionName> is empty');
        else {
          if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) {
            warn(action, `FunctionName“${name}”不是 JavaScript 标识符，Office.actions.associate 难以对应`,
              `FunctionName "${name}" is not a JavaScript identifier, hard to match with Office.actions.associate`);
          }
          functions.push(name);
        }
        if (!functionFile) error(action, 'ExecuteFunction 按钮需要同一外形规格中的 <FunctionFile>', 'an ExecuteFunction button needs a <FunctionFile> in the same form factor');
      }
    }

    // Ids and icons of the commands.
    const seen = new Map<string, XmlElement>();
    for (const el of walk(workbook)) {
      if (el.local === 'ExtensionPoint' && kids(el, 'CustomTab').length > 1) error(el, '一个加载项只能有一个自定义选项卡 <CustomTab>', 'an add-in may have only one <CustomTab>');
      if (el.local === 'CustomTab' || el.local === 'Group' || el.local === 'Control') {
        const cid = attr(el, 'id');
        if (cid === undefined || cid === '') {
          error(el, `<${el.local}> 缺少 id 属性`, `<${el.local}> has no id attribute`);
          continue;
        }
        if (chars(cid) > 125) error(el, `<${el.local}> 的 id“${cid}”超过 125 个字符`, `the id "${cid}" of <${el.local}> is longer than 125 characters`);
        const key = `${el.local}:${cid}`;
        const other = seen.get(key);
        if (other) error(el, `<${el.local}> 的 id“${cid}”重复（第 ${other.line} 行已使用）`, `the id "${cid}" of <${el.local}> is used twice (first on line ${other.line})`);
        else seen.set(key, el);
      }
      if (el.local === 'Icon') {
        const sizes = kids(el, 'Image').map((i) => attr(i, 'size') ?? '');
        const missing = ICON_SIZES.filter((s) => !sizes.includes(s));
        if (missing.length > 0) {
          error(el, `<Icon> 缺少尺寸 ${missing.join('、')} 的图像（16、32、80 必需）`, `<Icon> lacks images of size ${missing.join(', ')} (16, 32 and 80 are required)`);
        }
        for (const s of sizes) if (!ICON_SIZES_ALLOWED.has(s)) error(el, `<Icon> 中的图像尺寸“${s}”不受支持`, `image size "${s}" in <Icon> is not supported`);
      }
    }
  }

  return base === undefined ? { errors, warnings, kind, functions } : { errors, warnings, kind, base, functions };
}

/** A LocaleAwareSetting of the base manifest: DefaultValue required, values no longer than `max`. */
function checkLocalized(el: XmlElement, max: number, error: (el: XmlElement | undefined, zh: string, en: string) => void): void {
  const def = attr(el, 'DefaultValue');
  if (def === undefined) error(el, `<${el.local}> 缺少 DefaultValue`, `<${el.local}> has no DefaultValue`);
  for (const [value, at] of [[def, el] as const, ...kids(el, 'Override').map((o) => [attr(o, 'Value'), o] as const)]) {
    if (value !== undefined && chars(value) > max) {
      error(at, `<${el.local}> 的值有 ${chars(value)} 个字符，超过上限 ${max}`, `a value of <${el.local}> has ${chars(value)} characters, more than the limit of ${max}`);
    }
  }
}

/** The children of `el` against a schema sequence: unknown elements, order, and how many of each. */
function checkSequence(el: XmlElement, model: readonly Particle[], error: (el: XmlElement | undefined, zh: string, en: string) => void): void {
  const order = model.map((p) => tag(p.names)).join(' → ');
  const counts = model.map(() => 0);
  let furthest = -1;
  let furthestChild: XmlElement | undefined;
  for (const c of el.children) {
    const i = model.findIndex((p) => p.names.includes(c.local));
    if (i < 0) {
      if (model.length === 0) error(c, `<${el.name}> 不应包含子元素 <${c.name}>`, `<${el.name}> may not contain the element <${c.name}>`);
      else error(c, `<${el.name}> 中不允许出现 <${c.name}>（允许：${order}）`, `<${c.name}> is not allowed in <${el.name}> (allowed: ${order})`);
      continue;
    }
    counts[i]++;
    if (i < furthest) {
      error(c, `元素顺序错误：<${c.name}> 应在 <${furthestChild!.name}> 之前（<${el.name}> 的架构顺序：${order}）`,
        `elements out of schema order: <${c.name}> must come before <${furthestChild!.name}> (the order in <${el.name}>: ${order})`);
    } else {
      furthest = i;
      furthestChild = c;
    }
  }
  model.forEach((p, i) => {
    if (counts[i] < p.min) error(el, `<${el.name}> 缺少必需的子元素 ${tag(p.names)}`, `<${el.name}> lacks the required element ${tag(p.names)}`);
    if (counts[i] > p.max) {
      error(el, `<${el.name}> 中 ${tag(p.names)} 至多 ${p.max} 个，实有 ${counts[i]} 个`, `<${el.name}> may contain at most ${p.max} ${tag(p.names)}, not ${counts[i]}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Microsoft's schemas (XSD)

const ROOT = resolve(__dirname, '..');
/** The source manifests, validated when no path is given. */
export const SOURCE_MANIFESTS = ['manifest.xml', 'manifest-excel2016-2019.xml'].map((f) => join(ROOT, f));
/**
 * Where Microsoft's manifest schemas are read from: ../shared/reference/office-manifest-xsd beside the project
 * (its README says where they come from and what was changed so that libxml2 loads them).
 */
export const DEFAULT_SCHEMA_DIR = resolve(ROOT, '..', 'shared', 'reference', 'office-manifest-xsd');
/** The schema of the root element; it imports the others (VersionOverrides, basic types). */
export const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** The schema directory to use: the one given, else OFFICE_MANIFEST_XSD, else the default; undefined when it holds no root schema. */
export function schemaDir(given?: string): string | undefined {
  const dir = resolve(given ?? process.env.OFFICE_MANIFEST_XSD ?? DEFAULT_SCHEMA_DIR);
  return existsSync(join(dir, ROOT_SCHEMA)) ? dir : undefined;
}

/**
 * Validates a manifest against Microsoft's schemas with libxml2 (xmllint-wasm: WebAssembly, no network, no
 * native build). Returns the violations as bilingual messages with their line, like the checks above; an
 * empty list when the manifest conforms.
 */
export async function validateAgainstSchemas(xml: string, dir: string): Promise<string[]> {
  const schemas = readdirSync(dir).filter((f) => f.endsWith('.xsd')).sort();
  const file = (name: string): { fileName: string; contents: string } => ({ fileName: name, contents: readFileSync(join(dir, name), 'utf8') });
  const result = await validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: file(ROOT_SCHEMA),
    // The schemas the root one imports, by the file names its xs:import elements give.
    preload: schemas.filter((f) => f !== ROOT_SCHEMA).map(file),
  });
  if (result.valid) return [];
  return result.errors.map((e) => {
    // libxml2 writes qualified names as {namespace}Local: the local name is what the manifest author reads.
    const text = e.message.replace(/^Schemas validity error\s*:\s*/, '').replace(/\{[^}]*\}/g, '');
    return message(e.loc?.lineNumber, `不符合微软清单架构（XSD）：${text}`, `does not conform to Microsoft's manifest schema (XSD): ${text}`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Command line

export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const USAGE = '用法：validate-manifest [--schemas 目录] [清单.xml …] / usage: validate-manifest [--schemas DIR] [manifest.xml …]\n'
  + '  不给路径时校验两份源清单 / with no path, both source manifests: manifest.xml, manifest-excel2016-2019.xml\n';

/** Validates each manifest named (both source manifests by default); 0, 1 (an error) or 2 (unreadable, bad arguments). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const paths: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      io.stdout(USAGE);
      return 0;
    }
    if (a === '--schemas' || a.startsWith('--schemas=')) {
      given = a === '--schemas' ? argv[++i] : a.slice('--schemas='.length);
      if (given === undefined || given === '') {
        io.stderr(`--schemas 需要一个目录 / --schemas needs a directory\n${USAGE}`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      io.stderr(`未知参数 / unknown option: ${a}\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  const dir = schemaDir(given);
  if (given !== undefined && dir === undefined) {
    io.stderr(`${given} 中没有 ${ROOT_SCHEMA} / ${given} holds no ${ROOT_SCHEMA}\n`);
    return 2;
  }
  let status = 0;
  for (const path of paths.length > 0 ? paths : SOURCE_MANIFESTS) {
    let xml: string;
    try {
      xml = readFileSync(path, 'utf8');
    } catch (e) {
      io.stderr(`无法读取 ${path} / cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 2;
      continue;
    }
    const r = validateManifest(xml);
    // A manifest that is not even well-formed XML is reported once, by the checks above.
    const xsd = dir !== undefined && r.kind !== undefined ? await validateAgainstSchemas(xml, dir) : [];
    const errors = [...xsd, ...r.errors];
    const name = basename(path);
    const verdict = errors.length === 0 ? ['通过', 'passed'] : ['未通过', 'failed'];
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.stdout(`${name}：${verdict[0]}（${errors.length} 个错误，${r.warnings.length} 个警告） / `
      + `${verdict[1]} (${plural(errors.length, 'error')}, ${plural(r.warnings.length, 'warning')})\n`);
    if (r.kind !== undefined) io.stdout(`  类型 / kind: ${KIND_NAMES[r.kind].zh} / ${KIND_NAMES[r.kind].en}\n`);
    io.stdout(dir !== undefined
      ? `  微软清单架构 / Microsoft's schemas: ${r.kind === undefined ? '未检查 / not checked' : xsd.length === 0 ? '符合 / conforms' : `${xsd.length} 处不符 / ${xsd.length} violations`}（${dir}）\n`
      : `  微软清单架构 / Microsoft's schemas: 未找到，跳过（可用 --schemas 指定目录） / not found, skipped (give --schemas DIR)\n`);
    if (r.base !== undefined) io.stdout(`  URL 基址 / URL base: ${r.base}\n`);
    io.stdout(`  ExecuteFunction 函数 / functions: ${r.functions.length > 0 ? r.functions.join(', ') : '（无） / (none)'}\n`);
    for (const e of errors) io.stdout(`  ✗ ${e}\n`);
    for (const w of r.warnings) io.stdout(`  ⚠ ${w}\n`);
    if (errors.length > 0) status = Math.max(status, 1);
  }
  return status;
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (s) => { process.stdout.write(s); },
    stderr: (s) => { process.stderr.write(s); },
  }).then((code) => { process.exitCode = code; });
}
