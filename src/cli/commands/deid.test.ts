import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../main.js';
import { memoryIo } from '../io.js';

const dir = mkdtempSync(join(tmpdir(), 'medguard-deid-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const env = { MEDGUARD_VAULT_KEY: randomBytes(32).toString('hex') };
const TOKEN = `ghp_${'q7Zk2Lm9XbR4tWv8'.repeat(2)}abcd`;
const NOTE = `Patient John Smith, seen 03/14/2023, phone 555-867-5309. Tumour KRAS G12D. Key ${TOKEN}.\n환자 김철수 2023년 3월 14일 내원.\n`;

async function run(argv: string[], input = '', e: Record<string, string> = env) {
  const io = memoryIo(input, e);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

test('deid redacts secrets and genomic data from stdin', async () => {
  const r = await run(['deid', '-'], NOTE);
  assert.equal(r.code, 0, r.err);
  assert.ok(r.out.includes('Tumour [GENOMIC]. Key [SECRET].'), r.out);
  assert.ok(!r.out.includes(TOKEN));
});

test('deid --action mask keeps the shape of the secret prefix', async () => {
  const r = await run(['deid', '--action', 'mask'], `Key ${TOKEN}.`);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Key ghp_\*{36}\.$/);
});

test('deid pseudonymize --vault then reid --vault gives back the exact text', async () => {
  const vault = join(dir, 'rt.vault');
  const d = await run(['deid', '--action', 'pseudonymize', '--vault', vault], NOTE);
  assert.equal(d.code, 0, d.err);
  assert.ok(existsSync(vault));
  assert.ok(!d.out.includes('KRAS G12D'));
  const r = await run(['reid', '--vault', vault], d.out);
  assert.equal(r.code, 0, r.err);
  // Secrets are redacted, never pseudonymised, so they do not come back.
  assert.equal(r.out, NOTE.replace(TOKEN, '[SECRET]'));
  // A second run extends the same vault and reuses its surrogates.
  const again = await run(['deid', '--action', 'pseudonymize', '--vault', vault], NOTE);
  assert.equal(again.out, d.out);
});

test('deid and reid --format jsonl keep order and give per-line error records', async () => {
  const vault = join(dir, 'jl.vault');
  const input = [
    JSON.stringify({ id: 1, text: 'BRAF V600E found' }),
    'not json',
    JSON.stringify({ id: 'b', text: 42 }),
    '',
    JSON.stringify({ id: 3, text: 'sequence ATGGCGTACGATCGATCGGCTAGCTAGG done' }),
  ].join('\n');
  const d = await run(['deid', '--format', 'jsonl', '--action', 'pseudonymize', '--vault', vault], input);
  assert.equal(d.code, 2);
  assert.match(d.err, /^medguard: 2 of 4 lines could not be de-identified; see their error records \(MG_INPUT_INVALID\)\n$/);
  const lines = d.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(lines.map((l) => l.id), [1, null, 'b', 3]);
  assert.match(String(lines[0]?.text), /^\[GENOMIC-[0-9a-f]{8}\] found$/);
  assert.deepEqual(lines[1], { id: null, line: 2, error: { code: 'MG_INPUT_INVALID', message: 'line is not valid JSON' } });
  const back = await run(['reid', '--format', 'jsonl', '--vault', vault], [lines[0], lines[3]].map((l) => JSON.stringify({ id: l?.id, text: l?.text })).join('\n'));
  assert.equal(back.code, 0, back.err);
  assert.deepEqual(back.out.trim().split('\n').map((l) => JSON.parse(l)), [{ id: 1, text: 'BRAF V600E found' }, { id: 3, text: 'sequence ATGGCGTACGATCGATCGGCTAGCTAGG done' }]);
});

test('bad input and configuration exit 2 with one coded line', async () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['deid', '--action', 'pseudonymize'], {}, /need a key.*\(MG_USAGE\)$/],
    [['deid', '--action', 'shred'], {}, /--action must be one of.*\(MG_USAGE\)$/],
    [['deid', join(dir, 'missing.txt')], {}, /no such file \(MG_IO\)$/],
    [['deid', '--vault', join(dir, 'x.vault')], {}, /no vault key.*\(MG_VAULT_KEY\)$/],
    [['reid'], env, /needs --vault.*\(MG_USAGE\)$/],
    [['reid', '--vault', join(dir, 'nope.vault')], env, /\(MG_IO\)$/],
  ];
  for (const [argv, e, re] of cases) {
    const r = await run(argv, 'text', e);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err.trim(), re);
    assert.equal(r.err.trim().split('\n').length, 1);
  }
  const policy = join(dir, 'bad-policy.json');
  writeFileSync(policy, JSON.stringify({ defaultAction: 'redact', colour: 'red' }));
  const p = await run(['deid', '--policy', policy], 'text', {});
  assert.equal(p.code, 2);
  assert.match(p.err, /MG_CONFIG_INVALID/);
});

test('reid with the wrong key fails with MG_VAULT_KEY and prints nothing', async () => {
  const vault = join(dir, 'wk.vault');
  await run(['deid', '--action', 'pseudonymize', '--vault', vault], NOTE);
  const r = await run(['reid', '--vault', vault], 'x', { MEDGUARD_VAULT_KEY: randomBytes(32).toString('hex') });
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /\(MG_VAULT_KEY\)\n$/);
});

test('a policy file sets per-type actions and the key', async () => {
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ defaultAction: 'redact', actions: { GENOMIC: 'hash' }, key: 'k'.repeat(32) }));
  const r = await run(['deid', '--policy', policy], 'Tumour KRAS G12D.', {});
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Tumour \[GENOMIC:[0-9a-f]{8}\]\.$/);
});

test('reid restores text arriving in small byte chunks, even split inside UTF-8 characters', async () => {
  const vault = join(dir, 'chunks.vault');
  const d = await run(['deid', '--action', 'pseudonymize', '--vault', vault], NOTE);
  const bytes = Buffer.from(d.out);
  for (const size of [1, 5, 7, 64]) {
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
    const io = memoryIo(chunks, env);
    assert.equal(await runCli(['reid', '--vault', vault], io), 0, io.err());
    assert.equal(io.out(), NOTE.replace(TOKEN, '[SECRET]'), `chunk size ${size}`);
  }
  const bad = memoryIo([Buffer.from([0x41, 0xff, 0x42])], env);
  assert.equal(await runCli(['reid', '--vault', vault], bad), 2);
  assert.match(bad.err(), /\(MG_INPUT_NOT_TEXT\)\n$/);
});
