/**
 * Values that a JSON key declares to be identifiers: FHIR resources ("family": "Delgado",
 * "given": ["Robert"], "postalCode", "identifier": [{"value": ...}], "reference": "Patient/123")
 * and the flat records of EHR APIs and tool calls ("patientName", "dob", "mrn", "ssn"). Values under
 * such keys carry no cue a text rule could see, and an all-capitals or unlisted name none at all.
 */
import { DICOM_TAGS, dicomValue } from './dicom.js';
import { EMPTY_VALUE, fieldKey, fieldType, YEAR_ONLY } from './field-names.js';
import type { PhiType, Sink } from './types.js';

const KEY = /"([A-Za-z0-9_][A-Za-z0-9_ -]{0,40})"[ \t\r\n]{0,4}:[ \t\r\n]{0,4}/g;
const SCORE = 0.9;
const MAX_ITEMS = 16;
const MAX_VALUE = 160;
const MAX_ARRAY = 8192;

const PATIENT_REF = /^(?:Patient|Person|RelatedPerson)\/([A-Za-z0-9.-]{1,64})$/;

export function findJsonKeys(text: string, sink: Sink): void {
  if (!text.includes('"')) return;
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m; m = KEY.exec(text)) {
    const key = fieldKey(m[1] ?? '');
    const at = m.index + m[0].length;
    // The keys inside an identifier, telecom or DICOM attribute are no identifiers of their own:
    // the scan resumes after it, so no character is walked twice (linear on nested input).
    if (key === 'identifier') KEY.lastIndex = objectsOf(text, at, (start, end) => identifierObject(text, start, end, sink));
    else if (key === 'telecom') KEY.lastIndex = objectsOf(text, at, (start, end) => telecomObject(text, start, end, sink));
    else if (key === 'reference') {
      const v = stringAt(text, at);
      const ref = v ? PATIENT_REF.exec(text.slice(v.start, v.end)) : null;
      if (v && ref?.[1]) sink(v.end - ref[1].length, v.end, 'ID', SCORE, 'json.reference');
    } else if (key.length === 8 && DICOM_TAGS.has(key.toUpperCase())) {
      KEY.lastIndex = dicomJson(text, at, DICOM_TAGS.get(key.toUpperCase()) ?? 'ID', sink);
    } else {
      const type = fieldType(key);
      if (type) values(text, at, type, sink);
    }
  }
}

/** A string (or a number, for ids and postcodes) at `at`, or each string of an array there. */
function values(text: string, at: number, type: PhiType, sink: Sink): void {
  const report = (start: number, end: number): void => {
    const v = text.slice(start, end).trim();
    if (EMPTY_VALUE.test(v) || (type === 'DATE' && YEAR_ONLY.test(v))) return;
    sink(start, end, type, SCORE, `json.${type.toLowerCase()}`);
  };
  if (text[at] === '[') {
    let i = at + 1;
    for (let n = 0; n < MAX_ITEMS; n++) {
      while (i < text.length && /\s/.test(text[i] ?? '')) i++;
      const v = stringAt(text, i);
      if (!v) return;
      report(v.start, v.end);
      i = v.end + 1;
      while (i < text.length && /\s/.test(text[i] ?? '')) i++;
      if (text[i] !== ',') return;
      i++;
    }
    return;
  }
  const v = stringAt(text, at) ?? numberAt(text, at);
  if (v) report(v.start, v.end);
}

/** The contents of the JSON string literal starting at `at` (escapes kept), bounded. */
function stringAt(text: string, at: number): { start: number; end: number } | undefined {
  if (text[at] !== '"') return undefined;
  for (let i = at + 1; i < text.length && i - at <= MAX_VALUE; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i > at + 1 ? { start: at + 1, end: i } : undefined;
    else if (c === '\n') return undefined;
  }
  return undefined;
}

