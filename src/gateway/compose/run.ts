/**
 * A running gateway as `medguard serve` starts it: the audit trail (store + signed chain), the
 * authenticator (API keys from the store, JWTs), the limiter, the composed handler and the server, with one `close()`
 * that shuts them down in order (stop accepting, finish in-flight, flush audit, close store).
 */
import { openAudit } from '../../audit/index.js';
import type { GatewayConfig } from '../config/load.js';
import { startServer, type RunningServer } from '../server/index.js';
import type { Authenticator, EventBus } from '../types.js';
import type { OpsHandler } from '../app/deps.js';
import type { KeyStore } from '../../store/types.js';
import { createAuthenticator } from '../identity/authenticator.js';
import { createLimiter } from '../limits/limiter.js';
import { createGateway } from './index.js';

export interface RunOptions {
  readonly listen?: { host: string; port: number };
  readonly authenticator?: (keys: KeyStore) => Authenticator;
  readonly bus?: EventBus;
  readonly ops?: OpsHandler;
  readonly onAuditError?: (e: unknown) => void;
}

export interface RunningGateway {
  readonly server: RunningServer;
  readonly keys: KeyStore;
  readonly publicKeyPath: string | undefined;
  close(): Promise<void>;
}

export async function runGateway(config: GatewayConfig, options: RunOptions = {}): Promise<RunningGateway> {
  const audit = openAudit(config.store, options.onAuditError ? { onError: options.onAuditError } : {});
  try {
    const store = audit.log.store;
    const gateway = createGateway(config, {
      authenticator: options.authenticator ? options.authenticator(store.keys) : createAuthenticator(config.identity, store.keys),
      limiter: createLimiter(config.limits),
      store,
      ...(options.bus ? { bus: options.bus } : {}),
      ...(options.ops ? { ops: options.ops } : {}),
      ...(options.onAuditError ? { onAuditError: options.onAuditError } : {}),
    });
    const server = await startServer(gateway, options.listen ?? config.listen);
    let closing: Promise<void> | undefined;
    return {
      server,
      keys: store.keys,
      publicKeyPath: audit.publicKeyPath,
      close() {
        closing ??= (async () => {
          try {
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
