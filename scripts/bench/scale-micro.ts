/**
 * The per-call costs behind the scale benchmark, in this process: the limiter (in-process vs the
 * Redis Lua script), an audit append (SQLite vs PostgreSQL), the serialised-chain append ceiling
 * with many concurrent writers from one and from two "instances" (pools), and the Redis memory one
 * active principal holds, the PostgreSQL bytes per stored event and the chain verification rate.
 * Each call is timed alone (wall), and client/server CPU is summed over the loop, so a busy machine
 * shows up as wall > CPU rather than as a wrong cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyChain } from '../../src/audit/verify.js';
import { LimitsSchema } from '../../src/gateway/config/limits.js';
import { createLimiter } from '../../src/gateway/limits/limiter.js';
import type { Principal } from '../../src/gateway/types.js';
import { createRedisLimiter } from '../../src/cache/redis/limiter.js';
import { dropPrefix, openTestCache, testPrefix } from '../../src/cache/redis/testing.js';
import { sampleEvent } from '../../src/store/fixtures.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { dropSchema, PG_TEST_URL, testSchemaName } from '../../src/store/postgres/testing.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { pidsNamed, processCpuSeconds } from './scale-cpu.js';

export interface CallCost { readonly p50: number; readonly p99: number; readonly clientCpu: number; readonly serverCpu: number }

const serverCpu = (names: readonly string[]): number => pidsNamed(names).reduce((n, p) => n + processCpuSeconds(p), 0);

/** Sequential calls: wall µs percentiles, and client / server CPU µs per call over the loop. */
async function timeCalls(n: number, server: readonly string[], fn: (i: number) => Promise<unknown>): Promise<CallCost> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(n + i);
  const us: number[] = [];
  const c0 = process.cpuUsage();
  const s0 = serverCpu(server);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    us.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const c = process.cpuUsage(c0);
  const s = serverCpu(server) - s0;
  us.sort((a, b) => a - b);
  const at = (q: number): number => us[Math.min(us.length - 1, Math.floor(q * us.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), clientCpu: (c.user + c.system) / n, serverCpu: (s * 1e6) / n };
}

const who = (id: string): Principal => ({ id, name: id, role: 'clinician', patient: null, via: 'api_key', scopes: [] });

export interface MicroResult {
  readonly limiterLocal: CallCost;
  readonly limiterRedis: CallCost;
  /** Redis bytes per principal that made a request in the window (MEMORY USAGE over its keys). */
  readonly redisBytesPerPrincipal: number;
  readonly appendSqlite: CallCost;
  readonly appendPostgres: CallCost;
  /** Appends/s into one chain from many concurrent callers: one pool, and two pools (two instances). */
  readonly ceilingOnePool: number;
  readonly ceilingTwoPools: number;
  readonly ceilingCount: number;
  /** sampleEvent mix (a fifth blocked with an injection finding, some with a phone finding). */
  readonly pgSize: PgSize;
  /** Events/s `verifyChain` reads and re-hashes from PostgreSQL (no signature keys given). */
  readonly verifyPerSecond: number;
  /** The one-row chain head after every append above updated it: what vacuum has to keep up with. */
  readonly head: HeadStats;
}

export interface HeadStats { readonly updates: number; readonly hot: number; readonly dead: number; readonly bytes: number }

async function headStats(schema: string): Promise<HeadStats> {
  // Closed backends flush their statistics within about a second; read after that.
  await new Promise((r) => setTimeout(r, 1500));
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ upd: string; hot: string; dead: string; bytes: string }>(
      'SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot, n_dead_tup AS dead, pg_total_relation_size(relid) AS bytes FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = $2',
      [schema, 'chain_head'],
    );
    const r = rows[0];
    return { updates: Number(r?.upd ?? 0), hot: Number(r?.hot ?? 0), dead: Number(r?.dead ?? 0), bytes: Number(r?.bytes ?? 0) };
  } finally {
    await client.end();
  }
}

export interface PgSize { readonly events: number; readonly bytesPerEvent: number; readonly indexBytesPerEvent: number }

/**
 * Bytes per stored event from the real schema: pg_total_relation_size (heap + TOAST + indexes) of
 * the events table and its kind/family index tables, over the events stored.
 */
