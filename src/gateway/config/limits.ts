/**
 * G3 (limits): G1 wrote this minimal schema so the gateway config could load before your part
 * landed. It is yours: extend or replace it (keep the export names `LimitsSchema`, `LimitsConfig`
 * and the three body fields, which the gateway's parse stage reads).
 */
import { z } from 'zod';

export const LimitsSchema = z.strictObject({
  /** Request bodies larger than this are refused with 413 before parsing. */
  maxBodyBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** JSON nested deeper than this is refused with 400 (objects and arrays both count). */
  maxJsonDepth: z.number().int().min(4).max(256).default(32),
  /** Chat requests with more messages than this are refused with 413. */
  maxMessages: z.number().int().min(1).max(10_000).default(512),
  /** Per principal; 0 disables. */
  requestsPerMinute: z.number().int().min(0).default(600),
  /** Per principal; 0 disables. */
  maxConcurrent: z.number().int().min(0).default(16),
  /** Per principal per day; 0 disables. */
  tokensPerDay: z.number().int().min(0).default(0),
});

export type LimitsConfig = z.output<typeof LimitsSchema>;
