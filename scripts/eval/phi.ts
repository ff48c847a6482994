/**
 * PHI detection evaluation on /work/shared/data/phi (see its SOURCES.md). Reports, per source and
 * type: strict entity P/R/F1, character-overlap recall with any type (the safety number),
 * precision with `ignore` spans neutral, and the ASQ-PHI hard-negative over-redaction rate.
 * Run alone: npx tsx scripts/eval/phi.ts [--split dev|test] [--errors SOURCE]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPhi, type PhiSpan, type PhiType } from '../../src/detect/phi/index.js';
import { spansToUtf16 as toUtf16 } from './code-points.js';

interface GoldSpan { start: number; end: number; type?: string }
interface Doc { id: string; text: string; spans: GoldSpan[]; ignore: GoldSpan[]; source: string; lang: string; meta?: { hard_negative?: boolean } }

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(repoRoot, '../shared/data/phi');

/** Types our detector emits that the benchmark files name differently. */
const EVAL_TYPE: Partial<Record<PhiType, string>> = { KR_FRN: 'KR_RRN', CREDIT_CARD: 'ACCOUNT', NPI: 'LICENSE', DEA: 'LICENSE' };

function load(file: string): Doc[] {
  return readFileSync(path.join(dataDir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const d = JSON.parse(l) as Doc;
    return { ...d, spans: toUtf16(d.text, d.spans), ignore: toUtf16(d.text, d.ignore ?? []) };
  });
}

interface Counts { tp: number; fp: number; fn: number; goldChars: number; goldHit: number; goldSpans: number; goldCovered: number; predN: number; predFp: number; predNeutral: number }
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, goldChars: 0, goldHit: 0, goldSpans: 0, goldCovered: 0, predN: 0, predFp: 0, predNeutral: 0 });

const overlaps = (a: GoldSpan, b: GoldSpan): boolean => a.start < b.end && b.start < a.end;

export interface PhiEvalResult { markdown: string; perSource: Map<string, Map<string, Counts>>; hardNeg: { n: number; flagged: number } }

export function scoreDocs(docs: readonly Doc[], errorsFor?: string): PhiEvalResult {
  const perSource = new Map<string, Map<string, Counts>>();
  const hardNeg = { n: 0, flagged: 0 };
  const get = (src: string, type: string): Counts => {
    let m = perSource.get(src);
    if (!m) perSource.set(src, (m = new Map()));
    let c = m.get(type);
    if (!c) m.set(type, (c = zero()));
    return c;
  };
  for (const doc of docs) {
    const preds: Array<PhiSpan & { evalType: string }> = detectPhi(doc.text).map((p) => ({ ...p, evalType: EVAL_TYPE[p.type] ?? p.type }));
    if (doc.meta?.hard_negative) { hardNeg.n++; if (preds.length > 0) hardNeg.flagged++; }
    const src = doc.source;
    for (const g of doc.spans) {
      const type = g.type ?? 'ID';
      for (const c of [get(src, type), get(src, '*')]) {
        c.goldSpans++;
        const strict = preds.some((p) => p.start === g.start && p.end === g.end && p.evalType === type);
        if (strict) c.tp++; else c.fn++;
        const covered = new Uint8Array(g.end - g.start);
        for (const p of preds) for (let i = Math.max(p.start, g.start); i < Math.min(p.end, g.end); i++) covered[i - g.start] = 1;
        const hit = covered.reduce((a, b) => a + b, 0);
        c.goldChars += g.end - g.start;
        c.goldHit += hit;
        if (hit > 0) c.goldCovered++;
      }
      if (errorsFor === src && !preds.some((p) => overlaps(p, g))) console.log(`MISS ${type}: ${doc.text.slice(Math.max(0, g.start - 30), g.start)}[[${doc.text.slice(g.start, g.end)}]]${doc.text.slice(g.end, g.end + 20)}`.replace(/\n/g, '⏎'));
    }
    for (const p of preds) {
      for (const c of [get(src, p.evalType), get(src, '*')]) {
        c.predN++;
        const strict = doc.spans.some((g) => g.start === p.start && g.end === p.end && g.type === p.evalType);
        if (!strict) c.fp++;
        if (doc.spans.some((g) => overlaps(g, p))) continue;
        if (doc.ignore.some((g) => overlaps(g, p))) c.predNeutral++;
        else c.predFp++;
      }
      if (errorsFor === src && !doc.spans.some((g) => overlaps(g, p)) && !doc.ignore.some((g) => overlaps(g, p))) {
        console.log(`FP ${p.type}/${p.rule}: ${doc.text.slice(Math.max(0, p.start - 30), p.start)}[[${doc.text.slice(p.start, p.end)}]]${doc.text.slice(p.end, p.end + 20)}`.replace(/\n/g, '⏎'));
      }
    }
  }
  return { markdown: render(perSource, hardNeg), perSource, hardNeg };
}

interface Target { readonly label: string; readonly source: string; readonly type: string; readonly metric: 'overlap' | 'precision'; readonly goal: number }

