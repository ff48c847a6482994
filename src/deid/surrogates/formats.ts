import type { KeyedStream } from '../keyed.js';
import type { Pick } from './names.js';
import { nameLists } from './lists.js';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * Same length, same separators, same letter case; digits and letters drawn from the keyed stream.
 * `keep` leading characters stay as they are (country and area codes of a phone number).
 */
function scramble(original: string, s: KeyedStream, keep = 0): string {
  let out = '';
  let groupStart = true;
  for (let i = 0; i < original.length; i += 1) {
    const c = original[i] ?? '';
    if (i < keep) out += c;
    else if (isDigit(c)) out += String(groupStart && c !== '0' ? 1 + s.next(9) : s.next(10)); // no new leading zeros
    else if (c >= 'A' && c <= 'Z') out += String.fromCharCode(65 + s.next(26));
    else if (c >= 'a' && c <= 'z') out += String.fromCharCode(97 + s.next(26));
    else out += c;
    groupStart = !/[0-9A-Za-z]/.test(c);
  }
  return out;
}

export function phoneSurrogate(original: string, s: KeyedStream): string {
  // Keep "+82 10-" / "010-" / "(555) ": the carrier or area code says little and keeps it plausible.
  const groups = [...original.matchAll(/\+?\d+/g)];
  let keep = 0;
  if (groups.length >= 3) {
    const first = groups[0];
    const second = groups[1];
    const lead = first?.[0].startsWith('+') ? second : first;
    if (lead && lead[0].length <= 4) keep = (lead.index ?? 0) + lead[0].length;
  }
  return scramble(original, s, keep);
}

export function ssnSurrogate(original: string, s: KeyedStream): string {
  for (let i = 0; i < 16; i += 1) {
    const c = scramble(original, s);
    const d = c.replace(/\D/g, '');
    if (d.length === 9 && (d.startsWith('000') || d.startsWith('666') || d.startsWith('9') || d.slice(3, 5) === '00' || d.endsWith('0000'))) continue;
    return c;
  }
  return scramble(original, s);
}

const yymmdd = (y: number, m: number, d: number): string => [y, m, d].map((n) => String(n).padStart(2, '0')).join('');

/** Korean resident number: a real calendar birth date, the original sex/century digit, a valid check digit. */
export function rrnSurrogate(original: string, s: KeyedStream): string {
  const digits = original.replace(/\D/g, '');
  const masked = /^(\d{6})( ?[-–] ?)(\d)(\d*)([^\d]+)$/.exec(original);
  if (masked) {
    // A partly masked number ("920315-2******"): another real birth date, the same sex digit and mask.
    const yy = s.next(100);
    const mm = 1 + s.next(12);
    const date = yymmdd(yy, mm, 1 + s.next(28));
    const shown = Array.from(masked[4] ?? '', () => s.next(10)).join('');
    return `${date}${masked[2] ?? '-'}${masked[3] ?? ''}${shown}${masked[5] ?? ''}`;
  }
  if (digits.length !== 13) return scramble(original, s);
  const month = 1 + s.next(12);
  const day = 1 + s.next(28);
  const body = `${yymmdd(s.next(100), month, day)}${digits[6]}${Array.from({ length: 5 }, () => s.next(10)).join('')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return refill(original, body + String((11 - (sum % 11)) % 10));
}

export function luhnSurrogate(original: string, s: KeyedStream): string {
  const scrambled = scramble(original, s).replace(/\D/g, '');
  const body = scrambled.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return refill(original, body + String((10 - (sum % 10)) % 10));
}

/** Writes `digits` into the digit positions of `like`. */
function refill(like: string, digits: string): string {
  let k = 0;
  return like.replace(/\d/g, () => digits[k++] ?? '0');
}

export function genericIdSurrogate(original: string, s: KeyedStream): string {
  // Keep a recognisable textual prefix like "MRN-" or "NHC" so the record still reads naturally.
  const prefix = /^[A-Za-z]{1,4}[-:#\s]+(?=\d)/.exec(original)?.[0].length ?? 0;
  return scramble(original, s, prefix);
}

/** Synthetic address on a reserved domain (RFC 2606), built from surrogate names. */
export function emailSurrogate(original: string, pick: Pick, attempt: number): string {
  const s = pick('email', original.toLowerCase());
  const { enFirst, enLast } = nameLists();
  const first = (enFirst[(s.next(enFirst.length) + attempt) % enFirst.length] ?? 'alex').toLowerCase();
  const last = (enLast[s.next(enLast.length)] ?? 'lee').toLowerCase();
  const local = `${first}.${last}${attempt > 0 ? attempt : ''}`.normalize('NFKD').replace(/[^a-z0-9.]/g, '');
  const domain = ['example.org', 'example.com', 'example.net'][s.next(3)] ?? 'example.org';
  return original === original.toUpperCase() && /[A-Z]/.test(original) ? `${local}@${domain}`.toUpperCase() : `${local}@${domain}`;
}

export function urlSurrogate(original: string, s: KeyedStream): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\//.exec(original)?.[0] ?? '';
  const www = /^(?:[A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/)?www\./i.test(original) ? 'www.' : '';
  const path = Array.from({ length: 8 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[s.next(36)]).join('');
  return `${scheme}${www}example.org/${path}`;
}

export function ipSurrogate(original: string, s: KeyedStream): string {
  if (original.includes(':')) return `2001:db8::${(1 + s.next(0xfffe)).toString(16)}`;
  const nets = ['192.0.2', '198.51.100', '203.0.113'];
  return `${nets[s.next(3)]}.${1 + s.next(254)}`;
}

/**
 * Another age over 89 in the same words ("92-year-old" -> "97-year-old", "91세" -> "103세"): the text
 * still says the patient is very old, which is what Safe Harbor lets it say, without the exact age.
 */
export function ageSurrogate(original: string, s: KeyedStream): string | undefined {
  const m = /\d{2,3}/.exec(original);
  if (!m) return undefined;
  const age = Number(m[0]);
  let next = 90 + s.next(20);
  if (next === age) next = next === 109 ? 90 : next + 1;
  return original.slice(0, m.index) + String(next) + original.slice(m.index + m[0].length);
}
