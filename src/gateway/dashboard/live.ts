/**
 * `GET /_medguard/api/live`: Server-Sent Events from the EventBus. A client whose socket stops
 * draining (more than `maxBufferedBytes` unsent) or whose bus queue overflows is disconnected —
 * the browser's EventSource reconnects and the page re-reads the newest events. Heartbeat
 * comments keep proxies from closing an idle stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredEvent } from '../../store/types.js';
import { isInProcessBus } from '../events/bus.js';
import type { EventBus } from '../types.js';
import { SECURITY_HEADERS } from './static.js';

export interface LiveOptions {
  readonly heartbeatMs?: number;
  readonly maxBufferedBytes?: number;
}

export interface LiveStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream (shutdown), so the server can close without waiting for them. */
  closeAll(): void;
  readonly count: number;
}

export function createLiveStreams(bus: EventBus, options: LiveOptions = {}): LiveStreams {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const open = new Set<() => void>();

  return {
    open(_req, res) {
      const state: { timer?: NodeJS.Timeout } = {};
      let unsubscribe: (() => void) | undefined;
      const end = (): void => {
        if (!open.delete(end)) return;
        clearInterval(state.timer);
        unsubscribe?.();
        if (!res.writableEnded) res.end();
      };
      const send = (event: StoredEvent): void => {
        if (res.writableLength > maxBuffered) {
          end();
          return;
        }
        res.write(`id: ${event.seq}\nevent: audit\ndata: ${JSON.stringify(event)}\n\n`);
      };
      try {
        unsubscribe = isInProcessBus(bus) ? bus.subscribe(send, { onDrop: () => end() }) : bus.subscribe(send);
      } catch {
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5' });
        res.end(JSON.stringify({ error: { message: 'too many live dashboard streams', type: 'server_error', code: 'MG_INTERNAL' } }));
        return;
      }
      open.add(end);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      res.write('retry: 3000\n: connected\n\n');
      const timer = setInterval(() => {
        if (res.writableLength > maxBuffered) end();
        else res.write(': heartbeat\n\n');
      }, heartbeatMs);
      timer.unref();
      state.timer = timer;
      // The response's close, not the request's: a GET's request stream closes as soon as it is read.
      res.on('close', end);
      res.on('error', end);
    },
    closeAll() {
      for (const end of [...open]) end();
    },
    get count() {
      return open.size;
    },
  };
}
