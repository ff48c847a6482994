/**
 * Profiling aid for the dataset scanner: generates one varied (or dense) set once into a cache
 * folder, scans it, and prints its time, the poisoned-row count and digests of the report,
 * so a speed change can be checked for an unchanged result. Run with node --cpu-prof for a profile:
 * npx tsx scripts/bench/dataset-profile.ts [MB=50] [varied|dense] [cacheDir]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { scanDataset } from '../../src/scan/dataset/engine.js';
import { generate } from './dataset-gen.js';

const mb = Number(process.argv[2] ?? 50);
const shape = process.argv[3] === 'dense' ? 'dense' : 'varied';
const dir = process.argv[4] ?? tmpdir();
const path = join(dir, `mg-dataset-${shape}-${mb}.jsonl`);
const labels = `${path}.poisoned.json`;
if (!existsSync(path) || !existsSync(labels)) {
  const g = await generate(path, mb * 1024 * 1024, shape);
  writeFileSync(labels, JSON.stringify([...g.poisoned]));
}
const poisoned = new Set(JSON.parse(readFileSync(labels, 'utf8')) as number[]);
const c0 = process.cpuUsage();
const t0 = performance.now();
const r = await scanDataset(path, { maxReportedRows: 1_000_000 });
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
const found = r.rows.filter((x) => poisoned.has(x.index) && x.severity !== 'info' && x.severity !== 'low').length;
const digest = createHash('sha256').update(JSON.stringify(r.rows.map((x) => [x.index, x.severity, x.reasons.map((y) => y.technique)]))).digest('hex').slice(0, 12);
// The whole summary too (counts, triggers, texts sent to the detectors): a speed change should leave it as it was.
const summaryDigest = createHash('sha256').update(JSON.stringify(r.summary)).digest('hex').slice(0, 12);
process.stdout.write(`${shape} ${(r.summary.bytes / 1e6).toFixed(1)} MB ${r.summary.rows} rows: wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${(r.summary.bytes / 1e6 / cpu).toFixed(2)} MB per CPU-s; ` +
  `flagged ${r.summary.flagged}, poisoned ${found}/${poisoned.size}, near ${r.summary.nearDuplicates}, exact ${r.summary.exactDuplicates}, clusters ${r.summary.promptClusters}, ` +
  `triggers ${r.summary.triggers.map((t) => `${t.phrase}:${t.rows}`).join('|')}; rows digest ${digest}, summary digest ${summaryDigest}; maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