export async function pgSize(schema: string): Promise<PgSize> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    const tables = ['events', 'event_kinds', 'event_families'].map((t) => `'${schema}.${t}'::regclass`);
    const { rows } = await client.query<{ n: string; total: string; idx: string }>(
      `SELECT (SELECT count(*) FROM ${schema}.events) AS n,
              ${tables.map((t) => `pg_total_relation_size(${t})`).join(' + ')} AS total,
              ${tables.map((t) => `pg_indexes_size(${t})`).join(' + ')} AS idx`,
    );
    const n = Math.max(1, Number(rows[0]?.n ?? 0));
    return { events: Number(rows[0]?.n ?? 0), bytesPerEvent: Number(rows[0]?.total ?? 0) / n, indexBytesPerEvent: Number(rows[0]?.idx ?? 0) / n };
  } finally {
    await client.end();
  }
}

async function limiters(): Promise<Pick<MicroResult, 'limiterLocal' | 'limiterRedis' | 'redisBytesPerPrincipal'>> {
  // Every check enabled (rate, concurrency, token quota) and high enough never to refuse.
  const limits = LimitsSchema.parse({ requestsPerMinute: 10_000_000, burst: 10_000_000, maxConcurrent: 10_000, tokensPerDay: 100_000_000 });
  const me = who('bench');
  const local = createLimiter(limits);
  const limiterLocal = await timeCalls(5000, [], async () => (await local.acquire(me, 'r')).release());
  const prefix = testPrefix();
  const cache = await openTestCache(prefix);
  try {
    const shared = createRedisLimiter(cache, limits, { onLoss: 'closed' });
    const limiterRedis = await timeCalls(5000, ['redis-server'], async () => (await shared.acquire(me, 'r')).release());
    // Memory: 1000 principals with a realistic limit (60/min, 4 in flight, a daily token quota).
    const real = createRedisLimiter(cache, LimitsSchema.parse({ requestsPerMinute: 60, maxConcurrent: 4, tokensPerDay: 200_000 }), { onLoss: 'closed' });
    const principals = 1000;
    for (let i = 0; i < principals; i++) (await real.acquire(who(`p${i}`), 'r')).release();
    let bytes = 0;
    let cursor = '0';
    do {
      const [next, keys] = await cache.client.scan(cursor, 'MATCH', `${prefix}:*{p*`, 'COUNT', 500);
      cursor = next;
      for (const k of keys) bytes += Number(await cache.client.memory('USAGE', k)) || 0;
    } while (cursor !== '0');
    return { limiterLocal, limiterRedis, redisBytesPerPrincipal: bytes / principals };
  } finally {
    await cache.close();
    await dropPrefix(prefix);
  }
}

async function ceiling(pools: number, total: number, schema: string): Promise<number> {
  const stores = await Promise.all(Array.from({ length: pools }, () => openPostgresStore(PG_TEST_URL, { schema, poolSize: 10 })));
  try {
    const t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: total }, (_, i) => stores[i % pools]!.audit.append(sampleEvent(i + 1))));
    return total / (Number(process.hrtime.bigint() - t) / 1e9);
  } finally {
    for (const s of stores) await s.close();
  }
}

export async function micro(): Promise<MicroResult> {
  const lim = await limiters();
  const dir = mkdtempSync(join(tmpdir(), 'mg-bench-scale-'));
  const sqlite = openSqliteStore(join(dir, 'm.db'));
  const appendSqlite = await timeCalls(2000, [], (i) => sqlite.audit.append(sampleEvent(i + 1)));
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  const schema = testSchemaName();
  try {
    const pg = await openPostgresStore(PG_TEST_URL, { schema });
    const appendPostgres = await timeCalls(2000, ['postgres'], (i) => pg.audit.append(sampleEvent(i + 1)));
    await pg.close();
    const ceilingCount = 3000;
    const ceilingOnePool = await ceiling(1, ceilingCount, schema);
    const ceilingTwoPools = await ceiling(2, ceilingCount, schema);
    const size = await pgSize(schema);
    const head = await headStats(schema);
    const reader = await openPostgresStore(PG_TEST_URL, { schema, readonly: true });
    const t = process.hrtime.bigint();
    const verified = await verifyChain(reader.audit);
    const verifyPerSecond = verified.checked / (Number(process.hrtime.bigint() - t) / 1e9);
    await reader.close();
    if (!verified.ok) throw new Error(`bench chain does not verify: ${JSON.stringify(verified.firstBad)}`);
    return { ...lim, appendSqlite, appendPostgres, ceilingOnePool, ceilingTwoPools, ceilingCount, pgSize: size, verifyPerSecond, head };
  } finally {
    await dropSchema(schema);
  }
}
