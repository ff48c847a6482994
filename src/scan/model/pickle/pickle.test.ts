import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickle } from '../testing/build.js';
import { scanBytes, techniques } from '../testing/scan.js';

const unsafe = async (b: Uint8Array, technique: string): Promise<void> => {
  const r = await scanBytes(b, 'x.pkl');
  assert.equal(r.verdict, 'unsafe', JSON.stringify(r.findings));
  assert.ok(techniques(r).includes(technique), `${technique} missing from ${techniques(r).join(',')}`);
};

test('plain data in every protocol has no findings', async () => {
  for (const proto of [2, 3, 4, 5]) {
    const b = pickle().proto(proto).emptyDict().mark().str('a').int(1).str('b').none().setitems().stop().bytesOut();
    const r = await scanBytes(b);
    assert.equal(r.format, 'pickle');
    assert.deepEqual(r.findings, []);
    assert.equal(r.verdict, 'safe');
  }
});

test('GLOBAL posix.system + REDUCE is denied (os alias) and records the calling opcode', async () => {
  const r = await scanBytes(pickle().proto(2).call('posix', 'system', 'echo pwned').stop().bytesOut());
  const f = r.findings.find((x) => x.technique === 'pickle.global.denied');
  assert.ok(f);
  assert.equal(f.severity, 'critical');
  assert.match(f.explanation, /REDUCE/);
});

test('protocol 0 without PROTO is still sniffed as a pickle', async () => {
  await unsafe(pickle().global('os', 'system').mark().string0('id').tuple().reduce().stop().bytesOut(), 'pickle.global.denied');
});

test('INST and OBJ import and call in one opcode', async () => {
  await unsafe(pickle().mark().string0('id').inst('os', 'system').stop().bytesOut(), 'pickle.global.denied');
  await unsafe(pickle().proto(1).mark().global('subprocess', 'Popen').str('id').obj().pop().emptyDict().stop().bytesOut(), 'pickle.global.denied');
});

test('STACK_GLOBAL operands fetched through the memo, with allowlisted decoys nearby', async () => {
  const b = pickle().proto(4).str('os').memoize().str('system').memoize().pop().pop()
    .str('torch').str('LongStorage').pop().pop().binget(0).binget(1).stackGlobal().str('id').tuple1().reduce().stop().bytesOut();
  await unsafe(b, 'pickle.global.denied');
});

test('STACK_GLOBAL operands pushed with the protocol-0 STRING opcode', async () => {
  await unsafe(pickle().proto(4).string0('os').string0('system').stackGlobal().str('id').tuple1().reduce().stop().bytesOut(), 'pickle.global.denied');
});

test('computed STACK_GLOBAL operands are dynamic imports (critical)', async () => {
  const b = pickle().proto(4).str('codecs').str('decode').stackGlobal().str('bf').str('rot13').tuple2().reduce()
    .str('flfgrz').str('rot13').raw(0x86).reduce().stackGlobal().stop().bytesOut();
  // The second stackGlobal pops the two call results above it.
  const r = await scanBytes(pickle().proto(4).str('codecs').str('decode').stackGlobal().memoize().pop()
    .binget(0).str('bf').str('rot13').tuple2().reduce().binget(0).str('flfgrz').str('rot13').tuple2().reduce().stackGlobal().stop().bytesOut());
  assert.ok(techniques(r).includes('pickle.global.dynamic'));
  assert.equal(r.verdict, 'unsafe');
  assert.equal((await scanBytes(b)).verdict, 'unsafe');
});

test('dotted names under an allowlisted module are caught', async () => {
  await unsafe(pickle().proto(4).str('torch').str('os.system').stackGlobal().stop().bytesOut(), 'pickle.global.dotted_name');
});

test('benign value-type globals are allowed; unknown ones are reported medium', async () => {
  const ok = pickle().proto(2).global('collections', 'OrderedDict').emptyTuple().reduce()
    .global('__builtin__', 'set').emptyList().tuple1().reduce().pop()
    .global('_codecs', 'encode').str('\u0001').str('latin1').tuple2().reduce().pop().stop().bytesOut();
  assert.equal((await scanBytes(ok)).verdict, 'safe');
  const unknown = await scanBytes(pickle().proto(2).global('mylib.models', 'Net').emptyTuple().reduce().stop().bytesOut());
  assert.equal(unknown.findings[0]?.technique, 'pickle.global.unknown');
  assert.equal(unknown.findings[0]?.severity, 'medium');
});

test('strings that mention os.system are data, not imports', async () => {
  const r = await scanBytes(pickle().proto(4).emptyDict().str('cmd').str('os.system("rm -rf /")').setitem().stop().bytesOut());
  assert.deepEqual(r.findings, []);
});

test('a payload after the first STOP (second stream) is found', async () => {
  const b = Uint8Array.from([...pickle().proto(2).emptyList().stop().bytesOut(), ...pickle().proto(2).call('os', 'system', 'id').stop().bytesOut()]);
  await unsafe(b, 'pickle.global.denied');
});

test('a payload then a broken stream is reported, not discarded', async () => {
  const b = pickle().proto(2).call('posix', 'system', 'id').raw(0xff).bytesOut();
  const r = await scanBytes(b);
  assert.ok(techniques(r).includes('pickle.global.denied'));
  assert.ok(techniques(r).includes('model.parse_error'));
});

