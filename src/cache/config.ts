/**
 * The `cache:` section of the gateway config: the Redis that several instances share for rate
 * limits, bans, break-the-glass grants and live-event fan-out. `cache: redis://host:6379` is
 * short for `cache: { url: redis://host:6379 }`.
 */
import { z } from 'zod';

export const CacheConfigSchema = z.strictObject({
  /** redis:// or rediss:// (TLS) URL of the shared Redis. */
  url: z.string().regex(/^rediss?:\/\/[^\s]{1,2000}$/, 'expected a Redis URL such as redis://127.0.0.1:6379'),
  /** Prefix of every key and channel: one Redis can serve several deployments (or test runs). */
  prefix: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected a short name such as "medguard-prod"').default('medguard'),
  /**
   * Redis lost while running: `closed` (default) refuses requests with 503 MG_CACHE_UNAVAILABLE
   * until it is back; `local` keeps serving with per-instance limits (a principal may then get up
   * to N times its rate across N instances, and bans made meanwhile are not seen).
   */
  onLoss: z.enum(['closed', 'local']).default('closed'),
  connectTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  /** A request in flight counts against `maxConcurrent` at most this long if its instance dies. */
  leaseSeconds: z.number().int().min(10).max(86_400).default(600),
});

export type CacheConfig = z.output<typeof CacheConfigSchema>;

/** Accepts the URL string shorthand. */
export const CacheConfigInput = z.preprocess((v) => (typeof v === 'string' ? { url: v } : v), CacheConfigSchema);
