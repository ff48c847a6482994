/**
 * Windows around cheap anchor hits ('@', '.com') for the e-mail and domain patterns of contact.ts,
 * so a pattern that could start at any letter is not tried at every letter of a long text. Inside
 * a window the pattern is tried (sticky) only where a match can start: the first character of a
 * run of the characters its first part is made of, when that run ends at '@' (e-mail) or holds a
 * '.' (domain), found from the '@' or '.' backwards. Every match starts there (its look-behind
 * refuses any other position), so the matches are those of a global scan of the window, at a
 * fraction of the attempts.
 */

/** Gives the next position >= `from` in `s` where the pattern can start, or -1. */
export type StartFinder = (s: string, from: number) => number;

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// [A-Za-z0-9._%+-]: an e-mail local part, and (with '_' from \w) its look-behind class too.
const isLocal = (c: number): boolean => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
// [A-Za-z0-9.-]: host characters; the domain look-behind adds '_' and '@'.
const isHost = (c: number): boolean => isAlnum(c) || c === 46 || c === 45;

/** The start of the maximal run of `inRun` characters that holds position `i`. */
function runStart(s: string, i: number, inRun: (c: number) => boolean): number {
  let r = i;
  while (r > 0 && inRun(s.charCodeAt(r - 1))) r--;
  return r;
}

/**
 * EMAIL starts: a maximal local-part run of at most 64 characters, alphanumeric first, followed
 * by '@'. Found from each '@' backwards, so only the few '@' of a window cost a loop.
 */
export const emailStarts: StartFinder = (s, from) => {
  for (let at = s.indexOf('@', from); at >= 0; at = s.indexOf('@', at + 1)) {
    const r = runStart(s, at, isLocal);
    if (r >= from && r < at && at - r <= 64 && isAlnum(s.charCodeAt(r))) return r;
  }
  return -1;
};

/**
 * DOMAIN starts: a maximal host run holding a '.', alphanumeric first, not after '_' or '@'.
 * Found from each '.' backwards; dots of one run give its start once (later ones fall below `from`).
 */
export const domainStarts: StartFinder = (s, from) => {
  for (let dot = s.indexOf('.', from); dot >= 0; dot = s.indexOf('.', dot + 1)) {
    const r = runStart(s, dot, isHost);
    if (r < from) continue;
    const prev = r > 0 ? s.charCodeAt(r - 1) : -1;
    if (isAlnum(s.charCodeAt(r)) && prev !== 95 && prev !== 64) return r;
  }
  return -1;
};

/** The matches of sticky `re` in `s`, in the order and without the overlaps of a global scan. */
export function* stickyMatches(s: string, re: RegExp, starts: StartFinder): Generator<[number, number]> {
  let at = starts(s, 0);
  while (at >= 0) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (m) {
      yield [at, at + m[0].length];
      at = starts(s, at + Math.max(1, m[0].length));
    } else {
      at = starts(s, at + 1);
    }
  }
}

/**
 * Runs sticky `full` in windows around the hits of global `anchor`. Hits are reported once, in
 * order; a match cut by a window's end is left to the next window.
 */
export function forWindows(text: string, anchor: RegExp, before: number, after: number, full: RegExp, starts: StartFinder, hit: (start: number, end: number) => void): void {
  let from = -1;
  let lastEnd = -1;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    const ws = Math.max(0, a.index - before, from);
    const we = Math.min(text.length, a.index + a[0].length + after);
    if (we <= ws) continue;
    for (const [ms, me] of stickyMatches(text.slice(ws, we), full, starts)) {
      const s = ws + ms;
      if (s < lastEnd) continue;
      // A match touching the window edge may be cut; the next window (starting at `from`) retries it.
      if (ws + me === we && we < text.length) break;
      hit(s, ws + me);
      lastEnd = ws + me;
    }
    from = Math.max(from, lastEnd, a.index - before);
    if (a[0].length === 0) anchor.lastIndex++;
  }
}
