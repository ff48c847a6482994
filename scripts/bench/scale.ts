/**
 * `npm run bench:scale [-- --seconds N --connections N]`: the default policy through (a) one
 * instance on SQLite with in-process limits, (b) one instance on PostgreSQL + Redis, (c) two
 * instances on PostgreSQL + Redis (connections split between them), 1 KB chat requests against an
 * instant upstream stub; with the CPU-seconds each part used, the stored bytes per event, and the
 * per-call costs of scale-micro.ts. Run directly it rewrites the `scale` section of docs/BENCH.md
 * through scripts/bench.ts; `benchScale()` is the section body. Needs PostgreSQL and Redis
 * (MEDGUARD_TEST_POSTGRES / MEDGUARD_TEST_REDIS, defaults on 127.0.0.1).
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import Database from 'better-sqlite3';
import { dropPrefix, testPrefix } from '../../src/cache/redis/testing.js';
import { dropSchema, testSchemaName } from '../../src/store/postgres/testing.js';
import { cpuSince, cpuSnapshot, type CpuUsed } from './scale-cpu.js';
import { micro, pgSize } from './scale-micro.js';
import { scaleReport, type Row } from './scale-report.js';
import type { ScaleChildMessage } from './scale-role.js';

const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const QUESTION = 'A patient with type 2 diabetes and stage 3b chronic kidney disease takes metformin 1 g twice daily; eGFR is 40. Should the dose be reduced, and what monitoring is needed? '.repeat(6);
const body = JSON.stringify({ model: 'stub', messages: [{ role: 'system', content: 'You are a careful clinical pharmacology assistant.' }, { role: 'user', content: QUESTION }] });

function start<T>(file: string, args: string[]): Promise<{ child: ChildProcess; ready: T }> {
  const child = fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const early = (code: number | null): void => reject(new Error(`${file} exited (${String(code)}) before it was ready`));
    child.once('error', reject);
    child.once('exit', early);
    child.once('message', (m: T) => {
      child.off('exit', early);
      resolve({ child, ready: m });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.send({ cmd: 'close' });
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(t);
}

const load = (url: string, token: string, conns: number, seconds: number): Promise<Result> =>
  autocannon({ url: `${url}/v1/chat/completions`, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body, connections: conns, duration: seconds });

/** Events stored and bytes per event (tables + indexes, or the SQLite file) after a run. */
async function stored(mode: 'sqlite' | 'shared', dir: string, schema: string): Promise<{ events: number; bytesPerEvent: number }> {
  if (mode === 'sqlite') {
    const file = join(dir, 'medguard.db');
    const db = new Database(file, { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    db.close();
    return { events: n, bytesPerEvent: statSync(file).size / Math.max(1, n) };
  }
  const size = await pgSize(schema);
  return { events: size.events, bytesPerEvent: size.bytesPerEvent };
}

async function scenario(name: string, stubUrl: string, mode: 'sqlite' | 'shared', instances: number, seconds: number, connections: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-scale-'));
  const schema = testSchemaName();
  const prefix = testPrefix();
  const children: ChildProcess[] = [];
  try {
    const started: ScaleChildMessage[] = [];
    for (let i = 0; i < instances; i++) {
      // Each SQLite instance would need its own file; only the shared mode runs several.
      const { child, ready } = await start<ScaleChildMessage>('./scale-role.ts', [stubUrl, mode, dir, schema, prefix]);
      children.push(child);
      started.push(ready);
    }
    const each = Math.max(1, Math.floor(connections / instances));
    // Warm-up (JIT, pools, detector tables, API-key check cached), then the measured run.
    await Promise.all(started.map((s) => load(s.url, s.token, each, 3)));
    const pids = children.map((c) => c.pid ?? 0);
    const loadBefore = loadavg()[0] ?? 0;
    const cpu0 = cpuSnapshot(pids);
    const results = await Promise.all(started.map((s) => load(s.url, s.token, each, seconds)));
    const cpu: CpuUsed = cpuSince(cpu0, pids);
    const loadAfter = loadavg()[0] ?? 0;
    for (const c of children) await stop(c);
    return {
      name,
      rps: results.reduce((n, r) => n + r.requests.average, 0),
      requests: results.reduce((n, r) => n + r.requests.total, 0),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      failed: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
      cpu,
      load: [loadBefore, loadAfter],
      ...(await stored(mode, dir, schema)),
    };
  } finally {
    for (const c of children) await stop(c);
    rmSync(dir, { recursive: true, force: true });
    if (mode === 'shared') await Promise.all([dropSchema(schema), dropPrefix(prefix)]);
  }
}

/** The section body (scripts/bench.ts adds the header and merges it into docs/BENCH.md). */
export async function benchScale(): Promise<string> {
  const seconds = num('MEDGUARD_BENCH_SCALE_SECONDS', 10);
  const connections = num('MEDGUARD_BENCH_SCALE_CONNECTIONS', 16);
  const { child: stub, ready } = await start<{ url: string }>('./gateway-roles.ts', ['stub']);
  const rows: Row[] = [];
  try {
    rows.push(await scenario('(a) 1 instance, SQLite + in-process limits', ready.url, 'sqlite', 1, seconds, connections));
    rows.push(await scenario('(b) 1 instance, PostgreSQL + Redis', ready.url, 'shared', 1, seconds, connections));
    rows.push(await scenario('(c) 2 instances, PostgreSQL + Redis', ready.url, 'shared', 2, seconds, connections));
  } finally {
    await stop(stub);
  }
  return scaleReport(rows, await micro(), { seconds, connections });
}

/** Direct run: settings into the environment, then scripts/bench.ts runs this section in a child. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, connections: { type: 'string' } }, allowPositionals: true });
  const env = { ...process.env };
  if (values.seconds) env.MEDGUARD_BENCH_SCALE_SECONDS = values.seconds;
  if (values.connections) env.MEDGUARD_BENCH_SCALE_CONNECTIONS = values.connections;
  const r = spawnSync(process.execPath, ['--import', 'tsx', here('../bench.ts'), 'scale'], { stdio: 'inherit', env });
  process.exitCode = r.status ?? 1;
}
