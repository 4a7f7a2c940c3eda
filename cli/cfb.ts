/**
 * Just enough of the OLE compound file format (what .xls, WPS .et and password-protected .xlsx files are) to
 * tell them apart: the names of the streams, and the first records of an .xls workbook stream, where a password
 * shows as a FILEPASS record. Every chain is bounded, so a damaged or hostile file ends in a ReadError.
 */
import { ReadError } from './read-error';
import type { ByteSource } from './zip';

const FREE = 0xffffffff;
const END = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface DirEntry { readonly name: string; readonly type: number; readonly start: number; readonly size: number }

const corrupt = (detail: string) => new ReadError('corrupt', `cfb: ${detail}`);

export class Cfb {
  private readonly sectorSize: number;
  private readonly fat: Uint32Array;
  readonly entries: readonly DirEntry[];
  private readonly miniCutoff: number;
  private readonly firstMiniFat: number;

  constructor(private readonly src: ByteSource) {
    const h = src.read(0, 512);
    if (h.length < 512 || !h.subarray(0, 8).equals(CFB_SIGNATURE)) throw corrupt('header');
    const shift = h.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw corrupt(`sector shift ${shift}`);
    this.sectorSize = 1 << shift;
    const sectors = Math.floor(Math.max(0, src.size - this.sectorSize) / this.sectorSize);
    const numFat = h.readUInt32LE(0x2c);
    if (numFat > sectors + 1) throw corrupt('FAT larger than the file');
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < numFat; i++) {
      const s = h.readUInt32LE(0x4c + i * 4);
      if (s !== FREE) fatSectors.push(s);
    }
    let difat = h.readUInt32LE(0x44);
    let guard = 0;
    while (fatSectors.length < numFat && difat <= MAX_SECTOR) {
      if (++guard > sectors + 1) throw corrupt('DIFAT loop');
      const d = this.sector(difat);
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per && fatSectors.length < numFat; i++) {
        const s = d.readUInt32LE(i * 4);
        if (s !== FREE) fatSectors.push(s);
      }
      difat = d.readUInt32LE(per * 4);
    }
    const fat = new Uint32Array(fatSectors.length * (this.sectorSize / 4));
    fatSectors.forEach((s, i) => {
      const b = this.sector(s);
      for (let k = 0; k < this.sectorSize / 4; k++) fat[i * (this.sectorSize / 4) + k] = b.readUInt32LE(k * 4);
    });
    this.fat = fat;
    this.miniCutoff = h.readUInt32LE(0x38) || 4096;
    this.firstMiniFat = h.readUInt32LE(0x3c);
    const dir = this.chainBytes(h.readUInt32LE(0x30), Infinity, 4 << 20);
    const entries: DirEntry[] = [];
    for (let p = 0; p + 128 <= dir.length; p += 128) {
      const type = dir[p + 66];
      if (type === 0) continue;
      const nameLen = Math.min(64, dir.readUInt16LE(p + 64));
      const name = dir.subarray(p, p + Math.max(0, nameLen - 2)).toString('utf16le');
      entries.push({ name, type, start: dir.readUInt32LE(p + 116), size: dir.readUInt32LE(p + 120) });
    }
    this.entries = entries;
  }

  private sector(n: number): Buffer {
    const at = (n + 1) * this.sectorSize;
    if (n > MAX_SECTOR || at + this.sectorSize > this.src.size) throw corrupt(`sector ${n} outside the file`);
    return this.src.read(at, this.sectorSize);
  }

  /** The bytes of a chain of regular sectors: `size` of them, but no more than `limit`. */
  private chainBytes(start: number, size: number, limit: number): Buffer {
    const parts: Buffer[] = [];
    let got = 0;
    let s = start;
    let steps = 0;
    const want = Math.min(size, limit);
    while (s !== END && got < want) {
      if (s >= this.fat.length || ++steps > this.fat.length) throw corrupt('broken sector chain');
      const b = this.sector(s);
      parts.push(b);
      got += b.length;
      s = this.fat[s];
    }
    const all = Buffer.concat(parts);
    return all.subarray(0, Math.min(all.length, want));
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The first `limit` bytes of a stream, or undefined when there is none of that name. */
  stream(name: string, limit: number): Buffer | undefined {
    const e = this.entries.find((x) => x.type === 2 && x.name.toLowerCase() === name.toLowerCase());
    if (!e) return undefined;
    if (e.size >= this.miniCutoff) return this.chainBytes(e.start, e.size, limit);
    // A small stream lives in the mini stream (the root entry's chain), in 64-byte mini sectors.
    const root = this.entries.find((x) => x.type === 5);
    if (!root) throw corrupt('no root entry');
    const mini = this.chainBytes(root.start, root.size, 64 << 20);
    const miniFatBytes = this.chainBytes(this.firstMiniFat, Infinity, 16 << 20);
    const miniFat = new Uint32Array(Math.floor(miniFatBytes.length / 4));
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = miniFatBytes.readUInt32LE(i * 4);
    const parts: Buffer[] = [];
    let s = e.start;
    let got = 0;
    let steps = 0;
    const want = Math.min(e.size, limit);
    while (s !== END && got < want) {
      if (s >= miniFat.length || ++steps > miniFat.length) throw corrupt('broken mini sector chain');
      const b = mini.subarray(s * 64, s * 64 + 64);
      if (b.length < 64) throw corrupt('mini sector outside the mini stream');
      parts.push(b);
      got += 64;
      s = miniFat[s];
    }
    return Buffer.concat(parts).subarray(0, want);
  }
}

export type OleKind = 'encrypted-ooxml' | 'xls' | 'xls-encrypted' | 'other';

/** What an OLE compound file holds: a password-protected .xlsx, an .xls (with or without a password), or else. */
export function classifyOle(src: ByteSource): OleKind {
  const cfb = new Cfb(src);
  const names = new Set(cfb.names().map((n) => n.toLowerCase()));
  if (names.has('encryptedpackage') || names.has('encryptioninfo')) return 'encrypted-ooxml';
  const book = cfb.stream('Workbook', 1 << 20) ?? cfb.stream('Book', 1 << 20);
  if (!book) return 'other';
  // BIFF records: type, length, data. FILEPASS (0x2F) comes among the first records of the globals, before any sheet.
  let p = 0;
  for (let n = 0; p + 4 <= book.length && n < 10_000; n++) {
    const type = book.readUInt16LE(p);
    const len = book.readUInt16LE(p + 2);
    if (type === 0x002f) return 'xls-encrypted';
    if (type === 0x0085 /* BOUNDSHEET */ || type === 0x000a /* EOF */) break;
    p += 4 + len;
  }
  return 'xls';
}
