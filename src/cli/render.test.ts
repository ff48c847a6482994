import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport, sanitize } from './render.js';
import { injectionSummary, isFlagged } from './records.js';
import { fakeInspector } from './testing.js';

test('human report shows the verdict, scores, offsets and an injection excerpt, never a secret value', () => {
  const text = 'my SECRET is here; ATTACK';
  const report = fakeInspector().inspect(text);
  const out = renderReport(report, text, isFlagged(report, undefined));
  assert.match(out, /^verdict: FLAGGED {2}mode: prompt {2}injection score 0\.90, threshold 0\.50/);
  assert.match(out, /high {5}0\.90 {2}injection\.test {2}\[19, 25\)/);
  assert.match(out, /"ATTACK"/);
  assert.match(out, /medium {3}0\.50 {2}secret\.test {2}\[3, 9\)/);
  assert.ok(!out.includes('"SECRET"'));
});

test('an injection excerpt covering a sensitive finding shows its kind, not its value', () => {
  const text = 'ATTACK SECRET';
  const base = fakeInspector().inspect(text);
  // A window-wide injection finding, as a classifier produces, over the secret.
  const window = { ...base.findings[0]!, start: 0, end: text.length, kind: 'injection.window' };
  const out = renderReport({ ...base, findings: [window, ...base.findings] }, text, true);
  assert.match(out, /"ATTACK \[secret\.test\]"/);
  assert.ok(!out.includes('SECRET'));
});

test('a clean report says so', () => {
  const report = fakeInspector().inspect('plain clinical text');
  assert.equal(isFlagged(report, undefined), false);
  assert.match(renderReport(report, 'plain clinical text', false), /verdict: not flagged[\s\S]*findings: none/);
});

test('excerpts cannot carry terminal escapes, bidi controls or invisible tag characters', () => {
  assert.equal(sanitize('a\u001b[31mb\u202e\u{E0041}'), 'a\\u{1b}[31mb\\u{202e}\\u{e0041}');
});

test('without an assessor, a high-severity injection finding still flags', () => {
  const report = { mode: 'prompt' as const, decodedLayers: 0, assessments: {}, findings: [
    { family: 'injection' as const, kind: 'injection.x', detector: 'd', start: 0, end: 1, score: 0.7, severity: 'high' as const, explanation: 'e' },
  ] };
  assert.deepEqual(
    { ...injectionSummary(report), findings: [] },
    { flagged: true, score: 0.7, threshold: null, findings: [] },
  );
  assert.equal(isFlagged({ ...report, findings: [{ ...report.findings[0]!, severity: 'medium' }] }, undefined), false);
});
