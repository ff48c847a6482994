import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { memoryIo, streamOut } from './io.js';
import { runCli } from './main.js';

test('write waits for drain when the stream is full, so producers cannot run ahead', async () => {
  const pending: (() => void)[] = [];
  const sink = new Writable({ highWaterMark: 4, write(_chunk, _enc, done) { pending.push(done); } });
  const out = streamOut(sink);
  let resolved = false;
  const p = out.write('more than four bytes').then(() => { resolved = true; });
  await new Promise((r) => setImmediate(r));
  assert.equal(resolved, false);
  pending.shift()?.();
  await p;
  assert.equal(resolved, true);
});

const failing = (code: string): Writable =>
  new Writable({ highWaterMark: 1, write(_chunk, _enc, done) { done(Object.assign(new Error(`write ${code}`), { code })); } });

test('a closed pipe (EPIPE) ends the run quietly with exit 0; other write errors exit 2', async () => {
  const quiet = memoryIo();
  assert.equal(await runCli(['--version'], { ...quiet, stdout: streamOut(failing('EPIPE')) }), 0);
  assert.equal(quiet.err(), '');
  const loud = memoryIo();
  assert.equal(await runCli(['--version'], { ...loud, stdout: streamOut(failing('EIO')) }), 2);
  assert.match(loud.err(), /^medguard: unexpected error/);
});
