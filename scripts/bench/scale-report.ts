/**
 * The markdown body of the `scale` section of docs/BENCH.md: throughput and latency per setup
 * with the CPU-seconds behind them (the figure that carries over from this shared 2-core machine),
 * stored bytes per event, and the per-call costs of the limiter and the audit append.
 */
import { cpus } from 'node:os';
import type { CpuUsed } from './scale-cpu.js';
import type { CallCost, MicroResult } from './scale-micro.js';

export interface Row {
  readonly name: string;
  readonly rps: number;
  /** Responses autocannon counted in the measured run. */
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  readonly cpu: CpuUsed;
  readonly load: readonly [number, number];
  /** Events in the store after the run (warm-up included) and bytes per stored event. */
  readonly events: number;
  readonly bytesPerEvent: number;
}

const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');

const cost = (label: string, c: CallCost): string => `| ${label} | ${f0(c.p50)} | ${f0(c.p99)} | ${f0(c.clientCpu)} | ${c.serverCpu > 0 ? f0(c.serverCpu) : '—'} |`;

export function scaleReport(rows: readonly Row[], m: MicroResult, s: { seconds: number; connections: number }): string {
  const out = [
    `Load: autocannon (in the parent process), ${s.connections} connections for ${s.seconds} s after a 3 s warm-up, split evenly across the instances (req/s summed over them, p50/p99 of the slower one); 1 KB chat request, default policy (inspection on), upstream stub answering at once. The rate limit is set too high to refuse, so every request still pays for the limiter check and the audit append. One machine with ${cpus().length} shared cores runs the load generator, the stub, the instances, PostgreSQL and Redis: two instances cannot be faster than one here, because there is no third core to run them on. The CPU columns are what carries over: CPU ms per request is the sum of the gateway processes (and, separately, of the PostgreSQL + Redis server processes, which serve every client on the machine) over the requests answered.`,
    '',
    '| setup | req/s | p50 ms | p99 ms | failed | gateway CPU ms/req | PG + Redis CPU ms/req | load generator CPU s | load avg before → after | events stored | bytes/event |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of rows) {
    const per = (sec: number): string => f2((sec * 1000) / Math.max(1, r.requests));
    out.push(`| ${r.name} | ${f0(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.failed} | ${per(r.cpu.gateways)} | ${r.name.includes('SQLite') ? '—' : per(r.cpu.servers)} | ${f1(r.cpu.loadGenerator)} | ${f2(r.load[0])} → ${f2(r.load[1])} | ${r.events} | ${f0(r.bytesPerEvent)} |`);
  }
  const a = rows[0];
  const c = rows[2];
  if (a && c) {
    const capacity = (r: Row): number => r.requests / Math.max(1e-9, r.cpu.gateways);
    out.push('', `- Requests per gateway CPU-second: ${rows.map((r) => `${r.name.slice(0, 3)} ${f0(capacity(r))}`).join(', ')}. With a core per instance, (c) would serve about twice one instance's figure until the PostgreSQL append ceiling below is reached.`);
  }
  out.push(
    '- bytes/event: SQLite is the database file over its events; PostgreSQL is events + kind/family index tables with their indexes (clean traffic: no findings rows). An event with findings adds one small row per finding kind.',
    '',
    '| per call, sequential, in the benchmark process | p50 µs | p99 µs | client CPU µs/call | server CPU µs/call |',
    '|---|---:|---:|---:|---:|',
    cost('limiter acquire + release, in-process', m.limiterLocal),
    cost('limiter acquire + release, Redis Lua (one EVALSHA + one ZREM)', m.limiterRedis),
    cost('audit append, SQLite (WAL, one transaction)', m.appendSqlite),
    cost('audit append, PostgreSQL (head row lock; BEGIN, SELECT FOR UPDATE, INSERT…UPDATE, COMMIT)', m.appendPostgres),
    '',
    `- Shared rate limit: ${f0(m.limiterRedis.p50 - m.limiterLocal.p50)} µs more wall time per request at p50 than in-process (a loopback round trip), ${f0(m.limiterRedis.clientCpu)} µs of gateway CPU and ${f0(m.limiterRedis.serverCpu)} µs of Redis CPU.`,
    `- Redis memory: ${f0(m.redisBytesPerPrincipal)} bytes per principal active within its limit window (bucket hash; the in-flight set empties on release), measured with MEMORY USAGE over 1000 principals.`,
    `- PostgreSQL size per event (pg_total_relation_size of events + event_kinds + event_families over ${m.pgSize.events} appended sample events, a fifth with an injection finding and about a tenth with a phone finding): ${f0(m.pgSize.bytesPerEvent)} bytes, of which ${f0(m.pgSize.indexBytesPerEvent)} in indexes.`,
    `- Chain head row after those appends: ${m.head.updates} updates, ${m.head.hot} of them HOT, ${m.head.dead} dead tuples, ${f0(m.head.bytes / 1024)} KB on disk (autovacuum on defaults).`,
    `- Chain verification (verifyChain over the same PostgreSQL chain, no signature keys): ${f0(m.verifyPerSecond)} events/s.`,
    `- Audit append ceiling (one chain, serialised on the head row lock): ${f0(m.ceilingOnePool)} appends/s from ${m.ceilingCount} concurrent callers on one pool of 10, ${f0(m.ceilingTwoPools)} appends/s from two pools (two instances). Appends are group-committed: those an instance makes while its previous batch commits share the next transaction (at most 200 events), so the head lock is held once per batch, not per event. This burst makes batches large; under gateway traffic a batch holds the appends that arrive during one commit round trip, so the ceiling there lies between the per-event figure (about one round trip plus the insert per event, ~1000/s here before group commit) and this one.`,
  );
  return out.join('\n');
}
