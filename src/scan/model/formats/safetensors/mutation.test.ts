/**
 * Seeded byte mutations of valid small files: whatever the damage, the four scanners must return
 * findings (never throw, never hang), so a hostile file can only ever produce a verdict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { safetensorsScanner } from '../safetensors.js';
import { ggufScanner } from '../gguf.js';
import { onnxScanner } from '../onnx.js';
import { kerasScanner } from '../keras.js';
import type { FormatScanner } from '../../types.js';
import { memorySource } from './memory-source.js';
import { concat, testContext } from './test-support.js';

const enc = new TextEncoder();
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const le = (n: number, bytes: number): Uint8Array => Uint8Array.from({ length: bytes }, (_, i) => (i < 4 ? (n >>> (8 * i)) & 0xff : 0));

function safetensorsFile(): Uint8Array {
  const h = enc.encode('{"__metadata__":{"a":"b"},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}');
  return concat(le(h.length, 8), h, new Uint8Array(8));
}
function ggufFile(): Uint8Array {
  const s = (t: string) => concat(le(enc.encode(t).length, 8), enc.encode(t));
  const kv = concat(s('tokenizer.chat_template'), le(8, 4), s("{% for m in messages %}{{ m['content'] }}{% endfor %}"));
  const arr = concat(s('tokens'), le(9, 4), le(8, 4), le(2, 8), s('a'), s('b'));
  const tensor = concat(s('w'), le(1, 4), le(4, 8), le(0, 4), le(0, 8));
  const head = concat(enc.encode('GGUF'), le(3, 4), le(1, 8), le(2, 8), kv, arr, tensor);
  return concat(head, new Uint8Array((32 - (head.length % 32)) % 32), new Uint8Array(16));
}
function onnxFile(): Uint8Array {
  const f = (n: number, b: Uint8Array) => concat(Uint8Array.of(n * 8 + 2, b.length), b);
  const node = f(1, concat(f(4, enc.encode('Add')), f(7, enc.encode('x.y'))));
  const ext = f(5, concat(f(13, concat(f(1, enc.encode('location')), f(2, enc.encode('w.bin')))), Uint8Array.of(0x70, 1)));
  return concat(Uint8Array.of(0x08, 8), f(7, concat(node, ext)), f(8, f(1, enc.encode(''))));
}
function kerasFile(): Uint8Array {
  const members: [string, Uint8Array][] = [['metadata.json', enc.encode('{"keras_version":"3"}')], ['config.json', enc.encode('{"class_name":"Sequential","module":"keras","config":{"layers":[]}}')]];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of members) {
    const n = enc.encode(name);
    const body = deflateRawSync(data);
    parts.push(concat(Uint8Array.of(0x50, 0x4b, 3, 4), new Uint8Array(4), le(8, 2), new Uint8Array(8), le(body.length, 4), le(data.length, 4), le(n.length, 2), le(0, 2)), n, body);
    central.push(concat(Uint8Array.of(0x50, 0x4b, 1, 2), new Uint8Array(6), le(8, 2), new Uint8Array(8), le(body.length, 4), le(data.length, 4), le(n.length, 2), new Uint8Array(12), le(offset, 4)), n);
    offset += 30 + n.length + body.length;
  }
  const cd = concat(...central);
  return concat(...parts, cd, Uint8Array.of(0x50, 0x4b, 5, 6), new Uint8Array(4), le(2, 2), le(2, 2), le(cd.length, 4), le(offset, 4), new Uint8Array(2));
}

const CASES: [FormatScanner, () => Uint8Array][] = [[safetensorsScanner, safetensorsFile], [ggufScanner, ggufFile], [onnxScanner, onnxFile], [kerasScanner, kerasFile]];

for (const [scanner, make] of CASES) {
  test(`${scanner.format}: 400 mutated files never throw`, async () => {
    const random = rng(0x5eed + scanner.format.length);
    const base = make();
    assert.deepEqual((await scanner.scan(memorySource('base', base), testContext())).filter((f) => f.severity === 'high' || f.severity === 'critical'), [], 'the base file is clean');
    let flagged = 0;
    for (let i = 0; i < 400; i++) {
      const bytes = Uint8Array.from(base);
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const cut = random() < 0.2 ? Math.floor(random() * bytes.length) : bytes.length;
      const findings = await scanner.scan(memorySource('m', bytes.subarray(0, cut)), testContext());
      if (findings.length > 0) flagged++;
    }
    assert.ok(flagged > 0, 'some mutations are detected');
  });
}
