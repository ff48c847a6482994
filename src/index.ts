export { inspect, createInspector, type InspectorOptions } from './inspect.js';
export { createPipeline, type InspectReport, type InspectOptions, type Pipeline, type PipelineOptions } from './core/pipeline.js';
export { MedguardError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export type { Finding, Mode, Severity, Family, Detector, Assessor, Assessment, TextView, NormalForm, FormName, Span } from './core/types.js';
export { detectPhi, createPhiFamily, PHI_TYPES, type PhiSpan, type PhiType, type PhiOptions } from './detect/phi/index.js';
export { detectSecrets, createSecretsFamily, type SecretsOptions } from './detect/secrets/index.js';
export { detectGenomic, createGenomicFamily, type GenomicOptions } from './detect/genomic/index.js';
export {
  deidentify, createDeidentifier, transform, restore, StreamRestorer, createVault, openVault, saveVault, Vault, parseVaultKey,
  vaultSecretFromEnv, resolvePolicy, maskValue, shiftDate, type Deidentifier, type DeidPolicy, type DeidAction, type DeidSpan,
  type TransformResult, type Replacement, type VaultSecret,
} from './deid/index.js';