const TARGETS: readonly Target[] = [
  { label: 'ASQ-PHI overlap recall', source: 'asq-phi', type: '*', metric: 'overlap', goal: 0.985 },
  { label: 'MEDDOCAN overlap recall', source: 'meddocan', type: '*', metric: 'overlap', goal: 0.9 },
  { label: 'Presidio synthetic overlap recall', source: 'presidio-research-synth-v2', type: '*', metric: 'overlap', goal: 0.95 },
  { label: 'KLUE Korean names overlap recall', source: 'klue-ner-v1.1-dev', type: 'NAME', metric: 'overlap', goal: 0.85 },
  { label: 'KLUE Korean dates overlap recall', source: 'klue-ner-v1.1-dev', type: 'DATE', metric: 'overlap', goal: 0.85 },
  { label: 'ASQ-PHI precision', source: 'asq-phi', type: '*', metric: 'precision', goal: 0.85 },
  { label: 'MEDDOCAN precision', source: 'meddocan', type: '*', metric: 'precision', goal: 0.85 },
  { label: 'Presidio precision', source: 'presidio-research-synth-v2', type: '*', metric: 'precision', goal: 0.85 },
  { label: 'KLUE precision', source: 'klue-ner-v1.1-dev', type: '*', metric: 'precision', goal: 0.85 },
  { label: 'synthetic-ko overlap recall (regression only)', source: 'synthetic-ko-template-v1', type: '*', metric: 'overlap', goal: 0.9 },
];

function targets(perSource: Map<string, Map<string, Counts>>, hardNeg: { n: number; flagged: number }): string {
  const rows = ['| target | goal | measured | met |', '|---|---|---|---|'];
  for (const t of TARGETS) {
    const c = perSource.get(t.source)?.get(t.type);
    if (!c) continue;
    const scored = c.predN - c.predNeutral;
    const v = t.metric === 'overlap' ? c.goldCovered / c.goldSpans : (scored - c.predFp) / scored;
    rows.push(`| ${t.label} | ≥ ${t.goal} | ${f(v)} | ${v >= t.goal ? 'yes' : '**no**'} |`);
  }
  if (hardNeg.n > 0) {
    const r = hardNeg.flagged / hardNeg.n;
    rows.push(`| ASQ-PHI hard negatives flagged | ≤ 0.15 | ${f(r)} | ${r <= 0.15 ? 'yes' : '**no**'} |`);
  }
  return rows.join('\n');
}

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

function render(perSource: Map<string, Map<string, Counts>>, hardNeg: { n: number; flagged: number }): string {
  const lines: string[] = [];
  for (const [src, byType] of [...perSource].sort()) {
    lines.push(`\n**${src}**\n`, '| type | gold | strict P | strict R | strict F1 | overlap recall (any type) | char recall | precision (ignore neutral) |', '|---|---|---|---|---|---|---|---|');
    const types = [...byType.keys()].sort((a, b) => (a === '*' ? -1 : b === '*' ? 1 : a.localeCompare(b)));
    for (const t of types) {
      const c = byType.get(t) ?? zero();
      const p = c.tp / (c.tp + c.fp);
      const r = c.tp / (c.tp + c.fn);
      const f1 = (2 * p * r) / (p + r);
      const scored = c.predN - c.predNeutral;
      lines.push(`| ${t === '*' ? '**all**' : t} | ${c.goldSpans} | ${f(p)} | ${f(r)} | ${f(f1)} | ${f(c.goldCovered / c.goldSpans)} | ${f(c.goldHit / c.goldChars)} | ${f((scored - c.predFp) / scored)} |`);
    }
  }
  if (hardNeg.n > 0) lines.push('', `ASQ-PHI hard negatives flagged (≥1 prediction): ${hardNeg.flagged}/${hardNeg.n} = ${f(hardNeg.flagged / hardNeg.n)}`);
  return lines.join('\n');
}

/** Markdown section for scripts/eval.ts: test-split numbers (tuning was done on dev only). */
export async function evalPhi(split: 'dev' | 'test' = 'test'): Promise<string> {
  if (!existsSync(dataDir)) return `## PHI detection\n\nData folder ${dataDir} not found; skipped.\n`;
  const files = split === 'dev' ? ['dev.jsonl', 'synthetic_ko_dev.jsonl'] : ['test.jsonl', 'synthetic_ko_test.jsonl'];
  const docs = files.flatMap(load);
  const { markdown, perSource, hardNeg } = scoreDocs(docs);
  return [
    `## PHI detection (${split} split)`,
    '',
    `Command: \`npm run eval -- phi\` (alone: \`npx tsx scripts/eval/phi.ts --split ${split}\`). Data: \`../shared/data/phi\` (see its SOURCES.md); rules and lists were tuned on the dev files only.`,
    '',
    targets(perSource, hardNeg),
    '',
    'Strict = exact start, end and type. Overlap recall = share of gold spans touched by any prediction of any type (the safety number). ' +
      'Precision with ignore spans neutral = predictions overlapping no gold span and no ignore span count as false positives. ' +
      'synthetic-ko is template data written by the detector authors: a regression test, not an accuracy claim.',
    markdown,
    '',
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const split = args.includes('--split') && args[args.indexOf('--split') + 1] === 'test' ? 'test' : 'dev';
  const errors = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
  if (errors) {
    const files = split === 'dev' ? ['dev.jsonl', 'synthetic_ko_dev.jsonl'] : ['test.jsonl', 'synthetic_ko_test.jsonl'];
    scoreDocs(files.flatMap(load), errors);
  } else {
    console.log(await evalPhi(split));
  }
}
