/**
 * Mutation fuzzing of the model-file parsers (pickle, zip, tar, npy, compressed wrappers and the
 * safetensors/GGUF/ONNX/Keras scanners) through the engine, from seeds built in code plus the
 * corpus dev files read in place. A crash is an exception escaping the engine or an internal
 * scanner error (TypeError/RangeError...) rather than a handled parse error; a hang is one input
 * over 2 s. Usage: npx tsx scripts/fuzz/models.ts [count=100000] [seed=1]
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { scanBytes } from '../../src/scan/model/testing/scan.js';
import { buildNpy, buildTar, buildZip, pickle } from '../../src/scan/model/testing/build.js';

export interface FuzzResult { inputs: number; seconds: number; crashes: { seed: string; error: string }[]; hangs: { seed: string; ms: number }[]; slowestMs: number }

/** mulberry32: small seeded PRNG so runs are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x0a, 0x2e, 0x28, 0x93, 0x94, 0x95];

export function mutate(input: Uint8Array, rnd: () => number, other: Uint8Array): Uint8Array {
  let b: Uint8Array = Uint8Array.from(input);
  const n = 1 + Math.floor(rnd() * 4);
  const pos = (): number => Math.floor(rnd() * Math.max(1, b.length));
  for (let i = 0; i < n; i++) {
    switch (Math.floor(rnd() * 8)) {
      case 0: if (b.length > 0) { const p = pos(); b[p] = (b[p] as number) ^ (1 << Math.floor(rnd() * 8)); } break;
      case 1: if (b.length > 0) b[pos()] = INTERESTING[Math.floor(rnd() * INTERESTING.length)] as number; break;
      case 2: b = b.subarray(0, pos()); break;
      case 3: { const p = pos(); const len = Math.floor(rnd() * 16); b = Uint8Array.from([...b.subarray(0, p), ...b.subarray(p + len)]); break; }
      case 4: { const p = pos(); const q = pos(); const chunk = b.subarray(Math.min(p, q), Math.min(p, q) + 32); b = Uint8Array.from([...b.subarray(0, q), ...chunk, ...b.subarray(q)]); break; }
      case 5: if (b.length >= 4) { const p = Math.floor(rnd() * (b.length - 3)); const v = [0, 0xffffffff, 0x7fffffff, b.length, b.length + 1, 0x10000][Math.floor(rnd() * 6)] as number; new DataView(b.buffer, b.byteOffset).setUint32(p, v, true); } break;
      case 6: { const p = pos(); const q = Math.floor(rnd() * Math.max(1, other.length)); b = Uint8Array.from([...b.subarray(0, p), ...other.subarray(q, q + 64)]); break; }
      default: { const p = pos(); b = Uint8Array.from([...b.subarray(0, p), ...INTERESTING.slice(0, 1 + Math.floor(rnd() * 4)), ...b.subarray(p)]); }
    }
  }
  return b;
}

export function builtSeeds(): Map<string, Uint8Array> {
  const evil = pickle().proto(4).str('posix').memoize().str('system').memoize().stackGlobal().str('id').tuple1().reduce().stop().bytesOut();
  const plain = pickle().proto(2).emptyDict().mark().str('a').int(1).str('b').global('collections', 'OrderedDict').emptyTuple().reduce().setitems().stop().bytesOut();
  const p0 = pickle().global('os', 'system').mark().string0('id').tuple().reduce().stop().bytesOut();
  const joblib = pickle().proto(4).str('joblib.numpy_pickle').str('NumpyArrayWrapper').stackGlobal().emptyTuple().newobj()
    .emptyDict().mark().str('shape').int(2).tuple1().str('dtype').str('numpy').str('dtype').stackGlobal().str('f8').tuple1().reduce()
    .str('numpy_array_alignment_bytes').int(16).setitems().build().raw(3, 0xff, 0xff, 0xff).raw(...new Array<number>(16).fill(1)).stop().bytesOut();
  return new Map<string, Uint8Array>([
    ['built:evil.pkl', evil], ['built:plain.pkl', plain], ['built:p0.pkl', p0], ['built:joblib', joblib],
    ['built:torch.zip', buildZip([{ name: 'archive/data.pkl', data: plain }, { name: 'archive/data/0', data: new Uint8Array(16) }, { name: 'x.pkl', data: evil, deflate: true }])],
    ['built:model.tar', buildTar([{ name: 'a/w.pkl', data: evil }, { name: 'l', type: '2', link: '/etc' }])],
    ['built:tar.gz', gzipSync(buildTar([{ name: 'w.pkl', data: plain }]))],
    ['built:a.npy', buildNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(16))],
    ['built:o.npy', buildNpy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", evil)],
  ]);
}

async function corpusSeeds(): Promise<Map<string, Uint8Array>> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const corpus = join(resolve(repoRoot, '../shared/data'), 'models');
  const out = new Map<string, Uint8Array>();
  if (!existsSync(join(corpus, 'MANIFEST.json'))) return out;
  const manifest = JSON.parse(await readFile(join(corpus, 'MANIFEST.json'), 'utf8')) as { entries: { file: string; split: string; format: string }[] };
  for (const e of manifest.entries) {
    if (e.split !== 'dev' || e.file.endsWith('/') || e.format.startsWith('jsonl')) continue;
    const bytes = await readFile(join(corpus, e.file));
    if (bytes.length <= 256 * 1024) out.set(e.file, bytes);
  }
  void readdir;
  return out;
}

export async function fuzzModels(count: number, seed = 1, withCorpus = true): Promise<FuzzResult> {
  const seeds = new Map([...builtSeeds(), ...(withCorpus ? await corpusSeeds() : [])]);
  const names = [...seeds.keys()];
  const rnd = prng(seed);
  const result: FuzzResult = { inputs: 0, seconds: 0, crashes: [], hangs: [], slowestMs: 0 };
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length] as string;
    const other = seeds.get(names[Math.floor(rnd() * names.length)] as string) as Uint8Array;
    const input = mutate(seeds.get(name) as Uint8Array, rnd, other);
    const start = performance.now();
    try {
      const r = await scanBytes(input, name, { limits: { maxExpandedBytes: 64 * 1024 * 1024 } });
      const bug = r.findings.find((f) => f.technique === 'model.scanner_error');
      if (bug !== undefined && result.crashes.length < 50) result.crashes.push({ seed: `${name}#${i}`, error: bug.explanation });
    } catch (e) {
      if (result.crashes.length < 50) result.crashes.push({ seed: `${name}#${i}`, error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'non-error throw' });
    }
    const ms = performance.now() - start;
    result.slowestMs = Math.max(result.slowestMs, ms);
    if (ms > 2000 && result.hangs.length < 50) result.hangs.push({ seed: `${name}#${i}`, ms });
    result.inputs++;
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  const r = await fuzzModels(count, seed);
  console.log(`inputs ${r.inputs} in ${r.seconds.toFixed(1)} s (${(r.inputs / r.seconds).toFixed(0)} inputs/s), crashes ${r.crashes.length}, hangs ${r.hangs.length}, slowest ${r.slowestMs.toFixed(0)} ms`);
  for (const c of r.crashes) console.log(`crash ${c.seed}: ${c.error}`);
  for (const h of r.hangs) console.log(`hang ${h.seed}: ${h.ms.toFixed(0)} ms`);
  process.exitCode = r.crashes.length + r.hangs.length > 0 ? 1 : 0;
}
