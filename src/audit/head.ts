/**
 * Signed heads: an Ed25519 signature over (seq, hash, signedAt, keyId) of the newest event. The
 * chain alone lets someone with write access rewrite every hash after an edit, or cut the tail;
 * a head signed with a key they do not hold pins the chain up to that seq.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { SignedHead } from '../store/types.js';
import { canonicalJson } from './canonical.js';

/** Domain separation: a head signature can never be mistaken for a signature over anything else. */
const HEAD_CONTEXT = 'medguard-audit-head-v1\n';

export function headMessage(head: Omit<SignedHead, 'signature'>): Buffer {
  return Buffer.from(HEAD_CONTEXT + canonicalJson({ seq: head.seq, hash: head.hash, signedAt: head.signedAt, keyId: head.keyId }), 'utf8');
}

/** 16 hex digits of SHA-256 over the public key's SPKI DER: names the key in every head. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export interface HeadSigner {
  readonly keyId: string;
  signHead(seq: number, hash: string, signedAt: string): SignedHead;
}

export function createHeadSigner(privateKey: KeyObject): HeadSigner {
  const keyId = keyIdOf(createPublicKey(privateKey));
  return {
    keyId,
    signHead(seq, hash, signedAt) {
      const unsigned = { seq, hash, signedAt, keyId };
      return { ...unsigned, signature: sign(null, headMessage(unsigned), privateKey).toString('base64') };
    },
  };
}

/** True only for a head signed by exactly this key. */
export function verifyHead(head: SignedHead, publicKey: KeyObject): boolean {
  if (head.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, headMessage(head), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}
