/**
 * The embedded store: one SQLite file in WAL mode (readers never block the gateway's appends).
 *
 * synchronous=FULL by default: in WAL mode NORMAL may lose the last commits on power loss. For an
 * audit trail that is worse than the fsync it saves: a head may already be signed over an event the
 * disk then forgets, and the next verification reports honest data as truncated. `durability:
 * 'normal'` trades that for throughput where the operator accepts it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MedguardError } from '../../core/errors.js';
import type { Store } from '../types.js';
import { sqliteAuditStore } from './audit.js';
import { sqliteKeyStore } from './keys.js';
import { migrate, SCHEMA_VERSION } from './schema.js';

export interface SqliteStoreOptions {
  /** `full` (default) fsyncs every commit; `normal` may lose the newest events on power loss. */
  readonly durability?: 'full' | 'normal';
  /** Open an existing file read-only (verify, export); no migrations run. */
  readonly readonly?: boolean;
  /** How long a writer waits for another process's lock before failing. */
  readonly busyTimeoutMs?: number;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  let db: Database.Database;
  try {
    if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (e) {
    throw new MedguardError('MG_STORE', `the store could not be opened${readonly ? ' (does the file exist?)' : ''}; check store.path and its folder's permissions`, { cause: e });
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.durability === 'normal' ? 'NORMAL' : 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db);
    } else {
      checkReadable(db);
    }
  } catch (e) {
    db.close();
    if (e instanceof MedguardError) throw e;
    throw new MedguardError('MG_STORE', 'the store file is not a medguard store or is damaged', { cause: e });
  }
  return {
    kind: 'sqlite',
    audit: sqliteAuditStore(db),
    keys: sqliteKeyStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}

function checkReadable(db: Database.Database): void {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const v = row.v ?? 0;
  if (v > SCHEMA_VERSION) throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v} but this medguard knows up to ${SCHEMA_VERSION}; upgrade medguard`);
  if (v < SCHEMA_VERSION) throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v}; open it once read-write (start the gateway) to upgrade it`);
}
