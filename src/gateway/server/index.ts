/**
 * node:http(s) around the gateway handler, with graceful shutdown: stop accepting, let in-flight
 * exchanges finish (and write their audit events), then close idle keep-alive sockets.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { MedguardError } from '../../core/errors.js';
import type { Gateway } from '../compose/index.js';

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes everything. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(gateway: Gateway, listen: { host: string; port: number } = gateway.config.listen): Promise<RunningServer> {
  const tls = gateway.config.listen.tls;
  // Exchanges still running (their audit write comes after the response): close() waits for them.
  const inFlight = new Set<Promise<void>>();
  const handler = (req: Parameters<Gateway['handler']>[0], res: Parameters<Gateway['handler']>[1]): void => {
    const p = gateway.handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  let server: Server;
  if (tls) {
    let cert: Buffer;
    let key: Buffer;
    try {
      cert = readFileSync(tls.cert);
      key = readFileSync(tls.key);
    } catch {
      throw new MedguardError('MG_CONFIG_INVALID', 'listen.tls: the certificate or key file cannot be read — fix: check listen.tls.cert and listen.tls.key', { field: 'listen.tls' });
    }
    server = createHttpsServer({ cert, key }, handler);
  } else {
    server = createHttpServer(handler);
  }
  server.headersTimeout = 30_000;
  // Receiving the request (not answering it: streams may run long) must finish within a minute.
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `${tls ? 'https' : 'http'}://${host}:${addr.port}`,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await Promise.all([...inFlight]);
      await gateway.close();
    },
  };
}
