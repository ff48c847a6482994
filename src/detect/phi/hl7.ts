/**
 * HL7 v2 messages pasted into a prompt or returned by a tool ("PID|1||4471920^^^MRN^MR||DELGADO^
 * ROBERT^J||19480315|M|||4521 N OAK AVE^^BOISE^ID^83702"): the fields that hold a person's
 * identifiers, found by position. The text rules see nothing there (capitals, carets, no cues).
 * Separators come from the MSH segment when there is one, else the standard | ^ ~.
 */
import type { PhiType, Sink } from './types.js';

/** What a field holds (HL7 v2.5 data types): XPN, XCN, CX, TS/DT, XAD, XTN, or a plain id. */
type Kind = 'name' | 'xcn' | 'mrn' | 'id' | 'date' | 'address' | 'phone' | 'ssn' | 'account' | 'license' | 'place';

// Field numbers per segment (1-based, as in the standard: PID-5 is the patient name).
const FIELDS: Readonly<Record<string, Readonly<Record<number, Kind>>>> = {
  PID: { 2: 'id', 3: 'mrn', 4: 'id', 5: 'name', 6: 'name', 7: 'date', 9: 'name', 11: 'address', 13: 'phone', 14: 'phone', 18: 'account', 19: 'ssn', 20: 'license', 21: 'id', 23: 'place', 29: 'date' },
  PD1: { 4: 'xcn' },
  NK1: { 2: 'name', 4: 'address', 5: 'phone', 6: 'phone', 16: 'date', 30: 'name', 31: 'phone', 32: 'address', 33: 'id', 37: 'ssn' },
  GT1: { 2: 'id', 3: 'name', 4: 'name', 5: 'address', 6: 'phone', 7: 'phone', 8: 'date', 12: 'ssn' },
  IN1: { 16: 'name', 18: 'date', 19: 'address', 36: 'id', 49: 'id' },
  IN2: { 2: 'ssn', 6: 'id', 8: 'id' },
  MRG: { 1: 'mrn', 2: 'id', 3: 'account', 4: 'id', 5: 'id', 7: 'name' },
  PV1: { 7: 'xcn', 8: 'xcn', 9: 'xcn', 17: 'xcn', 19: 'account', 44: 'date', 45: 'date' },
  ORC: { 10: 'xcn', 11: 'xcn', 12: 'xcn' },
  OBR: { 16: 'xcn', 28: 'xcn' },
};

const SEGMENT = /(?:^|[\r\n])(PID|PD1|NK1|GT1|IN1|IN2|MRG|PV1|ORC|OBR)(?=[|])/g;
const MSH = /(?:^|[\r\n])MSH([^A-Za-z0-9\s])([^A-Za-z0-9\s])([^A-Za-z0-9\s])/;
const MAX_SEGMENT = 65536;
const MAX_FIELD = 60;
const SCORE = 0.9;

interface Separators { readonly field: string; readonly component: string; readonly repetition: string }

function separators(text: string): Separators {
  const m = MSH.exec(text);
  return m ? { field: m[1] ?? '|', component: m[2] ?? '^', repetition: m[3] ?? '~' } : { field: '|', component: '^', repetition: '~' };
}

/**
 * Calls `each(start, end)` for the pieces of text[start, end) between `sep` characters. A loop over
 * the range, not indexOf, which would search past `end` (to the text's end when no `sep` follows).
 */
function pieces(text: string, start: number, end: number, sep: string, each: (s: number, e: number, index: number) => void): void {
  const code = sep.charCodeAt(0);
  let s = start;
  let n = 0;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== code) continue;
    each(s, i, n++);
    s = i + 1;
  }
}

export function findHl7(text: string, sink: Sink): void {
  if (!text.includes('|') && !MSH.test(text)) return;
  const sep = separators(text);
  SEGMENT.lastIndex = 0;
  const segment = sep.field === '|' ? SEGMENT : new RegExp(SEGMENT.source.replace('[|]', `[${escape(sep.field)}]`), 'g');
  for (let m = segment.exec(text); m; m = segment.exec(text)) {
    const fields = FIELDS[m[1] ?? ''];
    const start = m.index + m[0].length;
    let end = start;
    while (end < text.length && end - start < MAX_SEGMENT && text[end] !== '\r' && text[end] !== '\n') end++;
    if (!fields) continue;
    pieces(text, start + 1, end, sep.field, (fs, fe, i) => {
      const kind = i < MAX_FIELD ? fields[i + 1] : undefined;
      if (kind && fe > fs) pieces(text, fs, fe, sep.repetition, (rs, re) => field(text, rs, re, kind, sep.component, sink));
    });
    segment.lastIndex = end;
  }
}

const escape = (c: string): string => c.replace(/[\\\]^-]/g, (x) => `\\${x}`);

const SINGLE: Partial<Record<Kind, PhiType>> = { date: 'DATE', ssn: 'SSN', account: 'ACCOUNT', license: 'LICENSE', place: 'LOCATION', mrn: 'MRN', id: 'ID' };

/** One repetition of a field: the components that identify someone, each as its own span. */
function field(text: string, start: number, end: number, kind: Kind, component: string, sink: Sink): void {
  const report = (s: number, e: number, type: PhiType): void => {
    while (s < e && text[s] === ' ') s++;
    while (e > s && text[e - 1] === ' ') e--;
    // "" is HL7's explicit null.
    if (e > s && !/^"+$/.test(text.slice(s, e))) sink(s, e, type, SCORE, `hl7.${kind}`);
  };
  pieces(text, start, end, component, (s, e, i) => {
    if (kind === 'name') {
      if (i <= 2) report(s, e, 'NAME');
    } else if (kind === 'xcn') {
      // id ^ family ^ given ^ middle; the suffix, prefix and degree that follow are no names.
      if (i <= 3) report(s, e, i === 0 ? 'ID' : 'NAME');
    }
    // Street, other designation, city and postal code; the state and the country are no Safe Harbor identifiers.
    else if (kind === 'address' && (i <= 2 || i === 4)) report(s, e, 'LOCATION');
    else if (kind === 'phone') {
      const v = text.slice(s, e);
      if (v.includes('@')) report(s, e, 'EMAIL');
      else if ((v.match(/\d/g)?.length ?? 0) >= 4) report(s, e, 'PHONE');
    } else {
      const type = SINGLE[kind];
      // Only the first component is the value (an id's check digit, authority and type follow it).
      if (type && i === 0) report(s, e, type);
    }
  });
}
