import type { Span } from '../../core/types.js';

const BEGIN = /-----BEGIN ((?:[A-Z0-9]{1,16} ){0,3})PRIVATE KEY(?: BLOCK)?-----/g;
const END_MARK = '-----END ';
const MAX_BLOCK = 64 * 1024;
const PUTTY = /PuTTY-User-Key-File-\d:[^\n]{0,200}\n(?:[^\n]{0,400}\n){0,6}?Private-Lines:[\t ]{0,3}(\d{1,3})/g;

/**
 * PEM/OpenSSH private key blocks. Done with indexOf rather than one lazy regex so that many
 * BEGIN headers without an END cost one forward scan in total, not one scan per header.
 */
export function findPrivateKeys(text: string): Span[] {
  const spans: Span[] = [];
  let cachedEnd = -2;
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    const start = m.index;
    const after = start + m[0].length;
    if (cachedEnd !== -1 && cachedEnd < after) cachedEnd = text.indexOf(END_MARK, after);
    let end: number;
    if (cachedEnd !== -1 && cachedEnd - after <= MAX_BLOCK) {
      const close = text.indexOf('-----', cachedEnd + END_MARK.length);
      end = close === -1 || close - cachedEnd > 80 ? cachedEnd + END_MARK.length : close + 5;
    } else {
      end = bodyEnd(text, after); // truncated paste: take the base64 body that follows
    }
    spans.push({ start, end });
    BEGIN.lastIndex = Math.max(end, after);
  }
  PUTTY.lastIndex = 0;
  for (let m = PUTTY.exec(text); m; m = PUTTY.exec(text)) {
    const lines = Number(m[1]);
    let end = m.index + m[0].length;
    for (let i = 0; i < lines && end < text.length; i += 1) {
      const nl = text.indexOf('\n', end + 1);
      end = nl === -1 ? text.length : nl;
    }
    spans.push({ start: m.index, end });
  }
  return spans;
}

function bodyEnd(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + MAX_BLOCK);
  let last = from;
  let newlines = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    const b64 = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
    if (b64) {
      last = i + 1;
      newlines = 0;
    } else if (c === 10) {
      newlines += 1;
      if (newlines > 1) break; // a blank line ends the pasted body
    } else if (c !== 13 && c !== 32 && c !== 9) break;
    i += 1;
  }
  return last;
}
