/**
 * `medguard verify`: checks a model_signing v1.0 bundle against a trusted public key and the model
 * folder. The signature is checked over the DSSE PAE before the payload is trusted; then the
 * statement's root digest must match its resources, and every file must match its digest with
 * nothing added, removed or renamed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BundleSchema, DEFAULT_IGNORE_PATHS, pae, PAYLOAD_TYPE, rootDigest, StatementSchema, type Statement } from './dsse.js';
import { hashModelFiles, listModelFiles } from './files.js';
import { keyHint, loadPublicKey, verifyBytes } from './keys.js';
import { ignorePathsFor } from './sign.js';

export type ProblemKind =
  | 'signature_missing' | 'bundle_invalid' | 'wrong_key' | 'key_hint_mismatch' | 'bad_signature' | 'statement_invalid'
  | 'inconsistent_root_digest' | 'changed' | 'added' | 'removed' | 'renamed' | 'symlink';

export interface VerifyProblem {
  readonly kind: ProblemKind;
  /** File the problem is about (relative POSIX path), when there is one. */
  readonly file?: string;
  /** New name, for 'renamed'. */
  readonly to?: string;
  readonly detail: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly problems: VerifyProblem[];
  /** Files covered by the signature (0 when the signature itself failed). */
  readonly files: number;
  readonly modelName?: string;
}

export interface VerifyOptions {
  readonly publicKeyPem: string | Uint8Array;
  /** Default `<dir>/model.sig`. */
  readonly sigPath?: string;
  readonly threads?: number;
}

const fail = (problem: VerifyProblem): VerifyResult => ({ ok: false, problems: [problem], files: 0 });

export async function verifyModel(dir: string, options: VerifyOptions): Promise<VerifyResult> {
  const key = loadPublicKey(options.publicKeyPem);
  const root = path.resolve(dir);
  const sigPath = path.resolve(options.sigPath ?? path.join(root, 'model.sig'));
  let raw: string;
  try {
    raw = await readFile(sigPath, 'utf8');
  } catch {
    return fail({ kind: 'signature_missing', detail: 'the signature bundle could not be read' });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail({ kind: 'bundle_invalid', detail: 'the signature bundle is not JSON' });
  }
  const bundle = BundleSchema.safeParse(json);
  if (!bundle.success) return fail({ kind: 'bundle_invalid', detail: 'the signature bundle lacks a well-formed DSSE envelope' });
  const envelope = bundle.data.dsseEnvelope;
  const payload = Buffer.from(envelope.payload, 'base64');
  const signature = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
  const hint = bundle.data.verificationMaterial?.publicKey?.hint;
  const hintMatches = hint === undefined || hint === '' || hint === keyHint(key);
  if (!verifyBytes(key, pae(envelope.payloadType, payload), signature)) {
    return fail(hintMatches
      ? { kind: 'bad_signature', detail: 'the signature does not match the signed payload: the payload was edited after signing (stale signature) or the bundle is corrupt' }
      : { kind: 'wrong_key', detail: 'the bundle was signed by a different key than the trusted one' });
  }
  if (!hintMatches) return fail({ kind: 'key_hint_mismatch', detail: 'the bundle names a different public key than the one that verifies it' });
  if (envelope.payloadType !== PAYLOAD_TYPE) return fail({ kind: 'statement_invalid', detail: `the DSSE payload type is not ${PAYLOAD_TYPE}` });

  let statement: Statement;
  try {
    const parsed = StatementSchema.safeParse(JSON.parse(payload.toString('utf8')));
    if (!parsed.success) return fail({ kind: 'statement_invalid', detail: 'the signed statement is not a model_signing v1.0 in-toto statement' });
    statement = parsed.data;
  } catch {
    return fail({ kind: 'statement_invalid', detail: 'the signed payload is not JSON' });
  }
  const resources = statement.predicate.resources;
  const problems: VerifyProblem[] = [];
  if (rootDigest(resources) !== statement.subject[0]?.digest.sha256) {
    problems.push({ kind: 'inconsistent_root_digest', detail: 'the subject digest is not the SHA-256 of the resource digests (manifest is inconsistent)' });
  }
  const expected = new Map<string, string>();
  for (const r of resources) {
    if (expected.has(r.name)) problems.push({ kind: 'statement_invalid', file: r.name, detail: 'the manifest lists this file twice' });
    expected.set(r.name, r.digest);
  }
  const ignore = [...new Set([...(statement.predicate.serialization.ignore_paths ?? DEFAULT_IGNORE_PATHS), ...ignorePathsFor(root, sigPath)])];
  const listing = await listModelFiles(root, ignore);
  for (const s of listing.symlinks) problems.push({ kind: 'symlink', file: s, detail: 'symlinks are not allowed in a signed model' });
  const actual = await hashModelFiles(root, listing.files, options.threads);
  problems.push(...compareFiles(expected, actual));
  return { ok: problems.length === 0, problems, files: resources.length, modelName: statement.subject[0]?.name ?? '' };
}

/** Changed / added / removed, with a removed+added pair of the same digest reported as one rename. */
export function compareFiles(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): VerifyProblem[] {
  const out: VerifyProblem[] = [];
  const added = [...actual.keys()].filter((f) => !expected.has(f));
  const removed = [...expected.keys()].filter((f) => !actual.has(f));
  for (const [name, digest] of expected) {
    const now = actual.get(name);
    if (now !== undefined && now !== digest) out.push({ kind: 'changed', file: name, detail: 'content differs from the signed digest' });
  }
  const unmatchedAdded = new Set(added);
  // Added files by digest, so pairing stays linear however many files moved.
  const addedByDigest = new Map<string, string[]>();
  for (const a of added) {
    const d = actual.get(a) ?? '';
    const list = addedByDigest.get(d);
    if (list) list.push(a);
    else addedByDigest.set(d, [a]);
  }
  for (const name of removed) {
    const to = addedByDigest.get(expected.get(name) ?? '')?.pop();
    if (to !== undefined) {
      unmatchedAdded.delete(to);
      out.push({ kind: 'renamed', file: name, to, detail: 'signed file was renamed (same content, new name)' });
    } else {
      out.push({ kind: 'removed', file: name, detail: 'signed file is missing' });
    }
  }
  for (const name of unmatchedAdded) out.push({ kind: 'added', file: name, detail: 'file is not covered by the signature' });
  return out;
}
