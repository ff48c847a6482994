/**
 * Synthetic indirect injections in clinical documents: no public medical prompt-injection set
 * exists, so short attacks from a split are inserted (BIPIA-style: start, middle at a line or
 * sentence break, or end) into long medical-benign documents of the same split. Without these the
 * classifier learns that clinical wording means "benign" and an attack inside a note is outvoted.
 */
import { createHash } from 'node:crypto';
import type { Row } from './data.js';

export const SYNTHETIC_SOURCE = 'synthetic/medical-injected';

const h32 = (s: string): number => parseInt(createHash('sha256').update(s).digest('hex').slice(0, 8), 16);

function breakNear(text: string, at: number): number {
  // Bounded search either side of the midpoint for a line or sentence break.
  for (let d = 0; d < 400; d++) {
    for (const p of [at + d, at - d]) {
      if (p <= 0 || p >= text.length) continue;
      if (text[p - 1] === '\n' || (text[p - 1] === ' ' && text[p - 2] === '.')) return p;
    }
  }
  return at;
}

export function injectIntoDocuments(rows: { main: Row[]; medical: Row[] }, count: number, salt: string): Row[] {
  const byId = (a: Row, b: Row): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const attacks = rows.main.filter((r) => r.label === 1 && r.licensed && r.text.length >= 20 && r.text.length <= 700).sort(byId);
  const docs = rows.medical.filter((r) => r.licensed && r.text.length >= 800).sort(byId);
  if (attacks.length === 0 || docs.length === 0) return [];
  const out: Row[] = [];
  for (let k = 0; k < count; k++) {
    const attack = attacks[h32(`${salt}:a:${k}`) % attacks.length] as Row;
    const doc = docs[h32(`${salt}:d:${k}`) % docs.length] as Row;
    const where = h32(`${salt}:p:${k}`) % 3;
    const at = where === 0 ? 0 : where === 2 ? doc.text.length : breakNear(doc.text, doc.text.length >> 1);
    const text = `${doc.text.slice(0, at)}${at > 0 ? '\n' : ''}${attack.text}${at < doc.text.length ? '\n' : ''}${doc.text.slice(at)}`;
    out.push({ id: `syn-${attack.id}-${doc.id}`, text, label: 1, source: `${SYNTHETIC_SOURCE}:${doc.source.split(':')[0] ?? ''}`, set: 'main', licensed: true });
  }
  return out;
}
