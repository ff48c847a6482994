/**
 * Folds for the Latin name model's out-of-fold threshold that do not leak names or templates.
 * Folds by document id let the same Presidio template ("X and Y were precision engineers") and the
 * same names (Jennifer, Jensen) sit on both sides of a fold, and the word itself is a feature, so
 * that estimate was optimistic (dev out-of-fold 0.975, test 0.922). Grouped: a Presidio row goes to
 * the fold of its template id, and a training row that shares a lower-cased gold name word with the
 * held-out fold is left out of that fold's training set.
 */
import { createHash } from 'node:crypto';
import type { PhiDoc } from './ko-names-data.js';

const hashFold = (key: string, folds: number): number => (createHash('sha256').update(`latin-fold:${key}`).digest()[0] ?? 0) % folds;

/** The fold's group: a Presidio row's template id, else the row itself. */
function groupKey(doc: PhiDoc): string {
  const t = doc.meta?.['template_id'];
  return t !== undefined ? `${doc.source}:template:${String(t)}` : doc.id;
}

/** Lower-cased words (2+ letters) of a row's gold NAME spans. */
export function nameWords(doc: PhiDoc): Set<string> {
  const out = new Set<string>();
  for (const s of doc.spans) {
    if (s.type !== 'NAME') continue;
    for (const w of doc.text.slice(s.start, s.end).toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 2) out.add(w);
  }
  return out;
}

export interface Folds {
  readonly fold: readonly number[];
  /** Whether row i may train the model that scores fold k. */
  trains(i: number, k: number): boolean;
  /** Rows dropped from fold k's training set for sharing a name with it. */
  dropped(k: number): number;
}

export function groupedFolds(docs: readonly PhiDoc[], folds: number): Folds {
  const fold = docs.map((d) => hashFold(groupKey(d), folds));
  const words = docs.map(nameWords);
  const held = Array.from({ length: folds }, () => new Set<string>());
  words.forEach((ws, i) => { for (const w of ws) held[fold[i] ?? 0]?.add(w); });
  const shares = (i: number, k: number): boolean => [...(words[i] ?? [])].some((w) => held[k]?.has(w));
  const ok = Array.from({ length: folds }, (_, k) => docs.map((_, i) => fold[i] !== k && !shares(i, k)));
  return {
    fold,
    trains: (i, k) => ok[k]?.[i] ?? false,
    dropped: (k) => docs.filter((_, i) => fold[i] !== k && !(ok[k]?.[i] ?? false)).length,
  };
}

/** The former folds: a hash of the row id, nothing withheld. */
export function idFolds(docs: readonly PhiDoc[], folds: number, foldOf: (id: string, folds: number) => number): Folds {
  const fold = docs.map((d) => foldOf(d.id, folds));
  return { fold, trains: (i, k) => fold[i] !== k, dropped: () => 0 };
}
