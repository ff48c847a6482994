/**
 * A running gateway as `medguard serve` starts it: the audit trail (store + signed chain), the
 * authenticator (API keys from the store, JWTs), the limiter, operations (health, metrics, logs,
 * dashboard, event bus), the composed handler and the server, with one `close()` that shuts them
 * down in order (live streams, stop accepting, finish in-flight, flush audit, close store).
 */
import { openAudit } from '../../audit/index.js';
import type { KeyStore } from '../../store/types.js';
import type { GatewayConfig } from '../config/load.js';
import { createAuthenticator } from '../identity/authenticator.js';
import { createLimiter } from '../limits/limiter.js';
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
  close(): Promise<void>;
}

export async function runGateway(config: GatewayConfig, options: RunOptions = {}): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  const audit = openAudit(config.store, options.onAuditError ? { onError: options.onAuditError } : {});
  try {
    const store = audit.log.store;
    const operations = createOperations({ config, store, env, log: options.log ?? false, ...(options.adminKey ? { adminKey: options.adminKey } : {}) });
    const gateway = createGateway(config, {
      authenticator: options.authenticator ? options.authenticator(store.keys) : createAuthenticator(config.identity, store.keys, { env }),
      limiter: createLimiter(config.limits),
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
      close() {
        closing ??= (async () => {
          try {
            operations.close();
            await server.close();
          } finally {
            await audit.close();
          }
        })();
        return closing;
      },
    };
  } catch (e) {
    await audit.close();
    throw e;
  }
}
