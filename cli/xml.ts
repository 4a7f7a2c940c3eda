/**
 * A streaming XML tokenizer for the SpreadsheetML parts of an .xlsx: elements, attributes and text, fed in
 * chunks. It checks what matters for a verdict (tags nest and close, the document ends, no DTD — OOXML parts may
 * not carry one, so no entity expansion either) and holds at most one tag and the text a handler asked for.
 * Namespace prefixes are dropped: `x:c` is `c`, `r:id` is `id`.
 */
import { StringDecoder } from 'node:string_decoder';
import { ReadError } from './read-error';

/** Attributes by local name; no prototype, so an attribute called `__proto__` is just a name. */
export type Attrs = Record<string, string | undefined>;

export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Text inside the current element, possibly in several pieces; only called while `wantText` is set. */
  text(s: string): void;
}

const MAX_TAG = 1 << 20;
const MAX_DEPTH = 256;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);/g, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
  });
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

const WS = /\s/;

export class XmlStream {
  /** Set by the handler while it wants the text of the current element. */
  wantText = false;
  private buf = '';
  private readonly stack: string[] = [];
  private rootSeen = false;
  private readonly decoder = new StringDecoder('utf8');
  private first = true;

  constructor(private readonly part: string, private readonly h: XmlHandler) {}

  private bad(what: string): ReadError {
    return new ReadError('corrupt', `xml: ${this.part}: ${what}`);
  }

  writeBytes(chunk: Buffer): void {
    this.write(this.decoder.write(chunk));
  }

  write(chunk: string): void {
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length > 0 ? this.buf + chunk : chunk;
    this.run();
  }

  end(): void {
    this.write(this.decoder.end());
    if (this.buf.trim() !== '') throw this.bad('unexpected end of the document');
    if (!this.rootSeen) throw this.bad('no root element');
    if (this.stack.length > 0) throw this.bad(`<${this.stack[this.stack.length - 1]}> is not closed`);
  }

  private emitText(s: string): void {
    if (s.length === 0) return;
    if (this.stack.length === 0) {
      if (s.trim() !== '') throw this.bad('text outside the root element');
      return;
    }
    if (this.wantText) this.h.text(decodeEntities(s));
  }

  private run(): void {
    const buf = this.buf;
    const len = buf.length;
    let i = 0;
    while (i < len) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        // Text up to the end of what has arrived: keep back a possibly split entity.
        if (this.wantText) {
          const amp = buf.lastIndexOf('&');
          const cut = amp >= i && buf.indexOf(';', amp) < 0 && len - amp < 16 ? amp : len;
          this.emitText(buf.slice(i, cut));
          i = cut;
        } else {
          if (this.stack.length === 0 && buf.slice(i).trim() !== '') throw this.bad('text outside the root element');
          i = len;
        }
        break;
      }
      if (lt > i) this.emitText(buf.slice(i, lt));
      i = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) break;
      if (c1 === 0x21 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end < 0) { if (len - lt > MAX_TAG) throw this.bad('comment too long'); break; }
          i = end + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end < 0) {
            if (len - lt > MAX_TAG) throw this.bad('CDATA section too long');
            break;
          }
          if (this.stack.length === 0) throw this.bad('CDATA outside the root element');
          if (this.wantText) this.h.text(buf.slice(lt + 9, end));
          i = end + 3;
          continue;
        }
        if (len - lt < 9) break;
        throw this.bad('a DTD or declaration (not allowed in OOXML)');
      }
      if (c1 === 0x3f /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end < 0) { if (len - lt > MAX_TAG) throw this.bad('processing instruction too long'); break; }
        i = end + 2;
        continue;
      }
      if (c1 === 0x2f /* / */) {
        const end = buf.indexOf('>', lt + 2);
        if (end < 0) { if (len - lt > MAX_TAG) throw this.bad('end tag too long'); break; }
        const name = localName(buf.slice(lt + 2, end).trim());
        const top = this.stack.pop();
        if (top === undefined) throw this.bad(`</${name}> without a start tag`);
        if (top !== name) throw this.bad(`</${name}> closes <${top}>`);
        this.wantText = false;
        this.h.close(name);
        i = end + 1;
        continue;
      }
      // A start tag: find its '>' outside quoted attribute values.
      let q = 0;
      let end = -1;
      for (let k = lt + 1; k < len; k++) {
        const ch = buf.charCodeAt(k);
        if (q !== 0) { if (ch === q) q = 0; } else if (ch === 0x22 || ch === 0x27) q = ch;
        else if (ch === 0x3e) { end = k; break; } else if (ch === 0x3c) throw this.bad('"<" inside a tag');
      }
      if (end < 0) { if (len - lt > MAX_TAG) throw this.bad('tag too long'); break; }
      const self = buf.charCodeAt(end - 1) === 0x2f;
      const inner = buf.slice(lt + 1, self ? end - 1 : end);
      let n = 0;
      while (n < inner.length && !WS.test(inner[n])) n++;
      const qname = inner.slice(0, n);
      if (qname === '' || !/^[\p{L}_][\p{L}\p{N}_.:-]*$/u.test(qname)) throw this.bad(`bad element name "${qname.slice(0, 40)}"`);
      const name = localName(qname);
      const attrs = this.attrs(inner, n);
      if (this.stack.length === 0) {
        if (this.rootSeen) throw this.bad('a second root element');
        this.rootSeen = true;
      }
      i = end + 1;
      this.wantText = false;
      if (self) {
        this.h.open(name, attrs, true);
        this.h.close(name);
      } else {
        if (this.stack.length >= MAX_DEPTH) throw this.bad('elements nested too deep');
        this.stack.push(name);
        this.h.open(name, attrs, false);
      }
    }
    this.buf = i >= len ? '' : buf.slice(i);
  }

  private attrs(inner: string, from: number): Attrs {
    const out: Attrs = Object.create(null) as Attrs;
    let k = from;
    const n = inner.length;
    for (;;) {
      while (k < n && WS.test(inner[k])) k++;
      if (k >= n) return out;
      const nameStart = k;
      while (k < n && inner[k] !== '=' && !WS.test(inner[k])) k++;
      const qname = inner.slice(nameStart, k);
      while (k < n && WS.test(inner[k])) k++;
      if (inner[k] !== '=' || qname === '') throw this.bad(`bad attribute "${qname.slice(0, 40)}"`);
      k++;
      while (k < n && WS.test(inner[k])) k++;
      const quote = inner[k];
      if (quote !== '"' && quote !== "'") throw this.bad(`attribute ${qname.slice(0, 40)} is not quoted`);
      const close = inner.indexOf(quote, k + 1);
      if (close < 0) throw this.bad(`attribute ${qname.slice(0, 40)} is not closed`);
      out[localName(qname)] = decodeEntities(inner.slice(k + 1, close));
      k = close + 1;
    }
  }
}

/** Reads a whole (small) part's bytes with a handler. */
export function parseXml(part: string, data: Buffer, h: XmlHandler): void {
  const x = new XmlStream(part, h);
  x.writeBytes(data);
  x.end();
}