/** Index of the quote that closes the string opening at `at`, or `limit` (bounded work per call). */
function closingQuote(text: string, at: number, limit: number): number {
  for (let i = at + 1; i < text.length && i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return limit;
}

function numberAt(text: string, at: number): { start: number; end: number } | undefined {
  let i = at;
  while (i < text.length && i - at < 24 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i - at >= 3 ? { start: at, end: i } : undefined;
}

const VALUE_KEY = /"value"[ \t\r\n]{0,4}:[ \t\r\n]{0,4}/g;
const MRN_HINT = /"MR"|\bmrn\b|medical.?record/i;

const VALUE_ARRAY = /"Value"[ \t\r\n]{0,4}:[ \t\r\n]{0,4}\[/;
const PN_PART = /"(?:Alphabetic|Ideographic|Phonetic)"[ \t\r\n]{0,4}:[ \t\r\n]{0,4}/g;

/** DICOM JSON: `{"vr": "PN", "Value": [{"Alphabetic": "DELGADO^ROBERT"}]}` or `{"vr": "DA", "Value": ["20260101"]}`. */
function dicomJson(text: string, at: number, type: PhiType, sink: Sink): number {
  const end = closing(text, at);
  if (end < 0) return scanned(text, at);
  const obj = text.slice(at, end);
  const arr = VALUE_ARRAY.exec(obj);
  if (!arr) return end;
  const arrayAt = at + arr.index + arr[0].length - 1;
  if (type !== 'NAME') {
    values(text, arrayAt, type, sink);
    return end;
  }
  PN_PART.lastIndex = 0;
  for (let m = PN_PART.exec(obj); m; m = PN_PART.exec(obj)) {
    const v = stringAt(text, at + m.index + m[0].length);
    if (v) dicomValue(text, v.start, v.end, 'NAME', sink);
  }
  return end;
}

/** Where a walk from `at` that found no closing bracket stopped. */
const scanned = (text: string, at: number): number => Math.min(text.length, at + MAX_ARRAY);

/**
 * Index of the bracket closing the '{' or '[' at `at` (outside strings), or -1, calling `onObject`
 * for each object directly inside it (an array's items); bounded to MAX_ARRAY characters.
 */
function closing(text: string, at: number, onObject?: (start: number, end: number) => void): number {
  const limit = at + MAX_ARRAY;
  let depth = 0;
  let objStart = -1;
  for (let i = at; i < text.length && i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = closingQuote(text, i, limit);
    else if (c === 91 || c === 123) {
      depth++;
      if (c === 123 && depth === 2) objStart = i;
    } else if (c === 93 || c === 125) {
      if (c === 125 && depth === 2 && objStart >= 0) onObject?.(objStart, i);
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Calls `each(start, end)` for the objects of the JSON array at `at`; returns where the walk ended. */
function objectsOf(text: string, at: number, each: (start: number, end: number) => void): number {
  if (text[at] !== '[') return at;
  const end = closing(text, at, each);
  return end < 0 ? scanned(text, at) : end;
}

/** FHIR `telecom` (ContactPoint): its "value" is a phone number or an e-mail address. */
function telecomObject(text: string, start: number, end: number, sink: Sink): void {
  VALUE_KEY.lastIndex = 0;
  const m = VALUE_KEY.exec(text.slice(start, end));
  const v = m ? stringAt(text, start + m.index + m[0].length) : undefined;
  if (!v) return;
  const value = text.slice(v.start, v.end);
  if (value.includes('@')) sink(v.start, v.end, 'EMAIL', SCORE, 'json.telecom');
  else if ((value.match(/\d/g)?.length ?? 0) >= 4) sink(v.start, v.end, 'PHONE', SCORE, 'json.telecom');
}

/** FHIR `identifier`: the object's "value", an MRN when its type or system says so. */
function identifierObject(text: string, start: number, end: number, sink: Sink): void {
  const obj = text.slice(start, end);
  const type: PhiType = MRN_HINT.test(obj) ? 'MRN' : 'ID';
  VALUE_KEY.lastIndex = 0;
  for (let m = VALUE_KEY.exec(obj); m; m = VALUE_KEY.exec(obj)) {
    const v = stringAt(text, start + m.index + m[0].length);
    // A "value" nested in the type's coding is a code, not the identifier: only values with a digit.
    if (v && /\d/.test(text.slice(v.start, v.end))) sink(v.start, v.end, type, SCORE, `json.identifier`);
  }
}
