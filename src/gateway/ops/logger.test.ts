import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneFinding, sampleEvent } from '../../store/fixtures.js';
import { createLogger } from './logger.js';

test('one JSON line per exchange with ids, verdict, reasons, latency and fingerprints only', () => {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => lines.push(l), now: () => new Date('2026-01-01T00:00:00Z') });
  log.exchange(sampleEvent(7, { verdict: 'redact', reasons: ['MG_REDACTED'], findings: [phoneFinding], route: 'clinical', principal: 'key_1' }));
  assert.equal(lines.length, 1);
  assert.ok(lines[0]?.endsWith('\n'));
  const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  assert.equal(entry.level, 'info');
  assert.equal(entry.time, '2026-01-01T00:00:00.000Z');
  assert.equal(entry.requestId, 'req-7');
  assert.equal(entry.route, 'clinical');
  assert.equal(entry.principal, 'key_1');
  assert.equal(entry.verdict, 'redact');
  assert.deepEqual(entry.reasons, ['MG_REDACTED']);
  assert.equal(entry.gatewayMs, 1.25);
  assert.deepEqual(entry.findings, [{ kind: 'phi.PHONE', detector: 'phi.rules', severity: 'high', direction: 'response', fingerprint: '0123456789abcdef' }]);
});

test('blocks log at warn; levels below the minimum are dropped', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
  log.exchange(sampleEvent(1, { verdict: 'allow' }));
  log.log('info', 'started');
  log.exchange(sampleEvent(2, { verdict: 'block' }));
  log.log('error', 'store failed', { code: 'MG_STORE', level: 'debug' });
  assert.equal(lines.length, 2);
  assert.equal((JSON.parse(lines[0] ?? '') as { level: string }).level, 'warn');
  const last = JSON.parse(lines[1] ?? '') as Record<string, unknown>;
  assert.equal(last.level, 'error', 'a caller field cannot override the level');
  assert.equal(last.code, 'MG_STORE');
});
