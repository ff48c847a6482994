/**
 * The compact per-row features the cross-row checks need, kept for at most `maxCrossRows` rows:
 * prompt word hashes (bounded), the answer's shingle set, and keys of the normalised answer and
 * whole row. No text is kept, so memory is a few hundred bytes per row whatever the row size.
 */
import type { DatasetRow } from '../types.js';
import { asciiWordHashes, hash32, key53, normalise, shingles, sortedUnique, wordBuffer, words } from '../tokens.js';

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
  /** Document frequency of prompt words: how many rows' prompts hold each word. */
  readonly promptDf = new Map<number, number>();
  readonly vocabulary = new Map<number, string>();
  private readonly buffer = wordBuffer(MAX_TOKENS);

  constructor(readonly maxRows: number) {}

  get full(): boolean {
    return this.rows.length >= this.maxRows;
  }

  add(row: DatasetRow): boolean {
    if (this.full) return false;
    const prompt = this.promptWords(row.prompt);
    for (const t of sortedUnique(prompt.slice())) this.promptDf.set(t, (this.promptDf.get(t) ?? 0) + 1);
    const answerNorm = normalise(row.answer);
    // The answer is tokenised once: its hashes are the shingle input and, when short, its folded
    // words the fixed-answer features; its normal form is reused in the row key.
    let hashes: Uint32Array;
    let short: Uint32Array | undefined;
    const b = this.buffer;
    if (asciiWordHashes(answerNorm, MAX_TOKENS, b)) {
      hashes = b.plain.slice(0, b.count);
      if (b.count <= SHORT_ANSWER) short = b.folded.slice(0, b.count);
    } else {
      const a = words(answerNorm, MAX_TOKENS);
      hashes = Uint32Array.from(a, (x) => hash32(x));
      if (a.length <= SHORT_ANSWER) short = Uint32Array.from(a, (x) => hash32(fold(x)));
    }
    this.rows.push({
      index: row.index,
      line: row.line,
      prompt,
      answer: shingles(hashes),
      answerKey: key53(answerNorm),
      ...(short ? { shortAnswer: short } : {}),
      rowKey: key53(row.texts.map((t) => `${t.role}\u0000${t.text === row.answer ? answerNorm : normalise(t.text)}`).join('\u0001')),
    });
    return true;
  }

  /** Folded word hashes of a prompt; a word is remembered (for printing a trigger) the first time its hash is seen. */
  private promptWords(text: string): Uint32Array {
    const b = this.buffer;
    const roomy = this.vocabulary.size < MAX_VOCABULARY;
    if (asciiWordHashes(text, MAX_TOKENS, b)) {
      const prompt = b.folded.slice(0, b.count);
      for (let i = 0; roomy && i < b.count; i++) {
        const h = prompt[i]!;
        if (!this.vocabulary.has(h)) this.vocabulary.set(h, fold(text.slice(b.start[i]!, b.end[i]!).toLowerCase()));
      }
      return prompt;
    }
    const w = words(text, MAX_TOKENS);
    const prompt = new Uint32Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const word = fold(w[i]!);
      const h = hash32(word);
      prompt[i] = h;
      if (this.vocabulary.size < MAX_VOCABULARY && !this.vocabulary.has(h)) this.vocabulary.set(h, word);
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
    return (t) => Math.log(n / ((this.promptDf.get(t) ?? 0) + 1));
  }

  commonWords(): (t: number) => boolean {
    const limit = Math.max(8, Math.ceil(this.rows.length * 0.1));
    return (t) => (this.promptDf.get(t) ?? 0) > limit;
  }
}
