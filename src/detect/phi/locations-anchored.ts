/**
 * The location patterns that hold a literal with a rare first character (a capitalised street or
 * "General" word, a state code after a comma) at a bounded distance from their start, scanned from those literals (anchors.ts)
 * instead of by whole-text passes. minBack..maxBack is where the literal can begin, counted from
 * the match's start, derived from the pattern's bounded repetitions. Tried and dropped: the
 * facility, "our ... clinic" and international street patterns, whose literals start with common
 * lower-case letters or spaces (indexOf then costs as much as the pattern) or leave wide windows.
 */
import { anchoredMatches, capitalWordStart, sticky, type AnchorSpec } from './anchors.js';

// One or two words of 3-22 characters (with their space) before the suffix: 3..44.
const NAMED_STREET = /\b(?:[A-Z][a-z]{1,20} ){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive)\b/g;
// The literals by one pass of their alternation rather than an indexOf each: on a two-byte text
// (any Hangul in it) indexOf costs ~0.2 ms per literal per MB, the pass ~0.6 ms for all six.
// Matches cannot overlap: each literal starts with the only capital it holds.
const NAMED_STREET_AT: AnchorSpec = { re: sticky(NAMED_STREET), groups: [[/Street|Avenue|Road|Boulevard|Lane|Drive/g, 3, 44]], canStart: capitalWordStart };

// One or two words of 3-22 characters: 3..44.
const GENERAL = /\b(?:[A-Z][A-Za-z'’-]{1,20} ){1,2}(?:General|Health|Memorial)\b(?! (?:Hospital|Medical|Health|Clinic))/g;
const GENERAL_AT: AnchorSpec = { re: sticky(GENERAL), groups: [[/General|Health|Memorial/g, 3, 44]], canStart: capitalWordStart };

// One to three words, the last of 3-21 characters, before ", " and a state code: the comma at
// 3..65. The state-code pattern finds the ", XX" parts (each starts at a comma, so none overlap).
/** The US state and territory codes (postal abbreviations). */
export const STATE = '(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])';
const CITY_STATE = new RegExp(String.raw`\b(?:[A-Z][a-z]{2,20} ){0,2}[A-Z][a-z]{2,20}, ${STATE}\b`, 'g');
const CITY_STATE_AT: AnchorSpec = { re: sticky(CITY_STATE), groups: [[new RegExp(String.raw`, ${STATE}\b`, 'g'), 3, 65]], canStart: capitalWordStart };

export const namedStreets = (text: string): Generator<RegExpExecArray> => anchoredMatches(text, NAMED_STREET_AT);
export const generalPlaces = (text: string): Generator<RegExpExecArray> => anchoredMatches(text, GENERAL_AT);
export const cityStates = (text: string): Generator<RegExpExecArray> => anchoredMatches(text, CITY_STATE_AT);

/** The global patterns, for the test that compares the anchored scans with them. */
export const ANCHORED_PATTERNS = { NAMED_STREET, GENERAL, CITY_STATE } as const;
