/**
 * The audit log the gateway writes through: appends to the store and signs the chain head every
 * `everyEvents` events or `everySeconds` seconds (whichever first), so the unsigned tail an
 * attacker could silently cut is bounded by both.
 */
import type { AuditEventInput, SignedHead, Store, StoredEvent } from '../store/types.js';
import type { HeadSigner } from './head.js';

export interface AuditLogOptions {
  /** Without a signer the chain is still kept and verifiable, but truncation cannot be detected. */
  readonly signer?: HeadSigner;
  readonly everyEvents?: number;
  readonly everySeconds?: number;
  readonly now?: () => Date;
  /** A failed head signature (the event itself was stored; the next interval retries). */
  readonly onError?: (error: unknown) => void;
}

export class AuditLog {
  readonly store: Store;
  private readonly raw: Store;
  private readonly signer: HeadSigner | undefined;
  private readonly everyEvents: number;
  private readonly everyMs: number;
  private readonly now: () => Date;
  private lastSignedSeq = 0;
  private lastSignedAt: number;
  private signing: Promise<SignedHead | undefined> = Promise.resolve(undefined);
  private timer: NodeJS.Timeout | undefined;
  private readonly ready: Promise<void>;
  private readonly onError: (error: unknown) => void;

  constructor(store: Store, options: AuditLogOptions = {}) {
    this.signer = options.signer;
    this.everyEvents = Math.max(1, Math.floor(options.everyEvents ?? 1000));
    this.everyMs = Math.max(1, options.everySeconds ?? 60) * 1000;
    this.now = options.now ?? (() => new Date());
    this.lastSignedAt = this.now().getTime();
    // The gateway composes `log.store` where it would compose the raw store: appends go through `record`.
    this.raw = store;
    const a = store.audit;
    this.store = {
      kind: store.kind,
      keys: store.keys,
      close: () => store.close(),
      audit: {
        append: (e) => this.record(e),
        get: (seq) => a.get(seq),
        query: (f) => a.query(f),
        scan: (from) => a.scan(from),
        putHead: (h) => a.putHead(h),
        heads: (range) => a.heads(range),
        ...(a.scanRaw ? { scanRaw: (from?: number) => (a.scanRaw as NonNullable<typeof a.scanRaw>).call(a, from) } : {}),
      },
    };
    const onError = (this.onError = options.onError ?? (() => undefined));
    // Never an unhandled rejection: without the last head we only re-sign a head already signed.
    this.ready = this.loadLastHead().catch(onError);
    if (this.signer) {
      this.timer = setInterval(() => void this.signHead().catch(onError), this.everyMs);
      this.timer.unref();
    }
  }

  async record(input: AuditEventInput): Promise<StoredEvent> {
    const event = await this.raw.audit.append(input);
    if (this.signer && (event.seq - this.lastSignedSeq >= this.everyEvents || this.now().getTime() - this.lastSignedAt >= this.everyMs)) {
      // The event is stored: a failed head must not make the exchange look unrecorded; the next one retries.
      await this.sign(event).catch(this.onError);
    }
    return event;
  }

  /** Signs the newest event if it is not signed yet; returns the new head. */
  async signHead(): Promise<SignedHead | undefined> {
    const [newest] = await this.raw.audit.query({ limit: 1 });
    return newest ? this.sign(newest) : undefined;
  }

  /** Signs a final head and stops the timer; the store itself is closed by its owner. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.signer) await this.signHead();
  }

  private async loadLastHead(): Promise<void> {
    const [newest] = await this.raw.audit.heads({ newestFirst: true, limit: 1 });
    this.lastSignedSeq = newest?.seq ?? 0;
  }

  /** Serialised so concurrent records never sign out of order or twice for one seq. */
  private sign(event: StoredEvent): Promise<SignedHead | undefined> {
    const next = this.signing.then(async () => {
      await this.ready;
      const signer = this.signer;
      if (!signer || event.seq <= this.lastSignedSeq) return undefined;
      const at = this.now();
      const head = signer.signHead(event.seq, event.hash, at.toISOString());
      await this.raw.audit.putHead(head);
      this.lastSignedSeq = event.seq;
      this.lastSignedAt = at.getTime();
      return head;
    });
    this.signing = next.catch(() => undefined);
    return next;
  }
}
