/**
 * Text from outside — file names, sheet names, cell text quoted in messages, library detail — never reaches a
 * terminal with control characters in it: an escape sequence in a file name could rewrite the screen, and
 * bidirectional overrides could make a name read as another. They are shown as visible escapes instead.
 */

/** C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const n = ch.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A file name or path as shown: every control character as a visible escape (`\x1B`). */
export function safePath(s: string): string {
  return s.replace(CONTROL, escapeChar);
}

/** Message text as shown: tabs and line breaks (wrapped header cells) as spaces, other controls escaped. */
export function safeText(s: string): string {
  return s.replace(CONTROL, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : escapeChar(ch)));
}

/** JSON as printed: JSON.stringify escapes C0 controls; C1 controls and bidirectional marks are escaped here too. */
export function safeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
