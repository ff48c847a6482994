/**
 * Opens the state a gateway instance shares with the others, from its config: the audit store
 * (SQLite, or PostgreSQL with `store.url`, wrapped in its `onLoss` mode), and with `cache.url` the
 * Redis limiter, bans, grants and event fan-out. Without them everything stays in-process, as a
 * single instance needs. Unreachable at start: MG_STORE_UNAVAILABLE / MG_CACHE_UNAVAILABLE naming
 * `store.url` / `cache.url`, and nothing is left open.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditOver, openAudit, type OpenedAudit } from '../audit/open.js';
import type { GatewayConfig } from '../gateway/config/load.js';
import { createEventBus, type InProcessEventBus } from '../gateway/events/bus.js';
import { createLimiter } from '../gateway/limits/limiter.js';
import type { Limiter } from '../gateway/types.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { resilientStore, type ResilientStore } from '../store/postgres/resilient.js';
import { isConnectionLoss } from '../store/postgres/errors.js';
import { gatedLimiter, resilientKeys } from './gate.js';
import { memoryBanList, memoryGrantStore } from './memory.js';
import { createRedisEventBus, type RedisEventBus } from './redis/bus.js';
import { openRedisCache, type RedisCache } from './redis/client.js';
import { createRedisLimiter } from './redis/limiter.js';
import { redisBanList, redisGrantStore } from './redis/shared.js';
import type { BanList, GrantStore } from './types.js';

export interface SharedState {
  readonly audit: OpenedAudit;
  readonly limiter: Limiter;
  readonly bus: InProcessEventBus;
  readonly bans: BanList;
  readonly grants: GrantStore;
  /** The pseudonym key every instance shares (PostgreSQL only): equal values get equal surrogates everywhere. */
  readonly pseudonymKey: Buffer | undefined;
  /** The PostgreSQL store with its spool, when `store.url` is set. */
  readonly postgres: ResilientStore | undefined;
  readonly redis: RedisCache | undefined;
  close(): Promise<void>;
}

export interface SharedOptions {
  readonly onAuditError?: (e: unknown) => void;
  /** Told when the store or the cache is lost or back. */
  readonly onState?: (what: 'store' | 'cache', up: boolean) => void;
}

export async function openSharedState(config: GatewayConfig, options: SharedOptions = {}): Promise<SharedState> {
  const s = config.store;
  const auditOptions = options.onAuditError ? { onError: options.onAuditError } : {};
  let postgres: ResilientStore | undefined;
  let audit: OpenedAudit;
  let pseudonymKey: Buffer | undefined;
  if (s.url !== undefined) {
    const pg = await openPostgresStore(s.url, { schema: s.schema, poolSize: s.poolSize });
    try {
      if (s.sharedPseudonymKey) pseudonymKey = await pg.sharedSecret('pseudonym-key');
      const spoolPath = s.spoolPath ?? join(dirname(s.path), 'audit-spool.jsonl');
      if (s.onLoss === 'spool') mkdirSync(dirname(spoolPath), { recursive: true, mode: 0o700 });
      postgres = resilientStore(pg, { onLoss: s.onLoss, spoolPath, onState: (up) => options.onState?.('store', up) });
      const p = postgres;
      const keys = resilientKeys(p.keys, { mode: s.onLoss, isLoss: isConnectionLoss, onLoss: () => p.noteLoss() });
      audit = auditOver({ kind: 'postgres', audit: p.audit, keys, close: () => p.close() }, s, auditOptions);
    } catch (e) {
      await pg.close();
      throw e;
    }
  } else {
    audit = openAudit(s, auditOptions);
  }
  const storeOpen = postgres && s.onLoss === 'closed' ? (p: ResilientStore) => () => p.available : undefined;
  const c = config.cache;
  if (c === undefined) {
    const bans = memoryBanList();
    return {
      audit,
      limiter: gatedLimiter(createLimiter(config.limits), { bans, ...(storeOpen && postgres ? { storeOpen: storeOpen(postgres) } : {}) }),
      bus: createEventBus(),
      bans,
      grants: memoryGrantStore(),
      pseudonymKey,
      postgres,
      redis: undefined,
      close: () => audit.close(),
    };
  }
  let redis: RedisCache;
  let bus: RedisEventBus;
  try {
    redis = await openRedisCache(c.url, { prefix: c.prefix, connectTimeoutMs: c.connectTimeoutMs });
    bus = await createRedisEventBus(redis, createEventBus());
  } catch (e) {
    await audit.close();
    throw e;
  }
  const limiter = createRedisLimiter(redis, config.limits, { onLoss: c.onLoss, leaseSeconds: c.leaseSeconds, onState: (up) => options.onState?.('cache', up) });
  return {
    audit,
    limiter: gatedLimiter(limiter, storeOpen && postgres ? { storeOpen: storeOpen(postgres) } : {}),
    bus,
    bans: redisBanList(redis),
    grants: redisGrantStore(redis),
    pseudonymKey,
    postgres,
    redis,
    async close() {
      try {
        await audit.close();
      } finally {
        await bus.close();
        await redis.close();
      }
    },
  };
}
