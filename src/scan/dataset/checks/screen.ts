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
/** Markup, template and link syntax that hides or frames instructions. */
const MARKUP = /[<>{}[\]`|\\]|:\/\/|%[0-9a-fA-F]{2}|&#?\w{1,8};/;
/** A long unbroken run of base64/hex-like characters (an encoded payload). */
const ENCODED = /[A-Za-z0-9+/=_-]{28}/;
/**
 * Words an instruction to a model is made of. Matching is on lower-cased text; every branch is a
 * fixed word (no nested quantifiers), so the regex is linear.
 */
const INSTRUCTION = /\b(?:ignore|ignoring|disregard|forget|instruction|instructions|system|assistant|prompt|prompts|override|overrides|reveal|pretend|jailbreak|bypass|policy|policies|guideline|guidelines|developer|admin|administrator|persona|roleplay|role|respond|reply|replies|answer with|say that|tell the user|from now on|act as|you are now|you must|do anything|no longer|new rules|unrestricted|uncensored|confidential|secret|password|api key|token|exfiltrat\w*|send|email|append|include this|image|markdown|link|url|click|visit|download|execute|run|command|shell|script|tool|function|ai|llm|gpt|chatbot|model)\b/;

export function needsInjectionScan(text: string): boolean {
  return UNUSUAL.test(text) || MARKUP.test(text) || ENCODED.test(text) || INSTRUCTION.test(text.toLowerCase());
}

/** Digits, '@', capitalised words after a lower-case word or another capital (names, places), non-ASCII. */
const PHI_HINT = /[0-9@]|[a-z,;]\s+[A-Z]|\b[A-Z][a-z]+\s+[A-Z]|[^\x20-\x7e\t\n\r]/;

export function needsPhiScan(text: string): boolean {
  return PHI_HINT.test(text);
}
