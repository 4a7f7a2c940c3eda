/**
 * Workbooks made for the batch checker's tests, the fuzz test and `npm run fuzz`: the bundled sample taken apart
 * into its zip parts and put back together (changed, damaged, extended), hostile extremes (a stray XFD1048576
 * cell, a merge over a whole sheet, millions of empty rows, a 200,000-row table) and OLE compound files (.xls and
 * password-protected .xlsx) written byte by byte.
 */
import { readFileSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { samplePath } from '../../cli/sample';
import { bufferSource, crc32Of, ZipReader } from '../../cli/zip';

export interface Part {
  readonly name: string;
  readonly data: Buffer;
  /** Stored rather than deflated. */
  readonly store?: boolean;
  /** Already deflated (a part too large to hold inflated): `data` is then the deflated bytes. */
  readonly deflated?: { readonly size: number; readonly crc: number };
}

/** A zip of the parts, in order (deflated unless `store`). */
export function writeZip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.store || p.deflated ? p.data : zlib.deflateRawSync(p.data);
    const crc = p.deflated ? p.deflated.crc : crc32Of(p.data);
    const size = p.deflated ? p.deflated.size : p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(p.store ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The parts of a zip, in order. */
export async function readZip(data: Buffer): Promise<Part[]> {
  const zip = ZipReader.open(bufferSource(data));
  const parts: Part[] = [];
  for (const e of zip.entries) {
    const chunks: Buffer[] = [];
    await zip.read(e.name, (c) => chunks.push(Buffer.from(c)));
    parts.push({ name: e.name, data: Buffer.concat(chunks) });
  }
  return parts;
}

let sampleParts: Promise<Part[]> | undefined;

/** The bundled sample's parts (read once). */
export function sampleZipParts(): Promise<Part[]> {
  sampleParts ??= readZip(readFileSync(samplePath()));
  return sampleParts;
}

export const SAMPLE_BYTES = (): Buffer => readFileSync(samplePath());

/** The parts with one part's text changed. */
export function editPart(parts: readonly Part[], name: string, edit: (xml: string) => string): Part[] {
  let found = false;
  const out = parts.map((p) => {
    if (p.name !== name) return p;
    found = true;
    return { ...p, data: Buffer.from(edit(p.data.toString('utf8')), 'utf8') };
  });
  if (!found) throw new Error(`no part ${name}`);
  return out;
}

/** Sheet part names of the sample in workbook order: xl/worksheets/sheet1.xml … sheet9.xml. */
export const SAMPLE_SHEET = (i: number): string => `xl/worksheets/sheet${i + 1}.xml`;

/** Adds cells (raw `<c>` XML in a new row) just before `</sheetData>`. */
export function appendRow(xml: string, row: number, cells: string): string {
  return xml.replace('</sheetData>', `<row r="${row}">${cells}</row></sheetData>`);
}

/** Adds a merged range to a sheet (creating its `<mergeCells>`). */
export function addMerge(xml: string, ref: string): string {
  if (xml.includes('</mergeCells>')) return xml.replace('</mergeCells>', `<mergeCell ref="${ref}"/></mergeCells>`);
  return xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
}

// ---------------------------------------------------------------------------------------------------------------
// Workbooks from raw sheet XML (inline strings, two styles: General and #,##0.00).

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** An inline-string cell, or a number cell with the amount style. */
export function cellXml(ref: string, v: string | number, style = 1): string {
  return typeof v === 'number' ? `<c r="${ref}" s="${style}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
}

export interface RawSheet {
  readonly name: string;
  /** The worksheet part's bytes (from `<worksheet>` to `</worksheet>`). */
  readonly xml: Buffer;
}

export function worksheet(sheetData: string, after = ''): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`);
}

/** A complete .xlsx from sheets of raw XML (or of XML already deflated). */
export function buildXlsx(sheets: ReadonlyArray<RawSheet | (RawSheet & { deflated: Part['deflated'] })>, extraStyles = ''): Buffer {
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`) },
    { name: '_rels/.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${RNS}/styles" Target="styles.xml"/></Relationships>`) },
    { name: 'xl/styles.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00"/>${extraStyles}</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/><xf numFmtId="177"/></cellXfs></styleSheet>`) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml, deflated: 'deflated' in s ? s.deflated : undefined })),
  ];
  return writeZip(parts);
}

