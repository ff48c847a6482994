/**
 * The compact per-row features the cross-row checks need, kept for at most `maxCrossRows` rows:
 * prompt word hashes (bounded), the answer's shingle set, and keys of the normalised answer and
 * whole row. No text is kept, so memory is a few hundred bytes per row whatever the row size.
 */
import type { DatasetRow } from '../types.js';
import { asciiWordHashes, hash32, shinglesInto, sortedUnique, wordBuffer, words } from '../tokens.js';
import { Key53, key53, normalise } from '../keys.js';
import { Uint32Pool } from '../pool.js';
import { WordTable } from '../words.js';

/** Words per prompt and per answer that the similarity checks look at. */
export const MAX_TOKENS = 96;
/** Answers of at most this many words keep their words: fixed (template) answers are short. */
export const SHORT_ANSWER = 32;
/** Distinct prompt words remembered so a trigger phrase can be printed; later words print as "?". */
const MAX_VOCABULARY = 200_000;

export interface RowFeatures {
  readonly index: number;
  readonly line: number;
  readonly prompt: Uint32Array;
  readonly answer: Uint32Array;
  readonly answerKey: number;
  /** Word hashes of a short answer (plural folded as in `prompt`), for the fixed-answer check. */
  readonly shortAnswer?: Uint32Array;
  readonly rowKey: number;
}

/** Plural and singular are one word for similarity ("adults" asks what "adult" asks). */
function fold(word: string): string {
  // /[^ius]s$/ by character codes: a regex test per word was a tenth of building the features.
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 0x73) return word;
  const c = word.charCodeAt(n - 2);
  return c === 0x69 || c === 0x75 || c === 0x73 ? word : word.slice(0, -1);
}

export class FeatureStore {
  readonly rows: RowFeatures[] = [];
  /** Document frequency of prompt words (how many rows' prompts hold each word), and the words kept for printing. */
  readonly words = new WordTable();
  private readonly buffer = wordBuffer(MAX_TOKENS);
  private readonly scratch = new Uint32Array(2 * MAX_TOKENS);
  private readonly pool = new Uint32Pool();
  private readonly key = new Key53();
  private readonly rowKey = new Key53();

  constructor(readonly maxRows: number) {}

  get full(): boolean {
    return this.rows.length >= this.maxRows;
  }

  add(row: DatasetRow): boolean {
    if (this.full) return false;
    const prompt = this.promptWords(row.prompt);
    const scratch = this.scratch;
    scratch.set(prompt);
    const distinct = sortedUnique(scratch.subarray(0, prompt.length));
    for (let i = 0; i < distinct.length; i++) this.words.count(distinct[i]!);
    // The answer is tokenised once: its hashes are the shingle input and, when short, its folded
    // words the fixed-answer features. An ASCII answer is tokenised as it is (its normal form has
    // the same words) and keyed by a normal form computed on the fly; only other answers build one.
    const b = this.buffer;
    const ascii = asciiWordHashes(row.answer, MAX_TOKENS, b);
    const answerNorm = ascii ? undefined : normalise(row.answer);
    let answer: Uint32Array;
    let short: Uint32Array | undefined;
    if (answerNorm === undefined || asciiWordHashes(answerNorm, MAX_TOKENS, b)) {
      answer = this.pool.copy(scratch, 0, shinglesInto(b.plain.subarray(0, b.count), scratch));
      if (b.count <= SHORT_ANSWER) short = this.pool.copy(b.folded, 0, b.count);
    } else {
      const a = words(answerNorm, MAX_TOKENS);
      answer = this.pool.copy(scratch, 0, shinglesInto(Uint32Array.from(a, (x) => hash32(x)), scratch));
      if (a.length <= SHORT_ANSWER) short = Uint32Array.from(a, (x) => hash32(fold(x)));
    }
    const answerKey = answerNorm === undefined ? this.key.reset().normalised(row.answer).value() : key53(answerNorm);
    // The texts' roles and the keys of their normal forms (the answer's is answerKey, so no text is
    // hashed twice), keyed in turn.
    const k = this.rowKey.reset();
    for (const t of row.texts) k.text(t.role).char(0).key(t.text === row.answer ? answerKey : this.key.reset().normalised(t.text).value()).char(1);
    const rowKey = k.value();
    this.rows.push(short ? { index: row.index, line: row.line, prompt, answer, answerKey, shortAnswer: short, rowKey } : { index: row.index, line: row.line, prompt, answer, answerKey, rowKey });
    return true;
  }

  /** Folded word hashes of a prompt; a word is remembered (for printing a trigger) the first time its hash is seen. */
  private promptWords(text: string): Uint32Array {
    const b = this.buffer;
    const roomy = this.words.words < MAX_VOCABULARY;
    if (asciiWordHashes(text, MAX_TOKENS, b)) {
      const prompt = this.pool.copy(b.folded, 0, b.count);
      for (let i = 0; roomy && i < b.count; i++) {
        const slot = this.words.wordless(prompt[i]!);
        if (slot >= 0) this.words.keep(slot, fold(text.slice(b.start[i]!, b.end[i]!).toLowerCase()));
      }
      return prompt;
    }
    const w = words(text, MAX_TOKENS);
    const prompt = new Uint32Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const word = fold(w[i]!);
      const h = hash32(word);
      prompt[i] = h;
      const slot = this.words.words < MAX_VOCABULARY ? this.words.wordless(h) : -1;
      if (slot >= 0) this.words.keep(slot, word);
    }
    return prompt;
  }

  /**
   * Words too common to say what a prompt is about (boilerplate prefixes, function words): in more
   * than 10% of the rows, and never fewer than 8 rows so small sets keep their words.
   */
  /** Inverse document frequency of a prompt word: rare words say more about what is asked. */
  idf(): (t: number) => number {
    const n = this.rows.length + 1;
    return (t) => Math.log(n / (this.words.df(t) + 1));
  }

  commonWords(): (t: number) => boolean {
    const limit = Math.max(8, Math.ceil(this.rows.length * 0.1));
    return (t) => this.words.df(t) > limit;
  }
}
