/**
 * Walks the chain once, in seq order and in pages (bounded memory however long the trail), merging
 * in the signed heads, and names the first row where the trail stops being what was written.
 */
import type { KeyObject } from 'node:crypto';
import type { AuditStore, RawEvent, SignedHead } from '../store/types.js';
import { canonicalEvent, chainHash, GENESIS_HASH } from './chain.js';
import { keyIdOf, verifyHead } from './head.js';

export type VerifyProblem =
  | 'hash_mismatch' // the row's content does not hash to its stored hash (edited row)
  | 'prev_mismatch' // the row does not link to the row before it (edited and re-hashed, or inserted)
  | 'gap' // a seq is missing (deleted row)
  | 'reorder' // the row's content was written for another seq (moved or renumbered rows)
  | 'index_mismatch' // a filter column disagrees with the hashed content (filters could be fooled)
  | 'bad_signature' // a head's signature does not verify with the given public key
  | 'head_mismatch' // a signed head names a hash the row at its seq does not have
  | 'truncated'; // a signed head names a seq past the last row

export interface VerifyResult {
  readonly ok: boolean;
  /** Rows checked before the first problem (all of them when ok). */
  readonly checked: number;
  readonly lastSeq: number;
  readonly heads: number;
  /** The newest head seen whose signature verified (or, without a key, that matched its row). */
  readonly lastSignedSeq: number | null;
  readonly signatures: 'checked' | 'skipped';
  readonly firstBad?: { readonly seq: number; readonly problem: VerifyProblem };
}

/**
 * `publicKeys`: one trusted key, or several (a rotated key and its predecessors); each head must
 * verify with the key its keyId names. None: heads are matched to rows, signatures not checked.
 */
export async function verifyChain(audit: AuditStore, publicKeys?: KeyObject | readonly KeyObject[]): Promise<VerifyResult> {
  const keyring = new Map((publicKeys === undefined ? [] : Array.isArray(publicKeys) ? publicKeys : [publicKeys as KeyObject]).map((k) => [keyIdOf(k), k]));
  const signedBadly = (h: SignedHead): boolean => {
    if (keyring.size === 0) return false;
    const key = keyring.get(h.keyId);
    return key === undefined || !verifyHead(h, key);
  };
  const heads = headStream(audit);
  let head = await heads.next();
  let headCount = 0;
  const signatures = keyring.size > 0 ? 'checked' : 'skipped';
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSignedSeq: number | null = null;
  const done = (firstBad?: VerifyResult['firstBad']): VerifyResult => ({
    ok: firstBad === undefined,
    checked,
    lastSeq: expected - 1,
    heads: headCount,
    lastSignedSeq,
    signatures,
    ...(firstBad ? { firstBad } : {}),
  });

  for (;;) {
    for await (const row of rows(audit, expected)) {
      if (row.seq !== expected) return done({ seq: expected, problem: 'gap' });
      const problem = checkRow(row, prevHash);
      if (problem) return done({ seq: row.seq, problem });
      for (; !head.done && head.value.seq <= row.seq; head = await heads.next()) {
        const h = head.value;
        headCount++;
        if (signedBadly(h)) return done({ seq: h.seq, problem: 'bad_signature' });
        if (h.seq < row.seq || h.hash !== row.hash) return done({ seq: h.seq, problem: 'head_mismatch' });
        lastSignedSeq = h.seq;
      }
      prevHash = row.hash;
      expected++;
      checked++;
    }
    if (head.done) return done();
    if (signedBadly(head.value)) return done({ seq: head.value.seq, problem: 'bad_signature' });
    // A live gateway may have appended and signed after our last page: its row exists now, so read on.
    if ((await audit.get(head.value.seq)) === undefined) {
      headCount++;
      return done({ seq: expected, problem: 'truncated' });
    }
  }
}

function checkRow(row: RawEvent, prevHash: string): VerifyProblem | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(row.canonical) as Record<string, unknown>;
  } catch {
    return 'hash_mismatch';
  }
  if (chainHash(row.prevHash, row.canonical) !== row.hash) return 'hash_mismatch';
  if (body.seq !== row.seq) return 'reorder';
  if (row.prevHash !== prevHash) return 'prev_mismatch';
  const ix = row.indexed;
  if (
    ix &&
    (ix.time !== body.time || ix.requestId !== body.requestId || ix.principal !== body.principal || ix.route !== body.route || ix.verdict !== body.verdict || ix.status !== body.status)
  ) {
    return 'index_mismatch';
  }
  return undefined;
}

const HEAD_PAGE = 1000;

/** Heads in seq order, paged; several keys may sign one seq, so a page boundary inside a seq is re-read. */
async function* headStream(audit: AuditStore): AsyncGenerator<SignedHead> {
  let afterSeq = Number.MIN_SAFE_INTEGER;
  let seen = new Set<string>();
  for (;;) {
    const page = await audit.heads({ afterSeq, limit: HEAD_PAGE });
    for (const h of page) if (!seen.has(`${h.seq}/${h.keyId}`)) yield h;
    const last = page[page.length - 1];
    if (page.length < HEAD_PAGE || last === undefined) return;
    const sameSeq = page.filter((h) => h.seq === last.seq);
    const stuck = sameSeq.length === page.length;
    seen = new Set(stuck ? [] : sameSeq.map((h) => `${h.seq}/${h.keyId}`));
    afterSeq = stuck ? last.seq : last.seq - 1;
  }
}

/** Stores that keep the hashed text give it back verbatim; others are re-canonicalised. */
async function* rows(audit: AuditStore, fromSeq: number): AsyncGenerator<RawEvent> {
  if (audit.scanRaw) {
    yield* audit.scanRaw(fromSeq);
    return;
  }
  for await (const e of audit.scan(fromSeq)) yield { seq: e.seq, canonical: canonicalEvent(e.seq, e), prevHash: e.prevHash, hash: e.hash };
}
