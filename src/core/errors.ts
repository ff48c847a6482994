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
  MG_STORE: 'The audit/key store could not be opened, read or written.',
  MG_STORE_SCHEMA: 'The store was written by a newer medguard (its schema version is unknown to this one).',
  MG_AUDIT_KEY: 'The audit head-signing key (or its public key) is unreadable or not Ed25519.',
  MG_ROUTE_NOT_FOUND: 'Gateway: no route serves the requested path (404).',
  MG_METHOD_NOT_ALLOWED: 'Gateway: the endpoint exists but not for this HTTP method (405).',
  MG_UNSUPPORTED_MEDIA_TYPE: 'Gateway: the request body is not `application/json` (415).',
  MG_BODY_INVALID: 'Gateway: the request body is not a JSON object (400).',
  MG_BODY_TOO_LARGE: 'Gateway: the request body or its message count exceeds the configured limit (413).',
  MG_BODY_TOO_DEEP: 'Gateway: the request JSON is nested deeper than the configured limit (400).',
  MG_UPSTREAM_UNAVAILABLE: 'Gateway: the upstream model could not be reached (502).',
  MG_UPSTREAM_TIMEOUT: 'Gateway: the upstream model did not answer within its timeouts (504).',
  MG_UPSTREAM_INVALID: 'Gateway: the upstream answered with something that is not valid JSON/SSE or is too large (502).',
  MG_CLIENT_CLOSED: 'Gateway: the client disconnected before the exchange finished (recorded in the audit trail).',
  MG_INTERNAL: 'Gateway: an unexpected internal error (500); no detail is sent to the client.',
  MG_AUTH_MISSING: 'Gateway: the request carries no `Authorization: Bearer` credential (401).',
  MG_AUTH_INVALID: 'Gateway: the API key or JWT is malformed, unknown, or fails verification (401).',
  MG_AUTH_EXPIRED: 'Gateway: the API key or JWT has expired (401).',
  MG_AUTH_REVOKED: 'Gateway: the API key was revoked (401).',
  MG_AUTH_UNAVAILABLE: 'Gateway: the JWKS needed to verify a JWT could not be fetched (503).',
  MG_RATE_LIMITED: 'Gateway: the principal sent more requests than its rate allows (429, with Retry-After).',
  MG_QUOTA_EXCEEDED: 'Gateway: the principal used up its token quota for the window (429, with Retry-After).',
  MG_CONCURRENCY_LIMIT: 'Gateway: the principal has too many requests in flight (429).',
  MG_BLOCKED_INJECTION: 'Gateway verdict: blocked because of prompt injection (direct or indirect).',
  MG_BLOCKED_PHI: 'Gateway verdict: blocked because of protected health information the policy does not allow.',
  MG_BLOCKED_SECRET: 'Gateway verdict: blocked because of a credential or secret.',
  MG_BLOCKED_GENOMIC: 'Gateway verdict: blocked because of genomic data.',
  MG_BLOCKED_PROMPT_LEAK: "Gateway verdict: the answer repeated the system prompt's canary (system-prompt leakage).",
  MG_BLOCKED_EXFILTRATION: 'Gateway verdict: the answer linked or embedded an image from a host not on the allowlist.',
  MG_BLOCKED_ACTIVE_CONTENT: 'Gateway verdict: the answer contained active content (script, event handler, javascript: URL).',
  MG_BLOCKED_OUTPUT: 'Gateway verdict: the answer violated another output-policy rule.',
  MG_PSEUDONYMIZED: 'Gateway verdict reason: identifiers were replaced by surrogates before the model saw them, and restored in the answer.',
  MG_REDACTED: 'Gateway verdict reason: sensitive values were replaced by `[TYPE]` placeholders.',
  MG_ALERTED: 'Gateway verdict reason: findings were recorded and the exchange passed.',
  MG_STORE_UNAVAILABLE: 'The shared store (PostgreSQL) cannot be reached: at start-up, or while running with `store.onLoss: closed` (503).',
  MG_CACHE_UNAVAILABLE: 'The shared cache (Redis) cannot be reached: at start-up, or while running with `cache.onLoss: closed` (503).',
  MG_BANNED: 'Gateway: the principal is on the blocklist or temporarily banned, on every instance (403).',
  MG_QUERY_INVALID: 'Gateway dashboard API: a query parameter is malformed or repeated (400); the message names the parameter.',
  MG_FHIR_SCOPE_INVALID: 'A SMART on FHIR scope string is malformed (v1 `patient/Observation.read` or v2 `patient/Observation.rs?category=laboratory` expected).',
  MG_FHIR_FORBIDDEN: "Gateway FHIR route: the principal's SMART scopes do not grant this interaction on this resource type (403).",
  MG_FHIR_OUT_OF_COMPARTMENT: 'Gateway FHIR route: the request reads, searches or writes outside the patient compartment the principal is bound to (403).',
  MG_FHIR_UNSUPPORTED: 'Gateway FHIR route: an interaction, operation or parameter the gateway cannot check safely (400).',
  MG_FHIR_FILTERED: 'Gateway verdict reason: resources outside the compartment or the scopes were removed from a FHIR response (each removal is a finding).',
  MG_FHIR_BREAK_GLASS: 'Gateway verdict reason: a principal used break-the-glass access (always an alert).',
  MG_FHIR_ANOMALY: 'Gateway verdict reason: the FHIR access-anomaly detector raised an alert (bulk access, enumeration, off-hours, new types).',
  MG_FHIR_QUARANTINED: 'Gateway verdict reason: instruction-like text in FHIR content was replaced by a quarantine marker before the client saw it.',
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
