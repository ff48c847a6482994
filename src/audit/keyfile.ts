/**
 * The head-signing key on disk: an unencrypted PKCS#8 PEM Ed25519 key, created 0600 at first
 * start, with its public key written beside it (`<key>.pub`) for verifiers. The verifier should
 * use a copy of the public key kept off the box: whoever can write the db can also swap the file.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MedguardError } from '../core/errors.js';

export const publicKeyPathFor = (privateKeyPath: string): string => `${privateKeyPath}.pub`;

export function loadOrCreateSigningKey(path: string): { privateKey: KeyObject; publicKey: KeyObject; created: boolean } {
  let pem: string | undefined;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new MedguardError('MG_AUDIT_KEY', 'the audit signing key could not be read; check its permissions', { cause: e });
  }
  if (pem === undefined) return createKey(path);
  const privateKey = parsePrivate(pem);
  return { privateKey, publicKey: createPublicKey(privateKey), created: false };
}

function createKey(path: string): { privateKey: KeyObject; publicKey: KeyObject; created: boolean } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': two gateways starting at once must not overwrite each other's fresh key.
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(publicKeyPathFor(path), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningKey(path);
    throw new MedguardError('MG_AUDIT_KEY', 'the audit signing key could not be created; check the folder exists and is writable', { cause: e });
  }
  return { privateKey, publicKey, created: true };
}

function parsePrivate(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new MedguardError('MG_AUDIT_KEY', 'the audit signing key is not an unencrypted PEM private key', { cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new MedguardError('MG_AUDIT_KEY', 'the audit signing key must be Ed25519');
  return key;
}

export function loadPublicKey(path: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MedguardError('MG_IO', 'the audit public key could not be read; check the path', { cause: e });
  }
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key;
  } catch (e) {
    throw new MedguardError('MG_AUDIT_KEY', 'the audit public key must be an Ed25519 PEM public key', { cause: e });
  }
}
