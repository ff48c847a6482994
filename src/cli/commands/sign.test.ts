import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../main.js';
import { memoryIo } from '../io.js';

let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'medguard-sign-cli-')); });
after(() => { rmSync(dir, { recursive: true, force: true }); });

async function cli(argv: string[]) {
  const io = memoryIo('');
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

test('keys generate, sign, verify; a changed file makes verify exit 1 naming it', async () => {
  const prefix = join(dir, 'k');
  const gen = await cli(['keys', 'generate', '--out', prefix]);
  assert.equal(gen.code, 0, gen.err);
  assert.equal(statSync(`${prefix}.priv.pem`).mode & 0o777, 0o600);
  assert.equal((await cli(['keys', 'generate', '--out', prefix])).code, 2, 'never overwrites a key');
  const model = join(dir, 'model');
  mkdirSync(model);
  writeFileSync(join(model, 'weights.bin'), 'weights');
  writeFileSync(join(model, 'config.json'), '{}');
  const signed = await cli(['sign', model, '--key', `${prefix}.priv.pem`]);
  assert.equal(signed.code, 0, signed.err);
  const ok = await cli(['verify', model, '--key', `${prefix}.pub.pem`]);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /verified/);
  writeFileSync(join(model, 'weights.bin'), 'tampered');
  const bad = await cli(['verify', model, '--key', `${prefix}.pub.pem`]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /changed weights\.bin/);
  const json = await cli(['verify', model, '--key', `${prefix}.pub.pem`, '--json']);
  assert.deepEqual(JSON.parse(json.out).problems.map((p: { kind: string }) => p.kind), ['changed']);
  writeFileSync(join(model, 'evil\u001b[2Jname'), 'x');
  const escaped = await cli(['verify', model, '--key', `${prefix}.pub.pem`]);
  assert.doesNotMatch(escaped.out, /\u001b/, 'terminal escapes in file names are neutralised');
  assert.match(escaped.out, /added evil\\u001b\[2Jname/);
});

test('usage errors exit 2 with one coded line', async () => {
  const noKey = await cli(['sign', dir]);
  assert.equal(noKey.code, 2);
  assert.match(noKey.err, /^medguard: --key is required.*\(MG_USAGE\)\n$/);
  assert.equal((await cli(['verify'])).code, 2);
  assert.equal((await cli(['keys', 'generate'])).code, 2);
  assert.equal((await cli(['keys', 'generate', '--out', join(dir, 'x'), '--type', 'rsa'])).code, 2);
  const badKey = join(dir, 'bad.pem');
  writeFileSync(badKey, 'nope');
  assert.match((await cli(['sign', dir, '--key', badKey])).err, /MG_SIGNING_KEY/);
});
