/** Turns loaded rows into weighted training bags: classes balanced, medical text a fixed share. */
import { createRootView } from '../../src/core/text/view.js';
import type { FeatureSpec } from '../../src/detect/injection/classifier/features.js';
import type { Row } from './data.js';
import { featurize, type Example } from './linear.js';

export interface ExampleOptions {
  /** Medical-benign training rows to use (lowest ids, i.e. a hash sample). */
  readonly medicalRows: number;
  /** Total medical weight relative to the main set's benign weight. */
  readonly medicalWeight: number;
  /**
   * 0..1: how far context-paired benign rows are up-weighted towards their attack count
   * (weight = ratio^pairedBalance); 0 leaves them at 1.
   */
  readonly pairedBalance: number;
  /** Total weight of the benign multilingual rows (multilingual.ts) relative to the main set's benign weight. */
  readonly multilingualWeight: number;
}

/**
 * Sources whose attacks are their own benign documents with an injection added (BIPIA: three
 * variants per document). Their benign rows are up-weighted to match, so the document text itself
 * carries no label signal and the model has to learn the injected part.
 */
const CONTEXT_PAIRED_SOURCES: readonly string[] = ['microsoft/BIPIA'];

const folded = (text: string): string => createRootView(text).form('folded').text;

export function buildExamples(rows: { main: Row[]; medical: Row[]; multilingual?: Row[] }, spec: FeatureSpec, options: ExampleOptions): { examples: Example[]; counts: Record<string, number> } {
  const multilingual = rows.multilingual ?? [];
  const medical = [...rows.medical].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, options.medicalRows);
  const paired = (r: Row): boolean => CONTEXT_PAIRED_SOURCES.some((p) => r.source.startsWith(p));
  const pairedPos = rows.main.filter((r) => paired(r) && r.label === 1).length;
  const pairedNeg = rows.main.filter((r) => paired(r) && r.label === 0).length;
  const pairedWeight = pairedNeg > 0 ? (pairedPos / pairedNeg) ** options.pairedBalance : 1;
  const baseWeight = (r: Row): number => (r.label === 0 && paired(r) ? pairedWeight : 1);
  let pos = 0, neg = 0;
  for (const r of rows.main) if (r.label === 1) pos += baseWeight(r); else neg += baseWeight(r);
  const posWeight = neg / Math.max(1, pos);
  const medWeight = (options.medicalWeight * neg) / Math.max(1, medical.length);
  const mlWeight = (options.multilingualWeight * neg) / Math.max(1, multilingual.length);
  const counts: Record<string, number> = {};
  const examples: Example[] = [];
  for (const r of [...rows.main, ...medical, ...multilingual]) {
    const weight = r.set === 'medical' ? medWeight : r.set === 'multilingual' ? mlWeight : r.label === 1 ? posWeight : baseWeight(r);
    examples.push({ windows: featurize(folded(r.text), spec), label: r.label, weight });
    const key = `${r.set}:${r.source.split(':')[0] ?? r.source}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return { examples, counts };
}
