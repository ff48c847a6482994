/**
 * Dataset-scanner throughput on generated chat JSONL (in os.tmpdir(), deleted after; shapes in
 * dataset-gen.ts): ~50 MB of the varied shape in the default mode, 5 MB of it with --full (every
 * text through the full detectors), and 10 MB of the dense worst case. Reports MB/s per wall
 * second and per CPU second and peak RSS; target >= 10 MB/s per core.
 * Run alone: npx tsx scripts/bench/dataset.ts [MB=50]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanDataset } from '../../src/scan/dataset/engine.js';
import { generate } from './dataset-gen.js';

const MB = 1024 * 1024;

interface Run { bytes: number; rows: number; wall: number; cpu: number; flagged: number; found: string; triggers: string; screened: string }

async function run(path: string, full: boolean, poisoned: ReadonlySet<number>): Promise<Run> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await scanDataset(path, { fullInjection: full, fullPhi: full, maxReportedRows: 1_000_000 });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return {
    bytes: r.summary.bytes, rows: r.summary.rows, wall, cpu: (c.user + c.system) / 1e6, flagged: r.summary.flagged,
    found: `${r.rows.filter((x) => poisoned.has(x.index) && x.severity !== 'info' && x.severity !== 'low').length}/${poisoned.size}`,
    // The first three (most anomalous rows); the count says how many more there are.
    triggers: r.summary.triggers.length === 0 ? 'none' : `${r.summary.triggers.length}: ${r.summary.triggers.slice(0, 3).map((t) => `"${t.phrase}" (${t.rows} rows)`).join(', ')}${r.summary.triggers.length > 3 ? ', ...' : ''}`,
    screened: `${r.summary.injectionScreened.inspected}/${r.summary.injectionScreened.texts}`,
  };
}

export async function benchDataset(sizeMb = 50): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mg-bench-dataset-'));
  try {
    const load = loadavg()[0]!;
    const big = join(dir, 'big.jsonl');
    const small = join(dir, 'small.jsonl');
    const dense = join(dir, 'dense.jsonl');
    const gBig = await generate(big, sizeMb * MB, 'varied');
    const gSmall = await generate(small, 5 * MB, 'varied');
    const gDense = await generate(dense, 10 * MB, 'dense');
    await run(small, false, gSmall.poisoned); // warm-up: JIT and the detectors' lazy tables
    const a = await run(big, false, gBig.poisoned);
    const rssAfterBig = process.resourceUsage().maxRSS / 1024;
    const b = await run(small, true, gSmall.poisoned);
    const c = await run(dense, false, gDense.poisoned);
    const row = (name: string, x: Run): string => {
      const mb = x.bytes / 1e6;
      return `| ${name} | ${(x.bytes / MB).toFixed(1)} MiB, ${x.rows} rows | ${x.wall.toFixed(2)} s | ${x.cpu.toFixed(2)} s | ${(mb / x.wall).toFixed(1)} | ${(mb / x.cpu).toFixed(1)} | ${x.flagged} | ${x.found} | ${x.screened} | ${x.triggers} |`;
    };
    const perCore = a.bytes / 1e6 / a.cpu;
    return [
      'Generated chat JSONL (scripts/bench/dataset-gen.ts; every row distinct, ~0.4% poisoned), scanned in process on one thread; MB = 10^6 bytes.',
      '*varied*: distinct cases, a recurring question answered alike (the realistic shape); *dense*: 1,350 questions each recurring with a',
      'random draw of 10 sentences (a worst case for the cross-row checks, whose consensus rule flags most of it).',
      `Load average at start: ${load.toFixed(2)}.`,
      '',
      '| run | input | wall | CPU | MB/s (wall) | MB/s per CPU-second | rows flagged | poisoned rows flagged | texts sent to the injection detector | trigger phrases found |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      row('varied, default (screened)', a),
      row('varied, --full (every text)', b),
      row('dense, default (screened)', c),
      '',
      `Peak RSS of the benchmark process after the ${sizeMb} MB scan: ${rssAfterBig.toFixed(0)} MB.`,
      '',
      `**Target: >= 10 MB/s per core — ${perCore >= 10 ? 'MET' : 'NOT MET'}** (varied, default mode: ${perCore.toFixed(1)} MB per CPU-second, ${(a.bytes / 1e6 / a.wall).toFixed(1)} MB/s wall). ` +
        'CPU seconds include the reader, the screens, the detectors on the texts the screens pass, and the cross-row checks.',
      '',
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.stdout.write(await benchDataset(Number(process.argv[2] ?? 50)));
}
