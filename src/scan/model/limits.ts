import type { ScanLimits } from './types.js';

export const DEFAULT_LIMITS: ScanLimits = {
  maxDepth: 6,
  maxExpandedBytes: 8 * 1024 ** 3,
  maxRatio: 200,
  maxMemberInMemory: 64 * 1024 ** 2,
};

/** Members below this size are never called bombs by ratio alone (a 4 KB zero page compresses 1000:1). */
export const RATIO_MIN_BYTES = 1024 ** 2;
