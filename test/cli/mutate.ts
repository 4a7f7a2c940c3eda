/**
 * Seeded mutations of the bundled sample for the fuzz test (test/cli/fuzz.test.ts) and `npm run fuzz`
 * (scripts/fuzz.ts): damage to the zip bytes, missing and duplicated parts, bad XML, and extreme cells. Each
 * mutation says what it did and, where the outcome is certain, which verdict the checker must give.
 */
import { encryptedXlsx, addMerge, appendRow, biffWorkbook, editPart, esc, SAMPLE_SHEET, writeCfb, writeZip, type Part } from './workbooks';
import type { ErrorCode } from '../../cli/read-error';
import { Rng as SeededRng } from '../../bench/rng';

/** The bench's seeded generator (mulberry32), with the [0, n) integers the mutations draw. */
export class Rng {
  private readonly r: SeededRng;
  constructor(seed: number) { this.r = new SeededRng(seed); }
  next(): number { return this.r.next(); }
  int(n: number): number { return this.r.int(0, n - 1); }
  pick<T>(xs: readonly T[]): T { return this.r.pick(xs); }
}

export interface Mutant {
  /** A short, file-name-safe description. */
  readonly name: string;
  readonly ext: 'xlsx' | 'xls' | 'et';
  readonly bytes: Buffer;
  /**
   * The verdict the checker must give, where it is certain: an error code (the file is not checked), 'checked'
   * (it is checked, whatever it finds); undefined when it depends on where the damage fell.
   */
  readonly expect?: ErrorCode | 'checked';
}

type Maker = (rng: Rng, sample: Buffer, parts: readonly Part[]) => Omit<Mutant, 'ext'> & { ext?: Mutant['ext'] };

/** The sample's sheets: the nine tables, then 项目绩效目标表, 政府采购预算表, 固定资产占用情况表. */
const SHEETS = 12;
const readParts = (parts: readonly Part[]) => parts.filter((p) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/.test(p.name));
const sheetPart = (rng: Rng) => SAMPLE_SHEET(rng.int(SHEETS));
const zipOf = (parts: readonly Part[]) => writeZip(parts);

function cellEdit(rng: Rng, parts: readonly Part[], cells: string, row = 1000 + rng.int(1000)): Buffer {
  return zipOf(editPart(parts, sheetPart(rng), (x) => appendRow(x, row, cells)));
}

