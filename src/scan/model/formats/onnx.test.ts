import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onnxScanner } from './onnx.js';
import { memorySource } from './safetensors/memory-source.js';
import { concat, techniques, testContext } from './safetensors/test-support.js';

const enc = new TextEncoder();
const varint = (n: number): Uint8Array => {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Uint8Array.from(out);
};
const field = (num: number, payload: Uint8Array | string) => {
  const bytes = typeof payload === 'string' ? enc.encode(payload) : payload;
  return concat(varint(num * 8 + 2), varint(bytes.length), bytes);
};
const int = (num: number, v: number) => concat(varint(num * 8), varint(v));

const node = (op: string, domain = '') => field(1, concat(field(1, 'X'), field(2, 'Y'), field(4, op), ...(domain ? [field(7, domain)] : [])));
const external = (entries: Record<string, string>) => field(5, concat(field(8, 'W'), int(2, 1),
  ...Object.entries(entries).map(([k, v]) => field(13, concat(field(1, k), field(2, v)))), int(14, 1)));
const model = (...graphParts: Uint8Array[]) => concat(int(1, 8), field(2, 'test'), field(7, concat(...graphParts)), field(8, concat(field(1, ''), int(2, 17))));

async function scan(bytes: Uint8Array, baseDir = '/nonexistent-medguard') {
  return techniques(await onnxScanner.scan(memorySource('m.onnx', bytes), testContext({ baseDir })));
}

test('a small Add graph with inline weights is clean and sniffed by content', async () => {
  const bytes = model(node('Add'), field(5, concat(field(8, 'W'), int(2, 1), field(9, new Uint8Array(8)))));
  assert.equal(onnxScanner.sniff(bytes.subarray(0, 16), 'weights.bin'), true);
  assert.deepEqual(await scan(bytes), []);
  assert.deepEqual(await scan(model(node('FusedMatMul', 'com.microsoft'))), []);
});

test('external data: sibling ok; traversal, nested traversal, backslashes, absolute, missing, symlink out flagged', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mg-onnx-'));
  try {
    await writeFile(path.join(dir, 'w.bin'), new Uint8Array(16));
    await mkdir(path.join(dir, 'sub'));
    await symlink('/etc/hostname', path.join(dir, 'link.bin'));
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'w.bin', offset: '0', length: '16' })), dir), []);
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'w.bin', offset: '8', length: '16' })), dir), ['onnx.external_data_range']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: '../../etc/passwd' })), dir), ['onnx.external_data_traversal']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'sub/../../x' })), dir), ['onnx.external_data_traversal']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: '..\\..\\x' })), dir), ['onnx.external_data_traversal']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: '/etc/passwd' })), dir), ['onnx.external_data_absolute']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'C:\\x.bin' })), dir), ['onnx.external_data_absolute']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'gone.bin' })), dir), ['onnx.external_data_missing']);
    assert.deepEqual(await scan(model(node('Add'), external({ location: 'link.bin' })), dir), ['onnx.external_data_symlink']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('python and custom-domain operators, also inside If subgraphs', async () => {
  assert.deepEqual(await scan(model(node('PyOp', 'ai.onnx.contrib'))), ['onnx.python_op']);
  assert.deepEqual(await scan(model(node('MyOp', 'com.example.native'))), ['onnx.custom_domain']);
  const ifNode = field(1, concat(field(4, 'If'), field(5, concat(field(1, 'then_branch'), field(6, node('Evil', 'org.evil'))))));
  assert.deepEqual(await scan(model(ifNode)), ['onnx.custom_domain']);
});

test('malformed protobuf fails closed', async () => {
  const good = model(node('Add'));
  assert.deepEqual(await scan(good.subarray(0, good.length - 3)), ['onnx.parse_error']);
  assert.deepEqual(await scan(concat(int(1, 8), Uint8Array.from([0x3b]))), ['onnx.parse_error']);
  assert.deepEqual(await scan(concat(int(1, 8), field(2, 'no graph'))), ['onnx.parse_error']);
});
