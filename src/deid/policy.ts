import { z } from 'zod';
import { MedguardError } from '../core/errors.js';
import type { DateOrder } from './surrogates/dates.js';
import { DEID_ACTIONS, type DeidAction } from './types.js';

const Action = z.enum(DEID_ACTIONS as [DeidAction, ...DeidAction[]]);

/** The de-identification policy as written in a policy file or passed to `deidentify`. */
export const PolicySchema = z.strictObject({
  /** Action for every type without its own entry (default `redact`). */
  defaultAction: Action.optional(),
  /** Per-type actions, e.g. `{ "NAME": "pseudonymize", "DATE": "pseudonymize", "SECRET": "redact" }`. */
  actions: z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'type names are upper-case, like NAME or KR_RRN'), Action).optional(),
  /** HMAC key for `hash` and `pseudonymize`: 64 hex digits, or any string of at least 16 characters. */
  key: z.string().min(16, 'key must be at least 16 characters').optional(),
  /** Scopes the date offset: one patient, one consistent shift (default: one shift per key). */
  patientId: z.string().max(256).optional(),
  /** Findings scoring below this are left alone (default 0.5). */
  minScore: z.number().min(0).max(1).optional(),
  /** How to read ambiguous numeric dates such as 03/04/2023 (default `mdy`). */
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  /** Detector families to run in `deidentify` (default all three). */
  families: z.array(z.enum(['phi', 'secrets', 'genomic'])).min(1).optional(),
});

export type DeidPolicy = z.input<typeof PolicySchema>;

export interface ResolvedPolicy {
  readonly actionFor: (type: string) => DeidAction;
  readonly key: Buffer | undefined;
  readonly patientId: string;
  readonly minScore: number;
  readonly dateOrder: DateOrder;
  readonly families: readonly ('phi' | 'secrets' | 'genomic')[];
}

/**
 * Under a `pseudonymize` default, secrets are redacted instead: a look-alike API key gains nothing
 * and the real one would sit in the vault. A per-type entry in `actions` overrides this.
 */
export const PSEUDONYMIZE_OVERRIDES: Readonly<Record<string, DeidAction>> = Object.freeze({ SECRET: 'redact' });

export function resolvePolicy(policy: DeidPolicy = {}): ResolvedPolicy {
  const parsed = PolicySchema.safeParse(policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'policy';
    throw new MedguardError('MG_CONFIG_INVALID', `policy.${field}: ${issue?.message ?? 'invalid'}`, { field: `policy.${field}` });
  }
  const p = parsed.data;
  const fallback = p.defaultAction ?? 'redact';
  const actions = { ...(fallback === 'pseudonymize' ? PSEUDONYMIZE_OVERRIDES : {}), ...(p.actions ?? {}) };
  const actionFor = (type: string): DeidAction => actions[type] ?? fallback;
  const key = p.key === undefined ? undefined : /^[0-9a-fA-F]{64}$/.test(p.key) ? Buffer.from(p.key, 'hex') : Buffer.from(p.key, 'utf8');
  return { actionFor, key, patientId: p.patientId ?? '', minScore: p.minScore ?? 0.5, dateOrder: p.dateOrder ?? 'mdy', families: p.families ?? ['phi', 'secrets', 'genomic'] };
}
