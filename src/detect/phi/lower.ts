/**
 * Lower-cased words of one text, kept for one call by a hash of their characters: the words around
 * the Latin name model's candidates ("the", "and", "Dr") repeat through a text, and each was sliced
 * and lower-cased again for every candidate next to it. Returning the same string object also lets
 * the list lookups reuse its cached hash. Per call, since the words are the text's own.
 */
export type LowerWords = Map<number, { readonly raw: string; readonly lw: string }>;

const MAX_WORDS = 50000;

/** text.slice(a, b).toLowerCase(), from `words` when the same characters were seen before. */
export function lowerAt(text: string, a: number, b: number, words: LowerWords | undefined): string {
  if (b <= a) return '';
  if (words === undefined) return text.slice(a, b).toLowerCase();
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const known = words.get(h);
  if (known !== undefined && known.raw.length === b - a && text.startsWith(known.raw, a)) return known.lw;
  const raw = text.slice(a, b);
  const lw = raw.toLowerCase();
  // A hash shared by two spellings keeps the first; the other is recomputed each time.
  if (known === undefined && words.size < MAX_WORDS) words.set(h, { raw, lw });
  return lw;
}
