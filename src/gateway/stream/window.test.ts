import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInspector } from '../../inspect.js';
import { createFingerprinter } from '../inspect/fingerprint.js';
import { KnownValues } from '../inspect/known.js';
import { DEFAULT_POLICY } from '../policy/resolve.js';
import { CONTEXT, ChoiceWindow, HOLD } from './window.js';

const fp = createFingerprinter(Buffer.alloc(32, 7));
const known = new KnownValues(fp);
known.add('John Smith', true);
known.add('617-555-0123', false);
known.add('john.smith@example.org', false);
const output = {
  pipeline: createInspector({ families: ['phi', 'secrets'] }),
  rules: createInspector({ families: ['output'] }),
  policy: DEFAULT_POLICY,
  fp,
  requestPhi: known,
  canary: 'mgc-canary-token-1',
};

function run(pieces: readonly string[]): { kinds: string[]; forwarded: string } {
  const w = new ChoiceWindow(output, undefined);
  const kinds: string[] = [];
  let forwarded = '';
  pieces.forEach((p, i) => {
    const final = i === pieces.length - 1;
    kinds.push(...w.push(p, final).map((f) => f.kind));
    forwarded += w.release(final);
  });
  return { kinds, forwarded };
}

test('identifiers from the request, cut at a chunk boundary, are not "new" PHI', () => {
  const text = 'Patient John Smith (617-555-0123, john.smith@example.org) should recheck lipids at 3 months after starting atorvastatin.';
  for (let cut = 1; cut < text.length; cut++) {
    assert.deepEqual(run([text.slice(0, cut), text.slice(cut)]).kinds.filter((k) => k.startsWith('phi.')), [], `cut at ${cut}`);
  }
});

test('a canary split across chunks is found before its end is forwarded', () => {
  const text = `Sure: ${output.canary} and then a long tail of ordinary words that pushes the window along well past the hold.`;
  for (let cut = 1; cut < text.length; cut += 3) {
    const w = new ChoiceWindow(output, undefined);
    // As the relay does: findings are judged before anything is released.
    const first = w.push(text.slice(0, cut), false);
    const sent = first.length > 0 ? '' : w.release(false);
    const found = first.length > 0 ? first : w.push(text.slice(cut), true);
    assert.ok(found.some((f) => f.kind === 'output.system_prompt_leak'), `cut at ${cut}`);
    assert.ok(!sent.includes(output.canary), 'the whole canary never went out');
  }
});

test('text is released only HOLD characters behind the head, all of it at the end', () => {
  const w = new ChoiceWindow(output, undefined);
  w.push('x'.repeat(100), false);
  assert.equal(w.release(false).length, 100 - HOLD);
  w.push('', true);
  assert.equal(w.release(true).length, HOLD);
});

test('small chunks: a canary anywhere is found before any part of it is released', () => {
  const filler = 'The dose can be continued with renal monitoring every three months. ';
  for (let at = 0; at < 200; at += 7) {
    const text = `${filler.repeat(3).slice(0, at)}${output.canary}${filler.repeat(3)}`;
    const w = new ChoiceWindow(output, undefined);
    let sent = '';
    let found = false;
    for (let i = 0; i < text.length && !found; i += 5) {
      const final = i + 5 >= text.length;
      found = w.push(text.slice(i, i + 5), final).some((f) => f.kind === 'output.system_prompt_leak');
      if (!found) sent += w.release(final);
    }
    assert.ok(found, `canary at ${at}`);
    // A partial canary matches nothing, so only the CONTEXT margin keeps its start from going out.
    assert.ok(!sent.includes('mgc-'), `part of the canary at ${at} went out`);
  }
});

test('events appended unchecked (one network read) release nothing past the last check', () => {
  const w = new ChoiceWindow(output, undefined);
  w.push('y'.repeat(200), false);
  const first = w.release(false);
  assert.equal(first.length, 200 - HOLD);
  for (let i = 0; i < 10; i++) w.push(`${output.canary} `.repeat(2), false, false);
  // Up to CONTEXT characters before the last check's head may go; nothing appended since.
  assert.equal(w.release(false), 'y'.repeat(HOLD - CONTEXT), 'nothing unchecked goes out');
  const found = w.push('', false, true);
  assert.ok(found.some((f) => f.kind === 'output.system_prompt_leak'));
});

test('a 1 KB answer in 48-character chunks is checked about once per HOLD characters, not per chunk', () => {
  let checks = 0;
  const counted = { ...output, rules: { inspect: (t: string, o?: { mode?: 'output' }) => { checks++; return output.rules.inspect(t, o); } } };
  const w = new ChoiceWindow(counted, undefined);
  const text = 'Continue metformin at a reduced maximum dose and review renal function in three months. '.repeat(12);
  const chunks = text.match(/.{1,48}/gs) ?? [];
  chunks.forEach((c, i) => w.push(c, i === chunks.length - 1));
  assert.ok(checks <= Math.ceil(text.length / HOLD) + 1, `${checks} checks for ${chunks.length} chunks`);
});
