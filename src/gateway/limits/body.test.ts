import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { GatewayError } from '../types.js';
import { checkJsonShape, readBodyLimited } from './body.js';

const MB = 1024 * 1024;
const limits = { maxDepth: 32, maxMessages: 4, maxStringChars: 1000 };

interface Seen {
  status: number;
  bytesRead: number;
  body?: Buffer;
}

/** A loopback server that reads each body under `max` and answers 413 with connection: close. */
async function withServer(max: number, run: (port: number, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    readBodyLimited(req, max).then(
      (body) => {
        seen.push({ status: 200, bytesRead: req.socket.bytesRead, body });
        res.end('ok');
      },
      (e: GatewayError) => {
        seen.push({ status: e.status, bytesRead: req.socket.bytesRead });
        res.writeHead(e.status, { connection: 'close', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: e.code } }));
        res.on('finish', () => req.socket.destroy());
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run((server.address() as AddressInfo).port, seen);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Streams `total` bytes (chunked, honouring backpressure) and resolves with the status, if any arrives. */
function upload(port: number, total: number, headers: Record<string, string> = {}): Promise<{ status: number | undefined; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | undefined;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => resolve({ status, sent }));
    });
    req.on('error', () => resolve({ status, sent }));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = (): void => {
      while (sent < total && status === undefined) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= total) req.end();
    };
    pump();
  });
}

describe('readBodyLimited', () => {
  it('answers 413 to a streamed 10 MB body under a 1 MB cap without reading it all', async () => {
    await withServer(MB, async (port, seen) => {
      const r = await upload(port, 10 * MB);
      assert.equal(r.status, 413);
      assert.equal(seen[0]?.status, 413);
      // The reader stopped soon after the cap: far less than the 10 MB offered had reached the server.
      assert.ok((seen[0]?.bytesRead ?? Infinity) < 3 * MB, `read ${seen[0]?.bytesRead}`);
    });
  });

  it('refuses on a declared content-length before reading anything', async () => {
    await withServer(MB, async (port, seen) => {
      const r = await upload(port, 2 * MB, { 'content-length': String(2 * MB) });
      assert.equal(r.status, 413);
      assert.equal(seen[0]?.status, 413);
    });
  });

  it('returns a body at the cap exactly', async () => {
    await withServer(128 * 1024, async (port, seen) => {
      const r = await upload(port, 128 * 1024);
      assert.equal(r.status, 200);
      assert.equal(seen[0]?.body?.length, 128 * 1024);
    });
  });
});

describe('checkJsonShape', () => {
  const code = (fn: () => void): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (e) {
      return e instanceof GatewayError ? `${e.status} ${e.code}` : 'other';
    }
  };

  it('rejects 100k nesting (arrays and objects) without overflowing the stack', () => {
    const n = 100_000;
    const arrays: unknown = JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);
    assert.equal(code(() => checkJsonShape(arrays, limits)), '400 MG_BODY_TOO_DEEP');
    const objects: unknown = JSON.parse(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
    assert.equal(code(() => checkJsonShape(objects, limits)), '400 MG_BODY_TOO_DEEP');
  });

  it('accepts nesting at the limit and refuses one level more', () => {
    const nest = (d: number): unknown => JSON.parse(`${'['.repeat(d)}${']'.repeat(d)}`);
    assert.equal(code(() => checkJsonShape(nest(32), limits)), undefined);
    assert.equal(code(() => checkJsonShape(nest(33), limits)), '400 MG_BODY_TOO_DEEP');
  });

  it('caps the message count and string lengths (values and keys)', () => {
    const msgs = (k: number) => ({ messages: Array.from({ length: k }, () => ({ role: 'user', content: 'hi' })) });
    assert.equal(code(() => checkJsonShape(msgs(4), limits)), undefined);
    assert.equal(code(() => checkJsonShape(msgs(5), limits)), '413 MG_BODY_TOO_LARGE');
    assert.equal(code(() => checkJsonShape({ messages: [{ content: 'x'.repeat(1001) }] }, limits)), '413 MG_BODY_TOO_LARGE');
    assert.equal(code(() => checkJsonShape({ ['k'.repeat(1001)]: 1 }, limits)), '413 MG_BODY_TOO_LARGE');
    assert.equal(code(() => checkJsonShape({ a: ['x'.repeat(1000)] }, limits)), undefined);
  });
});
