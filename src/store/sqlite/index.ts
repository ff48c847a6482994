/**
 * The embedded store: one SQLite file in WAL mode (readers never block the gateway's appends).
 *
 * Durability, measured on this project's CI-class VM (docs/AUDIT.md): synchronous=FULL fsyncs
 * every event (~6 ms each, ~170 events/s, and better-sqlite3 blocks the event loop meanwhile);
 * NORMAL does not fsync events (~0.5 ms) but a power loss (not a crash: a killed process loses
 * nothing committed) may take back the newest ones. The default is NORMAL for events with every
 * signed head committed FULL: that fsync also makes all events before the head durable, so what a
 * power loss can take is exactly the unsigned tail, the part the signatures never vouched for.
 * `durability: 'full'` makes every event durable for deployments that need it and can afford it.
 * Appends are group-committed (group-commit.ts): one transaction, and with `full` one fsync, per
 * batch of events finished in the same event-loop turn, so `full` costs one fsync per batch.
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
  /** `normal` (default): events are fsynced with each signed head; `full`: every event is fsynced. */
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
      db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
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
  const audit = sqliteAuditStore(db, { syncHeads: !readonly && options.durability !== 'full' });
  return {
    kind: 'sqlite',
    audit,
    keys: sqliteKeyStore(db),
    async close() {
      if (!db.open) return;
      // Appends still queued for this turn's group commit are written before the file closes.
      audit.flush();
      db.close();
    },
  };
}

function checkReadable(db: Database.Database): void {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  const v = row.v ?? 0;
  if (v > SCHEMA_VERSION) throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v} but this medguard knows up to ${SCHEMA_VERSION}; upgrade medguard`);
  if (v < SCHEMA_VERSION) throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${v}; open it once read-write (start the gateway) to upgrade it`);
}
