import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPair, keyHint, loadPublicKey, type KeyType } from './keys.js';
import { signModel } from './sign.js';
import { verifyModel } from './verify.js';
import { pae, rootDigest } from './dsse.js';
import { hashModelFiles } from './files.js';

async function modelDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mg-sign-'));
  await writeFile(path.join(dir, 'config.json'), '{"model_type":"tiny"}');
  await writeFile(path.join(dir, 'model.safetensors'), new Uint8Array(64).fill(7));
  await mkdir(path.join(dir, 'tokenizer'));
  await writeFile(path.join(dir, 'tokenizer', 'vocab.txt'), 'a\nb\n');
  await mkdir(path.join(dir, '.git'));
  await writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return dir;
}
const kinds = (r: Awaited<ReturnType<typeof verifyModel>>) => r.problems.map((p) => `${p.kind}:${p.file ?? ''}${p.to ? `>${p.to}` : ''}`);

for (const type of ['ecdsa-p256', 'ed25519'] as KeyType[]) {
  test(`${type}: sign then verify succeeds; .git and model.sig are not part of the manifest`, async () => {
    const dir = await modelDir();
    try {
      const keys = generateKeyPair(type);
      const signed = await signModel(dir, { privateKeyPem: keys.privatePem });
      assert.equal(signed.files, 3);
      const r = await verifyModel(dir, { publicKeyPem: keys.publicPem });
      assert.deepEqual(kinds(r), []);
      assert.equal(r.ok, true);
      const bundle = JSON.parse(await readFile(path.join(dir, 'model.sig'), 'utf8'));
      assert.equal(bundle.verificationMaterial.publicKey.hint, keyHint(loadPublicKey(keys.publicPem)));
      const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
      assert.deepEqual(statement.predicate.resources.map((x: { name: string }) => x.name), ['config.json', 'model.safetensors', 'tokenizer/vocab.txt']);
      assert.equal(statement.subject[0].name, path.basename(dir));
      assert.equal(statement.subject[0].digest.sha256, rootDigest(statement.predicate.resources));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('changed, added, removed and renamed files are each named', async () => {
  const dir = await modelDir();
  try {
    const keys = generateKeyPair('ecdsa-p256');
    await signModel(dir, { privateKeyPem: keys.privatePem });
    await writeFile(path.join(dir, 'config.json'), '{"model_type":"evil"}');
    await writeFile(path.join(dir, 'payload.pkl'), 'x');
    await rename(path.join(dir, 'tokenizer', 'vocab.txt'), path.join(dir, 'vocab.txt'));
    let r = await verifyModel(dir, { publicKeyPem: keys.publicPem });
    assert.equal(r.ok, false);
    assert.deepEqual(kinds(r).sort(), ['added:payload.pkl', 'changed:config.json', 'renamed:tokenizer/vocab.txt>vocab.txt']);
    await unlink(path.join(dir, 'vocab.txt'));
    r = await verifyModel(dir, { publicKeyPem: keys.publicPem });
    assert.ok(kinds(r).includes('removed:tokenizer/vocab.txt'));
    await symlink('/etc/hostname', path.join(dir, 'link'));
    r = await verifyModel(dir, { publicKeyPem: keys.publicPem });
    assert.ok(kinds(r).includes('symlink:link'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('wrong key, stale signature over an edited payload, inconsistent root digest, missing or broken bundle', async () => {
  const dir = await modelDir();
  try {
    const keys = generateKeyPair('ecdsa-p256');
    const other = generateKeyPair('ecdsa-p256');
    await signModel(dir, { privateKeyPem: keys.privatePem });
    assert.deepEqual(kinds(await verifyModel(dir, { publicKeyPem: other.publicPem })), ['wrong_key:']);
    const sigFile = path.join(dir, 'model.sig');
    const bundle = JSON.parse(await readFile(sigFile, 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    statement.predicate.resources[0].digest = createHash('sha256').update('evil').digest('hex');
    statement.subject[0].digest.sha256 = rootDigest(statement.predicate.resources);
    const edited = Buffer.from(JSON.stringify(statement));
    await writeFile(sigFile, JSON.stringify({ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: edited.toString('base64') } }));
    assert.deepEqual(kinds(await verifyModel(dir, { publicKeyPem: keys.publicPem })), ['bad_signature:']);
    // A validly signed statement whose subject does not match its resources.
    statement.subject[0].digest.sha256 = '0'.repeat(64);
    const { signBytes, loadPrivateKey } = await import('./keys.js');
    const payload = Buffer.from(JSON.stringify(statement));
    const sig = signBytes(loadPrivateKey(keys.privatePem), pae('application/vnd.in-toto+json', payload));
    await writeFile(sigFile, JSON.stringify({ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: payload.toString('base64'), signatures: [{ sig: sig.toString('base64'), keyid: '' }] } }));
    assert.deepEqual(kinds(await verifyModel(dir, { publicKeyPem: keys.publicPem })), ['inconsistent_root_digest:', 'changed:config.json']);
    await writeFile(sigFile, '{"not":"a bundle"}');
    assert.deepEqual(kinds(await verifyModel(dir, { publicKeyPem: keys.publicPem })), ['bundle_invalid:']);
    await unlink(sigFile);
    assert.deepEqual(kinds(await verifyModel(dir, { publicKeyPem: keys.publicPem })), ['signature_missing:']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a signature written outside the folder verifies with --sig; keys must be readable PEM', async () => {
  const dir = await modelDir();
  const out = path.join(os.tmpdir(), `mg-sig-${process.pid}.sig`);
  try {
    const keys = generateKeyPair('ed25519');
    await signModel(dir, { privateKeyPem: keys.privatePem, sigPath: out });
    assert.equal((await verifyModel(dir, { publicKeyPem: keys.publicPem, sigPath: out })).ok, true);
    await assert.rejects(signModel(dir, { privateKeyPem: 'not a key' }), { code: 'MG_SIGNING_KEY' });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(out, { force: true });
  }
});

test('worker-thread hashing gives the same digests as in-process hashing', async () => {
  const dir = await modelDir();
  try {
    const files = ['config.json', 'model.safetensors', 'tokenizer/vocab.txt'];
    const single = await hashModelFiles(dir, files, 1);
    const pooled = await hashModelFiles(dir, files, 2, 0);
    assert.deepEqual([...pooled.entries()].sort(), [...single.entries()].sort());
    assert.equal(single.get('config.json'), createHash('sha256').update('{"model_type":"tiny"}').digest('hex'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
