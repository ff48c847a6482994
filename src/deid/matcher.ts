import type { Vault } from './vault.js';

interface Node {
  readonly next: Map<number, Node>;
  value?: string;
}

const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A match decision at one position: found, none, or undecidable until more text arrives. */
export type Step = { kind: 'match'; end: number; value: string } | { kind: 'none' } | { kind: 'wait' };

// Shared results: `at` runs once per input character, so the common answers allocate nothing.
const NONE: Step = Object.freeze({ kind: 'none' });
const WAIT: Step = Object.freeze({ kind: 'wait' });

/**
 * A trie of surrogate strings (leftmost-longest matching). A surrogate that starts or ends with an
 * ASCII letter or digit only matches on a word boundary there, so "Ann Lee" is not found inside
 * "Joann Leeds"; Hangul surrogates match anywhere because Korean particles attach directly (김민준은).
 */
export class SurrogateMatcher {
  readonly #root: Node = { next: new Map() };
  /** 1 for every UTF-16 unit some surrogate starts with: most positions are skipped on one load. */
  readonly #starts = new Uint8Array(65536);
  readonly maxLength: number;

  constructor(pairs: Iterable<readonly [string, string]>) {
    let max = 0;
    for (const [surrogate, original] of pairs) {
      let node = this.#root;
      if (surrogate.length > 0) this.#starts[surrogate.charCodeAt(0)] = 1;
      for (let i = 0; i < surrogate.length; i += 1) {
        const c = surrogate.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map() };
          node.next.set(c, child);
        }
        node = child;
      }
      node.value = original;
      max = Math.max(max, surrogate.length);
    }
    this.maxLength = max;
  }

  static fromVault(vault: Vault): SurrogateMatcher {
    return new SurrogateMatcher((function* () {
      for (const e of vault.entries()) yield [e.surrogate, e.original] as const;
    })());
  }

  /**
   * Tries a match starting at `i`. `prev` is the char code before `i` (-1 at the start of input);
   * `final` says no more text follows `text`.
   */
  at(text: string, i: number, prev: number, final: boolean): Step {
    const first = text.charCodeAt(i);
    if (this.#starts[first] === 0) return NONE;
    let node = this.#root.next.get(first);
    if (!node) return NONE;
    if (isAsciiWord(first) && prev >= 0 && isAsciiWord(prev)) return NONE;
    let j = i + 1;
    let bestEnd = -1;
    let bestValue = '';
    for (;;) {
      if (node.value !== undefined) {
        const last = text.charCodeAt(j - 1);
        if (j >= text.length && !final && isAsciiWord(last)) return WAIT;
        const after = j < text.length ? text.charCodeAt(j) : -1;
        if (!isAsciiWord(last) || after < 0 || !isAsciiWord(after)) {
          bestEnd = j;
          bestValue = node.value;
        }
      }
      if (j >= text.length && !final && node.next.size > 0) return WAIT;
      const child: Node | undefined = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
      if (!child) return bestEnd < 0 ? NONE : { kind: 'match', end: bestEnd, value: bestValue };
      node = child;
      j += 1;
    }
  }
}
