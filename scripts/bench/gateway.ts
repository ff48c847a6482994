/**
 * `npm run bench:gateway [-- --seconds N --soak N --connections N]`: autocannon against
 * (a) the upstream stub directly, (b) medguard with inspection off, (c) medguard with the full
 * default policy — 1 KB chat requests, non-streamed and streamed — then a soak run of (c) whose
 * RSS is sampled to check it stays flat (`--soak 300` for the 5-minute check). Run directly it
 * rewrites the `gateway` section of docs/BENCH.md through scripts/bench.ts; `benchGateway()` is the
 * section body when scripts/bench.ts runs it.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { ANSWER, type ChildMessage, type ParentMessage } from './gateway-roles.js';

const ROLES = fileURLToPath(new URL('./gateway-roles.ts', import.meta.url));

interface Settings { readonly seconds: number; readonly soak: number; readonly connections: number }

function settings(): Settings {
  const n = (name: string, fallback: number): number => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { seconds: n('MEDGUARD_BENCH_GATEWAY_SECONDS', 10), soak: n('MEDGUARD_BENCH_GATEWAY_SOAK', 30), connections: n('MEDGUARD_BENCH_GATEWAY_CONNECTIONS', 16) };
}

/** A ~1 KB clinical question without identifiers: the clean traffic the gateway must pass quickly. */
const QUESTION = [
  'A patient in their late sixties with type 2 diabetes, hypertension and stage 3b chronic kidney disease',
  'is on metformin 1 g twice daily, lisinopril 20 mg daily and atorvastatin 40 mg at night. The latest eGFR',
  'is 40 mL/min/1.73 m2, down from 52 six months ago, and the HbA1c is 62 mmol/mol. Potassium is 5.1 mmol/L.',
  'Should the metformin dose be reduced, and if so to what maximum? Would you add an SGLT2 inhibitor for',
  'renal protection at this eGFR, and what monitoring is needed after starting it? Is the ACE inhibitor dose',
  'still appropriate given the potassium, or should it be reduced? Please also comment on sick-day rules',
  'for these medicines and the eGFR threshold at which metformin should be stopped altogether. Summarise the',
  'plan as a short list a ward pharmacist could check against the current prescription chart.',
].join(' ');
const SYSTEM = 'You are a careful clinical pharmacology assistant.';
const body = (stream: boolean): string => JSON.stringify({ model: 'stub', stream, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: QUESTION }] });
/** Characters the full policy inspects per exchange: system + user message, and the answer. */
const INSPECTED_KB = (SYSTEM.length + QUESTION.length + ANSWER.length) / 1024;

