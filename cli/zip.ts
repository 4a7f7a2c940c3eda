/**
 * A small, defensive zip reader for the parts of an .xlsx: the central directory is read from the end of the
 * file, and each part is inflated as a stream into a consumer, so memory never grows with what a part holds.
 * Every entry's size and CRC are checked; sizes are capped (a zip bomb stops at the cap, not at the memory limit).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { ReadError } from './read-error';

/** Random access to the bytes of a file (on disk, read as needed) or of a buffer. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

export function bufferSource(data: Uint8Array): ByteSource {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    size: buf.length,
    read: (offset, length) => buf.subarray(offset, Math.min(buf.length, offset + length)),
    close: () => undefined,
  };
}

export function fileSource(path: string | Buffer): ByteSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return {
    size,
    read: (offset, length) => {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? out : out.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

export interface ZipEntry {
  /** As stored, with `\` turned into `/` and no leading `/`. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipLimits {
  /** Most bytes one part may inflate to. */
  readonly maxPartBytes: number;
  /** Most bytes all parts read may inflate to together. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxPartBytes: 2 ** 31, maxTotalBytes: 2 ** 32 };

const MAX_ENTRIES = 100_000;
const CHUNK = 1 << 20;

const corrupt = (detail: string) => new ReadError('corrupt', `zip: ${detail}`);

/** The CRC-32 of zip (and PNG): zlib's own where Node has it, else a table. */
const crc32: (data: Uint8Array, value: number) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function'
  ? (data, value) => zlib.crc32(data, value)
  : (() => {
    const table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    return (data: Uint8Array, value: number) => {
      let c = ~value;
      for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
      return ~c >>> 0;
    };
  })();

/** The CRC-32 of `data`, continuing from `value` (the CRC of what came before). */
export function crc32Of(data: Uint8Array, value = 0): number {
  return crc32(data, value) >>> 0;
}

export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(private readonly src: ByteSource, readonly entries: readonly ZipEntry[], private readonly limits: ZipLimits) {
    for (const e of entries) {
      const key = e.name.toLowerCase();
      // Part names are case-insensitive; two parts with one name make the package ambiguous.
      if (this.byName.has(key)) throw corrupt(`duplicate entry ${e.name}`);
      this.byName.set(key, e);
    }
  }

  /** Reads the central directory; throws ReadError('not-workbook') when the bytes are not a zip at all. */
  static open(src: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReader {
    const tailLen = Math.min(src.size, 22 + 0xffff);
    const tail = src.read(src.size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    }
    if (eocd < 0) {
      const head = src.read(0, 4);
      if (head.length === 4 && head.readUInt32LE(0) === 0x04034b50) throw corrupt('end of central directory not found (the file is cut short?)');
      throw new ReadError('not-workbook', 'zip: no end of central directory record');
    }
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // Zip64: the locator stands just before the end record.
      const at = src.size - tailLen + eocd - 20;
      const loc = at >= 0 ? src.read(at, 20) : Buffer.alloc(0);
      if (loc.length < 20 || loc.readUInt32LE(0) !== 0x07064b50) throw corrupt('zip64 locator missing');
      const recAt = Number(loc.readBigUInt64LE(8));
      const rec = src.read(recAt, 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) throw corrupt('zip64 end record missing');
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (count > MAX_ENTRIES) throw new ReadError('too-large', `zip: ${count} entries`);
    if (cdOffset + cdSize > src.size) throw corrupt('central directory past the end of the file');
    const cd = src.read(cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw corrupt(`central directory entry ${i} is damaged`);
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw corrupt(`central directory entry ${i} is cut short`);
      const rawName = cd.subarray(p + 46, p + 46 + nameLen);
      const name = (flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1')).replace(/\\/g, '/').replace(/^\/+/, '');
      // Zip64 sizes and offset, in that order, for the fields that overflowed.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          const next = () => {
            if (q + 8 > x + 4 + len) throw corrupt(`zip64 field of ${name} is short`);
            const v = Number(cd.readBigUInt64LE(q));
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
        }
        x += 4 + len;
      }
      entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipReader(src, entries, limits);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * Streams one part's inflated bytes into `consume`, checking its size and CRC. A consumer that throws stops
   * the inflation and its error is thrown from here.
   */
  async read(name: string, consume: (chunk: Buffer) => void): Promise<void> {
    const e = this.entry(name);
    if (!e) throw corrupt(`missing part ${name}`);
    if (e.flags & 0x1) throw new ReadError('encrypted', `zip: entry ${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw corrupt(`entry ${e.name} uses compression method ${e.method}`);
    // Deflate cannot shrink data more than about 1,032 to 1: a larger claim is damage, not a large part.
    if (e.size > (e.method === 0 ? e.compressedSize : e.compressedSize * 1032 + 1024)) throw corrupt(`${e.name} declares ${e.size} bytes from ${e.compressedSize}`);
    if (e.size > this.limits.maxPartBytes) throw new ReadError('too-large', `zip: ${e.name} declares ${e.size} bytes`);
    const local = this.src.read(e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw corrupt(`local header of ${e.name} is damaged`);
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + e.compressedSize > this.src.size) throw corrupt(`${e.name} runs past the end of the file`);

    let produced = 0;
    let crc = 0;
    const take = (chunk: Buffer) => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > e.size) throw corrupt(`${e.name} inflates past its declared size`);
      if (this.inflated > this.limits.maxTotalBytes) throw new ReadError('too-large', `zip: more than ${this.limits.maxTotalBytes} bytes inflated`);
      crc = crc32(chunk, crc);
      consume(chunk);
    };

    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(`stored entry ${e.name} has two sizes`);
      for (let at = 0; at < e.compressedSize; at += CHUNK) take(this.src.read(start + at, Math.min(CHUNK, e.compressedSize - at)));
    } else {
      await new Promise<void>((resolve, reject) => {
        const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
        let failed = false;
        const fail = (err: unknown) => {
          if (failed) return;
          failed = true;
          inflater.destroy();
          reject(err instanceof ReadError ? err : corrupt(`${e.name}: ${err instanceof Error ? err.message : String(err)}`));
        };
        inflater.on('data', (chunk: Buffer) => {
          if (failed) return;
          try { take(chunk); } catch (err) { fail(err); }
        });
        inflater.on('error', fail);
        inflater.on('end', () => { if (!failed) resolve(); });
        let at = 0;
        const pump = () => {
          while (!failed && at < e.compressedSize) {
            const n = Math.min(CHUNK, e.compressedSize - at);
            let piece: Buffer;
            try { piece = this.src.read(start + at, n); } catch (err) { fail(err); return; }
            at += n;
            if (!inflater.write(piece)) { inflater.once('drain', pump); return; }
          }
          if (!failed) inflater.end();
        };
        pump();
      });
    }
    if (produced !== e.size) throw corrupt(`${e.name} inflates to ${produced} bytes, not ${e.size}`);
    if ((crc >>> 0) !== e.crc) throw corrupt(`${e.name} fails its CRC check`);
  }
}
