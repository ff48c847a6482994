import type { Span } from '../../core/types.js';

export interface SequenceSpan extends Span {
  /** A FASTA header line ('>' ...) directly precedes the sequence and is included in the span. */
  readonly fasta: boolean;
}

const MIN_BASES = 20;
/** Runs shorter than this end a block: FASTA lines and GenBank groups of ten are longer. */
const MIN_INNER_RUN = 8;
const MAX_GAP = 16;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isGap = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || (c >= 48 && c <= 57);

// Bit per base (A C G T U N), by char code, either case; 0 for every other code.
const BASE_BIT = new Uint8Array(128);
for (const [i, b] of ['a', 'c', 'g', 't', 'u', 'n'].entries()) {
  BASE_BIT[b.charCodeAt(0)] = 1 << i;
  BASE_BIT[b.toUpperCase().charCodeAt(0)] = 1 << i;
}
const N_BIT = 1 << 5;

/**
 * Nucleotide sequences of ≥ 20 bases, possibly grouped by whitespace and position numbers as in
 * FASTA/GenBank. A block is a chain of letter runs made only of bases: a run joins the block when
 * the run before it has ≥ 8 bases and only whitespace and digits (≤ 16) lie between; any other
 * word breaks it, so "CT scan" or "ACE inhibitor" never contribute.
 *
 * A reported block therefore starts at a whole run of ≥ 8 bases (a shorter first run can neither
 * reach 20 bases alone nor take a second run). Those starts are found by one regex scan, and the
 * run-by-run walk happens only from them: text without such a run (nearly all clinical prose)
 * costs the scan alone, not a JavaScript loop over every character.
 */
export function findSequences(text: string): SequenceSpan[] {
  const out: SequenceSpan[] = [];
  const re = LONG_RUN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Inside a longer word (the run must be a whole letter run): skip to that word's end.
    if (isLetter(text.charCodeAt(start - 1)) || isLetter(text.charCodeAt(end))) {
      let k = end;
      while (k < text.length && isLetter(text.charCodeAt(k))) k += 1;
      re.lastIndex = k;
      continue;
    }
    re.lastIndex = block(text, start, out);
  }
  return out;
}

const LONG_RUN = new RegExp(`[ACGTUNacgtun]{${MIN_INNER_RUN},}`, 'g');

/**
 * Walks the block that starts at the base run at `from`, reports it when it qualifies, and
 * returns where the next block may start: the first run that did not join, or past a word.
 */
function block(text: string, from: number, out: SequenceSpan[]): number {
  let blockEnd = -1;
  let bases = 0;
  let lastRun = 0;
  let seen = 0;
  let nCount = 0;
  const len = text.length;
  let i = from;
  let next = len;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (!isLetter(c)) {
      i += 1;
      continue;
    }
    const start = i;
    let runSeen = 0;
    let runN = 0;
    let allBases = true;
    while (i < len && isLetter(c = text.charCodeAt(i))) {
      const bit = BASE_BIT[c] ?? 0;
      if (bit === 0) allBases = false;
      runSeen |= bit;
      if (bit === N_BIT) runN += 1;
      i += 1;
    }
    if (!allBases) {
      next = i;
      break;
    }
    if (blockEnd >= 0 && !(lastRun >= MIN_INNER_RUN && start - blockEnd <= MAX_GAP && onlyGap(text, blockEnd, start))) {
      next = start;
      break;
    }
    blockEnd = i;
    bases += i - start;
    lastRun = i - start;
    seen |= runSeen;
    nCount += runN;
  }
  let distinct = 0;
  for (let b = seen & 0x1f; b !== 0; b &= b - 1) distinct += 1;
  if (bases >= MIN_BASES && distinct >= 3 && nCount * 2 < bases) out.push(withHeader(text, from, blockEnd));
  return next;
}

function onlyGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (!isGap(text.charCodeAt(k))) return false;
  return true;
}

/** Includes a FASTA header that sits on the line right before the sequence. */
function withHeader(text: string, start: number, end: number): SequenceSpan {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '' || lineStart === 0) return { start, end, fasta: false };
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  if (text[prevStart] === '>' && lineStart - prevStart <= 1000) return { start: prevStart, end, fasta: true };
  return { start, end, fasta: false };
}
