/**
 * The PostgreSQL store as the gateway uses it, with a configured answer to losing the database
 * while running (`store.onLoss`):
 *
 * - `closed` (default): an append that finds PostgreSQL gone fails with MG_STORE_UNAVAILABLE and
 *   `available` turns false until a ping succeeds again; the gateway's gate refuses new requests
 *   with 503 meanwhile (a medical route must not run unrecorded).
 * - `spool`: events that cannot be written are queued in memory and in a local spool file (JSON
 *   lines, each with a random append id), and replayed in order by one loop once PostgreSQL
 *   answers. `appendOnce` skips an id already stored, so an append that committed but whose answer
 *   was lost is not written twice, and a spool left by a crash is replayed at the next start. The
 *   caller's append resolves when its event is finally stored.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { MedguardError } from '../../core/errors.js';
import type { AuditEventInput, StoredEvent } from '../types.js';
import { isConnectionLoss } from './errors.js';
import type { PostgresStore } from './index.js';

export interface ResilienceOptions {
  readonly onLoss: 'closed' | 'spool';
  /** Spool file (mode 0600); without it the spool lives in memory only. */
  readonly spoolPath?: string;
  /** Events the spool holds at most; past it appends fail with MG_STORE_UNAVAILABLE. */
  readonly maxSpool?: number;
  readonly retryMs?: number;
  /** Told when the store is lost or back. */
  readonly onState?: (up: boolean) => void;
}

export interface ResilientStore extends PostgresStore {
  readonly mode: 'closed' | 'spool';
  /** Events the spool holds at most. */
  readonly maxSpool: number;
  /** False while PostgreSQL is known to be unreachable. */
  readonly available: boolean;
  /** Events waiting in the spool. */
  readonly spooled: number;
  /** Resolves once the spool is empty (tests, shutdown). */
  drained(): Promise<void>;
  /** Another reader saw the connection fail: mark the store lost until a ping succeeds. */
  noteLoss(): void;
}

interface Pending {
  readonly id: string;
  readonly input: AuditEventInput;
  readonly resolve: (e: StoredEvent) => void;
  readonly reject: (e: unknown) => void;
}

export function resilientStore(store: PostgresStore, options: ResilienceOptions): ResilientStore {
  const retryMs = options.retryMs ?? 500;
  const maxSpool = options.maxSpool ?? 100_000;
  const queue: Pending[] = [];
  let up = true;
  let draining: Promise<void> | undefined;
  let probing = false;
  let closed = false;

  const setUp = (v: boolean): void => {
    if (v === up) return;
    up = v;
    options.onState?.(v);
  };

  /** Closed mode: after a loss, ping until the store answers again. */
  const probe = (): void => {
    if (probing) return;
    probing = true;
    void (async () => {
      while (!closed) {
        await sleep(retryMs);
        try {
          await store.ping();
          setUp(true);
          break;
        } catch {
          // still down
        }
      }
      probing = false;
    })();
  };

  const rewriteSpool = (): void => {
    if (options.spoolPath === undefined) return;
    writeFileSync(options.spoolPath, queue.map((p) => `${JSON.stringify({ id: p.id, event: p.input })}\n`).join(''), { mode: 0o600 });
  };

  const drain = (): Promise<void> => {
    draining ??= (async () => {
      while (queue.length > 0 && !closed) {
        const head = queue[0] as Pending;
        try {
          const stored = await store.audit.appendOnce(head.input, head.id);
          queue.shift();
          setUp(true);
          head.resolve(stored);
        } catch (e) {
          if (!isConnectionLoss(e)) {
            // Not the connection: this event cannot be stored; report it and go on with the next.
            queue.shift();
            head.reject(e);
            continue;
          }
          setUp(false);
          await sleep(retryMs);
        }
      }
      if (queue.length === 0) rewriteSpool();
      draining = undefined;
    })();
    return draining;
  };

  const enqueue = (id: string, input: AuditEventInput): Promise<StoredEvent> => {
    if (queue.length >= maxSpool) return Promise.reject(new MedguardError('MG_STORE_UNAVAILABLE', 'the audit spool is full; the event could not be recorded', { field: 'store.onLoss' }));
    return new Promise((resolve, reject) => {
      queue.push({ id, input, resolve, reject });
      if (options.spoolPath !== undefined) appendFileSync(options.spoolPath, `${JSON.stringify({ id, event: input })}\n`, { mode: 0o600 });
      void drain();
    });
  };

  // A spool left by a previous run (crash, or shut down while PostgreSQL was away) goes first.
  if (options.onLoss === 'spool' && options.spoolPath !== undefined && existsSync(options.spoolPath)) {
    for (const line of readFileSync(options.spoolPath, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const { id, event } = JSON.parse(line) as { id: string; event: AuditEventInput };
        queue.push({ id, input: event, resolve: () => undefined, reject: () => undefined });
      } catch {
        // A torn last line (killed mid-write) was never acknowledged to anyone.
      }
    }
    if (queue.length > 0) void drain();
  }

  async function append(input: AuditEventInput): Promise<StoredEvent> {
    const id = randomUUID();
    if (options.onLoss === 'spool' && (queue.length > 0 || !up)) return enqueue(id, input);
    try {
      const stored = await store.audit.appendOnce(input, id, { fresh: true });
      setUp(true);
      return stored;
    } catch (e) {
      if (!isConnectionLoss(e)) throw e;
      setUp(false);
      if (options.onLoss === 'closed') {
        probe();
        throw e;
      }
      return enqueue(id, input);
    }
  }

  return {
    ...store,
    audit: { ...store.audit, append, appendOnce: store.audit.appendOnce, scanRaw: store.audit.scanRaw },
    mode: options.onLoss,
    maxSpool,
    get available() {
      return up;
    },
    get spooled() {
      return queue.length;
    },
    noteLoss() {
      setUp(false);
      probe();
    },
    async drained() {
      while (queue.length > 0 && !closed) await (draining ?? drain());
    },
    async close() {
      closed = true;
      // Whatever is still queued stays in the spool file for the next start.
      await store.close();
    },
  };
}
