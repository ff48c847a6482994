/**
 * Guards speed work on the PHI rules: the findings must stay byte-identical. Runs scanPhi (default
 * options and minScore 0) and detectPhi over every text of the PHI data files, the false-positive
 * fixture, the bench texts and large concatenations of the data (the long-text code paths), and
 * writes or compares one digest per text. It compares old and new code only, it tunes nothing.
 *
 * Usage: npx tsx scripts/dev/phi-snapshot.ts write|compare [FILE] [--rules-only] [--show N]
 *   FILE defaults to bench-out/phi-snapshot.jsonl. --rules-only drops the Korean model's spans
 *   (rule name.ko.model), for comparing across a retrained model: the model scores below every
 *   rule, so removing its spans leaves exactly the spans the rules keep.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { detectPhi, type PhiSpan } from '../../src/detect/phi/index.js';
import { scanPhi } from '../../src/detect/phi/scan.js';
import { compose } from '../bench/phi.js';
import { notesOf } from '../bench/deid.js';
import { phiDataDir } from '../train/ko-names-data.js';

const args = process.argv.slice(2);
const mode = args[0];
const file = args[1] && !args[1].startsWith('--') ? args[1] : 'bench-out/phi-snapshot.jsonl';
const rulesOnly = args.includes('--rules-only');
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1] ?? '5') : 5;
if (mode !== 'write' && mode !== 'compare') {
  console.error('usage: phi-snapshot.ts write|compare [FILE] [--rules-only] [--show N]');
  process.exit(2);
}

const DATA = phiDataDir();
const FILES = ['dev', 'test', 'synthetic_ko_dev', 'synthetic_ko_test'];

function inputs(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of FILES) {
    const rows = readFileSync(`${DATA}/${f}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id?: string; text: string });
    rows.forEach((r, i) => out.push([`${f}:${i}:${r.id ?? ''}`, r.text]));
    // Joined texts exercise what single notes do not: long inputs, mixed scripts across lines.
    const joined = rows.map((r) => r.text).join('\n');
    for (let i = 0, k = 0; i < joined.length; i += 300_000, k++) out.push([`${f}:joined:${k}`, joined.slice(i, i + 300_000)]);
  }
  readFileSync('test/fixtures/phi-false-positives.txt', 'utf8').split('\n').forEach((l, i) => {
    if (l.trim() !== '' && !l.startsWith('#')) out.push([`fixture:${i}`, l]);
  });
  for (let s = 1; s <= 64; s++) out.push([`bench.phi:1k:${s}`, compose(1024, s)], [`bench.deid:1k:${s}`, notesOf(1000, s)]);
  out.push(['bench.phi:1m', compose(1024 * 1024, 99)], ['bench.deid:1m', notesOf(1_000_000, 99)]);
  return out;
}

const keep = (spans: readonly PhiSpan[]): readonly PhiSpan[] => (rulesOnly ? spans.filter((s) => s.rule !== 'name.ko.model') : spans);

function outputOf(text: string): string {
  return JSON.stringify([keep(scanPhi(text)), keep(scanPhi(text, { minScore: 0 })), keep(detectPhi(text))]);
}

interface Row { id: string; h: string; out: string }

const t0 = process.cpuUsage();
const rows: Row[] = inputs().map(([id, text]) => {
  const out = outputOf(text);
  return { id, h: createHash('sha256').update(out).digest('hex').slice(0, 16), out };
});
const cpuS = ((): number => { const c = process.cpuUsage(t0); return (c.user + c.system) / 1e6; })();
const digest = createHash('sha256').update(rows.map((r) => r.h).join('\n')).digest('hex');
console.log(`${rows.length} texts, digest ${digest}${rulesOnly ? ' (rules only)' : ''}, ${cpuS.toFixed(1)} CPU s`);

if (mode === 'write') {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`wrote ${file}`);
} else {
  if (!existsSync(file)) throw new Error(`no snapshot at ${file}: run write first`);
  const old = new Map(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as Row;
    return [r.id, r] as const;
  }));
  const changed = rows.filter((r) => old.get(r.id)?.h !== r.h);
  const missing = [...old.keys()].filter((id) => !rows.some((r) => r.id === id));
  for (const r of changed.slice(0, show)) {
    // Offsets, types and rules only: a diff never prints the text itself.
    const before = old.get(r.id)?.out ?? '(absent)';
    console.log(`\n${r.id}\n  old ${before.slice(0, 600)}\n  new ${r.out.slice(0, 600)}`);
  }
  console.log(changed.length === 0 && missing.length === 0 ? `IDENTICAL over ${rows.length} texts` : `DIFFERENT: ${changed.length} texts changed, ${missing.length} missing`);
  process.exitCode = changed.length === 0 && missing.length === 0 ? 0 : 1;
}
