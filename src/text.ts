const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const WIDE = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (０-９，．－) becomes half-width; ideographic space becomes a space. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Normalises printed text for matching: half-width, no whitespace, plain quotes and parentheses. */
const NEEDS_NORM = /[\uFF01-\uFF5E\u3000\s“”„‟"（）]/;

export function norm(s: string): string {
  // Most cells (amounts, codes, plain names) need nothing: skip the replaces.
  if (!NEEDS_NORM.test(s)) return s;
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/[“”„‟"＂]/g, '"')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

/** `八、社会保障和就业支出` → `社会保障和就业支出`; also `1.`, `(一)`, `其中：`. */
export function stripOrdinal(s: string): string {
  return s
    .replace(/^(?:[一二三四五六七八九十百]+|\d+)[、.．]/, '')
    .replace(/^\((?:[一二三四五六七八九十]+|\d+)\)/, '')
    .replace(/^其中[:：]/, '');
}

export function hasOrdinal(s: string): boolean {
  return /^(?:[一二三四五六七八九十百]+)[、.．]/.test(s);
}
