import { hmac, KeyedStream } from './keyed.js';
import { shiftDate, type DateOrder } from './surrogates/dates.js';
import { ageSurrogate, emailSurrogate, genericIdSurrogate, ipSurrogate, luhnSurrogate, phoneSurrogate, rrnSurrogate, ssnSurrogate, urlSurrogate } from './surrogates/formats.js';
import { nameSurrogate } from './surrogates/names.js';
import { placeSurrogate } from './surrogates/places.js';
import type { Vault } from './vault.js';

const MAX_ATTEMPTS = 24;
const MAX_REALISTIC_CHARS = 256;

/** Value normalisation for consistency: case, spacing and width variants are the same person. */
export const normalise = (v: string): string => v.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Offset in days, ±1..365, fixed per key and patient so every interval of one patient survives. */
export function dateOffset(key: Uint8Array, patientId: string): number {
  const x = hmac(key, 'date-offset', patientId).readUInt32BE(0);
  const magnitude = 1 + (x % 365);
  return (x >>> 31) === 1 ? -magnitude : magnitude;
}

/**
 * Chooses and records surrogates. A value already in the vault keeps its surrogate; a new one
 * gets a candidate from the keyed hash, and another candidate while the first stands for a
 * different value, so the vault stays a one-to-one map and restoring is exact.
 */
export class Pseudonymizer {
  readonly #key: Uint8Array;
  readonly #offset: number;

  constructor(private readonly vault: Vault, key: Uint8Array, patientId: string, private readonly dateOrder: DateOrder) {
    this.#key = key;
    this.#offset = dateOffset(key, patientId);
  }

  /**
   * `clashes` rejects a candidate that may already occur in the text (restoring would touch it too).
   * `surname` says the text uses a one-word name as a surname (after a title, or as the last word
   * of another name in it), which the word alone cannot tell ("Miller" is a given name too).
   */
  surrogate(type: string, original: string, clashes?: (candidate: string) => boolean, surname = false): string {
    const known = this.vault.surrogateFor(type, original);
    if (known !== undefined) return known;
    // Format-preserving surrogates are as long as the original, so a huge span goes straight to a tag.
    const attempts = original.length > MAX_REALISTIC_CHARS ? 0 : MAX_ATTEMPTS;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const candidate = this.#candidate(type, original, attempt, surname);
      // No real name, date or number is this long; a tag keeps the vault's surrogates short.
      if (candidate === undefined || candidate.length > MAX_REALISTIC_CHARS) break;
      if (clashes?.(candidate) === true && this.vault.surrogateFor(type, original) === undefined && this.vault.originalFor(candidate) === undefined) continue;
      if (this.vault.bind(type, original, candidate)) return candidate;
    }
    // No realistic form (or all taken): a tagged token is still unique and reversible.
    for (let attempt = 0; ; attempt += 1) {
      const tag = `[${type}-${hmac(this.#key, `tag#${attempt}`, `${type}\u0000${original}`).toString('hex').slice(0, 8)}]`;
      if (this.vault.bind(type, original, tag)) return tag;
    }
  }

  #candidate(type: string, original: string, attempt: number, surname: boolean): string | undefined {
    const norm = normalise(original);
    const stream = (label: string, value: string): KeyedStream => new KeyedStream(this.#key, label, value);
    const s = stream(`${type}#${attempt}`, norm);
    switch (type) {
      case 'NAME':
        return nameSurrogate(original, stream, attempt, surname);
      case 'DATE':
        // A date's shift is fixed; a collision means another format maps there, so fall back to a tag.
        return attempt === 0 ? shiftDate(original, this.#offset, this.dateOrder) : undefined;
      case 'PHONE':
      case 'FAX':
        return phoneSurrogate(original, s);
      case 'SSN':
        return ssnSurrogate(original, s);
      case 'KR_RRN':
      case 'KR_FRN':
        return rrnSurrogate(original, s);
      case 'CREDIT_CARD':
        return luhnSurrogate(original, s);
      case 'EMAIL':
        return emailSurrogate(original, stream, attempt);
      case 'URL':
        return urlSurrogate(original, s);
      case 'LOCATION':
        return placeSurrogate(original, stream, attempt);
      case 'AGE_OVER_89':
        return ageSurrogate(original, s);
      case 'IP':
        return ipSurrogate(original, s);
      case 'MRN': case 'ID': case 'ACCOUNT': case 'HEALTH_PLAN_ID': case 'LICENSE': case 'VEHICLE':
      case 'DEVICE_ID': case 'NPI': case 'DEA':
        return /\d/.test(original) ? genericIdSurrogate(original, s) : undefined;
      default:
        return undefined;
    }
  }
}
