/** What the API-key commands share: opening the key store and reading `--expires`. */
import { MedguardError } from '../../../core/errors.js';
import { AuditConfigSchema } from '../../../gateway/config/audit.js';
import { openSqliteStore } from '../../../store/sqlite/index.js';
import type { KeyStore } from '../../../store/types.js';

/** The gateway's default `store.path`, so `keys` and `serve` agree without flags. */
export const DEFAULT_KEY_STORE = AuditConfigSchema.parse({}).path;

export async function withKeyStore<T>(path: string | undefined, run: (keys: KeyStore) => Promise<T>): Promise<T> {
  const store = openSqliteStore(path ?? DEFAULT_KEY_STORE, { durability: 'full' });
  try {
    return await run(store.keys);
  } finally {
    await store.close();
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30d`, `12h`, `90m`, or an ISO date/time (`2027-01-31`, `2027-01-31T18:00:00Z`). */
export function parseExpiry(value: string, now: Date): Date {
  const rel = /^(\d{1,5})([mhd])$/.exec(value);
  if (rel) {
    const ms = Number(rel[1]) * (UNIT_MS[rel[2] ?? 'd'] ?? 0);
    if (ms <= 0) throw new MedguardError('MG_USAGE', '--expires must be a positive duration such as 30d', { field: '--expires' });
    return new Date(now.getTime() + ms);
  }
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new MedguardError('MG_USAGE', '--expires must be a duration (30d, 12h, 90m) or an ISO date such as 2027-01-31', { field: '--expires' });
}

/** Text a key's owner chose: bounded, printable, single line. */
export function label(value: string | undefined, flag: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value.length === 0 || value.length > max || /[\p{Cc}\p{Cf}]/u.test(value)) {
    throw new MedguardError('MG_USAGE', `${flag} must be 1-${max} printable characters on one line`, { field: flag });
  }
  return value;
}
