#!/usr/bin/env node
// Finds every *.test.ts beside the code (src/) and end to end (test/) and runs them with Node's
// own test runner through tsx, so tests need no build step. Extra args are passed to node --test.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
let files = [...find('src', []), ...find('test', [])].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Say up front whether the PostgreSQL/Redis (scale-out) tests will run; each such test file also
// prints "# SKIPPED ..." when it skips, and fails instead under CI=true.
for (const [name, port, env] of [['PostgreSQL', 5432, 'MEDGUARD_TEST_POSTGRES'], ['Redis', 6379, 'MEDGUARD_TEST_REDIS']]) {
  const target = process.env[env] ? new URL(process.env[env]) : undefined;
  const probe = spawnSync(process.execPath, ['-e', `const s=require('net').connect(${Number(target?.port || port)},${JSON.stringify(target?.hostname || '127.0.0.1')});s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),2000)`]);
  const up = probe.status === 0;
  console.log(`# ${name} ${up ? 'answers: its tests run' : `does not answer: its tests are SKIPPED${process.env.CI === 'true' ? ' (CI=true: they will FAIL)' : ` (start it or set ${env})`}`}`);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
