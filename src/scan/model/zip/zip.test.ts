import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync, deflateSync } from 'node:zlib';
import { buildTar, buildZip, pickle } from '../testing/build.js';
import { scanBytes, techniques } from '../testing/scan.js';

const evil = pickle().proto(2).call('posix', 'system', 'id').stop().bytesOut();
const benign = pickle().proto(2).emptyDict().stop().bytesOut();
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

test('a benign zip of config + weights is safe', async () => {
  const r = await scanBytes(buildZip([{ name: 'config.json', data: text('{"a":1}'), deflate: true }, { name: 'w.bin', data: new Uint8Array(64) }]));
  assert.equal(r.format, 'zip');
  assert.deepEqual(r.findings, []);
});

test('torch zip checkpoint: data.pkl is scanned, raw storages are skipped', async () => {
  const r = await scanBytes(buildZip([{ name: 'archive/data.pkl', data: evil }, { name: 'archive/data/0', data: new Uint8Array(32).fill(0x63) }]), 'model.pt');
  assert.equal(r.format, 'pytorch-zip');
  assert.deepEqual(techniques(r), ['pickle.global.denied']);
  assert.equal(r.findings[0]?.member, 'archive/data.pkl');
});

test('a pickle member is found by content whatever its extension', async () => {
  const r = await scanBytes(buildZip([{ name: 'notes.txt', data: pickle().global('os', 'system').mark().string0('id').tuple().reduce().stop().bytesOut() }]));
  assert.ok(techniques(r).includes('pickle.global.denied'));
});

test('header tricks are reported and the member is still scanned', async () => {
  const cases: [Parameters<typeof buildZip>[0][number], string][] = [
    [{ name: 'archive/data.pkl', localName: 'archive/datb.pkl', data: benign }, 'zip.name_mismatch'],
    [{ name: 'archive/data.pkl', flags: 0x1, data: benign }, 'zip.encrypted_flag'],
    [{ name: 'archive/data.pkl', flags: 0x40, data: benign }, 'zip.unusual_flags'],
    [{ name: 'archive/data.pkl', crc: 1234, data: benign, deflate: true }, 'zip.bad_crc'],
    [{ name: '../../etc/cron.d/x', data: benign }, 'zip.path_traversal'],
    [{ name: 'C:\\x.pkl', data: benign }, 'zip.path_traversal'],
    [{ name: 'link', data: text('/etc/passwd'), externalAttrs: 0o120777 << 16 }, 'zip.symlink'],
  ];
  for (const [m, technique] of cases) {
    const r = await scanBytes(buildZip([m]));
    assert.ok(techniques(r).includes(technique), `${technique}: ${techniques(r).join(',')}`);
    assert.equal(r.verdict, 'unsafe');
  }
});

test('duplicate names: every copy is scanned', async () => {
  const r = await scanBytes(buildZip([{ name: 'archive/data.pkl', data: benign }, { name: 'archive/data.pkl', data: evil }]));
  assert.ok(techniques(r).includes('zip.duplicate_name'));
  assert.ok(techniques(r).includes('pickle.global.denied'));
});

test('a decompression bomb stops at the ratio limit', async () => {
  const zeros = new Uint8Array(8 * 1024 * 1024);
  const r = await scanBytes(buildZip([{ name: 'zeros.bin', data: zeros, deflate: true }]));
  assert.ok(techniques(r).includes('zip.decompression_bomb'));
});

test('nested archives are scanned recursively, and depth is bounded', async () => {
  const inner = buildZip([{ name: 'weights.pkl', data: evil }]);
  const outer = buildZip([{ name: 'bundle/inner.zip', data: buildZip([{ name: 'x.zip', data: inner }]) }]);
  const r = await scanBytes(outer);
  assert.ok(r.findings.some((f) => f.technique === 'pickle.global.denied' && f.member === 'bundle/inner.zip!x.zip!weights.pkl'));
  const shallow = await scanBytes(outer, 'o.zip', { limits: { maxDepth: 1 } });
  assert.ok(techniques(shallow).includes('container.too_deep'));
  assert.equal(shallow.verdict, 'unsafe');
});

test('pickle/zip polyglot: both views are scanned', async () => {
  const zip = buildZip([{ name: 'archive/data.pkl', data: benign }], evil);
  const r = await scanBytes(zip);
  assert.ok(techniques(r).includes('container.polyglot'));
  assert.ok(techniques(r).includes('pickle.global.denied'));
});

