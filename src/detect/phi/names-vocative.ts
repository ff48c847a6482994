/**
 * A given name addressed at the end of a sentence: "Don't go to town, Mark!", "Remember me, Kelly?".
 * The name lists call Mark, Rose or Will ordinary words too (AMBIGUOUS), so neither the rules nor
 * the Latin model take them without a cue; the comma before and the "!" or "?" right after are one.
 * Only the common given-name list (en/es), only a single capitalised word, only before "!" or "?"
 * (", Inc." and ", Tylenol." end sentences with a period). Found from each "!" and "?" backwards.
 */
import { lexicon, type Lexicon } from './lexicon.js';
import type { Sink } from './types.js';

/** ", " then a capitalised word of 2-20 letters, ending where the "!" or "?" starts. */
const VOCATIVE = /, ([A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{1,19})$/;

const MARK = /[!?]/g;

export function findVocatives(text: string, sink: Sink, lex: Lexicon = lexicon()): void {
  const re = new RegExp(MARK);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    // Most marks follow no word of the shape: one character decides before the window.
    const prev = text.charCodeAt(i - 1);
    if (!(prev >= 97 && prev <= 122) && !(prev >= 0xdf && prev <= 0xff)) continue;
    const word = VOCATIVE.exec(text.slice(Math.max(0, i - 24), i))?.[1];
    if (word === undefined || !lex.first.has(word.toLowerCase())) continue;
    sink(i - word.length, i, 'NAME', 0.55, 'name.latin.vocative');
  }
}
