/**
 * A running gateway as `medguard serve` starts it: the audit trail (store + signed chain), the
 * authenticator (API keys from the store, JWTs), the limiter, operations (health, metrics, logs,
 * dashboard, event bus), the composed handler and the server, with one `close()` that shuts them
 * down in order (live streams, stop accepting, finish in-flight, flush audit, close store).
 */
import { openSharedState, type SharedState } from '../../cache/compose.js';
import type { KeyStore } from '../../store/types.js';
import type { GatewayConfig } from '../config/load.js';
import { createAuthenticator } from '../identity/authenticator.js';
import { createOperations, type LoggerOptions, type Operations } from '../ops/index.js';
import { startServer, type RunningServer } from '../server/index.js';
import type { Authenticator } from '../types.js';
import { createGateway } from './index.js';

export interface RunOptions {
  readonly listen?: { host: string; port: number };
  /** Replaces the config's identity (tests, or an embedding application). */
  readonly authenticator?: (keys: KeyStore) => Authenticator;
  /** The dashboard admin key; default: the env var named by `dashboard.adminKeyEnv`. */
  readonly adminKey?: string;
  /** The JSON exchange log (default off here; `medguard serve` turns it on). */
  readonly log?: LoggerOptions | false;
  readonly env?: NodeJS.ProcessEnv;
  readonly onAuditError?: (e: unknown) => void;
}

export interface RunningGateway {
  readonly server: RunningServer;
  readonly keys: KeyStore;
  readonly operations: Operations;
  readonly publicKeyPath: string | undefined;
  /** Store, limiter, bans, grants and event bus: shared with other instances via PostgreSQL/Redis when configured. */
  readonly shared: SharedState;
  close(): Promise<void>;
}

export async function runGateway(config: GatewayConfig, options: RunOptions = {}): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  const shared = await openSharedState(config, options.onAuditError ? { onAuditError: options.onAuditError } : {});
  const audit = shared.audit;
  try {
    const store = audit.log.store;
    const operations = createOperations({ config, store, env, bus: shared.bus, log: options.log ?? false, ...(shared.postgres ? { storeHealth: shared.postgres } : {}), ...(options.adminKey ? { adminKey: options.adminKey } : {}) });
    const gateway = createGateway(config, {
      authenticator: options.authenticator ? options.authenticator(store.keys) : createAuthenticator(config.identity, store.keys, { env }),
      limiter: shared.limiter,
      ...(shared.pseudonymKey ? { pseudonymKey: shared.pseudonymKey } : {}),
      store,
      bus: operations.bus,
      ops: operations.handler,
      onExchange: (event) => operations.observeExchange(event),
      env,
      ...(options.onAuditError ? { onAuditError: options.onAuditError } : {}),
    });
    const server = await startServer(gateway, options.listen ?? config.listen);
    let closing: Promise<void> | undefined;
    return {
      server,
      keys: store.keys,
      operations,
      publicKeyPath: audit.publicKeyPath,
      shared,
      close() {
        closing ??= (async () => {
          try {
            operations.close();
            await server.close();
          } finally {
            await shared.close();
          }
        })();
        return closing;
      },
    };
  } catch (e) {
    await shared.close();
    throw e;
  }
}
