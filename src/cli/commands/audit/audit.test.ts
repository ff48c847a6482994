import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openAudit } from '../../../audit/open.js';
import { sampleEvent } from '../../../store/fixtures.js';
import { cli } from '../../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-audit-cli-'));
const storePath = join(dir, 'db', 'medguard.db');
let pubPath = '';
let trusted = '';

before(async () => {
  const opened = openAudit({ path: storePath, durability: 'normal', sign: true, headSignIntervalEvents: 4, headSignIntervalSeconds: 3600 });
  for (let i = 1; i <= 10; i++) await opened.log.record(sampleEvent(i));
  await opened.close();
  pubPath = opened.publicKeyPath ?? '';
  trusted = pubPath;
});
after(() => rmSync(dir, { recursive: true, force: true }));


describe('medguard audit verify', () => {
  it('exits 0 on an intact trail and says how it checked', async () => {
    const r = await cli('audit', 'verify', '--store', storePath, '--key', trusted);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^verified: 10 event\(s\), chain intact\n {2}3 signed head\(s\), signatures checked with key [0-9a-f]{16}\n$/);
  });

  it('finds the public key beside the store and warns that a trusted copy is better', async () => {
    const r = await cli('audit', 'verify', '--store', storePath);
    assert.equal(r.code, 0);
    assert.match(r.out, /prefer a trusted copy/);
  });

  it('exits 1 and names the first bad row, also as JSON', async () => {
    const copy = join(dir, 'tampered.db');
    const src = new Database(storePath);
    await src.backup(copy);
    src.close();
    const db = new Database(copy);
    db.prepare('DELETE FROM events WHERE seq = 6').run();
    db.close();
    const r = await cli('audit', 'verify', '--store', copy, '--key', trusted);
    assert.equal(r.code, 1);
    assert.match(r.out, /^NOT VERIFIED: first bad row seq 6: gap: /);
    const j = await cli('audit', 'verify', '--store', copy, '--key', trusted, '--json');
    assert.equal(j.code, 1);
    assert.deepEqual((JSON.parse(j.out) as { firstBad: unknown }).firstBad, { seq: 6, problem: 'gap' });
  });

  it('exits 2 on a missing store or unusable key', async () => {
    const missing = await cli('audit', 'verify', '--store', join(dir, 'nope.db'), '--key', trusted);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /MG_STORE/);
    const badKey = await cli('audit', 'verify', '--store', storePath, '--key', storePath);
    assert.equal(badKey.code, 2);
    assert.match(badKey.err, /MG_AUDIT_KEY/);
    assert.equal((await cli('audit', 'verify', 'extra')).code, 2);
  });
});

describe('medguard audit export', () => {
  it('streams JSON lines from --since to stdout', async () => {
    const r = await cli('audit', 'export', '--store', storePath, '--format', 'jsonl', '--since', '8');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trimEnd().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq), [8, 9, 10]);
  });

  it('writes a FHIR Bundle to --out, readable only by the owner', async () => {
    const out = join(dir, 'bundle.json');
    const r = await cli('audit', 'export', '--store', storePath, '--format', 'fhir', '--out', out, '--observer', 'mg-test');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { type: string; entry: { resource: { source: { observer: { display: string } } } }[] };
    assert.equal(bundle.type, 'collection');
    assert.equal(bundle.entry.length, 10);
    assert.equal(bundle.entry[0]?.resource.source.observer.display, 'mg-test');
    assert.equal(statSync(out).mode & 0o777, 0o600);
  });

  it('rejects a missing or unknown format, a bad --since and an unwritable --out', async () => {
    assert.equal((await cli('audit', 'export', '--store', storePath)).code, 2);
    assert.equal((await cli('audit', 'export', '--store', storePath, '--format', 'csv')).code, 2);
    assert.equal((await cli('audit', 'export', '--store', storePath, '--format', 'jsonl', '--since', '0')).code, 2);
    const r = await cli('audit', 'export', '--store', storePath, '--format', 'jsonl', '--out', join(dir, 'no', 'such', 'dir', 'x.jsonl'));
    assert.equal(r.code, 2);
    assert.match(r.err, /MG_IO/);
  });

  it('lists its actions under medguard audit --help', async () => {
    const r = await cli('audit', '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /verify .*\n.*export /);
  });
});