test('a truncated stream fails closed', async () => {
  const r = await scanBytes(pickle().proto(4).emptyDict().str('a').bytesOut());
  assert.equal(r.verdict, 'unsafe');
  assert.ok(techniques(r).includes('model.parse_error'));
});

test('BINGET of a missing memo slot after a payload keeps the payload finding', async () => {
  const r = await scanBytes(pickle().proto(4).call('posix', 'system', 'id').binget(9).stop().bytesOut());
  assert.ok(techniques(r).includes('pickle.global.denied'));
  assert.ok(techniques(r).includes('model.parse_error'));
});

test('EXT1 (copyreg extension registry) fails closed', async () => {
  await unsafe(pickle().proto(2).ext1(0xf0).mark().str('id').tuple().reduce().stop().bytesOut(), 'pickle.extension_registry');
});

test('a memo DAG expansion bomb is detected without expanding it', async () => {
  const p = pickle().proto(4).emptyList().memoize();
  for (let i = 0; i < 63; i++) p.emptyList().memoize().mark().binget(i).binget(i).appends();
  const r = await scanBytes(p.stop().bytesOut());
  assert.ok(techniques(r).includes('pickle.expansion_bomb'));
});

test('pickles nested in bytes and in base64 text are scanned', async () => {
  const inner = pickle().proto(4).call('posix', 'system', 'id').stop().bytesOut();
  const viaBytes = pickle().proto(4).global('_pickle', 'loads').bytes(inner).tuple1().reduce().stop().bytesOut();
  const r1 = await scanBytes(viaBytes);
  assert.ok(r1.findings.some((f) => f.member?.startsWith('pickle@') === true && f.technique === 'pickle.global.denied'));
  const b64 = Buffer.from(inner).toString('base64');
  const r2 = await scanBytes(pickle().proto(4).emptyDict().str('blob').binunicode(b64).setitem().stop().bytesOut());
  assert.ok(r2.findings.some((f) => f.member?.endsWith(':base64') === true && f.technique === 'pickle.global.denied'));
});

test('an opcode straddling its FRAME end is a parser differential', async () => {
  const b = pickle().proto(5).frame(2).raw(0x42, 0x05, 0, 0, 0).text('hello').stop().bytesOut();
  const r = await scanBytes(b);
  assert.ok(techniques(r).includes('pickle.frame_straddle'));
});

test('joblib raw array bytes are skipped and a payload after them is still found', async () => {
  const wrapper = (): ReturnType<typeof pickle> => pickle().proto(4).emptyDict().str('coef')
    .str('joblib.numpy_pickle').str('NumpyArrayWrapper').stackGlobal().emptyTuple().newobj()
    .emptyDict().mark().str('shape').int(2).tuple1().str('dtype').str('numpy').str('dtype').stackGlobal().str('f8').tuple1().reduce()
    .str('numpy_array_alignment_bytes').int(16).setitems().build()
    .raw(3, 0xff, 0xff, 0xff).raw(...new Array<number>(16).fill(0x63));
  const benign = wrapper().setitem().stop().bytesOut();
  assert.deepEqual((await scanBytes(benign)).findings, []);
  const mal = wrapper().setitem().str('hook').call('posix', 'system', 'id').setitem().stop().bytesOut();
  await unsafe(mal, 'pickle.global.denied');
});

test('a long operand straddling read chunks is parsed correctly', async () => {
  const big = 'x'.repeat((1 << 20) + 17);
  const b = pickle().proto(4).binunicode(big).pop().call('os', 'system', 'id').stop().bytesOut();
  await unsafe(b, 'pickle.global.denied');
});

test('_codecs.encode is allowed only with latin1', async () => {
  const odd = pickle().proto(2).global('_codecs', 'encode').str('bf').str('rot13').tuple2().reduce().stop().bytesOut();
  await unsafe(odd, 'pickle.codecs_unusual');
});

test('legacy torch stacked pickles: five streams, then raw storage bytes are not parsed', async () => {
  const magic = pickle().proto(2).raw(0x8a, 10, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19).stop().bytesOut();
  const small = pickle().proto(2).int(1001).stop().bytesOut();
  const raw = new Uint8Array(64).fill(0x63);
  const file = Uint8Array.from([...magic, ...small, ...small, ...small, ...small, ...raw]);
  const r = await scanBytes(file, 'old.pt');
  assert.equal(r.format, 'pytorch-legacy');
  assert.deepEqual(r.findings, []);
  const evil = Uint8Array.from([...magic, ...small, ...small, ...pickle().proto(2).call('__builtin__', 'exec', 'x').stop().bytesOut(), ...small, ...raw]);
  const bad = await scanBytes(evil, 'old.pt');
  assert.ok(techniques(bad).includes('pickle.global.denied'));
});

test('text files are not mistaken for protocol-0 pickles', async () => {
  for (const text of ['(c) 2024 Example Hospital\nAll rights reserved\n', 'cuda\nenabled\ntrue\n', '(the model card)\n', 'import os\nos.system("x")\n']) {
    const r = await scanBytes(new TextEncoder().encode(text), 'README');
    assert.equal(r.format, 'unknown', text);
    assert.equal(r.verdict, 'safe');
  }
});

test('a pickle starting with an unusual opcode is still found (no sniff can be trusted)', async () => {
  const odd = new TextEncoder().encode("N0cos\nsystem\n(S'id'\ntR.");
  const r = await scanBytes(odd, 'weights.bin');
  assert.equal(r.format, 'pickle');
  assert.ok(techniques(r).includes('pickle.global.denied'));
});
