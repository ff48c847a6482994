/**
 * Every error medguard raises carries a stable code (documented in docs/errors.md) so callers,
 * logs and the gateway can branch on it without parsing messages. Messages never carry input text.
 */
export const ERROR_CODES = {
  MG_CONFIG_INVALID: 'A configuration value is invalid; the message names the field and the fix.',
  MG_UNKNOWN_DETECTOR: 'A detector name is not in the registry.',
  MG_UNKNOWN_MODE: 'An inspection mode is not one of prompt, document, output.',
  MG_INPUT_TOO_LARGE: 'The input exceeds the configured size limit.',
  MG_INPUT_NOT_TEXT: 'The input is binary or not valid UTF-8.',
  MG_INPUT_INVALID: 'An input record is malformed (not JSON, missing field, wrong type).',
  MG_USAGE: 'The command line was used incorrectly.',
  MG_IO: 'A file could not be read or written.',
  MG_MODEL_INVALID: 'A shipped model file is missing or corrupt.',
  MG_DETECTOR_FAILED: 'A detector threw; the pipeline fails closed unless configured otherwise.',
  MG_VAULT_KEY: 'A pseudonym vault could not be opened: the key or passphrase is wrong, missing or malformed.',
  MG_VAULT_CORRUPT: 'A pseudonym vault file is damaged, truncated or was tampered with.',
  MG_VAULT_FULL: 'A pseudonym vault reached its maximum number of entries.',
  MG_SIGNING_KEY: 'A model-signing key is unreadable, encrypted or of an unsupported type.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class MedguardError extends Error {
  readonly code: ErrorCode;
  /** Config or input field the error is about, when there is one. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MedguardError';
    this.code = code;
    this.field = options.field;
  }
}

export const isMedguardError = (e: unknown): e is MedguardError => e instanceof MedguardError;
