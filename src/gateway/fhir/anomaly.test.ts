import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnomalyDetector, type AccessRecord } from './anomaly.js';
import { AnomalySchema } from './config.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0); // a Monday, 10:00 UTC
const rec = (over: Partial<AccessRecord>): AccessRecord => ({ principal: 'u1', role: 'clinician', time: T0, interaction: 'read', type: 'Observation', id: 'x', status: 200, patients: [], count: undefined, paging: false, ...over });
const rules = (d: AnomalyDetector, r: AccessRecord): string[] => d.observe(r).map((a) => a.rule);

test('distinct patients per hour: floor, own baseline and cool-down', () => {
  const d = new AnomalyDetector(AnomalySchema.parse({ patientsPerHour: 5, baselineFactor: 2 }));
  const fired: string[] = [];
  for (let i = 0; i < 8; i++) fired.push(...rules(d, rec({ time: T0 + i * 1000, patients: [`p${i}`] })));
  assert.deepEqual(fired, ['patients_per_hour'], 'one alert, then the cool-down');
  // A principal whose usual hour is 20 patients is not alerted at 30 the next hour (limit 2 x 20), but is past 40.
  const busy = new AnomalyDetector(AnomalySchema.parse({ patientsPerHour: 5, baselineFactor: 2 }));
  for (let i = 0; i < 20; i++) busy.observe(rec({ principal: 'b', time: T0 + i, patients: [`q${i}`] }));
  const next = T0 + 3_600_000 + 3_600_000 / 2;
  const seen: number[] = [];
  for (let i = 0; i < 45; i++) if (rules(busy, rec({ principal: 'b', time: next + i, patients: [`r${i}`] })).includes('patients_per_hour')) seen.push(i + 1);
  assert.deepEqual(seen, [41]);
});

test('enumeration: 404 bursts and sequential ids', () => {
  const d = new AnomalyDetector(AnomalySchema.parse({ notFoundPer10Min: 3, sequentialRun: 4 }));
  const fired = new Set<string>();
  for (let i = 0; i < 5; i++) for (const r of rules(d, rec({ time: T0 + i, id: String(500 + i), status: 404 }))) fired.add(r);
  assert.ok(fired.has('enumeration_404'));
  assert.ok(fired.has('enumeration_sequential'));
});

test('bulk access, off-hours and new resource types', () => {
  const d = new AnomalyDetector(AnomalySchema.parse({ maxCount: 100, pagesPer10Min: 2, warmup: 3, workingHours: [8, 18] }));
  assert.deepEqual(rules(d, rec({ interaction: 'export', type: undefined })), ['bulk_export']);
  assert.deepEqual(rules(d, rec({ interaction: 'search', count: 1000 })), ['bulk_count']);
  const paged: string[] = [];
  for (let i = 0; i < 4; i++) paged.push(...rules(d, rec({ interaction: 'search', paging: true, time: T0 + i })));
  assert.ok(paged.includes('bulk_paging'));
  assert.deepEqual(rules(d, rec({ type: 'DocumentReference', time: T0 + 10 })), ['new_resource_type']);
  assert.deepEqual(rules(d, rec({ time: T0 + 14 * 3_600_000 })), ['off_hours'], 'midnight UTC, never seen before');
  assert.deepEqual(new AnomalyDetector(AnomalySchema.parse({ enabled: false })).observe(rec({ interaction: 'export' })), []);
});
