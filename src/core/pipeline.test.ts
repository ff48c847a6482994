import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline, mergeFindings } from './pipeline.js';
import type { Detector, Finding } from './types.js';
import { isMedguardError } from './errors.js';

const wordDetector: Detector = {
  id: 'test.word',
  family: 'injection',
  modes: ['prompt', 'document'],
  decodedLayers: false,
  detect(input) {
    const text = input.form('raw').text;
    const at = text.indexOf('attack');
    if (at < 0) return [];
    return [{ family: 'injection', kind: 'injection.test', detector: 'test.word', start: at, end: at + 6, score: 0.9, severity: 'high', explanation: 'test word' }];
  },
};

const throwing: Detector = {
  id: 'test.throws', family: 'phi', modes: ['prompt'], decodedLayers: false,
  detect() { throw new Error('boom'); },
};

test('runs detectors for the requested mode only', () => {
  const p = createPipeline({ detectors: [wordDetector] });
  assert.equal(p.inspect('an attack here').findings.length, 1);
  assert.equal(p.inspect('an attack here', { mode: 'output' }).findings.length, 0);
});

test('a throwing detector fails closed with a finding, not an exception', () => {
  const p = createPipeline({ detectors: [throwing] });
  const r = p.inspect('hello');
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]?.kind, 'phi.detector_failed');
  assert.equal(r.findings[0]?.severity, 'high');
});

test('oversized input and unknown mode are coded errors', () => {
  const p = createPipeline({ detectors: [], maxInputChars: 10 });
  assert.throws(() => p.inspect('x'.repeat(11)), (e) => isMedguardError(e) && e.code === 'MG_INPUT_TOO_LARGE');
  // @ts-expect-error deliberately wrong mode
  assert.throws(() => p.inspect('x', { mode: 'shout' }), (e) => isMedguardError(e) && e.code === 'MG_UNKNOWN_MODE');
});

test('mergeFindings keeps the best score per kind and span, sorted by offset', () => {
  const base: Finding = { family: 'injection', kind: 'injection.a', detector: 'd', start: 5, end: 9, score: 0.2, severity: 'low', explanation: 'x' };
  const merged = mergeFindings([base, { ...base, score: 0.7 }, { ...base, start: 1, end: 2 }]);
  assert.deepEqual(merged.map((f) => [f.start, f.score]), [[1, 0.2], [5, 0.7]]);
});