/** Column letters of a 0-based index. */
export function col(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A 一般公共预算支出表 of `rows` coded rows: the title and header of the published table, then 项 codes cycling
 * through a list, each row's 合计 the sum of its 基本支出 and 项目支出 (exact cents, so the row sums hold).
 */
export function bigGeneralExpenditure(rows: number): Buffer {
  const codes = ['2010101', '2010102', '2010350', '2080501', '2080502', '2080505', '2080506', '2101101', '2101102', '2101103', '2210201', '2012906'];
  const names = ['行政运行', '一般行政管理事务', '事业运行', '行政单位离退休', '事业单位离退休', '机关事业单位基本养老保险缴费支出', '机关事业单位职业年金缴费支出', '行政单位医疗', '事业单位医疗', '公务员医疗补助', '住房公积金', '工会事务'];
  const head = [
    `<row r="1">${cellXml('A1', '一般公共预算支出表')}</row>`,
    `<row r="2">${cellXml('A2', '单位：万元')}</row>`,
    `<row r="3">${cellXml('A3', '科目编码')}${cellXml('B3', '科目名称')}${cellXml('C3', '合计')}${cellXml('D3', '基本支出')}${cellXml('E3', '项目支出')}</row>`,
  ];
  const chunks: string[] = [head.join('')];
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    const k = i % codes.length;
    const basic = ((i * 7919) % 100_000) + 1;
    const project = ((i * 104_729) % 50_000) + 1;
    batch.push(`<row r="${r}">${cellXml(`A${r}`, codes[k])}${cellXml(`B${r}`, names[k])}${cellXml(`C${r}`, (basic + project) / 100)}${cellXml(`D${r}`, basic / 100)}${cellXml(`E${r}`, project / 100)}</row>`);
    if (batch.length === 5000) { chunks.push(batch.join('')); batch = []; }
  }
  chunks.push(batch.join(''));
  return buildXlsx([{ name: '一般公共预算支出表', xml: worksheet(chunks.join('')) }]);
}

/** A sheet of `rows` empty row elements (each with a style, as a careless "format whole column" leaves them) and one title. */
export function emptyRowsSheet(rows: number): Buffer {
  const parts: string[] = [`<row r="1">${cellXml('A1', '部门预算支出总表')}</row>`];
  for (let r = 2; r <= rows; r++) parts.push(`<row r="${r}" s="1" customFormat="1"/>`);
  return worksheet(parts.join(''));
}

/**
 * The same with more rows than a string can hold (20 million), deflated as it is written: each piece is deflated
 * on its own and ends on a byte boundary (a sync flush), so the pieces follow one another as one deflate stream,
 * which an empty final block closes.
 */
export function emptyRowsSheetDeflated(rows: number): { xml: Buffer; deflated: { size: number; crc: number } } {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  const write = (s: string) => {
    const b = Buffer.from(s);
    crc = crc32Of(b, crc);
    size += b.length;
    out.push(zlib.deflateRawSync(b, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  };
  write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData><row r="1">${cellXml('A1', '部门预算支出总表')}</row>`);
  const batch: string[] = [];
  for (let r = 2; r <= rows; r++) {
    batch.push(`<row r="${r}" s="1"/>`);
    if (batch.length === 100_000) { write(batch.join('')); batch.length = 0; }
  }
  write(`${batch.join('')}</sheetData></worksheet>`);
  out.push(Buffer.from([0x03, 0x00]));
  return { xml: Buffer.concat(out), deflated: { size, crc } };
}

// ---------------------------------------------------------------------------------------------------------------
// OLE compound files (.xls, WPS .et, password-protected .xlsx), written with 512-byte sectors and no mini stream
// (every stream is padded to 4,096 bytes or more, so it lives in regular sectors).

export function writeCfb(streams: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const SECTOR = 512;
  const padded = streams.map((s) => {
    const size = Math.max(4096, s.data.length);
    const data = Buffer.alloc(Math.ceil(size / SECTOR) * SECTOR);
    s.data.copy(data);
    return { name: s.name, data, size };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dirSectors + dataSectors) fatSectors++;
  const total = fatSectors + dirSectors + dataSectors;
  const fat = Buffer.alloc(fatSectors * SECTOR, 0xff);
  let next = 0;
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(0xfffffffd, 4 * next++);
  const chain = (n: number) => {
    const start = next;
    for (let i = 0; i < n; i++, next++) fat.writeUInt32LE(i === n - 1 ? 0xfffffffe : next + 1, 4 * next);
    return start;
  };
  const dirStart = chain(dirSectors);
  const starts = padded.map((s) => chain(s.data.length / SECTOR));
  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (i: number, name: string, type: number, start: number, size: number, child = 0xffffffff, right = 0xffffffff) => {
    const at = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, at);
    dir.writeUInt16LE(n.length, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, padded.length > 0 ? 1 : 0xffffffff);
  padded.forEach((s, i) => entry(i + 1, s.name, 2, starts[i], s.size, 0xffffffff, i + 2 <= padded.length ? i + 2 : 0xffffffff));
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : 0xffffffff, 0x4c + 4 * i);
  void total;
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

/** BIFF8 records: a BOF, optionally a FILEPASS (what a password adds), a BOUNDSHEET, an EOF. */
export function biffWorkbook(password: boolean): Buffer {
  const rec = (type: number, data: Buffer) => {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(type, 0);
    h.writeUInt16LE(data.length, 2);
    return Buffer.concat([h, data]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  return Buffer.concat([
    rec(0x0809, bof),
    ...(password ? [rec(0x002f, Buffer.from([1, 0, 1, 0, 1, 0, ...new Array<number>(48).fill(7)]))] : []),
    rec(0x0085, Buffer.from([0, 0, 0, 0, 0, 0, 1, 0, 0x41])),
    rec(0x000a, Buffer.alloc(0)),
  ]);
}

/** What Excel writes for a password-protected .xlsx: an OLE file with EncryptionInfo and EncryptedPackage. */
export function encryptedXlsx(): Buffer {
  return writeCfb([
    { name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array<number>(200).fill(1)]) },
    { name: 'EncryptedPackage', data: Buffer.alloc(8192, 0x5a) },
  ]);
}
