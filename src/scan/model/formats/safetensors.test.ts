import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safetensorsScanner } from './safetensors.js';
import { memorySource } from './safetensors/memory-source.js';
import { concat, techniques, testContext } from './safetensors/test-support.js';
import { parseStrictJson } from './safetensors/strict-json.js';

function build(header: string, data: Uint8Array, lengthOverride?: bigint): Uint8Array {
  const h = new TextEncoder().encode(header);
  const len = new Uint8Array(8);
  new DataView(len.buffer).setBigUint64(0, lengthOverride ?? BigInt(h.length), true);
  return concat(len, h, data);
}
async function scan(bytes: Uint8Array) {
  const ctx = testContext();
  const findings = await safetensorsScanner.scan(memorySource('t.safetensors', bytes), ctx);
  return { t: techniques(findings), nested: ctx.nested };
}
const two = '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"BF16","shape":[2,2],"data_offsets":[8,16]}}';

test('a valid file (padded header, two tensors, metadata) is clean and sniffed', async () => {
  const bytes = build(`${two}    `, new Uint8Array(16));
  assert.equal(safetensorsScanner.sniff(bytes.subarray(0, 64), 'x.bin'), true);
  assert.deepEqual((await scan(bytes)).t, []);
  assert.deepEqual((await scan(build('{}', new Uint8Array(0)))).t, []);
});

test('pickles and zips are not sniffed as safetensors', () => {
  assert.equal(safetensorsScanner.sniff(Uint8Array.from([0x80, 2, 0x63, 0x6f, 0x73, 0, 0, 0, 0x7b]), 'm.safetensors'), false);
  assert.equal(safetensorsScanner.sniff(new TextEncoder().encode('PK\x03\x04xxxxxxxxxx'), 'm.safetensors'), false);
});

test('header length beyond the file or huge is rejected before reading', async () => {
  assert.deepEqual((await scan(build('{}', new Uint8Array(0), 4096n))).t, ['safetensors.header_length']);
  assert.deepEqual((await scan(build('{}', new Uint8Array(0), 0xfffffffffffffff0n))).t, ['safetensors.header_length']);
});

test('layout abuse: overlap, gap (scanned nested), trailing bytes, out of bounds, inverted, size mismatch', async () => {
  const t = (a: string, b: string) => `{"a":{"dtype":"F32","shape":[2],"data_offsets":${a}},"b":{"dtype":"F32","shape":[2],"data_offsets":${b}}}`;
  assert.deepEqual((await scan(build(t('[0,8]', '[4,12]'), new Uint8Array(12)))).t, ['safetensors.offset_overlap']);
  const gap = await scan(build(t('[0,8]', '[16,24]'), new Uint8Array(24)));
  assert.deepEqual(gap.t, ['safetensors.offset_gap']);
  assert.equal(gap.nested.length, 1);
  assert.deepEqual((await scan(build(t('[0,8]', '[8,16]'), new Uint8Array(20)))).t, ['safetensors.trailing_bytes']);
  assert.ok((await scan(build(t('[0,8]', '[8,4096]'), new Uint8Array(16)))).t.includes('safetensors.offsets_out_of_bounds'));
  assert.ok((await scan(build(t('[0,8]', '[16,8]'), new Uint8Array(16)))).t.includes('safetensors.offsets_inverted'));
  const mismatch = '{"a":{"dtype":"F32","shape":[4,4],"data_offsets":[0,24]}}';
  assert.deepEqual((await scan(build(mismatch, new Uint8Array(24)))).t, ['safetensors.size_mismatch']);
});

test('header content abuse: JSON, duplicates, metadata types, dtype, shape, padding, UTF-8', async () => {
  assert.deepEqual((await scan(build('{"a":{"dtype":"F32"', new Uint8Array(0)))).t, ['safetensors.header_json']);
  const dup = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
  assert.deepEqual((await scan(build(dup, new Uint8Array(8)))).t, ['safetensors.duplicate_key']);
  assert.deepEqual((await scan(build('{"__metadata__":{"epochs":3}}', new Uint8Array(0)))).t, ['safetensors.metadata_type']);
  assert.deepEqual((await scan(build('{"a":{"dtype":"Q99","shape":[2],"data_offsets":[0,8]}}', new Uint8Array(8)))).t.includes('safetensors.dtype_unknown'), true);
  assert.ok((await scan(build('{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}', new Uint8Array(8)))).t.includes('safetensors.shape_invalid'));
  assert.deepEqual((await scan(build('{}\n\t', new Uint8Array(0)))).t, ['safetensors.header_padding']);
  const badUtf8 = concat(build('{"x":"', new Uint8Array(0), 9n).subarray(0, 14), Uint8Array.from([0xff, 0x22, 0x7d]));
  assert.deepEqual((await scan(badUtf8)).t, ['safetensors.header_encoding']);
});

test('strict JSON: duplicate keys counted, __proto__ is plain data, depth bounded', () => {
  assert.equal(parseStrictJson('{"a":1,"b":{"c":1,"c":2},"a":3}').duplicateKeys, 2);
  const r = parseStrictJson('{"__proto__":{"polluted":true}}');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(r.value instanceof Map);
  assert.throws(() => parseStrictJson('['.repeat(500) + ']'.repeat(500)));
  assert.throws(() => parseStrictJson('{"a":1} x'));
});
