import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { asyncGroupCommit } from './group-commit.js';

/** A fake database: records each transaction's inputs; each commit takes a few milliseconds. */
function recorder(options: { maxBatch?: number; failOn?: number; lost?: boolean } = {}) {
  const transactions: number[][] = [];
  const write = async (inputs: readonly number[]): Promise<number[]> => {
    await sleep(5);
    if (options.failOn !== undefined && inputs.includes(options.failOn)) throw Object.assign(new Error('down'), { lost: options.lost === true });
    transactions.push([...inputs]);
    return inputs.map((i) => i * 10);
  };
  const g = asyncGroupCommit<number, number>({
    commitMany: write,
    maxBatch: options.maxBatch ?? 100,
    retryAlone: (e) => (e as { lost?: boolean }).lost !== true,
    toError: (e) => new Error(`MG_STORE ${(e as { lost?: boolean }).lost === true ? 'lost' : 'bad'}`),
  });
  return { g, transactions };
}

describe('async group commit', () => {
  it('one turn of appends is one transaction, in call order; appends made during a commit form the next', async () => {
    const { g, transactions } = recorder();
    const first = [1, 2, 3].map((i) => g.add(i));
    await sleep(1); // the first batch is now on the wire
    const second = [4, 5].map((i) => g.add(i));
    assert.deepEqual(await Promise.all([...first, ...second]), [10, 20, 30, 40, 50]);
    assert.deepEqual(transactions, [[1, 2, 3], [4, 5]]);
    assert.equal(g.pending, 0);
    assert.equal(await g.add(6), 60, 'alone, an append still commits');
  });

  it('caps a batch at maxBatch', async () => {
    const { g, transactions } = recorder({ maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => g.add(i)));
    assert.deepEqual(transactions, [[1, 2], [3, 4], [5]]);
  });

  it('a batch failing for one input is retried one by one: only that input fails', async () => {
    const { g, transactions } = recorder({ failOn: 2 });
    const out = await Promise.allSettled([1, 2, 3].map((i) => g.add(i)));
    assert.deepEqual(out.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(transactions, [[1], [3]]);
  });

  it('a lost connection fails the whole batch at once, without retries, and settled() waits for it', async () => {
    const { g, transactions } = recorder({ failOn: 2, lost: true });
    const out = Promise.allSettled([1, 2, 3].map((i) => g.add(i)));
    assert.equal(g.pending, 3);
    await g.settled();
    const results = await out;
    assert.deepEqual(results.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'ok')), ['MG_STORE lost', 'MG_STORE lost', 'MG_STORE lost']);
    assert.deepEqual(transactions, []);
  });
});
