/** `medguard sign`: hash a model folder and write an OpenSSF model_signing v1.0 bundle. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MedguardError } from '../../../core/errors.js';
import { buildBundle, buildStatement, DEFAULT_IGNORE_PATHS, pae, PAYLOAD_TYPE, type Resource } from './dsse.js';
import { hashModelFiles, listModelFiles } from './files.js';
import { keyHint, loadPrivateKey, signBytes } from './keys.js';

export interface SignOptions {
  readonly privateKeyPem: string | Uint8Array;
  /** Where to write the bundle; default `<dir>/model.sig`. */
  readonly sigPath?: string;
  /** Model name in the statement subject; default the folder's name. */
  readonly modelName?: string;
  readonly threads?: number;
}

export interface SignResult {
  readonly sigPath: string;
  readonly files: number;
  readonly rootDigest: string;
}

/** Ignore list for a folder: the defaults plus the signature file itself when it lives inside the folder. */
export function ignorePathsFor(dir: string, sigPath: string): string[] {
  const rel = path.relative(dir, sigPath).split(path.sep).join('/');
  const inside = rel !== '' && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel);
  return inside && !DEFAULT_IGNORE_PATHS.includes(rel) ? [...DEFAULT_IGNORE_PATHS, rel] : [...DEFAULT_IGNORE_PATHS];
}

export async function signModel(dir: string, options: SignOptions): Promise<SignResult> {
  const key = loadPrivateKey(options.privateKeyPem);
  const root = path.resolve(dir);
  const sigPath = path.resolve(options.sigPath ?? path.join(root, 'model.sig'));
  const ignore = ignorePathsFor(root, sigPath);
  const listing = await listModelFiles(root, ignore);
  if (listing.symlinks.length > 0) {
    throw new MedguardError('MG_IO', `the model folder contains ${listing.symlinks.length} symlink(s); model_signing with allow_symlinks=false refuses them`, { field: 'dir' });
  }
  const digests = await hashModelFiles(root, listing.files, options.threads);
  const resources: Resource[] = listing.files.map((name) => ({ name, algorithm: 'sha256', digest: digests.get(name) ?? '' }));
  const statement = buildStatement(options.modelName ?? path.basename(root), resources, ignore) as { subject: [{ digest: { sha256: string } }] };
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const signature = signBytes(key, pae(PAYLOAD_TYPE, payload));
  const bundle = buildBundle(payload, signature, keyHint(key));
  try {
    await writeFile(sigPath, `${JSON.stringify(bundle, null, 1)}\n`);
  } catch (cause) {
    throw new MedguardError('MG_IO', 'the signature file could not be written', { field: 'out', cause });
  }
  return { sigPath, files: resources.length, rootDigest: statement.subject[0].digest.sha256 };
}
