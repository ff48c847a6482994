/**
 * Model-scanner throughput on generated worst cases (written to os.tmpdir(), deleted after):
 * a ~200 MB opcode-dense pickle (a dict of millions of floats, keys memoised) and a ~200 MB pickle
 * of 1 MB byte strings. Targets: >= 40 MB/s and >= 1 GB/s respectively, peak RSS < 256 MB.
 * Run alone: npx tsx scripts/bench/models.ts [MB=200]
 */
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanPaths } from '../../src/scan/model/engine.js';

const MB = 1024 * 1024;

async function writeChunks(path: string, produce: (emit: (b: Uint8Array) => void) => boolean): Promise<number> {
  const fh = await open(path, 'w');
  let total = 0;
  try {
    for (;;) {
      const parts: Uint8Array[] = [];
      const more = produce((b) => parts.push(b));
      const buf = Buffer.concat(parts);
      await fh.write(buf);
      total += buf.length;
      if (!more) break;
    }
  } finally {
    await fh.close();
  }
  return total;
}

/** {'w0': 0.5, 'w1': 1.5, ...} as protocol 4 writes it: SHORT_BINUNICODE + MEMOIZE + BINFLOAT, SETITEMS per 1000. */
async function denseFloats(path: string, targetBytes: number): Promise<number> {
  let written = 0;
  let key = 0;
  let started = false;
  return writeChunks(path, (emit) => {
    if (!started) {
      emit(Uint8Array.from([0x80, 4, 0x7d, 0x94]));
      started = true;
    }
    const batch = Buffer.alloc(1000 * 24 + 2);
    let p = 0;
    batch[p++] = 0x28;
    for (let i = 0; i < 1000; i++, key++) {
      const k = `w${key}`;
      batch[p++] = 0x8c;
      batch[p++] = k.length;
      p += batch.write(k, p, 'latin1');
      batch[p++] = 0x94;
      batch[p++] = 0x47;
      batch.writeDoubleBE(key * 0.5, p);
      p += 8;
    }
    batch[p++] = 0x75;
    emit(batch.subarray(0, p));
    written += p;
    if (written >= targetBytes) {
      emit(Uint8Array.from([0x2e]));
      return false;
    }
    return true;
  });
}

/** [b'...1 MB...', ...]: BINBYTES operands the scanner must skip without copying. */
async function bigBytes(path: string, targetBytes: number): Promise<number> {
  let written = 0;
  let started = false;
  const payload = Buffer.alloc(MB, 0x41);
  return writeChunks(path, (emit) => {
    if (!started) {
      emit(Uint8Array.from([0x80, 4, 0x5d, 0x94, 0x28]));
      started = true;
    }
    emit(Uint8Array.from([0x42, 0, 0, 0x10, 0]));
    emit(payload);
    emit(Uint8Array.from([0x94]));
    written += MB + 6;
    if (written >= targetBytes) {
      emit(Uint8Array.from([0x65, 0x2e]));
      return false;
    }
    return true;
  });
}

async function timeScan(path: string): Promise<{ seconds: number; cpuSeconds: number; verdict: string; findings: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let verdict = 'none';
  let findings = 0;
  for await (const r of scanPaths([path])) {
    verdict = r.verdict;
    findings = r.findings.length;
  }
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, verdict, findings };
}

export async function benchModels(sizeMb = 200): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medguard-bench-models-'));
  const rows: string[] = [];
  try {
    // The low-memory case first: maxRSS is a process-wide high-water mark.
    const cases: [string, string, (p: string, n: number) => Promise<number>, number][] = [
      ['pickle of 1 MB byte strings', 'bytes.pkl', bigBytes, 1000],
      ['opcode-dense pickle (dict of floats)', 'dense.pkl', denseFloats, 40],
    ];
    for (const [label, file, make, target] of cases) {
      const path = join(dir, file);
      const size = await make(path, sizeMb * MB);
      const r = await timeScan(path);
      await rm(path, { force: true });
      const mbs = size / MB / r.seconds;
      const cpuMbs = size / MB / Math.max(1e-6, r.cpuSeconds);
      const rss = process.resourceUsage().maxRSS / 1024;
      rows.push(`| ${label} | ${(size / MB).toFixed(0)} MB | ${r.seconds.toFixed(2)} s | ${mbs.toFixed(0)} MB/s | ${cpuMbs.toFixed(0)} MB/s | ${target} MB/s | ${mbs >= target ? 'yes' : cpuMbs >= target ? 'CPU only (machine busy)' : 'NO'} | ${rss.toFixed(0)} MB | ${r.verdict} (${r.findings} findings) |`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    'Files generated in os.tmpdir() and deleted; one scan each through `scanPaths` (file read by random access, single thread).',
    'Peak RSS is the process high-water mark after that case (cases run in increasing memory order); target < 256 MB.',
    'Throughput is given per wall-clock second and per CPU second (user+system of this process): on a shared, loaded machine the CPU figure is the honest one.',
    '',
    '| input | size | wall | MB/s (wall) | MB/s (CPU) | target | met | peak RSS | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(await benchModels(Number(process.argv[2] ?? 200)));
}
