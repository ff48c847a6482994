/**
 * Finds trigger literals in one pass without a regex. A giant alternation costs tens of
 * nanoseconds per character in irregexp; a first-character table plus a two-character bucket
 * lookup costs a few, which is what keeps the rules inside their share of the latency budget.
 * Matching is case-insensitive (triggers are lower-case; the text is lower-cased once).
 */

export interface TriggerScanner {
  /** Calls `onHit` with the offset and the longest trigger starting there, in text order. */
  scan(text: string, onHit: (at: number, trigger: string) => void): void;
  /** The same on text already passed through `lowerSameLength` (the caller reuses it). */
  scanLowered(low: string, onHit: (at: number, trigger: string) => void): void;
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);

/** Triggers by first code unit, then by second; each list longest first. */
type Buckets = Array<Map<number, string[]> | undefined>;

function bucket(triggers: readonly string[]): Buckets {
  const out: Buckets = new Array<Map<number, string[]> | undefined>(65536);
  for (const t of triggers) {
    const c0 = t.charCodeAt(0);
    const inner = out[c0] ?? new Map<number, string[]>();
    out[c0] = inner;
    const c1 = t.length > 1 ? t.charCodeAt(1) : -1;
    const list = inner.get(c1) ?? [];
    list.push(t);
    inner.set(c1, list);
  }
  for (const inner of out) for (const list of inner?.values() ?? []) list.sort((a, b) => b.length - a.length);
  return out;
}

/** ASCII word characters (after lower-casing the text, A-Z never occur but are kept for clarity). */
const WORD = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) t[c] = isWordCode(c) ? 1 : 0;
  return t;
})();

export function createTriggerScanner(triggers: readonly string[]): TriggerScanner {
  // Word-initial triggers only count at a word start, which keeps "ai" out of "maintain".
  // They start with an ASCII word character and have 2+ characters, so an array indexed by the
  // first two code units (when both are ASCII), then one by the third, replaces a hash lookup
  // and a run of startsWith calls at every word start.
  const wordyList = triggers.filter((t) => isWordCode(t.charCodeAt(0)));
  const wordyAscii = new Array<AsciiPrefix | undefined>(128 * 128);
  const wordyWide = new Map<number, string[]>();
  for (const t of wordyList) {
    const c0 = t.charCodeAt(0);
    const c1 = t.charCodeAt(1);
    if (c1 < 128) {
      const entry = (wordyAscii[c0 * 128 + c1] ??= { pairs: [], asciiThird: new Array<string[] | undefined>(128), wideThird: new Map<number, string[]>() });
      if (t.length === 2) entry.pairs.push(t);
      else {
        const c2 = t.charCodeAt(2);
        const list = (c2 < 128 ? entry.asciiThird[c2] : entry.wideThird.get(c2)) ?? [];
        if (c2 < 128) entry.asciiThird[c2] = list;
        else entry.wideThird.set(c2, list);
        list.push(t);
      }
      continue;
    }
    const list = wordyWide.get(c0 * 65536 + c1) ?? [];
    wordyWide.set(c0 * 65536 + c1, list);
    list.push(t);
  }
  for (const list of wordyWide.values()) list.sort((a, b) => b.length - a.length);
  for (const entry of wordyAscii) {
    for (const list of entry?.asciiThird ?? []) list?.sort((a, b) => b.length - a.length);
    for (const list of entry?.wideThird.values() ?? []) list.sort((a, b) => b.length - a.length);
  }
  const nonWord = triggers.filter((t) => !isWordCode(t.charCodeAt(0)));
  const other = bucket(nonWord);
  // Most characters start no non-word trigger: a byte per code unit answers that without
  // touching the 64K-entry array of maps.
  const startsOther = new Uint8Array(65536);
  for (const t of nonWord) startsOther[t.charCodeAt(0)] = 1;
  const scanLowered = (low: string, onHit: (at: number, trigger: string) => void): void => {
    const n = low.length;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = low.charCodeAt(i);
      if (c < 128 && WORD[c] === 1) {
        if (!prevWord && i + 1 < n) {
          const c1 = low.charCodeAt(i + 1);
          const found = c1 < 128 ? matchAscii(wordyAscii[c * 128 + c1], low, i) : firstMatch(wordyWide.get(c * 65536 + c1), low, i, 2);
          if (found !== undefined) onHit(i, found);
        }
        prevWord = true;
        continue;
      }
      prevWord = false;
      if (startsOther[c] === 0) continue;
      const found = longest(other[c] as Map<number, string[]>, low, i);
      if (found !== undefined) onHit(i, found);
    }
  };
  return { scan: (text, onHit) => scanLowered(lowerSameLength(text), onHit), scanLowered };
}

/**
 * Word-initial triggers sharing their first two (ASCII) characters, split by the third: a word
 * start looks at the few triggers that can match it instead of every trigger with its first two
 * letters ("re" alone starts 18), which was most of the scanner's time on prose.
 */
interface AsciiPrefix {
  /** Two-character triggers (at most one: the prefix itself). */
  readonly pairs: string[];
  /** Longer triggers by their third code unit (ASCII, then the rest), longest first. */
  readonly asciiThird: Array<string[] | undefined>;
  readonly wideThird: Map<number, string[]>;
}

function matchAscii(entry: AsciiPrefix | undefined, low: string, i: number): string | undefined {
  if (entry === undefined) return undefined;
  if (i + 2 < low.length) {
    const c2 = low.charCodeAt(i + 2);
    const found = firstMatch(c2 < 128 ? entry.asciiThird[c2] : entry.wideThird.get(c2), low, i, 3);
    if (found !== undefined) return found;
  }
  return entry.pairs[0];
}

/**
 * The first (longest) trigger of `list` at `i`; the first `known` units already match. A
 * charCodeAt loop the JIT inlines, where startsWith is a runtime call per candidate.
 */
function firstMatch(list: readonly string[] | undefined, low: string, i: number, known: number): string | undefined {
  if (list === undefined) return undefined;
  for (const t of list) {
    const m = t.length;
    if (i + m > low.length) continue;
    let k = known;
    while (k < m && low.charCodeAt(i + k) === t.charCodeAt(k)) k++;
    if (k === m) return t;
  }
  return undefined;
}

function longest(table: Map<number, string[]>, low: string, i: number): string | undefined {
  const pair = i + 1 < low.length ? table.get(low.charCodeAt(i + 1)) : undefined;
  if (pair) for (const t of pair) if (low.startsWith(t, i)) return t;
  const single = table.get(-1);
  return single ? single[0] : undefined;
}

/** Lower-cases without moving offsets: characters whose lower case changes length are left as is. */
export function lowerSameLength(text: string): string {
  const low = text.toLowerCase();
  if (low.length === text.length) return low;
  // Joined from parts so the result is a flat string: charCodeAt on a concatenation rope is slow.
  const parts: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const l = ch.toLowerCase();
    parts[i] = l.length === 1 ? l : ch;
  }
  return parts.join('');
}
