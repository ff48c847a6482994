import type { Pipeline } from '../core/pipeline.js';
import { createInspector } from '../inspect.js';
import { isFamilyName } from '../detect/registry.js';
import { resolvePolicy, type DeidPolicy, type ResolvedPolicy } from './policy.js';
import { transform, type TransformOptions, type TransformResult } from './transform.js';

export { transform, type TransformOptions, type TransformResult } from './transform.js';
export { resolvePolicy, PolicySchema, PSEUDONYMIZE_OVERRIDES, type DeidPolicy, type ResolvedPolicy } from './policy.js';
export { resolveOverlaps, findingsToSpans, typeOfFinding } from './spans.js';
export { maskValue } from './mask.js';
export { dateOffset } from './pseudonymize.js';
export { shiftDate } from './surrogates/dates.js';
export { Vault, createVault, DEFAULT_MAX_VAULT_ENTRIES, DEFAULT_MAX_VAULT_CHARS, type VaultOptions, type VaultEntry } from './vault.js';
export { openVault, saveVault, sealVault, unsealVault, parseVaultKey, vaultSecretFromEnv, type VaultSecret } from './vault-file.js';
export { restore, StreamRestorer } from './restore.js';
export { SurrogateMatcher } from './matcher.js';
export type { DeidAction, DeidSpan, DeidResult, Replacement } from './types.js';
export { DEID_ACTIONS } from './types.js';

/**
 * A de-identifier: detection with the PHI, secrets and genomic families (those registered), then
 * the policy's transforms. Build once and reuse; the detectors and policy are validated here.
 */
export interface Deidentifier {
  deidentify(text: string, options?: TransformOptions): TransformResult;
}

export function createDeidentifier(policy: DeidPolicy = {}): Deidentifier {
  const resolved: ResolvedPolicy = resolvePolicy(policy);
  // 'phi' may be absent from a trimmed build; the families that are registered still run.
  const families = resolved.families.map(String).filter(isFamilyName);
  const inspector: Pipeline = createInspector({ families });
  return {
    deidentify(text, options = {}) {
      const report = inspector.inspect(text, { mode: 'document' });
      return transform(text, report.findings, resolved, options);
    },
  };
}

/** One-shot convenience: detect and de-identify `text` under `policy`. */
export function deidentify(text: string, policy: DeidPolicy = {}, options: TransformOptions = {}): TransformResult {
  return createDeidentifier(policy).deidentify(text, options);
}
