import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { verifyChain } from '../../audit/verify.js';
import { sampleEvent } from '../fixtures.js';
import { groupCommit } from './group-commit.js';
import { openSqliteStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'mg-group-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `g${++n}.db`);

/** A fake "database" that records each transaction's inputs. */
function recorder(options: { maxBatch?: number; failOn?: number } = {}) {
  const transactions: number[][] = [];
  const write = (inputs: readonly number[]): number[] => {
    if (options.failOn !== undefined && inputs.includes(options.failOn)) throw new Error('constraint');
    transactions.push([...inputs]);
    return inputs.map((i) => i * 10);
  };
  const g = groupCommit<number, number>({
    commitMany: write,
    maxBatch: options.maxBatch ?? 100,
    toError: () => new Error('MG_STORE'),
  });
  return { g, transactions };
}

describe('group commit', () => {
  it('commits the appends of one event-loop turn in one transaction, in call order', async () => {
    const { g, transactions } = recorder();
    const out = await Promise.all([1, 2, 3, 4].map((i) => g.add(i)));
    assert.deepEqual(out, [10, 20, 30, 40]);
    assert.deepEqual(transactions, [[1, 2, 3, 4]]);
    await g.add(5);
    assert.deepEqual(transactions, [[1, 2, 3, 4], [5]]);
  });

  it('splits a long queue into batches of at most maxBatch, one per turn', async () => {
    const { g, transactions } = recorder({ maxBatch: 3 });
    const out = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => g.add(i)));
    assert.deepEqual(out, [10, 20, 30, 40, 50, 60, 70]);
    assert.deepEqual(transactions, [[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('retries a failed batch one by one, so only the bad input is refused', async () => {
    const { g, transactions } = recorder({ failOn: 3 });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => g.add(i)));
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(transactions, [[1], [2], [4]]);
  });

  it('flush() commits what is queued at once', () => {
    const { g, transactions } = recorder({ maxBatch: 2 });
    for (const i of [1, 2, 3]) void g.add(i);
    assert.equal(g.pending, 3);
    g.flush();
    assert.equal(g.pending, 0);
    assert.deepEqual(transactions, [[1, 2], [3]]);
  });
});

describe('sqlite audit group commit', () => {
  it('chains a concurrent burst in one valid chain, seq in call order', async () => {
    const store = openSqliteStore(fresh());
    const stored = await Promise.all(Array.from({ length: 300 }, (_, i) => store.audit.append(sampleEvent(i + 1))));
    assert.deepEqual(stored.map((e) => e.seq), stored.map((_, i) => i + 1));
    assert.deepEqual(stored.map((e) => e.requestId), stored.map((_, i) => `req-${i + 1}`));
    assert.equal((await verifyChain(store.audit)).ok, true);
    await store.close();
  });

  it('keeps the rest of a batch when one event cannot be written', async () => {
    const path = fresh();
    const store = openSqliteStore(path);
    const db = new Database(path);
    db.exec("CREATE TRIGGER refuse_one BEFORE INSERT ON events WHEN NEW.request_id = 'req-3' BEGIN SELECT RAISE(ABORT, 'no'); END");
    db.close();
    const settled = await Promise.allSettled([1, 2, 3, 4].map((i) => store.audit.append(sampleEvent(i))));
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const bad = settled[2];
    assert.ok(bad?.status === 'rejected' && (bad.reason as { code?: string }).code === 'MG_STORE');
    const result = await verifyChain(store.audit);
    assert.deepEqual([result.ok, result.checked], [true, 3]);
    await store.close();
  });

  it('writes appends still queued when the store is closed', async () => {
    const path = fresh();
    const store = openSqliteStore(path);
    const pending = [1, 2, 3].map((i) => store.audit.append(sampleEvent(i)));
    await store.close();
    assert.deepEqual((await Promise.all(pending)).map((e) => e.seq), [1, 2, 3]);
    const reopened = openSqliteStore(path, { readonly: true });
    assert.deepEqual([(await verifyChain(reopened.audit)).checked], [3]);
    await reopened.close();
  });
});
