import { isAsciiLetter, isFlagTagSequence, isWhitespace } from '../chars.js';
import { TextBuilder } from '../offsets.js';
import { PATTERNS } from '../patterns.js';
import { decodeUtf8Mapped, isLikelyText, MappedBytes } from '../utf8.js';
import type { Span } from '../../types.js';
import { spend, type Decoded, type Decoder } from './types.js';

/*
 * Decoders for escapes inside otherwise readable text: percent-encoding, HTML entities,
 * quoted-printable and Unicode tag characters. All map every decoded unit precisely back to the
 * escape it came from.
 */

function hexValue(c: number): number {
  return c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
}

const MIN_URL_ESCAPES = 2;

/** Percent-escapes grouped per whitespace-free token ("Ignore%20all%20previous"). */
export const decodeUrl: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  if (!text.includes('%')) return out;
  const escapes: number[] = [];
  for (const m of text.matchAll(PATTERNS.percentEscape)) escapes.push(m.index);
  let i = 0;
  let floor = 0;
  while (i < escapes.length) {
    let j = i;
    while (j + 1 < escapes.length && !hasSpace(text, (escapes[j] ?? 0) + 3, escapes[j + 1] ?? 0)) j++;
    const count = j - i + 1;
    if (count >= MIN_URL_ESCAPES && budget.chars > 0) {
      let start = escapes[i] ?? 0;
      let end = (escapes[j] ?? 0) + 3;
      while (start > floor && !isWhitespace(text.charCodeAt(start - 1))) start--;
      while (end < text.length && !isWhitespace(text.charCodeAt(end))) end++;
      floor = end;
      const d = percentDecode(text, start, end);
      if (d !== null && spend(budget, d.text.length)) out.push(d);
    }
    i = j + 1;
  }
  return out;
};

function hasSpace(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (isWhitespace(text.charCodeAt(p))) return true;
  return false;
}

function isHexAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function percentDecode(text: string, start: number, end: number): Decoded | null {
  const bytes = new MappedBytes(end - start);
  let p = start;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 0x25 && p + 2 < end && isHexAt(text, p + 1) && isHexAt(text, p + 2)) {
      bytes.push((hexValue(text.charCodeAt(p + 1)) << 4) | hexValue(text.charCodeAt(p + 2)), p, p + 3);
      p += 3;
    } else if (c === 0x2b) {
      bytes.push(0x20, p, p + 1);
      p++;
    } else {
      p += bytes.pushChar(text, p);
    }
  }
  const { text: decoded, map } = decodeUtf8Mapped(bytes);
  if (!isLikelyText(decoded)) return null;
  return { via: 'url', text: decoded, span: { start, end }, map };
}

/**
 * What an escape-style codec decodes: the whole layer when it fits the budget (escapes and plain
 * words interleave), else the lines from the first to the last escape, else nothing.
 */
function region(text: string, first: number, last: number, budget: number): Span | null {
  if (text.length <= budget) return { start: 0, end: text.length };
  let start = first;
  let end = last;
  for (let k = 0; k < 512 && start > 0 && text.charCodeAt(start - 1) !== 0x0a; k++) start--;
  for (let k = 0; k < 512 && end < text.length && text.charCodeAt(end) !== 0x0a; k++) end++;
  return end - start <= budget ? { start, end } : null;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', copy: '\u00a9', reg: '\u00ae',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c',
  rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', middot: '\u00b7', deg: '\u00b0', micro: '\u00b5',
  plusmn: '\u00b1', times: '\u00d7', divide: '\u00f7', zwsp: '\u200b', zwj: '\u200d', zwnj: '\u200c',
  lrm: '\u200e', rlm: '\u200f', bull: '\u2022', colon: ':', sol: '/', bsol: '\\', lpar: '(', rpar: ')',
  period: '.', comma: ',', excl: '!', quest: '?', num: '#', percnt: '%', equals: '=', lowbar: '_',
  Tab: '\t', NewLine: '\n',
});

const MIN_ENTITIES = 2;

function entityValue(entity: string): string | null {
  const body = entity.slice(1, -1);
  if (body.charCodeAt(0) !== 0x23) return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body] ?? null : null;
  const hex = body.charCodeAt(1) === 0x78 || body.charCodeAt(1) === 0x58;
  const cp = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}

