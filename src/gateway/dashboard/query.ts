/**
 * Query parameters of the dashboard API, validated at the edge: each is optional, bounded in
 * length and shape, and an invalid one is a 400 naming the parameter (never echoing its value).
 */
import { z } from 'zod';
import type { EventFilter } from '../../store/types.js';

const VERDICTS = ['allow', 'alert', 'redact', 'pseudonymize', 'block', 'error'] as const;

const FilterSchema = z.strictObject({
  principal: z.string().min(1).max(128).optional(),
  route: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).optional(),
  kind: z.string().regex(/^[a-z]{2,20}(\.[A-Za-z0-9_]{1,64})?$/).optional(),
  verdict: z.enum(VERDICTS).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const WINDOWS: Readonly<Record<string, number>> = { '15m': 900, '1h': 3600, '6h': 21_600, '24h': 86_400, '7d': 604_800 };

const StatsSchema = FilterSchema.omit({ before: true, limit: true }).extend({
  window: z.enum(Object.keys(WINDOWS) as [string, ...string[]]).default('1h'),
});

export type QueryResult<T> = { ok: true; value: T } | { ok: false; param: string };

function params(search: URLSearchParams): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [k, v] of search) {
    if (k in out) return k;
    // An empty parameter is a filter left blank in the page, not a filter on the empty string.
    if (v !== '') out[k] = v;
  }
  return out;
}

export function parseFilter(search: URLSearchParams): QueryResult<EventFilter> {
  const p = params(search);
  if (typeof p === 'string') return { ok: false, param: p };
  const r = FilterSchema.safeParse(p);
  if (!r.success) return { ok: false, param: String(r.error.issues[0]?.path[0] ?? r.error.issues[0]?.code ?? 'query') };
  const { before, limit, ...rest } = r.data;
  return { ok: true, value: { ...rest, ...(before !== undefined ? { beforeSeq: before } : {}), limit: limit ?? 100 } };
}

export interface StatsQuery {
  readonly window: string;
  readonly seconds: number;
  readonly filter: EventFilter;
}

export function parseStats(search: URLSearchParams): QueryResult<StatsQuery> {
  const p = params(search);
  if (typeof p === 'string') return { ok: false, param: p };
  const r = StatsSchema.safeParse(p);
  if (!r.success) return { ok: false, param: String(r.error.issues[0]?.path[0] ?? r.error.issues[0]?.code ?? 'query') };
  const { window, ...filter } = r.data;
  return { ok: true, value: { window, seconds: WINDOWS[window] ?? 3600, filter } };
}
