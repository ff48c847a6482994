import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import type { StoredEvent } from '../../store/types.js';
import { sampleEvent } from '../../store/fixtures.js';
import { createEventBus } from './bus.js';

const stored = (seq: number): StoredEvent => ({ ...sampleEvent(seq), seq, prevHash: '0'.repeat(64), hash: String(seq).padStart(64, '0') });

test('delivers events in order to every subscriber, after publish returns', async () => {
  const bus = createEventBus();
  const a: number[] = [];
  const b: number[] = [];
  bus.subscribe((e) => a.push(e.seq));
  bus.subscribe((e) => b.push(e.seq));
  bus.publish(stored(1));
  bus.publish(stored(2));
  assert.deepEqual(a, [], 'listeners never run on the publisher stack');
  await tick();
  assert.deepEqual(a, [1, 2]);
  assert.deepEqual(b, [1, 2]);
});

test('unsubscribe stops delivery, including events already queued', async () => {
  const bus = createEventBus();
  const got: number[] = [];
  const off = bus.subscribe((e) => got.push(e.seq));
  bus.publish(stored(1));
  off();
  bus.publish(stored(2));
  await tick();
  assert.deepEqual(got, []);
  assert.equal(bus.size, 0);
});

test('a subscriber that falls behind is dropped; the others keep receiving', async () => {
  const bus = createEventBus({ maxQueue: 3 });
  const drops: string[] = [];
  const slow: number[] = [];
  const fast: number[] = [];
  bus.subscribe((e) => slow.push(e.seq), { onDrop: (r) => drops.push(r) });
  bus.subscribe((e) => fast.push(e.seq));
  for (let i = 1; i <= 5; i++) bus.publish(stored(i));
  await tick();
  assert.deepEqual(drops, ['overflow']);
  assert.deepEqual(slow, []);
  // The second subscriber is dropped too: both queues overflow within one synchronous burst.
  assert.equal(bus.size, 0);
  const bus2 = createEventBus({ maxQueue: 3 });
  bus2.subscribe((e) => fast.push(e.seq));
  for (let i = 1; i <= 3; i++) bus2.publish(stored(i));
  await tick();
  for (let i = 4; i <= 6; i++) bus2.publish(stored(i));
  await tick();
  assert.deepEqual(fast, [1, 2, 3, 4, 5, 6]);
});

test('a throwing listener is dropped without reaching the publisher', async () => {
  const bus = createEventBus();
  const drops: string[] = [];
  bus.subscribe(() => {
    throw new Error('boom');
  }, { onDrop: (r) => drops.push(r) });
  assert.doesNotThrow(() => bus.publish(stored(1)));
  await tick();
  assert.deepEqual(drops, ['error']);
  assert.equal(bus.size, 0);
});

test('subscriber count is capped and options are validated', () => {
  const bus = createEventBus({ maxSubscribers: 1 });
  bus.subscribe(() => undefined);
  assert.throws(() => bus.subscribe(() => undefined), { code: 'MG_CONFIG_INVALID' });
  assert.throws(() => createEventBus({ maxQueue: 0 }), { code: 'MG_CONFIG_INVALID' });
});