/** Decodes the whole layer: entity-encoded text interleaves escapes with plain words. */
export const decodeHtml: Decoder = (text, budget) => {
  if (!text.includes('&')) return [];
  const found: Array<{ at: number; len: number; value: string }> = [];
  for (const m of text.matchAll(PATTERNS.htmlEntity)) {
    const value = entityValue(m[0]);
    if (value !== null) found.push({ at: m.index, len: m[0].length, value });
  }
  const first = found[0];
  const last = found[found.length - 1];
  if (found.length < MIN_ENTITIES || first === undefined || last === undefined) return [];
  const span = region(text, first.at, last.at + last.len, budget.chars);
  if (span === null || !spend(budget, span.end - span.start)) return [];
  const b = new TextBuilder(span.end - span.start);
  let p = span.start;
  for (const e of found) {
    for (; p < e.at; p++) b.push(text.charCodeAt(p), p, p + 1);
    for (let u = 0; u < e.value.length; u++) b.push(e.value.charCodeAt(u), e.at, e.at + e.len);
    p = e.at + e.len;
  }
  for (; p < span.end; p++) b.push(text.charCodeAt(p), p, p + 1);
  const { text: decoded, map } = b.finish(-1);
  return [{ via: 'html', text: decoded, span, map }];
};

const MIN_QP_ESCAPES = 3;

/**
 * Quoted-printable: "=XX" escapes and "=" soft line breaks, as in e-mail bodies. Only escapes
 * that run into a letter, another escape or a line end count as evidence: "71-70-66=207",
 * "(n=20)" and "Na=140" are arithmetic, not encoding.
 */
export const decodeQuotedPrintable: Decoder = (text, budget) => {
  if (!text.includes('=')) return [];
  let escapes = 0;
  let controls = 0;
  let first = -1;
  let last = -1;
  for (const m of text.matchAll(PATTERNS.qpEscape)) {
    const next = text.charCodeAt(m.index + 3);
    if (!(Number.isNaN(next) || next === 0x3d || next === 0x0d || next === 0x0a || isAsciiLetter(next))) continue;
    escapes++;
    if (first < 0) first = m.index;
    last = m.index + 3;
    const byte = (hexValue(m[0].charCodeAt(1)) << 4) | hexValue(m[0].charCodeAt(2));
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  const softBreaks = escapes > 0 ? [...text.matchAll(PATTERNS.qpSoftBreak)].length : 0;
  if (escapes + softBreaks < MIN_QP_ESCAPES || controls * 10 > escapes) return [];
  const span = region(text, first, last, budget.chars);
  if (span === null || !spend(budget, span.end - span.start)) return [];
  const bytes = new MappedBytes(span.end - span.start);
  let p = span.start;
  while (p < span.end) {
    const c = text.charCodeAt(p);
    if (c === 0x3d && isHexAt(text, p + 1) && isHexAt(text, p + 2) && text.charCodeAt(p + 1) < 0x61 && text.charCodeAt(p + 2) < 0x61) {
      bytes.push((hexValue(text.charCodeAt(p + 1)) << 4) | hexValue(text.charCodeAt(p + 2)), p, p + 3);
      p += 3;
    } else if (c === 0x3d && text.charCodeAt(p + 1) === 0x0a) {
      p += 2;
    } else if (c === 0x3d && text.charCodeAt(p + 1) === 0x0d && text.charCodeAt(p + 2) === 0x0a) {
      p += 3;
    } else {
      p += bytes.pushChar(text, p);
    }
  }
  const { text: decoded, map } = decodeUtf8Mapped(bytes);
  if (!isLikelyText(decoded)) return [];
  return [{ via: 'quoted-printable', text: decoded, span, map }];
};

/** Unicode tag characters U+E0020-E007E spell ASCII invisibly: the hidden message becomes a layer. */
export const decodeTags: Decoder = (text, budget) => {
  const out: Decoded[] = [];
  if (!text.includes('\uDB40')) return out;
  for (const m of text.matchAll(PATTERNS.tagRun)) {
    if (isFlagTagSequence(text, m.index, m.index + m[0].length)) continue;
    const b = new TextBuilder(m[0].length / 2);
    for (let p = m.index; p < m.index + m[0].length; p += 2) {
      const ascii = text.charCodeAt(p + 1) - 0xdc00;
      if (ascii >= 0x20 && ascii <= 0x7e) b.push(ascii, p, p + 2);
    }
    if (b.length === 0 || !spend(budget, b.length)) continue;
    const { text: decoded, map } = b.finish(-1);
    out.push({ via: 'unicode-tags', text: decoded, span: { start: m.index, end: m.index + m[0].length }, map });
  }
  return out;
};
