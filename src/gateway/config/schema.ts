/**
 * The gateway config as zod strict schemas: every unknown or misspelt field is an error, and the
 * defaults live here so a minimal file (one upstream, one route) is a working gateway.
 */
import { z } from 'zod';
import { CacheConfigInput } from '../../cache/config.js';
import { AuditConfigInput, AuditConfigSchema } from './audit.js';
import { IdentitySchema } from './identity.js';
import { LimitsSchema } from './limits.js';
import { FhirOptionsSchema } from '../fhir/config.js';

export const ACTIONS = ['block', 'redact', 'pseudonymize', 'alert', 'allow'] as const;
export type Action = (typeof ACTIONS)[number];
export const RESPONSE_ACTIONS = ['block', 'redact', 'alert', 'allow'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'expected an environment variable name such as OPENAI_API_KEY');
const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case name such as "clinical" (letters, digits, - and _)');
/** A family (`phi`) or one kind (`phi.PHONE`, `output.exfiltration_link`). */
const KindKey = z.string().regex(/^[a-z]{2,20}(\.[A-Za-z0-9_]{1,64})?$/, 'expected a family such as "phi" or a kind such as "phi.PHONE"');
const Host = z.string().regex(/^(\*\.)?[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,10}$/, 'expected a host name such as "pubmed.ncbi.nlm.nih.gov" or "*.nhs.uk"');

export const PolicySchema = z.strictObject({
  /** What to do with findings in what the client sent, per family or kind. */
  request: z.record(KindKey, z.enum(ACTIONS)).optional(),
  /** What to do with findings in what the model answered, per family or kind. */
  response: z.record(KindKey, z.enum(RESPONSE_ACTIONS)).optional(),
  /** `any`: every PHI finding in an answer counts; `new`: only PHI that was not in the request. */
  outputPhi: z.enum(['any', 'new']).optional(),
  /** Hosts markdown links and images in answers may point to; any other host is `output.exfiltration_link`. */
  linkAllowlist: z.array(Host).max(1000).optional(),
  /** Plant a random canary in the system prompt; seeing it in an answer is `output.system_prompt_leak`. */
  canary: z.boolean().optional(),
  /** A detector that throws: `closed` blocks the exchange, `open` records it and lets it pass. */
  detectorFailure: z.enum(['closed', 'open']).optional(),
});
export type PolicyInput = z.output<typeof PolicySchema>;

const Timeouts = z.strictObject({
  connectMs: z.number().int().min(1).max(120_000).default(5_000),
  /** Until the upstream's response headers arrive (a streamed answer's first byte). */
  headersMs: z.number().int().min(1).max(600_000).default(60_000),
  /** Longest silence between two body chunks. */
  bodyMs: z.number().int().min(1).max(600_000).default(60_000),
});

export const UpstreamSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://api.openai.com' }),
  /** Name of the env var holding the key sent upstream as `Authorization: Bearer`; the key never sits in the file. */
  apiKeyEnv: EnvName.optional(),
  timeouts: Timeouts.default({ connectMs: 5_000, headersMs: 60_000, bodyMs: 60_000 }),
  maxResponseBytes: z.number().int().min(1024).max(256 * 1024 * 1024).default(16 * 1024 * 1024),
  connections: z.number().int().min(1).max(1024).default(64),
});

export const RouteSchema = z.strictObject({
  name: Name,
  type: z.enum(['openai', 'fhir']).default('openai'),
  /** Path prefix the route serves, e.g. `/v1` (OpenAI) or `/clinical/v1`. */
  prefix: z.string().regex(/^\/[A-Za-z0-9._~/-]{0,200}$/, 'expected a path such as "/v1"').default('/v1'),
  upstream: Name,
  /** Extra paths under the prefix forwarded without inspection (e.g. `/files`); everything else unknown is 404. */
  allowPaths: z.array(z.string().regex(/^\/[A-Za-z0-9._~/-]{1,200}$/, 'expected a path such as "/files"')).max(100).default([]),
  policy: PolicySchema.optional(),
  /** Options of a `type: fhir` route (docs/FHIR.md); ignored by other route types. */
  fhir: FhirOptionsSchema.optional(),
});

export const ListenSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(8787),
  tls: z.strictObject({ cert: z.string().min(1), key: z.string().min(1) }).optional(),
});

export const DashboardSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Env var holding the admin key the dashboard asks for. */
  adminKeyEnv: EnvName.optional(),
});

export const GatewayConfigSchema = z.strictObject({
  listen: ListenSchema.default({ host: '127.0.0.1', port: 8787 }),
  upstreams: z.record(Name, UpstreamSchema),
  routes: z.array(RouteSchema).min(1, 'at least one route is needed'),
  policy: PolicySchema.default({}),
  store: AuditConfigInput.default(AuditConfigSchema.parse({})),
  /** Redis shared by several instances (limits, bans, grants, live events); absent: all in-process. */
  cache: CacheConfigInput.optional(),
  identity: IdentitySchema.default(IdentitySchema.parse({})),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
  dashboard: DashboardSchema.default({ enabled: true }),
});

export type GatewayConfigInput = z.input<typeof GatewayConfigSchema>;
export type ParsedConfig = z.output<typeof GatewayConfigSchema>;
export type RouteConfig = z.output<typeof RouteSchema>;
export type UpstreamConfig = z.output<typeof UpstreamSchema>;
