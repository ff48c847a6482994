import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { kerasScanner, scanKerasArchive } from './keras.js';
import { memorySource } from './safetensors/memory-source.js';
import { concat, techniques, testContext } from './safetensors/test-support.js';

const enc = new TextEncoder();
const HDF5 = Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const METADATA = enc.encode('{"keras_version": "3.3.3", "date_saved": "2024-01-01@00:00:00"}');
const layer = (module: string, cls: string, config: string) => `{"module": "${module}", "class_name": "${cls}", "registered_name": null, "config": ${config}}`;
const DENSE = layer('keras.layers', 'Dense', '{"name": "dense", "units": 3}');
const sequential = (...layers: string[]) => enc.encode(`{"module": "keras", "class_name": "Sequential", "registered_name": null, "config": {"name": "s", "layers": [${layers.join(',')}]}}`);

/** A zip with deflated members, central directory and EOCD (CRC left 0: the reader does not check it). */
function zip(members: Record<string, Uint8Array>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(members)) {
    const n = enc.encode(name);
    const body = deflateRawSync(data);
    const local = new Uint8Array(30);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(8, 8, true); lv.setUint32(18, body.length, true); lv.setUint32(22, data.length, true); lv.setUint16(26, n.length, true);
    const central = new Uint8Array(46);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true); cv.setUint16(10, 8, true); cv.setUint32(20, body.length, true); cv.setUint32(24, data.length, true); cv.setUint16(28, n.length, true); cv.setUint32(42, offset, true);
    locals.push(local, n, body);
    centrals.push(central, n);
    offset += 30 + n.length + body.length;
  }
  const cd = concat(...centrals);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, centrals.length / 2, true); ev.setUint16(10, centrals.length / 2, true); ev.setUint32(12, cd.length, true); ev.setUint32(16, offset, true);
  return concat(...locals, cd, eocd);
}
const entries = (config: Uint8Array, extra: Record<string, Uint8Array> = {}) =>
  new Map(Object.entries({ 'metadata.json': METADATA, 'config.json': config, 'model.weights.h5': HDF5, ...extra }));
const check = (config: Uint8Array, extra: Record<string, Uint8Array> = {}) => techniques(scanKerasArchive(entries(config, extra), testContext()));

test('a plain Sequential model is clean, both from members and from the zip file', async () => {
  const config = sequential(layer('keras.layers', 'InputLayer', '{"batch_shape": [null, 4]}'), DENSE);
  assert.deepEqual(check(config), []);
  const file = zip({ 'metadata.json': METADATA, 'config.json': config, 'model.weights.h5': HDF5 });
  assert.equal(kerasScanner.sniff(file.subarray(0, 64), 'model.zip'), true);
  assert.deepEqual(techniques(await kerasScanner.scan(memorySource('m.keras', file), testContext())), []);
});

test('Lambda bytecode, module injection, unsafe deserialization, safe_mode, TFOpLambda, custom objects', () => {
  const lambda = layer('keras.layers', 'Lambda', '{"name": "l", "function": ["4wEAAAAA", null, null], "function_type": "lambda"}');
  assert.deepEqual(check(sequential(lambda, DENSE)), ['keras.lambda_bytecode']);
  assert.deepEqual(check(sequential(layer('os', 'system', '{"command": "id"}'))), ['keras.module_injection']);
  assert.equal(scanKerasArchive(entries(sequential(layer('builtins', 'eval', '{}'))), testContext())[0]?.severity, 'critical');
  assert.equal(scanKerasArchive(entries(sequential(layer('mypkg.layers', 'X', '{}'))), testContext())[0]?.severity, 'high');
  const unsafe = `{"module": "keras.config", "class_name": "function", "registered_name": "function", "config": "enable_unsafe_deserialization"}`;
  assert.deepEqual(check(sequential(unsafe, DENSE)), ['keras.unsafe_deserialization']);
  assert.deepEqual(check(enc.encode('{"class_name": "Functional", "config": {"safe_mode": false}}')), ['keras.unsafe_deserialization']);
  assert.deepEqual(check(sequential(layer('keras.layers', 'TFOpLambda', '{"function": "math.add"}'))), ['keras.tfop_lambda']);
  assert.deepEqual(check(enc.encode('{"module": null, "class_name": "X", "registered_name": "evilpkg>X", "config": {}}')), ['keras.custom_object']);
});

test('member sanity: bad JSON, duplicate keys, missing metadata, non-HDF5 weights', async () => {
  assert.deepEqual(check(enc.encode('{"class_name": ')), ['keras.config_invalid']);
  assert.deepEqual(check(enc.encode('{"class_name": "A", "class_name": "B"}')), ['keras.duplicate_key']);
  assert.deepEqual(techniques(scanKerasArchive(new Map([['config.json', sequential(DENSE)]]), testContext())), ['keras.metadata_invalid']);
  assert.deepEqual(check(sequential(DENSE), { 'model.weights.h5': Uint8Array.from([0x80, 2, 0x63]) }), ['keras.weights_not_hdf5']);
  const notZip = enc.encode('PK\x03\x04 this is not really a zip at all .........................');
  assert.deepEqual(techniques(await kerasScanner.scan(memorySource('m.keras', notZip), testContext())), ['keras.archive_unreadable']);
});