test('a truncated zip fails closed', async () => {
  const z = buildZip([{ name: 'a.pkl', data: benign }]);
  const r = await scanBytes(z.subarray(0, z.length - 10));
  assert.equal(r.verdict, 'unsafe');
});

test('tar: members scanned, links and traversal reported', async () => {
  const r = await scanBytes(buildTar([{ name: 'model/weights.pkl', data: evil }, { name: 'cfg', type: '2', link: '/etc/passwd' }, { name: '../x', data: benign }]));
  assert.equal(r.format, 'tar');
  for (const t of ['pickle.global.denied', 'tar.link', 'tar.path_traversal']) assert.ok(techniques(r).includes(t), t);
  const clean = await scanBytes(buildTar([{ name: 'model/weights.pkl', data: benign }]));
  assert.deepEqual(clean.findings, []);
});

test('gzip, zlib and tar.gz wrappers are expanded before scanning', async () => {
  assert.ok(techniques(await scanBytes(gzipSync(evil))).includes('pickle.global.denied'));
  assert.ok(techniques(await scanBytes(deflateSync(evil))).includes('pickle.global.denied'));
  const tgz = await scanBytes(gzipSync(buildTar([{ name: 'a/w.pkl', data: evil }])));
  assert.ok(tgz.findings.some((f) => f.member === 'gzip-content!a/w.pkl'));
  assert.deepEqual((await scanBytes(gzipSync(benign))).findings, []);
});

test('corrupt compressed data fails closed', async () => {
  const g = gzipSync(evil);
  const r = await scanBytes(g.subarray(0, g.length - 12));
  assert.equal(r.verdict, 'unsafe');
  assert.ok(techniques(r).includes('model.parse_error'));
});

test('7z is never shown clean', async () => {
  const r = await scanBytes(Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...new Array<number>(40).fill(0)]));
  assert.equal(r.format, '7z');
  assert.equal(r.verdict, 'unsafe');
});

test('recognised but undecoded compressions (lz4, zstd) fail closed', async () => {
  for (const magic of [[0x04, 0x22, 0x4d, 0x18], [0x28, 0xb5, 0x2f, 0xfd]]) {
    const r = await scanBytes(Uint8Array.from([...magic, ...new Array<number>(32).fill(0)]));
    assert.equal(r.verdict, 'unsafe');
    assert.deepEqual(techniques(r), ['archive.unreadable']);
  }
});

test('members above the in-memory limit spill to a temporary file and are still scanned', async () => {
  const noise = new Uint8Array(2 * 1024 * 1024);
  let x = 12345;
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    noise[i] = x >>> 24;
  }
  // A pickle whose payload sits after 2 MB of incompressible bytes, deflated inside a zip.
  const big = pickle().proto(4).bytes(noise).pop().call('posix', 'system', 'id').stop().bytesOut();
  const r = await scanBytes(buildZip([{ name: 'big.pkl', data: big, deflate: true }]), 'big.zip', { limits: { maxMemberInMemory: 256 * 1024 } });
  assert.ok(techniques(r).includes('pickle.global.denied'), techniques(r).join(','));
});

test('a local header missing from the central directory is reported', async () => {
  const hidden = buildZip([{ name: 'hidden.pkl', data: evil }]);
  const visible = buildZip([{ name: 'ok.pkl', data: benign }]);
  // Keep the hidden member's local header + data, then the visible archive (offsets shifted by the prefix).
  const localLen = 30 + 'hidden.pkl'.length + evil.length;
  const r = await scanBytes(Uint8Array.from([...hidden.subarray(0, localLen), ...visible]));
  assert.ok(techniques(r).includes('zip.hidden_local_entry'), techniques(r).join(','));
  assert.equal(r.verdict, 'unsafe');
});

test('old joblib ZF files (zlib after a 21-byte header) are expanded and scanned', async () => {
  const header = new TextEncoder().encode(`ZF${'0x' + evil.length.toString(16)}`.padEnd(21, ' '));
  const r = await scanBytes(Uint8Array.from([...header, ...deflateSync(evil)]), 'old.pkl');
  assert.equal(r.format, 'joblib-zfile');
  assert.ok(techniques(r).includes('pickle.global.denied'));
});
