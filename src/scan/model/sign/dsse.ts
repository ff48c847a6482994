/**
 * The model_signing v1.0 wire format: an in-toto Statement v1 (subject = model name + root digest,
 * predicate = serialization + per-file resources) in a DSSE envelope inside a Sigstore bundle v0.3.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const DEFAULT_IGNORE_PATHS: readonly string[] = ['model.sig', '.git', '.gitattributes', '.github', '.gitignore'];

export interface Resource {
  readonly name: string;
  readonly algorithm: 'sha256';
  readonly digest: string;
}

/** DSSE pre-authentication encoding: the bytes that are actually signed. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** SHA-256 over the raw per-file digests, in resource order (model_signing sorts resources by name). */
export function rootDigest(resources: readonly Resource[]): string {
  const h = createHash('sha256');
  for (const r of resources) h.update(Buffer.from(r.digest, 'hex'));
  return h.digest('hex');
}

export function buildStatement(modelName: string, resources: readonly Resource[], ignorePaths: readonly string[]): object {
  const sorted = [...resources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: modelName, digest: { sha256: rootDigest(sorted) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: { method: 'files', hash_type: 'sha256', allow_symlinks: false, ignore_paths: [...ignorePaths] },
      resources: sorted,
    },
  };
}

export function buildBundle(payload: Uint8Array, signature: Uint8Array, hint: string): object {
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint }, tlogEntries: [] },
    dsseEnvelope: {
      payload: Buffer.from(payload).toString('base64'),
      payloadType: PAYLOAD_TYPE,
      signatures: [{ sig: Buffer.from(signature).toString('base64'), keyid: '' }],
    },
  };
}

const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bundle fields we rely on; other Sigstore fields are allowed and ignored. */
export const BundleSchema = z.object({
  mediaType: z.string().optional(),
  verificationMaterial: z.object({ publicKey: z.object({ hint: z.string().optional() }).optional() }).optional(),
  dsseEnvelope: z.object({
    payload: z.string().regex(BASE64),
    payloadType: z.string(),
    signatures: z.array(z.object({ sig: z.string().regex(BASE64), keyid: z.string().optional() })).min(1),
  }),
});

export const StatementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ sha256: z.string().regex(HEX64) }) })).length(1),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: z.object({
    serialization: z.object({
      method: z.literal('files'),
      hash_type: z.literal('sha256'),
      allow_symlinks: z.boolean().optional(),
      ignore_paths: z.array(z.string()).optional(),
    }),
    resources: z.array(z.object({ name: z.string().min(1), algorithm: z.literal('sha256'), digest: z.string().regex(HEX64) })),
  }),
});
export type Statement = z.infer<typeof StatementSchema>;
