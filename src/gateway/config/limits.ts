/**
 * `limits:` — per-principal request rate, token quota and concurrency, plus request-shape caps.
 * The first six field names are the ones G1's first version shipped (the body fields are read by
 * the gateway's parse stage); the rest were added compatibly.
 */
import { z } from 'zod';

const Count = z.number().int().min(0);

/** Per-route overrides; a route with any override gets its own per-principal counters. */
export const RouteLimitsSchema = z.strictObject({
  requestsPerMinute: Count.optional(),
  burst: z.number().int().min(1).optional(),
  maxConcurrent: Count.optional(),
  tokensPerDay: Count.optional(),
});

export const LimitsSchema = z.strictObject({
  /** Request bodies larger than this are refused with 413 before parsing. */
  maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** JSON nested deeper than this is refused with 400 (objects and arrays both count). */
  maxJsonDepth: z.number().int().min(4).max(256).default(32),
  /** Chat requests with more messages than this are refused with 413. */
  maxMessages: z.number().int().min(1).max(10_000).default(512),
  /** Any single JSON string longer than this (in UTF-16 units) is refused with 413. */
  maxStringChars: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Per principal, as a token bucket refilled at this rate; 0 disables. */
  requestsPerMinute: Count.default(600),
  /** Bucket size: how many requests may arrive at once after a quiet spell (default: requestsPerMinute). */
  burst: z.number().int().min(1).optional(),
  /** Per principal; 0 disables. */
  maxConcurrent: Count.default(16),
  /** Per principal, refilled continuously over 24 h (charged after each answer); 0 disables. */
  tokensPerDay: Count.default(0),
  /** Count each route separately for every principal (default: one budget across routes). */
  perRoute: z.boolean().default(false),
  routes: z.record(z.string().min(1).max(64), RouteLimitsSchema).default({}),
  /** Upper bound on principals tracked at once; idle ones are forgotten first. */
  maxPrincipals: z.number().int().min(100).max(10_000_000).default(100_000),
});

export type LimitsConfig = z.output<typeof LimitsSchema>;
export type RouteLimits = z.output<typeof RouteLimitsSchema>;
