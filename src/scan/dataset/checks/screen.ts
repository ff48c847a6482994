/**
 * Cheap screens that decide which texts go to the full injection and PHI detectors. The full
 * detectors cost 200-600 ns per byte; a fine-tuning set is mostly plain clinical prose, and the
 * dataset throughput target (10 MB/s per core) leaves about 100 ns per byte for everything. The
 * screens are deliberately wide (any non-ASCII character, markup, URLs, encoded-looking runs, any
 * instruction or role vocabulary), so what they let pass unscanned is plain ASCII prose without
 * any of those words; `fullInjection` / `fullPhi` switch them off.
 */

/** Outside printable ASCII + ordinary whitespace: homoglyphs, invisible/bidi/tag characters, other scripts. */
const UNUSUAL = /[^\x20-\x7e\t\n\r]/;
/** Markup, template and link syntax that hides or frames instructions; '@' for addresses to send data to. */
const MARKUP = /[<>{}[\]`|\\@]|:\/\/|%[0-9a-fA-F]{2}|&#?\w{1,8};/;
/** Characters of base64/hex-like payloads: A-Z a-z 0-9 + / = _ - */
const PAYLOAD = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-') PAYLOAD[c.charCodeAt(0)] = 1;
/** Run length that looks like an encoded payload rather than a word. */
const PAYLOAD_RUN = 28;

/**
 * A long unbroken run of base64/hex-like characters (an encoded payload). A loop, not
 * /[A-Za-z0-9+/=_-]{28}/: the regex restarts at every position and rescans up to 27 characters
 * each time (11 ns a byte on clinical prose, more than the other screens together).
 */
export function encodedRun(text: string): boolean {
  // No run starts before `from`. The window [from, from + 27] is read from its end back: at the
  // first other character k, no run can start at or before k, so the next window starts after it.
  // In prose that is a few characters back, so most characters are never read.
  let from = 0;
  for (let end = PAYLOAD_RUN - 1; end < text.length; end = from + PAYLOAD_RUN - 1) {
    let k = end;
    for (; k >= from; k--) {
      const c = text.charCodeAt(k);
      if (c >= 128 || PAYLOAD[c] !== 1) break;
    }
    if (k < from) return true;
    from = k + 1;
  }
  return false;
}
/**
 * Words an instruction to a model is made of, or words that address the model or its user.
 * Matching ignores case (it is only reached for printable ASCII text, where that is the same as
 * matching the lower-cased text, without building a lower-cased copy of every text); every
 * branch is a fixed word (no nested quantifiers), so the regex is linear. Words common in clinical prose ("renal function", "immune system", "role of",
 * "guidelines", "no longer") are not here on their own: an instruction that uses them also says
 * "you", "your" or "user" (measured on the injection dev attacks the detector finds in document
 * mode: 98.2% pass this screen against 93.2% for the former word list, while the share of
 * medical-text bytes sent on drops from 54% to 47%).
 */
const INSTRUCTION = /\b(?:ignore|ignoring|disregard|forget|instruction|instructions|assistant|prompt|prompts|override|overrides|reveal|pretend|jailbreak|bypass|developer|admin|administrator|persona|roleplay|answer with|say that|from now on|act as|do anything|new rules|unrestricted|uncensored|confidential|secret|password|passcode|passwort|api key|exfiltrat\w*|send|email|append|include this|markdown|url|click|visit|download|execute|shell|script|ai|llm|gpt|chatbot|you|your|yourself|user|users|model|bot)\b/i;

export function needsInjectionScan(text: string): boolean {
  return UNUSUAL.test(text) || MARKUP.test(text) || encodedRun(text) || INSTRUCTION.test(text);
}

/**
 * What PHI needs to be found: digit shapes of dates, identifiers, phones, postcodes and addresses
 * (four digits in a row, digits joined by / : - or a space, dotted quads), '@', a capitalised word
 * after a lower-case word, comma or colon ("Nombre: Mariano", "seen by Smith"), two capitalised
 * words, two upper-case words, non-ASCII. Short numbers alone ("5 mg", "2.5", "every 6 weeks") do
 * not count: nearly every clinical answer has them. Measured on PHI dev split into lines: 98.2%
 * of the lines where the PHI detector finds something pass (87.2% for the former "any digit"
 * screen), and the share of medical-text bytes sent on drops from 90% to 76%.
 */
const PHI_HINT = /[0-9]{4}|[0-9][/:-][0-9]|[0-9] [0-9]|[0-9]\.[0-9]{1,3}\.[0-9]|@|[a-z,;:]\s+[A-Z][a-z]|\b[A-Z][a-z]+\s+[A-Z]|\b[A-Z]{2,}\s+[A-Z]{2,}|[^\x20-\x7e\t\n\r]/;

export function needsPhiScan(text: string): boolean {
  return PHI_HINT.test(text);
}
