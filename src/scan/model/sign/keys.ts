/**
 * Key handling for model signing, all through node:crypto. ECDSA P-256 (SHA-256) is the
 * OpenSSF model_signing "key" method; P-384/P-521 verify too. Ed25519 is a medguard extension
 * (model_signing v1.0 key signing accepts elliptic-curve keys only).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { MedguardError } from '../../../core/errors.js';

export type KeyType = 'ecdsa-p256' | 'ed25519';
export const KEY_TYPES: readonly KeyType[] = ['ecdsa-p256', 'ed25519'];

export interface KeyPairPem {
  readonly privatePem: string;
  readonly publicPem: string;
}

export function generateKeyPair(type: KeyType): KeyPairPem {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const CURVE_HASH: Record<string, string> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' };

/** Digest for the signature, or null for Ed25519 (which hashes internally). */
function digestFor(key: KeyObject): string | null {
  if (key.asymmetricKeyType === 'ed25519') return null;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const hash = key.asymmetricKeyType === 'ec' && curve !== undefined ? CURVE_HASH[curve] : undefined;
  if (hash === undefined) throw new MedguardError('MG_SIGNING_KEY', 'unsupported key: use an ECDSA P-256/P-384/P-521 or Ed25519 key', { field: 'key' });
  return hash;
}

export function loadPrivateKey(pem: string | Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(pem), format: 'pem' });
  } catch (cause) {
    throw new MedguardError('MG_SIGNING_KEY', 'the private key is not a readable unencrypted PEM key', { field: 'key', cause });
  }
  digestFor(key);
  return key;
}

export function loadPublicKey(pem: string | Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(pem), format: 'pem' });
  } catch (cause) {
    throw new MedguardError('MG_SIGNING_KEY', 'the public key is not a readable PEM key', { field: 'key', cause });
  }
  digestFor(key);
  return key;
}

export const signBytes = (key: KeyObject, data: Uint8Array): Buffer => sign(digestFor(key), data, { key, dsaEncoding: 'der' });

export function verifyBytes(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(digestFor(key), data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** model_signing's key hint: SHA-256 (hex) of the SubjectPublicKeyInfo PEM. */
export function keyHint(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'pem' }).toString()).digest('hex');
}