const MAKERS: ReadonlyArray<readonly [string, Maker]> = [
  // ---- damage to the bytes of the zip
  ['truncate', (rng, s) => { const at = 1 + rng.int(s.length - 2); return { name: `truncate-${at}`, bytes: s.subarray(0, at) }; }],
  ['flip-bytes', (rng, s) => {
    const b = Buffer.from(s);
    const n = 1 + rng.int(16);
    for (let i = 0; i < n; i++) b[rng.int(b.length)] ^= 1 + rng.int(255);
    return { name: `flip-${n}`, bytes: b };
  }],
  ['zero-range', (rng, s) => {
    const b = Buffer.from(s);
    const at = rng.int(b.length);
    const len = 1 + rng.int(2048);
    b.fill(0, at, Math.min(b.length, at + len));
    return { name: `zero-${at}-${len}`, bytes: b };
  }],
  ['insert-bytes', (rng, s) => {
    const at = rng.int(s.length);
    const junk = Buffer.from(Array.from({ length: 1 + rng.int(64) }, () => rng.int(256)));
    return { name: `insert-${at}`, bytes: Buffer.concat([s.subarray(0, at), junk, s.subarray(at)]) };
  }],
  ['damage-directory', (rng, s) => {
    const b = Buffer.from(s);
    const n = 1 + rng.int(8);
    for (let i = 0; i < n; i++) b[b.length - 1 - rng.int(Math.min(1500, b.length))] = rng.int(256);
    return { name: `directory-${n}`, bytes: b };
  }],
  // ---- parts missing, duplicated, renamed
  ['drop-part', (rng, _s, parts) => {
    const p = rng.pick(parts);
    // Without a worksheet, the shared strings, the workbook or its relationships the data cannot be read; the
    // package relationships, content types, styles, theme and properties are not needed to read it.
    const needed = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/sheet\d+\.xml)$/.test(p.name);
    return { name: `drop-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.filter((q) => q !== p)), expect: needed ? 'corrupt' : 'checked' };
  }],
  ['duplicate-part', (rng, _s, parts) => {
    const p = rng.pick(parts);
    return { name: `duplicate-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf([...parts, p]), expect: 'corrupt' };
  }],
  ['rename-case', (rng, _s, parts) => {
    const i = rng.int(parts.length);
    return { name: `case-${parts[i].name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.map((p, k) => (k === i ? { ...p, name: p.name.toUpperCase() } : p))), expect: 'checked' };
  }],
  ['stored', (_rng, _s, parts) => ({ name: 'stored', bytes: writeZip(parts.map((p) => ({ ...p, store: true }))), expect: 'checked' })],
  // ---- bad XML in a part the reader reads
  ['xml-truncate', (rng, _s, parts) => {
    const p = rng.pick(readParts(parts));
    const at = rng.int(p.data.length - 1);
    return { name: `xml-truncate-${p.name.replace(/\W+/g, '_')}-${at}`, bytes: zipOf(parts.map((q) => (q === p ? { ...q, data: q.data.subarray(0, at) } : q))), expect: 'corrupt' };
  }],
  ['xml-unclosed', (rng, _s, parts) => {
    const p = rng.pick(readParts(parts));
    const xml = p.data.toString('utf8');
    const ends = [...xml.matchAll(/<\/[^>]+>/g)];
    if (ends.length === 0) return { name: 'xml-unclosed-none', bytes: zipOf(parts) };
    const m = rng.pick(ends);
    const broken = xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
    return { name: `xml-unclosed-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.map((q) => (q === p ? { ...q, data: Buffer.from(broken) } : q))), expect: 'corrupt' };
  }],
  ['xml-garbage', (rng, _s, parts) => {
    const p = rng.pick(readParts(parts));
    const xml = p.data.toString('utf8');
    const at = xml.indexOf('>', rng.int(xml.length)) + 1 || xml.length;
    const junk = rng.pick(['<', '<<>>', '</x>', '<a b>', '<a b="1></a>', '&', '\u0000']);
    return { name: `xml-garbage-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.map((q) => (q === p ? { ...q, data: Buffer.from(xml.slice(0, at) + junk + xml.slice(at)) } : q))) };
  }],
  ['xml-doctype-bomb', (rng, _s, parts) => {
    const p = rng.pick(readParts(parts));
    const bomb = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const xml = p.data.toString('utf8').replace(/(<\?xml[^>]*\?>)?/, (d) => `${d}${bomb}`);
    return { name: `doctype-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.map((q) => (q === p ? { ...q, data: Buffer.from(xml) } : q))), expect: 'corrupt' };
  }],
  ['xml-bad-utf8', (rng, _s, parts) => {
    const p = rng.pick(readParts(parts));
    const b = Buffer.from(p.data);
    for (let i = 0; i < 4; i++) b[100 + rng.int(Math.max(1, b.length - 200))] = 0xff;
    return { name: `bad-utf8-${p.name.replace(/\W+/g, '_')}`, bytes: zipOf(parts.map((q) => (q === p ? { ...q, data: b } : q))) };
  }],
  // ---- extreme cells and sheets
  ['stray-xfd', (rng, _s, parts) => ({ name: 'stray-XFD1048576', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => appendRow(x, 1048576, '<c r="XFD1048576"><v>1</v></c>'))), expect: 'checked' })],
  ['stray-styled', (rng, _s, parts) => ({ name: 'stray-styled-XFD1048576', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => appendRow(x, 1048576, '<c r="XFD1048576" s="1"/>'))), expect: 'checked' })],
  ['whole-merge', (_rng, _s, parts) => {
    // A tenth sheet merged over everything: the nine tables are untouched.
    const extra = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>');
    const withSheet = addSheet(parts, '附注', extra);
    return { name: 'whole-sheet-merge', bytes: zipOf(withSheet), expect: 'checked' };
  }],
  ['merge-table', (rng, _s, parts) => ({ name: 'merge-over-table', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => addMerge(x, 'A1:XFD1048576'))) })],
  ['overlapping-merges', (rng, _s, parts) => ({ name: 'overlapping-merges', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => { let y = x; for (let i = 0; i < 50; i++) y = addMerge(y, `A${40 + i}:XFD1048576`); return y; })) })],
  ['empty-rows', (rng, _s, parts) => {
    const n = 20_000 + rng.int(80_000);
    const rows = Array.from({ length: n }, (_, i) => `<row r="${2000 + i}" s="1" customFormat="1"/>`).join('');
    return { name: `empty-rows-${n}`, bytes: zipOf(editPart(parts, sheetPart(rng), (x) => x.replace('</sheetData>', `${rows}</sheetData>`))), expect: 'checked' };
  }],
  ['rows-past-limit', (rng, _s, parts) => ({ name: 'row-20000000', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => x.replace('</sheetData>', '<row r="20000000"/></sheetData>'))), expect: 'corrupt' })],
  ['million-chars', (rng, _s, parts) => ({ name: 'million-char-cell', bytes: cellEdit(rng, parts, `<c r="B1500" t="inlineStr"><is><t>${'预'.repeat(1_000_000)}</t></is></c>`, 1500), expect: 'checked' })],
  ['odd-numbers', (rng, _s, parts) => {
    const v = rng.pick(['1e308', '-1e308', 'NaN', 'Infinity', '-0', '1e-320', 'abc', '', '  12.5  ', '0x10', '1,234.00']);
    return { name: `number-${v.replace(/\W+/g, '_') || 'empty'}`, bytes: cellEdit(rng, parts, `<c r="D1200" s="1"><v>${v}</v></c>`, 1200), expect: 'checked' };
  }],
  ['absurd-format', (rng, _s, parts) => {
    const fmt = rng.pick([`0.${'0'.repeat(300)}`, `#,##0.${'0'.repeat(5000)}`, '[Red]"', '0.00;;;;;;;;', '"\\', `${'@'.repeat(10_000)}`]);
    return { name: `format-${fmt.length}`, bytes: zipOf(editPart(parts, 'xl/styles.xml', (x) => x.replace(/formatCode="[^"]*"/, `formatCode="${esc(fmt)}"`))), expect: 'checked' };
  }],
  ['date-amounts', (_rng, _s, parts) => ({ name: 'date-format-on-amounts', bytes: zipOf(editPart(parts, 'xl/styles.xml', (x) => x.replace(/formatCode="[^"]*"/g, 'formatCode="yyyy-mm-dd"'))) })],
  ['uncalculated', (rng, _s, parts) => ({ name: 'uncalculated-formula', bytes: cellEdit(rng, parts, '<c r="D1300" s="1"><f>SUM(D1:D20)</f></c>', 1300), expect: 'uncalculated' })],
  ['orphan-shared', (rng, _s, parts) => ({ name: 'orphan-shared-formula', bytes: cellEdit(rng, parts, '<c r="E1400"><f t="shared" si="77"/><v>5</v></c>', 1400), expect: 'checked' })],
  ['bad-shared-index', (rng, _s, parts) => ({ name: 'shared-string-out-of-range', bytes: cellEdit(rng, parts, '<c r="C1100" t="s"><v>999999</v></c>', 1100), expect: 'corrupt' })],
  ['unknown-type', (rng, _s, parts) => ({ name: 'unknown-cell-type', bytes: cellEdit(rng, parts, '<c r="C1110" t="zz"><v>1</v></c>', 1110), expect: 'corrupt' })],
  ['bad-ref', (rng, _s, parts) => ({ name: 'bad-cell-reference', bytes: cellEdit(rng, parts, `<c r="${rng.pick(['A0', 'XFE1', '1A', 'ZZZZ9', 'A99999999'])}"><v>1</v></c>`, 1120), expect: 'corrupt' })],
  ['control-chars', (rng, _s, parts) => ({ name: 'control-characters', bytes: cellEdit(rng, parts, '<c r="B1130" t="inlineStr"><is><t>部门预算&#27;[2J&#155;31m&#8238;表</t></is></c>', 1130), expect: 'checked' })],
  ['sheet-name', (rng, _s, parts) => {
    const name = rng.pick(['&#27;[31m收入总表', '收入&#8238;总表', 'x'.repeat(5000), '', '__proto__']);
    return { name: 'odd-sheet-name', bytes: zipOf(editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet name="[^"]*"/, `<sheet name="${name}"`))), expect: 'checked' };
  }],
  ['drop-sheet', (rng, _s, parts) => {
    const i = rng.int(SHEETS);
    let k = 0;
    return { name: `drop-sheet-${i + 1}`, bytes: zipOf(editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*\/>/g, (m) => (k++ === i ? '' : m)))), expect: 'checked' };
  }],
  ['no-sheets', (_rng, _s, parts) => ({ name: 'no-sheets', bytes: zipOf(editPart(parts, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*\/>/g, ''))), expect: 'empty' })],
  ['prefixed', (rng, _s, parts) => ({ name: 'namespace-prefixes', bytes: zipOf(editPart(parts, sheetPart(rng), (x) => x.replace(/<(\/?)(?=[a-zA-Z])/g, '<$1x:').replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x='))), expect: 'checked' })],
  // ---- not a zip at all
  ['random-bytes', (rng) => ({ name: 'random-bytes', bytes: Buffer.from(Array.from({ length: 1 + rng.int(5000) }, () => rng.int(256))), expect: 'not-workbook' })],
  ['empty-file', () => ({ name: 'empty-file', bytes: Buffer.alloc(0), expect: 'empty' })],
  ['encrypted', () => ({ name: 'password', bytes: encryptedXlsx(), expect: 'encrypted' })],
  ['xls-encrypted', () => ({ name: 'password-xls', ext: 'xls', bytes: writeCfb([{ name: 'Workbook', data: biffWorkbook(true) }]), expect: 'encrypted' })],
  ['ole-garbage', (rng) => {
    const b = writeCfb([{ name: 'Workbook', data: biffWorkbook(false) }]);
    for (let i = 0; i < 8; i++) b[rng.int(1024)] = rng.int(256);
    return { name: 'ole-damaged', ext: rng.pick(['xls', 'et'] as const), bytes: b };
  }],
];

/** Adds a worksheet to the sample's parts (workbook, its relationships and the part). */
export function addSheet(parts: readonly Part[], name: string, xml: Buffer): Part[] {
  const n = SHEETS + 1;
  const withRel = editPart(parts, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rIdExtra" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`));
  const withSheet = editPart(withRel, 'xl/workbook.xml', (x) => x.replace('</sheets>', `<sheet name="${esc(name)}" sheetId="${n}" r:id="rIdExtra"/></sheets>`));
  return [...withSheet, { name: `xl/worksheets/sheet${n}.xml`, data: xml }];
}

/** The mutants of one seed: `count` of them, every kind in turn, then at random. */
export function mutants(seed: number, count: number, sample: Buffer, parts: readonly Part[]): Mutant[] {
  const rng = new Rng(seed);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, make] = i < MAKERS.length ? MAKERS[i] : rng.pick(MAKERS);
    const m = make(rng, sample, parts);
    out.push({ ...m, name: `${String(i).padStart(4, '0')}-${kind}-${m.name}`.slice(0, 120), ext: m.ext ?? 'xlsx' });
  }
  return out;
}

export const MUTATION_KINDS = MAKERS.map(([k]) => k);
