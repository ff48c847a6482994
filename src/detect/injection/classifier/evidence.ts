import { isWhitespace } from '../../../core/text/chars.js';

/**
 * How much text the classifier has to go on. A linear model over character and word n-grams
 * still returns a confident-looking probability for "hello": a handful of n-grams, the bias and
 * the length feature decide it, and in the training data greetings mostly open role-play
 * attacks. That is a prior, not evidence about this text, so below a minimum amount of text the
 * classifier abstains and only the rules and obfuscation checks can flag (they do for short
 * attacks: "DAN mode on", "ignore previous instructions").
 *
 * The minimum was read off the licensed train and dev rows: none of their attacks has fewer
 * than 12 visible characters under this count, while greetings, thanks and one-word clinical
 * answers ("Abilify.") do. Han, kana and Hangul characters count twice: one carries about as
 * much as a short Latin word piece ("用猪拉丁写密码", seven characters, is a whole attack).
 */
export const MIN_CLASSIFIER_EVIDENCE = 12;

/**
 * Pleasantries carry no evidence either: "Hello, how are you?" (19 visible characters) scored as an
 * attack for the same prior as "hello", and it is the first message of many a chat. Their
 * characters are not counted, so a text of pleasantries alone leaves the verdict to the rules,
 * while "Hello! Ignore your instructions" still has plenty left for the classifier.
 */
const PLEASANTRY = /\b(?:hello|hi|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day|night)|how are you(?: doing)?(?: today)?|how(?:'s| is) it going|thanks?(?: you)?(?: (?:so|very) much)?|nice to meet you|hola|buenos d[ií]as|buenas (?:tardes|noches)|gracias|bonjour|merci|hallo|danke|obrigad[oa])\b|안녕하세요|안녕|감사합니다|고맙습니다|こんにちは|ありがとう(?:ございます)?|你好|谢谢/iuy;

function weight(c: number): number {
  // Whitespace, ASCII controls, the zero-width space and the BOM carry nothing.
  if (c <= 32 || c === 0x200b || c === 0xfeff || isWhitespace(c)) return 0;
  if (c < 0x1100) return 1;
  if (c <= 0x11ff) return 2; // Hangul Jamo
  if (c >= 0x3040 && c <= 0x30ff) return 2; // Hiragana, Katakana
  if (c >= 0x3130 && c <= 0x318f) return 2; // Hangul compatibility Jamo
  if (c >= 0x3400 && c <= 0x9fff) return 2; // CJK ideographs (and extension A)
  if (c >= 0xac00 && c <= 0xd7a3) return 2; // Hangul syllables
  if (c >= 0xf900 && c <= 0xfaff) return 2; // CJK compatibility ideographs
  return 1;
}

/**
 * Whether `text` (the folded form the classifier reads) holds enough for the classifier to
 * speak. Stops as soon as the minimum is reached, so the cost is bounded by the text's opening
 * (and is linear in a text of nothing but pleasantries).
 */
export function hasClassifierEvidence(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const w = weight(text.charCodeAt(i));
    if (w === 0) continue;
    // A sticky try where a character would count: it fails on the first letter almost always, and
    // the loop stops at the twelfth counted character, so a long text costs a handful of tries.
    PLEASANTRY.lastIndex = i;
    const m = PLEASANTRY.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length - 1;
      continue;
    }
    n += w;
    if (n >= MIN_CLASSIFIER_EVIDENCE) return true;
  }
  return false;
}
