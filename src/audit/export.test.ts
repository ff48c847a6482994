import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { phoneFinding, sampleEvent } from '../store/fixtures.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store, StoredEvent } from '../store/types.js';
import { canonicalEvent, chainHash, GENESIS_HASH } from './chain.js';
import { exportFhir, exportJsonl } from './export.js';
import { outcomeOf, uuidOf } from './fhir.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-export-'));
let store: Store;
before(async () => {
  store = openSqliteStore(join(dir, 'e.db'), { durability: 'normal' });
  for (let i = 1; i <= 12; i++) await store.audit.append(sampleEvent(i, i === 6 ? { verdict: 'error', status: 502, upstreamStatus: null } : {}));
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function collect(run: (write: (s: string) => Promise<void>) => Promise<number>): Promise<{ text: string; count: number }> {
  const parts: string[] = [];
  const count = await run(async (s) => {
    parts.push(s);
  });
  return { text: parts.join(''), count };
}

describe('exportJsonl', () => {
  it('round-trips every event, and each line re-hashes to its chain hash', async () => {
    const { text, count } = await collect((w) => exportJsonl(store.audit, w));
    assert.equal(count, 12);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as StoredEvent);
    const scanned: StoredEvent[] = [];
    for await (const e of store.audit.scan()) scanned.push(e);
    assert.deepEqual(lines, scanned);
    let prev = GENESIS_HASH;
    for (const e of lines) {
      assert.equal(e.prevHash, prev);
      assert.equal(chainHash(e.prevHash, canonicalEvent(e.seq, e)), e.hash);
      prev = e.hash;
    }
  });

  it('starts at --since', async () => {
    const { text, count } = await collect((w) => exportJsonl(store.audit, w, 11));
    assert.equal(count, 2);
    assert.deepEqual(text.trimEnd().split('\n').map((l) => (JSON.parse(l) as StoredEvent).seq), [11, 12]);
  });
});

describe('exportFhir', () => {
  it('writes a collection Bundle of structurally valid R4 AuditEvents', async () => {
    const { text, count } = await collect((w) => exportFhir(store.audit, w, { observer: 'medguard@test', now: new Date(Date.UTC(2026, 5, 1)) }));
    assert.equal(count, 12);
    const bundle = JSON.parse(text) as { resourceType: string; type: string; timestamp: string; entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.equal(bundle.timestamp, '2026-06-01T00:00:00.000Z');
    assert.equal(bundle.entry.length, 12);
    assert.equal(new Set(bundle.entry.map((e) => e.fullUrl)).size, 12);
    for (const { fullUrl, resource: r } of bundle.entry) {
      assert.match(fullUrl, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(r.resourceType, 'AuditEvent');
      const type = r.type as { system: string; code: string };
      assert.deepEqual([type.system, type.code], ['http://dicom.nema.org/resources/ontology/DCM', '110100']);
      assert.match(r.recorded as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      assert.ok(['0', '4', '8', '12'].includes(r.outcome as string));
      assert.equal(r.action, 'E');
      const agents = r.agent as { requestor: unknown; who: unknown }[];
      assert.ok(agents.length >= 1 && agents.every((a) => typeof a.requestor === 'boolean' && a.who !== undefined));
      assert.deepEqual((r.source as { observer: unknown }).observer, { display: 'medguard@test' });
      for (const e of r.entity as { detail: { type: unknown; valueString: unknown }[] }[]) {
        for (const d of e.detail) assert.ok(typeof d.type === 'string' && typeof d.valueString === 'string');
      }
    }
  });

  it('carries findings as kind, severity and fingerprint, and maps outcomes', async () => {
    const { text } = await collect((w) => exportFhir(store.audit, w, { observer: 'x', sinceSeq: 5 }));
    const entries = (JSON.parse(text) as { entry: { resource: { id: string; outcome: string; entity: { detail: { type: string; valueString: string }[] }[] } }[] }).entry;
    const bySeq = new Map(entries.map((e) => [e.resource.id, e.resource]));
    assert.equal(bySeq.get('mg-5')?.outcome, '4');
    assert.equal(bySeq.get('mg-6')?.outcome, '8');
    assert.equal(bySeq.get('mg-8')?.outcome, '0');
    const findings = bySeq.get('mg-7')?.entity[0]?.detail.filter((d) => d.type === 'medguard.finding').map((d) => JSON.parse(d.valueString) as Record<string, unknown>);
    assert.deepEqual(findings, [{ kind: 'phi.PHONE', severity: 'high', fingerprint: phoneFinding.fingerprint, direction: 'response', detector: 'phi.rules', score: 0.93 }]);
  });

  it('writes an empty Bundle as valid JSON without an empty entry array (FHIR forbids empty arrays)', async () => {
    const { text, count } = await collect((w) => exportFhir(store.audit, w, { observer: 'x', sinceSeq: 999 }));
    assert.equal(count, 0);
    assert.deepEqual(JSON.parse(text), { resourceType: 'Bundle', type: 'collection', timestamp: (JSON.parse(text) as { timestamp: string }).timestamp });
  });

  it('maps verdicts to R4 outcome codes and hashes to stable uuids', () => {
    assert.equal(outcomeOf({ verdict: 'allow', status: 200 }), '0');
    assert.equal(outcomeOf({ verdict: 'block', status: 400 }), '4');
    assert.equal(outcomeOf({ verdict: 'allow', status: 503 }), '8');
    assert.equal(outcomeOf({ verdict: 'error', status: 401 }), '4');
    assert.equal(outcomeOf({ verdict: 'error', status: 200 }), '8');
    assert.equal(uuidOf('f'.repeat(64)), uuidOf('f'.repeat(64)));
    assert.notEqual(uuidOf('f'.repeat(64)), uuidOf('e'.repeat(64)));
  });
});
