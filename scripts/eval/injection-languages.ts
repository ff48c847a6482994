/**
 * Languages in the injection section of docs/EVAL.md: how often benign text in other languages is
 * flagged (the PHI folder's test half: Spanish clinical cases, Korean news and reviews, Korean
 * clinical snippets, general-domain and clinician English; never trained or tuned on) and how many
 * non-English attacks of the injection test split are caught, by language.
 */
import type { ClassifierModel } from '../../src/detect/injection/classifier/model.js';
import { combine } from '../../src/detect/injection/assess.js';
import type { Detector } from '../../src/core/types.js';
import type { Row } from '../train/data.js';
import { loadMultilingualHeldOut } from '../train/multilingual.js';
import { scoreRows } from '../train/score-rows.js';

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

const LANGUAGE: Record<string, string> = {
  meddocan: 'Spanish clinical case reports (MEDDOCAN)', 'klue-ner-v1.1-dev': 'Korean news and movie reviews (KLUE)',
  'synthetic-ko-template-v1': 'Korean clinical snippets (ours, synthetic)', 'presidio-research-synth-v2': 'general-domain English with names of many origins (Presidio)',
  'asq-phi': 'English clinician queries (ASQ-PHI)',
};

/** Markdown for the section; `testMain` is the injection test split's main rows. */
export function languageSection(model: ClassifierModel, evidence: readonly Detector[], testMain: readonly Row[]): string {
  const flagged = (rows: readonly Row[]): boolean[] => scoreRows(model, evidence, rows).map((s) => combine(model.meta.combiner, s.inputs) >= model.meta.threshold);
  const benign = loadMultilingualHeldOut();
  const bySource = new Map<string, Row[]>();
  for (const r of benign) {
    const src = r.source.split(':')[1] ?? r.source;
    const list = bySource.get(src);
    if (list) list.push(r);
    else bySource.set(src, [r]);
  }
  const lines = ['| benign held-out text | rows | flagged | FPR |', '|---|---|---|---|'];
  for (const [src, rows] of [...bySource].sort((a, b) => b[1].length - a[1].length)) {
    const n = flagged(rows).filter(Boolean).length;
    lines.push(`| ${LANGUAGE[src] ?? src} | ${rows.length} | ${n} | **${pct(n / rows.length)}** |`);
  }
  const attacks = testMain.filter((r) => r.label === 1 && r.licensed && r.lang !== undefined && r.lang !== 'en');
  const caught = flagged(attacks);
  const byLang = new Map<string, { rows: number; caught: number }>();
  attacks.forEach((r, i) => {
    const c = byLang.get(r.lang ?? '?') ?? { rows: 0, caught: 0 };
    c.rows++;
    if (caught[i]) c.caught++;
    byLang.set(r.lang ?? '?', c);
  });
  const total = caught.filter(Boolean).length;
  const perLang = [...byLang].sort((a, b) => b[1].rows - a[1].rows).map(([lang, c]) => `${lang} ${c.caught}/${c.rows}`);
  return [
    lines.join('\n'),
    '',
    `Non-English attacks in the injection test split (language tags from its SOURCES.md): ${total} of ${attacks.length} caught (${pct(total / Math.max(1, attacks.length))}); by language: ${perLang.join(', ')}.`,
  ].join('\n');
}
