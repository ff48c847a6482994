/**
 * Check-digit validators. A valid check digit turns a plausible digit run into a confident
 * identifier; an invalid one lets the detector fall back to context cues instead of guessing.
 * All take digits-only (or alphanumeric for IBAN/VIN/DEA) strings and never throw.
 */

const digitsOnly = (s: string): string => s.replace(/[^0-9]/g, '');

export function luhn(digits: string): boolean {
  if (!/^\d{2,32}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** NPI: Luhn over the prefix 80840 + the 10 digits (the ISO health-industry issuer prefix). */
export function isValidNpi(value: string): boolean {
  const d = digitsOnly(value);
  return d.length === 10 && /^[12]/.test(d) && luhn(`80840${d}`);
}

/** DEA: 2 letters + 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7. */
export function isValidDea(value: string): boolean {
  const m = /^([A-Z])([A-Z9])(\d{7})$/.exec(value.toUpperCase());
  if (!m || !m[3]) return false;
  const d = [...m[3]].map(Number) as [number, number, number, number, number, number, number];
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}

const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|3(?:0[0-5]|[68])|6(?:011|5|4[4-9]|22)|35|2131|1800|62|8[1-8])/;

/** Payment card: 13-19 digits, Luhn, and a known issuer prefix (Visa, MC, Amex, Diners, Discover, JCB, UnionPay). */
export function isValidCard(value: string): boolean {
  const d = digitsOnly(value);
  return d.length >= 13 && d.length <= 19 && CARD_PREFIX.test(d) && luhn(d);
}

/** ABA routing number: weights 3-7-1 over the 9 digits sum to a multiple of 10. */
export function isValidAba(value: string): boolean {
  const d = digitsOnly(value);
  if (d.length !== 9 || /^0{9}$/.test(d)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (w[i % 3] ?? 0);
  return sum % 10 === 0;
}

/** IBAN: move the first four characters to the end, letters to 10..35, mod 97 must be 1. */
export function isValidIban(value: string): boolean {
  const s = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const c of v) rem = (rem * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const VIN_VALUES: Readonly<Record<string, number>> = Object.freeze({
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
});
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** VIN (North America): position 9 is the weighted sum mod 11 (10 written as X). */
export function isValidVin(value: string): boolean {
  const s = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = s[i] ?? '';
    const v = ch >= '0' && ch <= '9' ? Number(ch) : (VIN_VALUES[ch] ?? 0);
    sum += v * (VIN_WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return s[8] === (check === 10 ? 'X' : String(check));
}

/**
 * Korean resident registration number check digit (weights 2..9,2..5, (11 - sum mod 11) mod 10).
 * Foreigner numbers (7th digit 5-8) use (13 - sum mod 11) mod 10. Numbers issued since
 * October 2020 carry a random last digit, so a failed check must lower confidence, not reject.
 */
export function isValidKrRrnChecksum(value: string): boolean {
  const d = digitsOnly(value);
  if (d.length !== 13) return false;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (d.charCodeAt(i) - 48) * (w[i] ?? 0);
  const g = d.charCodeAt(6) - 48;
  const last = d.charCodeAt(12) - 48;
  const foreign = g >= 5 && g <= 8;
  const expected = foreign ? (13 - (sum % 11)) % 10 : (11 - (sum % 11)) % 10;
  return expected === last;
}
