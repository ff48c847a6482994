/**
 * A token bucket: `capacity` units, refilled continuously at `perSecond`. Requests take 1 unit;
 * token quotas are charged after the fact and may drive the level below zero (the next request
 * then waits until it is positive again). Time is passed in, so tests need no clock.
 */
export interface Bucket {
  readonly capacity: number;
  readonly perSecond: number;
  level: number;
  at: number;
}

export const newBucket = (capacity: number, perSecond: number, nowMs: number): Bucket => ({ capacity, perSecond, level: capacity, at: nowMs });

export function refill(b: Bucket, nowMs: number): void {
  if (nowMs > b.at) {
    b.level = Math.min(b.capacity, b.level + ((nowMs - b.at) / 1000) * b.perSecond);
    b.at = nowMs;
  }
}

/** Seconds until the level reaches `need` (0 when it already has). */
export function secondsUntil(b: Bucket, need: number): number {
  return b.level >= need ? 0 : (need - b.level) / b.perSecond;
}

/** Takes one unit, or answers how many seconds until one is there. */
export function take(b: Bucket, nowMs: number): { ok: true } | { ok: false; retryAfter: number } {
  refill(b, nowMs);
  if (b.level >= 1) {
    b.level -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfter: secondsUntil(b, 1) };
}

export const isFull = (b: Bucket, nowMs: number): boolean => {
  refill(b, nowMs);
  return b.level >= b.capacity;
};
