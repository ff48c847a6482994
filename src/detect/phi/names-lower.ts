/**
 * Names typed in lower case ("my name is lena andersson", "mr. elliott"): chat users often skip
 * capitals. Only after a cue that announces a name, and only up to the first ordinary word.
 */
import { lexicon } from './lexicon.js';
import { NEVER_NAME } from './stopwords.js';
import type { Sink } from './types.js';

const LETTER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u017f';
const CUE_LOWER = new RegExp(
  String.raw`\b(?:my name is|maiden name is|last name is|first name is|name:|everyone calls me|calls me|call me|(?:mr|mrs|ms|dr)\.|gender of)[ \t]{1,6}` +
    `([${LETTER}][${LETTER}'-]{1,24}(?: [a-z]\\.?(?= ))?(?: [${LETTER}][${LETTER}'-]{1,24}){0,2})`,
  'gi',
);

export function findNamesLower(text: string, sink: Sink): void {
  for (const m of text.matchAll(CUE_LOWER)) {
    const value = m[1] ?? '';
    // Capitalised names are the Latin-script detector's; here only all-lower-case values.
    if (value === '' || value !== value.toLowerCase()) continue;
    const words = value.split(' ');
    const { first, last } = lexicon();
    // "my name is lena andersson": two words; after a title ("ms. quinzia wants") a second word only when it is a listed name.
    const announced = /name|call/i.test(m[0].slice(0, m[0].length - value.length));
    let n = 0;
    while (n < words.length && !NEVER_NAME.has(words[n] ?? '')) {
      const w = words[n] ?? '';
      if (n > 0 && w.length > 2 && !first.has(w) && !last.has(w) && !(announced && n === 1)) break;
      n++;
    }
    if (n === 0) continue;
    const kept = words.slice(0, n).join(' ').replace(/[ .]+$/, '');
    const start = m.index + m[0].length - value.length;
    sink(start, start + kept.length, 'NAME', 0.7, 'name.lower_cue');
  }
}