/** Forks one bench role (gateway-roles.ts) and waits until it is ready; `execArgv` adds node flags. */
export function start(args: string[], execArgv: readonly string[] = []): Promise<{ child: ChildProcess; ready: Extract<ChildMessage, { ready: true }> }> {
  const child = fork(ROLES, args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench role ${args[0]} exited (${String(code)}) before it was ready`)));
    child.once('message', (m: ChildMessage) => {
      if ('ready' in m) resolve({ child, ready: m });
    });
  });
}

function ask(child: ChildProcess, msg: ParentMessage): Promise<ChildMessage> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(msg);
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.send({ cmd: 'close' } satisfies ParentMessage);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Resident and peak-resident memory of a process in MB, from /proc (Linux). */
function memory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? 'NaN');
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc (Linux; clock ticks of 10 ms).
 * Per request it is the work done, which a busy machine inflates far less than req/s or latency
 * (somewhat still: the 2 logical cores share caches and may be one physical core's threads).
 */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid ?? 0}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

interface Row {
  readonly scenario: string;
  readonly stream: boolean;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly added?: { p50: number; p99: number; count: number };
  readonly peakMb?: number;
  /** CPU µs per request of the process serving the row: the stub for (a), the gateway otherwise. */
  readonly cpuUs: number;
}

async function load(url: string, token: string | undefined, stream: boolean, seconds: number, connections: number): Promise<Result> {
  return autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body(stream),
    connections,
    duration: seconds,
  });
}

async function scenario(name: string, url: string, token: string | undefined, stream: boolean, s: Settings, server: ChildProcess, gw?: ChildProcess): Promise<Row> {
  // Warm-up: one request alone (the API key's scrypt check is then cached), then load for the JIT,
  // connection pools and SQLite pages — the table is about the steady state.
  await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body(stream) }).then((r) => r.arrayBuffer());
  await load(url, token, stream, Math.min(5, s.seconds), s.connections);
  const before = gw ? ((await ask(gw, { cmd: 'seq' })) as { seq: number }).seq : 0;
  const cpuBefore = cpuMs(server.pid);
  const r = await load(url, token, stream, s.seconds, s.connections);
  const cpuUs = ((cpuMs(server.pid) - cpuBefore) * 1000) / Math.max(1, r.requests.total);
  const row: Row = { scenario: name, stream, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, cpuUs };
  if (!gw?.pid) return row;
  const { added } = (await ask(gw, { cmd: 'added', sinceSeq: before })) as Extract<ChildMessage, { added: unknown }>;
  return { ...row, added, peakMb: memory(gw.pid).peak };
}

interface Soak { readonly seconds: number; readonly samples: readonly number[]; readonly rps: number; readonly non2xx: number }

/** Full policy, non-streamed, for `soak` seconds, sampling the gateway's RSS every second. */
async function soak(url: string, token: string, pid: number, s: Settings): Promise<Soak> {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(memory(pid).rss), 1000);
  try {
    const r = await load(url, token, false, s.soak, s.connections);
    return { seconds: s.soak, samples, rps: r.requests.average, non2xx: r.non2xx };
  } finally {
    clearInterval(timer);
  }
}

const f1 = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(1));
const f2 = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(2));

function report(rows: readonly Row[], soakRun: Soak, s: Settings): string {
  const out = [
    `Load: autocannon, ${s.connections} connections, ${s.seconds} s per row after a warm-up; 1 KB chat request (system + user message, no identifiers), upstream stub answering at once (~1 KB; 20 SSE chunks when streamed). Stub, gateway and load generator are separate processes on the same machine. Gateway-added time is what medguard itself recorded per exchange (audit trail \`gatewayMs\`: total minus upstream wait). CPU µs/req is the CPU time (user + system, from /proc) of the process serving the row — the stub for (a), the gateway for (b) and (c) — divided by the requests answered: the work per request, which a busy machine inflates far less than req/s (runs at different loads differ by ~10%).`,
    '',
    '| scenario | answer | req/s | p50 ms | p99 ms | non-2xx / errors | gateway-added p50 / p99 ms | CPU µs/req | peak RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(`| ${r.scenario} | ${r.stream ? 'streamed' : 'JSON'} | ${Math.round(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.non2xx} / ${r.errors} | ${r.added ? `${f2(r.added.p50)} / ${f2(r.added.p99)}` : '—'} | ${Number.isFinite(r.cpuUs) ? Math.round(r.cpuUs) : '—'} | ${f1(r.peakMb)} |`);
  }
  out.push('');
  for (const stream of [false, true]) {
    const a = rows.find((r) => r.scenario.startsWith('(a)') && r.stream === stream);
    const c = rows.find((r) => r.scenario.startsWith('(c)') && r.stream === stream);
    if (!a || !c) continue;
    const ratio = (100 * c.rps) / a.rps;
    const added = c.added?.p99 ?? Number.NaN;
    out.push(`- ${stream ? 'Streamed' : 'JSON'}: full policy throughput is ${ratio.toFixed(0)}% of direct (target ≥ 70%: ${ratio >= 70 ? 'met' : 'not met'}); gateway-added p99 ${f2(added)} ms (target ≤ 3 ms: ${added <= 3 ? 'met' : 'not met'}).`);
  }
  out.push(...whereTheTimeGoes(rows));
  const n = soakRun.samples.length;
  const at = (q: number): number | undefined => soakRun.samples[Math.min(n - 1, Math.floor(q * n))];
  const first = at(0.1);
  const last = soakRun.samples[n - 1];
  const growth = first !== undefined && last !== undefined ? last - first : Number.NaN;
  out.push(
    `- Soak (full policy, JSON, ${soakRun.seconds} s, ${Math.round(soakRun.rps)} req/s, ${soakRun.non2xx} non-2xx): gateway RSS ${f1(first)} MB at 10% of the run, ${f1(at(0.5))} MB at half, ${f1(last)} MB at the end (growth after warm-up ${f1(growth)} MB). Run \`npm run bench:gateway -- --soak 300\` for the 5-minute check.`,
  );
  return out.join('\n');
}

/** The throughput verdict explained from CPU per request (load-independent), not from req/s alone. */
function whereTheTimeGoes(rows: readonly Row[]): string[] {
  const cpu = (prefix: string, stream: boolean): number => rows.find((r) => r.scenario.startsWith(prefix) && r.stream === stream)?.cpuUs ?? Number.NaN;
  const [a, b, c] = [cpu('(a)', false), cpu('(b)', false), cpu('(c)', false)];
  const [bs, cs] = [cpu('(b)', true), cpu('(c)', true)];
  if (![a, b, c].every(Number.isFinite)) return [];
  const perKb = (c - b) / INSPECTED_KB;
  return [
    `- Where the time goes (JSON, CPU per request): the stub spends ${Math.round(a)} µs; medguard with inspection off ${Math.round(b)} µs (detector families off, the route's link and active-content rules still on; its HTTP server, the pooled upstream client, identity with the per-request revocation read, limits, the audit event hashed, chained and committed); the full policy ${Math.round(c)} µs, so inspection is ${Math.round(c - b)} µs for the ${INSPECTED_KB.toFixed(1)} KB inspected per exchange (request texts and answer): about ${Math.round(perKb)} µs of detector CPU per KB, mostly the PHI family.${Number.isFinite(bs) && Number.isFinite(cs) ? ` Streamed: ${Math.round(bs)} µs off, ${Math.round(cs)} µs full (the answer is re-checked over a sliding window as it arrives, once per network read: the stub writes its 21 events at once, so several arrive per read; a model streaming token by token costs up to one check per 64 characters, each re-reading up to 320 characters before them).` : ''}`,
    `- Why ≥ 70% of direct is not met: one gateway process serves at most about 1e6 / CPU-µs requests per second on its core (${Math.round(1e6 / c)} req/s for the full policy, ${Math.round(1e6 / b)} with inspection off), and on this 2-core machine the stub and the load generator share the cores with it. Roughly, the target asks the gateway to cost no more than ~1.4× the stub's ${Math.round(a)} µs per request, less than the HTTP proxying alone (inspection off) costs; inspection of ${INSPECTED_KB.toFixed(1)} KB adds ${Math.round(c - b)} µs on top. Throughput scales with cores and instances (docs/SCALING.md), not within one Node process; the latency target (gateway-added p99 ≤ 3 ms) is the one a single process can meet.`,
  ];
}

/** The section body (scripts/bench.ts adds the header and merges it into docs/BENCH.md). */
export async function benchGateway(): Promise<string> {
  const s = settings();
  const stub = await start(['stub']);
  const rows: Row[] = [];
  let soakRun: Soak | undefined;
  try {
    for (const stream of [false, true]) rows.push(await scenario('(a) direct to the stub', stub.ready.url, undefined, stream, s, stub.child));
    for (const mode of ['off', 'full'] as const) {
      const gw = await start(['gateway', stub.ready.url, mode]);
      try {
        const name = mode === 'off' ? '(b) medguard, inspection off' : '(c) medguard, default policy';
        for (const stream of [false, true]) rows.push(await scenario(name, gw.ready.url, gw.ready.token, stream, s, gw.child, gw.child));
        if (mode === 'full' && gw.child.pid) soakRun = await soak(gw.ready.url, gw.ready.token ?? '', gw.child.pid, s);
      } finally {
        await stop(gw.child);
      }
    }
  } finally {
    await stop(stub.child);
  }
  return report(rows, soakRun ?? { seconds: 0, samples: [], rps: 0, non2xx: 0 }, s);
}

/** Direct run: settings into the environment, then scripts/bench.ts runs this section in a child. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, soak: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' } }, allowPositionals: true });
  const env = { ...process.env };
  if (values.seconds) env.MEDGUARD_BENCH_GATEWAY_SECONDS = values.seconds;
  if (values.soak ?? values.duration) env.MEDGUARD_BENCH_GATEWAY_SOAK = values.soak ?? values.duration;
  if (values.connections) env.MEDGUARD_BENCH_GATEWAY_CONNECTIONS = values.connections;
  const bench = fileURLToPath(new URL('../bench.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', bench, 'gateway'], { stdio: 'inherit', env });
  process.exitCode = r.status ?? 1;
}
