/**
 * Persistent state behind one interface, so SQLite (the embedded default) and PostgreSQL (for
 * several gateway instances) are interchangeable and share one test suite. Every method is async
 * even where the SQLite driver is synchronous, because the PostgreSQL one is not.
 */
import type { Family, Severity } from '../core/types.js';

/** What the gateway decided for one exchange. */
export type Verdict = 'allow' | 'alert' | 'redact' | 'pseudonymize' | 'block' | 'error';

/** A finding as the audit trail keeps it: never the value, only a keyed fingerprint of it. */
export interface AuditFinding {
  readonly family: Family;
  readonly kind: string;
  readonly detector: string;
  readonly score: number;
  readonly severity: Severity;
  /** 'request' (what the client sent) or 'response' (what the model answered). */
  readonly direction: 'request' | 'response';
  /** HMAC-SHA256 (keyed, truncated hex) of the matched value; equal values give equal fingerprints. */
  readonly fingerprint: string;
}

/** One exchange through the gateway; the store adds sequence and chain hashes. */
export interface AuditEventInput {
  readonly time: string;
  readonly requestId: string;
  readonly principal: string | null;
  readonly role: string | null;
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly verdict: Verdict;
  /** Stable reason codes (MG_...) explaining the verdict; empty for a clean allow. */
  readonly reasons: readonly string[];
  readonly findings: readonly AuditFinding[];
  /** HTTP status the client received. */
  readonly status: number;
  readonly upstreamStatus: number | null;
  readonly gatewayMs: number;
  readonly upstreamMs: number | null;
}

/** A stored event: `hash` = SHA-256 over `prevHash` and the canonical form of the event. */
export interface StoredEvent extends AuditEventInput {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** A periodic Ed25519 signature over the chain head, so truncation and rewrites are detectable. */
export interface SignedHead {
  readonly seq: number;
  readonly hash: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly signature: string;
}

export interface EventFilter {
  readonly principal?: string;
  readonly route?: string;
  readonly verdict?: Verdict;
  /** A finding kind (exact) or family prefix ('phi'). */
  readonly kind?: string;
  readonly sinceSeq?: number;
  readonly beforeSeq?: number;
  readonly limit?: number;
}

/** A row exactly as persisted, for the verifier: `canonical` is the text that was hashed. */
export interface RawEvent {
  readonly seq: number;
  readonly canonical: string;
  readonly prevHash: string;
  readonly hash: string;
  /** The store's own filterable copies of fields; the verifier checks them against `canonical`. */
  readonly indexed?: {
    readonly time: string;
    readonly requestId: string;
    readonly principal: string | null;
    readonly route: string;
    readonly verdict: string;
    readonly status: number;
  };
}

/** A page of signed heads: one a minute adds up, so readers page rather than load them all. */
export interface HeadRange {
  readonly afterSeq?: number;
  readonly limit?: number;
  readonly newestFirst?: boolean;
}

export interface AuditStore {
  append(event: AuditEventInput): Promise<StoredEvent>;
  get(seq: number): Promise<StoredEvent | undefined>;
  /** Newest first, filtered, bounded by `limit` (default 100, max 1000). */
  query(filter: EventFilter): Promise<StoredEvent[]>;
  /** Every event in chain order from `fromSeq`, streamed in pages. */
  scan(fromSeq?: number): AsyncIterable<StoredEvent>;
  putHead(head: SignedHead): Promise<void>;
  /** Ascending by seq (newest first with `newestFirst`), after `afterSeq`, at most `limit` (default all). */
  heads(range?: HeadRange): Promise<SignedHead[]>;
  /** Rows as stored (canonical text, not re-serialised), streamed in chain order; stores that keep
   *  the canonical text implement it so the verifier sees exactly what was hashed. */
  scanRaw?(fromSeq?: number): AsyncIterable<RawEvent>;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly patient: string | null;
  /** Slow hash (scrypt) of the secret part; the secret itself is never stored. */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface KeyStore {
  create(record: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<ApiKeyRecord[]>;
  /** Returns false when no such key exists. */
  revoke(id: string, at: string): Promise<boolean>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly audit: AuditStore;
  readonly keys: KeyStore;
  close(): Promise<void>;
}
