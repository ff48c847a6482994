/**
 * Contact details: e-mail, URL, IP, phone and fax numbers. Every pattern starts on a rare
 * character or a digit and uses bounded, non-overlapping repetitions (linear time).
 */
import { grouped } from './alternation.js';
import { domainStarts, emailStarts, forWindows } from './contact-windows.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';
import { sticky } from './anchors.js';

export const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![\w-])/g;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^]{2,2048}/gi;
export const DOMAIN = /(?<![\w@.-])[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,3}\.(?:com|org|net|edu|gov|info|biz|io|es|kr|co\.kr|uk|de|fr|it|nl|be|ch|si|cy|au|us|ca|mx|ar|cl|pt|jp|cn)(?:\/[^\s<>"']{0,200})?(?![\w@])/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d]|\.\d)/g;
const TLD_ANCHOR = /\.(?:com|org|net|edu|gov|info|biz|io|es|kr|uk|de|fr|it|nl|be|ch|si|cy|au|us|ca|mx|ar|cl|pt|jp|cn)\b/;
// IPv6 needs '::' or three colons between hex groups; times (12:30:45) have two.
const TLD_ANCHOR_G = new RegExp(TLD_ANCHOR.source, 'g');
const AT_ANCHOR = /@/g;
// Sticky copies for the windows (contact-windows.ts), tried only where a match can start.
const EMAIL_Y = sticky(EMAIL);
const DOMAIN_Y = sticky(DOMAIN);

const IPV6_ANCHOR = /::|[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

const US_PHONE = /(?<![\w+])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?!\d)/g;
const KR_PHONE = /(?<![\d+])0(?:1[016789]|2|[3-6][1-5]|70|50[2-8])(?:[-. )]{1,2}\d{3,4}[-. ]\d{4}|\d{7,8})(?![\d])/g;
const INTL_PHONE = /(?<![\w+])(?:\(\+\d{1,4}\)|\+)\s?\d[\d .()-]{6,22}\d/g;
// After a cue word: any digit run of phone length, in any national format.
// Built grouped by first letter (alternation.ts): the same matches, faster.
const PHONE_CUE = grouped(/(?<![A-Za-z])(?:tel[eé]fonos?|tel|tfno|tlfno|tlf|phone|ph|mobile|cell|m[oó]vil|contact(?:\s?phone)?|call|fax|pager|beeper|messages to|answering at|registered|reach me at|text me at|call me at|my (?:cell |phone |mobile )?number|office|연락처|전화(?:번호)?|휴대폰|핸드폰|휴대전화|자택|직장|팩스)(?![a-z])/gi);
const PHONE_AFTER_CUE = /\+?\(?\d[\d .()/-]{5,22}\d/y;
const FAX_NEAR = /(?:fax|팩스|telefax)[^\n]{0,20}$/i;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Fax when a fax cue sits shortly before the number on the same line. */
function phoneType(text: string, start: number): 'PHONE' | 'FAX' {
  const before = text.slice(Math.max(0, start - 24), start);
  if (!FAX_NEAR.test(before)) return 'PHONE';
  // "Tel: 1234 Fax: 5678" – the nearest cue decides.
  const tel = before.search(/(?:tel|phone|tfno|tlf|전화|연락처)[^\n]*$/i);
  const fax = before.search(/(?:fax|팩스)[^\n]*$/i);
  return tel > fax ? 'PHONE' : 'FAX';
}

function isIpv6(s: string): boolean {
  const colons = s.split(':').length - 1;
  if (s.includes(':::')) return false;
  if (s.includes('::')) return colons >= 2 && /[0-9a-f]/i.test(s) && (s.match(/::/g) ?? []).length === 1;
  return colons === 7 && s.split(':').every((g) => g.length >= 1);
}

export function findContact(text: string, sink: Sink): void {
  if (text.includes('@')) {
    forWindows(text, AT_ANCHOR, 70, 260, EMAIL_Y, emailStarts, (s, e) => sink(s, e, 'EMAIL', 0.99, 'email'));
  }
  for (let m = firstMatch(URL_RE, text); m; m = nextMatch(URL_RE, text, m)) {
    const v = m[0].replace(/[.,;:!?)\]]+$/, '');
    sink(m.index, m.index + v.length, 'URL', 0.95, 'url');
  }
  if (text.includes('.')) {
    if (TLD_ANCHOR.test(text)) {
      forWindows(text, TLD_ANCHOR_G, 260, 220, DOMAIN_Y, domainStarts, (s, e) => {
        const v = text.slice(s, e).replace(/[.,;:!?)\]]+$/, '');
        sink(s, s + v.length, 'URL', 0.8, 'url.domain');
      });
    }
    for (let m = firstMatch(IPV4, text); m; m = nextMatch(IPV4, text, m)) sink(m.index, m.index + m[0].length, 'IP', 0.9, 'ip.v4');
  }
  if (IPV6_ANCHOR.test(text)) {
    for (let m = firstMatch(IPV6, text); m; m = nextMatch(IPV6, text, m)) if (isIpv6(m[0])) sink(m.index, m.index + m[0].length, 'IP', 0.9, 'ip.v6');
  }
  for (let m = firstMatch(US_PHONE, text); m; m = nextMatch(US_PHONE, text, m)) sink(m.index, m.index + m[0].length, phoneType(text, m.index), 0.85, 'phone.us');
  for (let m = firstMatch(KR_PHONE, text); m; m = nextMatch(KR_PHONE, text, m)) sink(m.index, m.index + m[0].length, phoneType(text, m.index), 0.9, 'phone.kr');
  if (text.includes('+')) {
    for (let m = firstMatch(INTL_PHONE, text); m; m = nextMatch(INTL_PHONE, text, m)) {
      const v = m[0].replace(/[ .(-]+$/, '');
      const d = digitCount(v);
      if (d >= 8 && d <= 15) sink(m.index, m.index + v.length, phoneType(text, m.index), 0.85, 'phone.intl');
    }
  }
  for (let m = firstMatch(PHONE_CUE, text); m; m = nextMatch(PHONE_CUE, text, m)) findPhonesAfterCue(text, m.index + m[0].length, sink);
}

/** A cue covers the next ~60 characters of its line, so "Tel. 956 013 059 y 956 013 060" gets both. */
function findPhonesAfterCue(text: string, from: number, sink: Sink): void {
  const limit = Math.min(text.length, from + 60);
  let i = from;
  let newlines = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    // "Phone:\n(08) 8747 6301": the value may sit on the next line, never further.
    if (c === 10 && (++newlines > 1 || !/^[\s:.#-]*$/.test(text.slice(from, i)))) return;
    if ((c >= 48 && c <= 57) || c === 43 || c === 40) {
      PHONE_AFTER_CUE.lastIndex = i;
      const m = PHONE_AFTER_CUE.exec(text);
      if (m) {
        const v = m[0].replace(/[ .(/-]+$/, '');
        const d = digitCount(v);
        if (d >= 7 && d <= 15 && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(v)) {
          sink(i, i + v.length, phoneType(text, i), 0.8, 'phone.cued');
        }
        i += Math.max(1, m[0].length);
        continue;
      }
    }
    i++;
  }
}
