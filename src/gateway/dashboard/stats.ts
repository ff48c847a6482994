/**
 * Counts by verdict and by finding kind per time bucket, over the store's newest-first query: pages
 * back until the window starts, bounded by `maxEvents` so a busy day cannot make one request
 * unbounded (the answer then says `truncated`).
 */
import type { AuditStore, EventFilter, StoredEvent } from '../../store/types.js';

export const BUCKETS = 30;
const PAGE = 1000;

export interface Bucket {
  readonly start: string;
  readonly verdicts: Record<string, number>;
  readonly kinds: Record<string, number>;
}

export interface Stats {
  readonly window: string;
  readonly bucketSeconds: number;
  readonly from: string;
  readonly to: string;
  readonly buckets: Bucket[];
  readonly totals: { readonly events: number; readonly verdicts: Record<string, number>; readonly kinds: Record<string, number> };
  readonly truncated: boolean;
}

const add = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

export async function computeStats(audit: AuditStore, filter: EventFilter, window: string, seconds: number, now: number, maxEvents = 20_000): Promise<Stats> {
  const bucketMs = (seconds * 1000) / BUCKETS;
  // Align buckets to whole bucket widths so consecutive polls show the same bucket boundaries.
  const to = Math.ceil(now / bucketMs) * bucketMs;
  const from = to - seconds * 1000;
  const buckets: Bucket[] = Array.from({ length: BUCKETS }, (_, i) => ({ start: new Date(from + i * bucketMs).toISOString(), verdicts: {}, kinds: {} }));
  const totals = { events: 0, verdicts: {} as Record<string, number>, kinds: {} as Record<string, number> };
  let before: number | undefined;
  let seen = 0;
  let truncated = false;
  for (;;) {
    const page: StoredEvent[] = await audit.query({ ...filter, ...(before !== undefined ? { beforeSeq: before } : {}), limit: PAGE });
    let older = false;
    for (const e of page) {
      const t = Date.parse(e.time);
      if (t < from) {
        older = true;
        break;
      }
      const b = buckets[Math.min(BUCKETS - 1, Math.floor((t - from) / bucketMs))];
      if (!b) continue;
      totals.events++;
      add(b.verdicts, e.verdict);
      add(totals.verdicts, e.verdict);
      for (const k of new Set(e.findings.map((f) => f.kind))) {
        add(b.kinds, k);
        add(totals.kinds, k);
      }
    }
    seen += page.length;
    const last = page[page.length - 1];
    if (older || page.length < PAGE || !last) break;
    if (seen >= maxEvents) {
      truncated = true;
      break;
    }
    before = last.seq;
  }
  return { window, bucketSeconds: bucketMs / 1000, from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets, totals, truncated };
}
