/**
 * What the Latin name model's threshold is chosen on: the whole PHI pipeline's overlap recall and
 * precision per dev source, ASQ-PHI hard negatives flagged, licensed medical rows given a name and
 * clinical false-positive fixtures with any finding.
 */
import { detectPhi } from '../../src/detect/phi/index.js';
import { scoreDocs } from '../eval/phi.js';
import type { PhiDoc } from './ko-names-data.js';

export interface Quality {
  readonly covered: Record<string, number>;
  readonly gold: Record<string, number>;
  readonly scored: Record<string, number>;
  readonly fp: Record<string, number>;
  readonly hardNegatives: number;
  /** Medical rows with a NAME finding, of medicalN. */
  readonly medicalRows: number;
  readonly medicalN: number;
  readonly fixtureHits: number;
}

export function measure(docs: readonly PhiDoc[], medical: readonly PhiDoc[], fixtures: readonly string[]): Quality {
  const q: Quality = { covered: {}, gold: {}, scored: {}, fp: {}, hardNegatives: 0, medicalRows: 0, medicalN: medical.length, fixtureHits: 0 };
  if (docs.length > 0) {
    const r = scoreDocs(docs as Parameters<typeof scoreDocs>[0]);
    for (const [src, byType] of r.perSource) {
      const all = byType.get('*');
      if (!all) continue;
      q.covered[src] = all.goldCovered;
      q.gold[src] = all.goldSpans;
      q.scored[src] = all.predN - all.predNeutral;
      q.fp[src] = all.predFp;
      // Presidio's names apart from its addresses and numbers: the type the model is for.
      const name = byType.get('NAME');
      if (name && src.startsWith('presidio')) {
        q.covered[`${src}:NAME`] = name.goldCovered;
        q.gold[`${src}:NAME`] = name.goldSpans;
        q.scored[`${src}:NAME`] = name.predN - name.predNeutral;
        q.fp[`${src}:NAME`] = name.predFp;
      }
    }
    (q as { hardNegatives: number }).hardNegatives = r.hardNeg.flagged;
  }
  (q as { medicalRows: number }).medicalRows = medical.filter((d) => detectPhi(d.text).some((s) => s.type === 'NAME')).length;
  (q as { fixtureHits: number }).fixtureHits = fixtures.filter((l) => detectPhi(l).length > 0).length;
  return q;
}

const add = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** Folds' dev counts summed; medical rows and fixtures as the worst fold (every fold model must pass). */
export function mergeFolds(parts: readonly Quality[]): Quality {
  return parts.reduce((a, b) => ({
    covered: add(a.covered, b.covered), gold: add(a.gold, b.gold), scored: add(a.scored, b.scored), fp: add(a.fp, b.fp),
    hardNegatives: a.hardNegatives + b.hardNegatives, medicalRows: Math.max(a.medicalRows, b.medicalRows), medicalN: Math.max(a.medicalN, b.medicalN),
    fixtureHits: Math.max(a.fixtureHits, b.fixtureHits),
  }));
}

export const recall = (q: Quality, src: string): number => (q.covered[src] ?? 0) / Math.max(1, q.gold[src] ?? 0);
export const precision = (q: Quality, src: string): number => ((q.scored[src] ?? 0) - (q.fp[src] ?? 0)) / Math.max(1, q.scored[src] ?? 0);

export function summary(q: Quality): string {
  const srcs = Object.keys(q.gold).sort();
  return `${srcs.map((s) => `${s.slice(0, 8)}${s.endsWith(':NAME') ? ' NAME' : ''} R ${recall(q, s).toFixed(3)} P ${precision(q, s).toFixed(3)}`).join(', ')}; hard neg ${q.hardNegatives}; medical rows ${q.medicalRows}/${q.medicalN}; fixtures ${q.fixtureHits}`;
}
