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

test("distinct patients per hour: a principal with no history is held to its role's baseline", () => {
  const d = new AnomalyDetector(AnomalySchema.parse({ patientsPerHour: 5, baselineFactor: 2 }));
  // Three clinicians with 20 patients each in hour 0; their hours close when they are next seen.
  for (const u of ['a', 'b', 'c']) for (let i = 0; i < 20; i++) d.observe(rec({ principal: u, time: T0 + i, patients: [`${u}${i}`] }));
  const next = T0 + 3_600_000 + 60_000;
  for (const u of ['a', 'b', 'c']) d.observe(rec({ principal: u, time: next }));
  assert.equal(d.roleBaseline('clinician'), 20, 'mean of three own baselines of 20/h');
  const first = (principal: string, role: string): { at: number; evidence: string } | undefined => {
    for (let i = 0; i < 60; i++) {
      const a = d.observe(rec({ principal, role, time: next + 1000 + i, patients: [`${principal}-${i}`] })).find((x) => x.rule === 'patients_per_hour');
      if (a) return { at: i + 1, evidence: a.evidence };
    }
    return undefined;
  };
  const clinician = first('newcomer', 'clinician');
  assert.equal(clinician?.at, 41, 'limit 2 x role baseline 20');
  assert.match(clinician?.evidence ?? '', /^41 distinct patients in the last hour \(limit 40: .*own baseline 0\.0\/h, role clinician baseline 20\.0\/h/);
  assert.equal(first('porter', 'porter')?.at, 6, 'a role with no baseline falls back to the floor');
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

test('every rule yields evidence with its count and threshold, never an identifier', () => {
  const d = new AnomalyDetector(AnomalySchema.parse({ patientsPerHour: 3, notFoundPer10Min: 2, sequentialRun: 3, maxCount: 10, pagesPer10Min: 2, warmup: 5, workingHours: [8, 18] }));
  const evidence = new Map<string, string>();
  const see = (r: Partial<AccessRecord>): void => {
    for (const a of d.observe(rec(r))) evidence.set(a.rule, a.evidence);
  };
  for (let i = 0; i < 5; i++) see({ time: T0 + i, id: String(7000 + i), status: 404, patients: [`secret-patient-${i}`] });
  see({ interaction: 'export', type: undefined, time: T0 + 10 });
  see({ interaction: 'search', count: 5000, time: T0 + 11 });
  for (let i = 0; i < 3; i++) see({ interaction: 'search', paging: true, time: T0 + 12 + i });
  see({ type: 'Consent', time: T0 + 20 });
  see({ time: T0 + 13 * 3_600_000 });
  assert.deepEqual([...evidence.keys()].sort(), ['bulk_count', 'bulk_export', 'bulk_paging', 'enumeration_404', 'enumeration_sequential', 'new_resource_type', 'off_hours', 'patients_per_hour']);
  assert.match(evidence.get('enumeration_404') ?? '', /^3 not-found answers in 10 minutes \(limit 2\)$/);
  assert.match(evidence.get('bulk_count') ?? '', /_count=5000 \(limit 10\)/);
  assert.match(evidence.get('off_hours') ?? '', /^access at 23:00 UTC, outside 8:00-18:00/);
  for (const [rule, e] of evidence) assert.doesNotMatch(e, /secret-patient|700\d/, rule);
});
