/**
 * Opens a store from a locator: `postgres://...` (or `postgresql://`) is the shared PostgreSQL
 * store, anything else a SQLite file path. A `schema` query parameter on the URL selects the
 * PostgreSQL schema (default `medguard`) and is not passed on to the driver.
 */
import { MedguardError } from '../core/errors.js';
import { isPostgresUrl, openPostgresStore, redactUrl } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  readonly readonly?: boolean;
  readonly durability?: 'full' | 'normal';
  readonly schema?: string;
}

/** Splits `?schema=NAME` off a PostgreSQL URL. */
export function splitSchema(url: string): { url: string; schema: string | undefined } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MedguardError('MG_CONFIG_INVALID', `store: ${redactUrl(url)} is not a valid URL — fix: use postgres://USER[:PASSWORD]@HOST:PORT/DATABASE`, { field: 'store.url' });
  }
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

export async function openStoreAt(locator: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (!isPostgresUrl(locator)) {
    return openSqliteStore(locator, { ...(options.readonly ? { readonly: true } : {}), ...(options.durability ? { durability: options.durability } : {}) });
  }
  const { url, schema } = splitSchema(locator);
  const chosen = options.schema ?? schema;
  return openPostgresStore(url, { ...(chosen ? { schema: chosen } : {}), ...(options.readonly ? { readonly: true } : {}) });
}
