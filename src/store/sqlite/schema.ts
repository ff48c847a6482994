/**
 * Versioned schema migrations, run at open inside one transaction each. A database whose version
 * is newer than the last migration here was written by a newer medguard: refuse it rather than
 * write rows an older chain format would get wrong.
 */
import type { Database } from 'better-sqlite3';
import { MedguardError } from '../../core/errors.js';

export const MIGRATIONS: readonly string[] = [
  // 1: events (chained), the finding kinds index, signed heads, API keys.
  `CREATE TABLE events (
     seq INTEGER PRIMARY KEY,
     time TEXT NOT NULL,
     request_id TEXT NOT NULL,
     principal TEXT,
     route TEXT NOT NULL,
     verdict TEXT NOT NULL,
     status INTEGER NOT NULL,
     canonical TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX events_principal ON events (principal, seq);
   CREATE INDEX events_route ON events (route, seq);
   CREATE INDEX events_verdict ON events (verdict, seq);
   CREATE TABLE event_kinds (
     kind TEXT NOT NULL,
     family TEXT NOT NULL,
     seq INTEGER NOT NULL,
     PRIMARY KEY (kind, seq)
   ) WITHOUT ROWID;
   CREATE INDEX event_kinds_family ON event_kinds (family, seq);
   CREATE TABLE heads (
     seq INTEGER NOT NULL,
     hash TEXT NOT NULL,
     signed_at TEXT NOT NULL,
     key_id TEXT NOT NULL,
     signature TEXT NOT NULL,
     PRIMARY KEY (seq, key_id)
   );
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     patient TEXT,
     secret_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT,
     revoked_at TEXT
   );`,
  // 2: one row per (family, event), so a family filter pages newest-first through an index
  // instead of de-duplicating kinds.
  `CREATE TABLE event_families (
     family TEXT NOT NULL,
     seq INTEGER NOT NULL,
     PRIMARY KEY (family, seq)
   ) WITHOUT ROWID;
   INSERT OR IGNORE INTO event_families (family, seq) SELECT family, seq FROM event_kinds;
   DROP INDEX event_kinds_family;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
  // One IMMEDIATE transaction around read-and-upgrade: two processes opening a fresh file at once
  // must not both run migration 1.
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new MedguardError('MG_STORE_SCHEMA', `the store has schema version ${current} but this medguard knows up to ${SCHEMA_VERSION}; upgrade medguard`);
    }
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v - 1] ?? '');
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(v);
    }
  }).immediate();
}
