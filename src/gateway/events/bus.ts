/**
 * The in-process EventBus: publish never runs listener code on the caller's stack and never
 * waits, so a slow or broken dashboard cannot slow an exchange. Each subscriber has a bounded
 * queue drained on the next turn of the event loop; a subscriber that falls `maxQueue` events
 * behind is dropped (and told so) rather than buffering without bound.
 */
import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import type { StoredEvent } from '../../store/types.js';
import type { EventBus } from '../types.js';

export interface SubscribeOptions {
  /** Called once if this subscriber is dropped for falling behind (or throwing). */
  readonly onDrop?: (reason: 'overflow' | 'error') => void;
}

export interface InProcessEventBus extends EventBus {
  subscribe(listener: (event: StoredEvent) => void, options?: SubscribeOptions): () => void;
  /** Number of live subscribers (for /metrics and tests). */
  readonly size: number;
}

/** Whether a bus is this in-process one (it takes subscribe options and reports its size). */
export const isInProcessBus = (bus: EventBus): bus is InProcessEventBus => 'size' in bus;

const BusOptionsSchema = z.strictObject({
  /** Events a subscriber may have pending before it is dropped. */
  maxQueue: z.number().int().min(1).max(100_000).default(1000),
  /** Most subscribers at once; a further subscribe throws (each is a dashboard tab). */
  maxSubscribers: z.number().int().min(1).max(10_000).default(100),
});
export type BusOptions = z.input<typeof BusOptionsSchema>;

interface Subscriber {
  readonly listener: (event: StoredEvent) => void;
  readonly onDrop: ((reason: 'overflow' | 'error') => void) | undefined;
  queue: StoredEvent[];
  scheduled: boolean;
  live: boolean;
}

export function createEventBus(options: BusOptions = {}): InProcessEventBus {
  const parsed = BusOptionsSchema.safeParse(options);
  if (!parsed.success) throw new MedguardError('MG_CONFIG_INVALID', `event bus options: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { field: 'events' });
  const { maxQueue, maxSubscribers } = parsed.data;
  const subscribers = new Set<Subscriber>();

  const drop = (s: Subscriber, reason: 'overflow' | 'error'): void => {
    if (!s.live) return;
    s.live = false;
    s.queue = [];
    subscribers.delete(s);
    try {
      s.onDrop?.(reason);
    } catch {
      // The subscriber is gone either way; its cleanup failing must not reach the publisher.
    }
  };

  const drain = (s: Subscriber): void => {
    s.scheduled = false;
    const batch = s.queue;
    s.queue = [];
    for (const event of batch) {
      if (!s.live) return;
      try {
        s.listener(event);
      } catch {
        drop(s, 'error');
      }
    }
  };

  return {
    publish(event) {
      for (const s of subscribers) {
        if (s.queue.length >= maxQueue) {
          drop(s, 'overflow');
          continue;
        }
        s.queue.push(event);
        if (!s.scheduled) {
          s.scheduled = true;
          setImmediate(drain, s);
        }
      }
    },
    subscribe(listener, subscribeOptions = {}) {
      if (subscribers.size >= maxSubscribers) throw new MedguardError('MG_CONFIG_INVALID', `event bus: more than ${maxSubscribers} subscribers`, { field: 'events.maxSubscribers' });
      const s: Subscriber = { listener, onDrop: subscribeOptions.onDrop, queue: [], scheduled: false, live: true };
      subscribers.add(s);
      return () => {
        s.live = false;
        s.queue = [];
        subscribers.delete(s);
      };
    },
    get size() {
      return subscribers.size;
    },
  };
}
