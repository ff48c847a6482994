/**
 * Opens the audit trail the config describes: the SQLite store, the head-signing key (created on
 * first start) and the AuditLog that ties them together. The gateway composes `log.store`.
 */
import { dirname, join } from 'node:path';
import type { AuditConfig } from '../gateway/config/audit.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { createHeadSigner } from './head.js';
import { loadOrCreateSigningKey, publicKeyPathFor } from './keyfile.js';
import { AuditLog } from './log.js';

export const DEFAULT_KEY_NAME = 'audit-signing.key';

export const signingKeyPathFor = (config: Pick<AuditConfig, 'path' | 'signingKeyPath'>): string =>
  config.signingKeyPath ?? join(dirname(config.path), DEFAULT_KEY_NAME);

export interface OpenedAudit {
  readonly log: AuditLog;
  /** Where verifiers find the public key (copy it somewhere the gateway host cannot write). */
  readonly publicKeyPath: string | undefined;
  readonly keyCreated: boolean;
  /** Signs a final head, then closes the store. */
  close(): Promise<void>;
}

/** The fields the audit log itself reads (the rest of `store:` picks and tunes the store). */
export type AuditLogConfig = Pick<AuditConfig, 'path' | 'durability' | 'sign' | 'signingKeyPath' | 'headSignIntervalEvents' | 'headSignIntervalSeconds'>;

export function openAudit(config: AuditLogConfig, options: { onError?: (e: unknown) => void } = {}): OpenedAudit {
  return auditOver(openSqliteStore(config.path, { durability: config.durability }), config, options);
}

/** The signed audit log over an already opened store (SQLite or PostgreSQL). */
export function auditOver(store: Store, config: AuditLogConfig, options: { onError?: (e: unknown) => void } = {}): OpenedAudit {
  let signer;
  let keyPath: string | undefined;
  let created = false;
  try {
    if (config.sign) {
      keyPath = signingKeyPathFor(config);
      const key = loadOrCreateSigningKey(keyPath);
      created = key.created;
      signer = createHeadSigner(key.privateKey);
    }
  } catch (e) {
    void store.close();
    throw e;
  }
  const log = new AuditLog(store, {
    ...(signer ? { signer } : {}),
    everyEvents: config.headSignIntervalEvents,
    everySeconds: config.headSignIntervalSeconds,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    log,
    publicKeyPath: keyPath === undefined ? undefined : publicKeyPathFor(keyPath),
    keyCreated: created,
    async close() {
      try {
        await log.close();
      } finally {
        await store.close();
      }
    },
  };
}
