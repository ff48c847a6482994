/**
 * Old-versus-new timing of the PHI rules in one process, in CPU time, in alternating rounds, so a
 * busy shared machine slows both sides alike. The old side is a copy of an earlier src/ tree, kept
 * under coverage/ (ignored by git, eslint and the package) so its imports and data lookups resolve:
 *   mkdir -p coverage/phi-base && git archive REV src | tar -x -C coverage/phi-base
 *   node --expose-gc --import tsx scripts/dev/phi-ab.ts coverage/phi-base [--rounds 7] [--fn scanPhi|detectPhi|deid|contact:findContact]
 * Inputs are the phi and deid bench texts (1 MB each, and 64 texts of 1 KB each).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PhiSpan } from '../../src/detect/phi/index.js';
import type { HangulLines } from '../../src/detect/phi/lines.js';
import type { Sink } from '../../src/detect/phi/types.js';
import { compose } from '../bench/phi.js';
import { notesOf } from '../bench/deid.js';

type Fn = (text: string) => PhiSpan[];
const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? (args[i + 1] as string) : dflt;
};
const baseDir = args[0] ?? 'coverage/phi-base';
const rounds = Number(opt('--rounds', '7'));
const fnName = opt('--fn', 'detectPhi');

type RuleFn = (text: string, sink: Sink, ko: HangulLines) => void;
const noSink: Sink = () => undefined;

/** `--fn scanPhi`, `--fn detectPhi`, `--fn deid` (detect and redact), or one rule module's entry point: `--fn contact:findContact`. */
async function load(root: string): Promise<Fn> {
  if (fnName === 'deid') {
    // The deid bench's operation: detect (phi, secrets, genomic) and redact.
    type Deid = { createDeidentifier: (o: { defaultAction: 'redact' }) => { deidentify: (t: string) => unknown } };
    const deid = (await import(pathToFileURL(resolve(root, 'src/deid/index.ts')).href)) as Deid;
    const r = deid.createDeidentifier({ defaultAction: 'redact' });
    return (text) => {
      r.deidentify(text);
      return [];
    };
  }
  const [file, name] = fnName.includes(':') ? [`src/detect/phi/${fnName.split(':')[0] ?? ''}.ts`, fnName.split(':')[1] ?? ''] : [fnName === 'scanPhi' ? 'src/detect/phi/scan.ts' : 'src/detect/phi/index.ts', fnName];
  const mod = (await import(pathToFileURL(resolve(root, file)).href)) as Record<string, unknown>;
  const lines = (await import(pathToFileURL(resolve(root, 'src/detect/phi/lines.ts')).href)) as { hangulLines: (t: string) => HangulLines };
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`${name} not exported by ${file}`);
  if (!fnName.includes(':')) return fn as Fn;
  // Rule modules take the Hangul lines scanPhi computes once; here they are part of the timed call.
  return (text) => {
    (fn as RuleFn)(text, noSink, lines.hangulLines(text));
    return [];
  };
}

// Run with `node --expose-gc --import tsx` so each timed call starts from a collected heap.
const gc = (globalThis as { gc?: () => void }).gc;
const cpuMs = (fn: () => void): number => {
  gc?.();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

const oldFn = await load(baseDir);
const newFn = await load('.');
const cases: Array<[string, string[], number]> = [
  ['phi 1 MB', [compose(1024 * 1024, 99)], 1],
  ['deid 1 MB', [notesOf(1_000_000, 99)], 1],
  ['phi 1 KB x64', Array.from({ length: 64 }, (_, i) => compose(1024, i + 1)), 10],
  ['deid 1 KB x64', Array.from({ length: 64 }, (_, i) => notesOf(1000, i + 1)), 10],
];
console.log(`${fnName}, ${rounds} alternating rounds, CPU time; old = ${baseDir}`);
for (const [label, texts, reps] of cases) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const run = (fn: Fn) => (): void => { for (let r = 0; r < reps; r++) for (const t of texts) fn(t); };
  run(oldFn)();
  run(newFn)();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first, so neither always runs after the other's garbage.
    if (r % 2 === 0) { a.push(cpuMs(run(oldFn))); b.push(cpuMs(run(newFn))); } else { b.push(cpuMs(run(newFn))); a.push(cpuMs(run(oldFn))); }
  }
  const perMb = (ms: number): number => ms / (bytes * reps / 1e6);
  const perCall = (ms: number): number => ms / (reps * texts.length);
  const [ma, mb] = [median(a), median(b)];
  // Paired ratio: each round's old and new ran back to back, so slow spells hit both.
  const ratio = median(a.map((x, i) => x / (b[i] ?? x)));
  const small = texts.length > 1;
  const fmt = (ms: number): string => (small ? `${(perCall(ms) * 1000).toFixed(0)} µs/call` : `${perMb(ms).toFixed(1)} ms/MB`);
  console.log(`${label.padEnd(14)} old ${fmt(ma).padStart(14)}  new ${fmt(mb).padStart(14)}  (median paired speed-up ${ratio.toFixed(2)}x; ${(1000 / perMb(mb)).toFixed(1)} MB/CPU-s new, best old ${fmt(Math.min(...a))} new ${fmt(Math.min(...b))})`);
}
