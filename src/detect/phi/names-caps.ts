/**
 * Names in capitals after a record label ("Name: DELGADO, ROBERT J", "Guarantor: SMITH, ANN"):
 * registration screens, face sheets and lab reports print them so, and the capitalised-word rules
 * need lower-case letters. Only on a labelled line, and not when every word is an ordinary word
 * ("Patient: NONE", "Name: SEE BELOW").
 */
import { isOrdinary, lexicon } from './lexicon.js';
import type { Sink } from './types.js';
import { firstMatch, nextMatch } from './exec.js';

const LABELS = ["Patient's Name", 'Patient Name', 'Pt. Name', 'Pt Name', 'Patient', 'Name', 'Full Name', 'Nombre', 'Paciente', 'Guarantor',
  'Insured', 'Subscriber', 'Emergency Contact', 'Next of Kin', 'NOK', 'Mother', 'Father', 'Spouse', 'Attending', 'Attending Physician',
  'PCP', 'Provider', 'Referring Physician', 'Ordering Physician'];
// Forms print their labels in title case or in capitals ("PATIENT: HERNANDEZ, JOSE L").
const LABEL = [...new Set(LABELS.flatMap((l) => [l, l.toUpperCase()]))].sort((a, b) => b.length - a.length).map((l) => l.replace(/\./g, '\\.')).join('|');
const LABELLED_CAPS = new RegExp(`(?:^|\\n|[ \\t]{2})[ \\t>]{0,6}(?:${LABEL})[ \\t]{0,3}:[ \\t]{0,3}([A-Z][A-Z'’-]{1,24}(?:,? {1,2}[A-Z][A-Z'’.-]{0,24}){1,3})(?=[ \\t]*(?:$|\\n)|[,;(]|[ \\t]{2})`, 'g');

export function findCapsNames(text: string, sink: Sink): void {
  const lex = lexicon();
  for (let m = firstMatch(LABELLED_CAPS, text); m; m = nextMatch(LABELLED_CAPS, text, m)) {
    const value = (m[1] ?? '').replace(/[ ,]+$/, '');
    const words = value.toLowerCase().split(/[ ,]+/).filter((w) => w.replace(/\./g, '').length > 1);
    const named = words.some((w) => lex.firstWide.has(w) || lex.lastWide.has(w));
    if (!named && words.every((w) => isOrdinary(w, lex))) continue;
    const start = m.index + m[0].length - (m[1] ?? '').length;
    sink(start, start + value.length, 'NAME', named ? 0.9 : 0.8, 'name.caps_labelled');
  }
}
