/**
 * The EventBus across instances: every stored event is published on a Redis channel, and every
 * instance (the publisher included) delivers what arrives to its local subscribers through the
 * in-process bus (bounded queues, slow dashboards dropped). So each dashboard sees every
 * instance's events. If Redis is away, events still reach this instance's own dashboards.
 */
import type { Redis } from 'ioredis';
import type { StoredEvent } from '../../store/types.js';
import type { InProcessEventBus, SubscribeOptions } from '../../gateway/events/bus.js';
import type { RedisCache } from './client.js';

/** An event larger than this on the channel is ignored (it cannot be ours). */
const MAX_MESSAGE_CHARS = 1024 * 1024;

export interface RedisEventBus extends InProcessEventBus {
  close(): Promise<void>;
}

export async function createRedisEventBus(cache: RedisCache, local: InProcessEventBus): Promise<RedisEventBus> {
  const channel = cache.key('events');
  const sub: Redis = cache.subscriber();
  sub.on('message', (ch: string, message: string) => {
    if (ch !== channel || message.length > MAX_MESSAGE_CHARS) return;
    let event: StoredEvent;
    try {
      event = JSON.parse(message) as StoredEvent;
    } catch {
      return;
    }
    if (typeof event !== 'object' || event === null || typeof event.seq !== 'number') return;
    local.publish(event);
  });
  await sub.subscribe(channel);
  return {
    publish(event) {
      if (!cache.connected) {
        local.publish(event);
        return;
      }
      cache.client.publish(channel, JSON.stringify(event)).catch(() => local.publish(event));
    },
    subscribe(listener: (event: StoredEvent) => void, options?: SubscribeOptions) {
      return local.subscribe(listener, options);
    },
    get size() {
      return local.size;
    },
    async close() {
      sub.disconnect();
    },
  };
}
