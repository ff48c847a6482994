/** What the API-key commands share: opening the key store and reading `--expires`. */
import { MedguardError } from '../../../core/errors.js';
import { AuditConfigSchema } from '../../../gateway/config/audit.js';
import { loadConfigFile } from '../../../gateway/config/load.js';
import { openStoreAt } from '../../../store/open.js';
import { openPostgresStore } from '../../../store/postgres/index.js';
import type { KeyStore, Store } from '../../../store/types.js';

/** The gateway's default `store.path`, so `keys` and `serve` agree without flags. */
export const DEFAULT_KEY_STORE = AuditConfigSchema.parse({}).path;

/** The option text every keys command shows, so the three usages cannot drift apart. */
export const STORE_OPTIONS = `  --config FILE      take the store from this gateway config's store: field (SQLite or PostgreSQL)
  --store PATH|URL   a SQLite file or postgres://USER@HOST:PORT/DB[?schema=NAME]
                     (default ${DEFAULT_KEY_STORE})`;

export const STORE_ARGS = { store: { type: 'string' }, config: { type: 'string' } } as const;

export interface StoreChoice {
  readonly store?: string | undefined;
  readonly config?: string | undefined;
}

/**
 * Opens the store a gateway would: from `--config` the same `store:` the gateway reads (so keys
 * issued here are the keys every instance on that PostgreSQL sees), else `--store`, else the
 * default SQLite file. One connection is enough for one command.
 */
async function openKeyStore(choice: StoreChoice): Promise<Store> {
  if (choice.store !== undefined && choice.config !== undefined) {
    throw new MedguardError('MG_USAGE', 'use either --store or --config, not both', { field: '--store' });
  }
  if (choice.config !== undefined) {
    const s = loadConfigFile(choice.config).store;
    if (s.url !== undefined) return openPostgresStore(s.url, { schema: s.schema, poolSize: 1 });
    return openStoreAt(s.path, { durability: 'full' });
  }
  return openStoreAt(choice.store ?? DEFAULT_KEY_STORE, { durability: 'full' });
}

export async function withKeyStore<T>(choice: StoreChoice, run: (keys: KeyStore) => Promise<T>): Promise<T> {
  const store = await openKeyStore(choice);
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
