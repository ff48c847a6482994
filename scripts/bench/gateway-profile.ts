/**
 * `tsx scripts/bench/gateway-profile.ts [--mode off|full] [--stream] [--seconds N] [--out DIR]`:
 * where the gateway's CPU goes under load. Forks the benchmark's upstream stub and gateway (the
 * gateway under `node --cpu-prof`), drives it with autocannon, and prints the self time grouped by
 * area (store, audit chain, HTTP, undici, inspection, ...), the stages of medguard's own code by
 * total time, and the top functions, each also in µs per request (sampled wall time: on a busy
 * machine the shares are the reliable part, not the absolute figures). The .cpuprofile
 * stays in DIR for a flame view (Chrome DevTools, speedscope).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { start, stop } from './gateway.js';
import { byArea, inclusive, topFunctions, type CpuProfile } from './gateway-profile-read.js';

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'full' }, stream: { type: 'boolean', default: false }, seconds: { type: 'string', default: '10' }, out: { type: 'string' }, connections: { type: 'string', default: '16' } } });
const out = values.out ?? mkdtempSync(join(tmpdir(), 'medguard-gw-prof-'));
const body = JSON.stringify({ model: 'stub', stream: values.stream, messages: [{ role: 'system', content: 'You are a careful clinical pharmacology assistant.' }, { role: 'user', content: 'Should the metformin dose be reduced at an eGFR of 40, and what monitoring is needed after starting an SGLT2 inhibitor? '.repeat(8) }] });

const stub = await start(['stub']);
const gw = await start(['gateway', stub.ready.url, values.mode === 'off' ? 'off' : 'full'], ['--cpu-prof', `--cpu-prof-dir=${out}`]);
const headers = { 'content-type': 'application/json', authorization: `Bearer ${gw.ready.token ?? ''}` };
const r = await autocannon({ url: `${gw.ready.url}/v1/chat/completions`, method: 'POST', headers, body, connections: Number(values.connections), duration: Number(values.seconds) });
await stop(gw.child);
await stop(stub.child);

// tsx runs its loader on a worker thread, which writes its own profile: the main thread's is the largest.
const file = readdirSync(out).filter((f) => f.endsWith('.cpuprofile')).sort((a, b) => statSync(join(out, b)).size - statSync(join(out, a)).size)[0];
if (!file) throw new Error(`no profile written to ${out}`);
const profile = JSON.parse(readFileSync(join(out, file), 'utf8')) as CpuProfile;
const requests = Math.max(1, r.requests.total);
const us = (ms: number): string => ((ms * 1000) / requests).toFixed(1);
console.log(`mode ${values.mode}${values.stream ? ' streamed' : ' JSON'}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${requests} requests; profile ${join(out, file)}`);
console.log('\n| area | self ms | share | µs/req |\n|---|---:|---:|---:|');
for (const a of byArea(profile)) console.log(`| ${a.area} | ${a.ms.toFixed(0)} | ${(a.share * 100).toFixed(1)}% | ${us(a.ms)} |`);
console.log('\n| medguard function (file), total with callees | ms | µs/req |\n|---|---:|---:|');
for (const f of inclusive(profile, 30)) console.log(`| ${f.name} (${f.file}) | ${f.ms.toFixed(0)} | ${us(f.ms)} |`);
console.log('\n| function (file), self | ms | µs/req |\n|---|---:|---:|');
for (const f of topFunctions(profile, 25)) console.log(`| ${f.name.slice(0, 80)} (${f.file}) | ${f.ms.toFixed(0)} | ${us(f.ms)} |`);
