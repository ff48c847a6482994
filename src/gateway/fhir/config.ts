/**
 * `routes[].fhir:` — options of a `type: fhir` route (docs/FHIR.md). Strict objects: a misspelt
 * field is an error naming the field and the fix.
 */
import { z } from 'zod';
import { parseScope } from '../../fhir/scopes.js';

const Type = z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, 'expected a FHIR resource type such as "Observation"');
const Element = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'expected a top-level element name such as "telecom"');
const Role = z.string().min(1).max(64);

const Scope = z.string().max(256).superRefine((s, ctx) => {
  try {
    parseScope(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : 'invalid SMART scope' });
  }
});

export const BreakGlassSchema = z.strictObject({
  /** Request header carrying the reason; its presence asks for break-the-glass. */
  header: z.string().regex(/^x-[a-z0-9-]{1,60}$/, 'expected a lower-case header name starting with x-').default('x-medguard-break-glass'),
  /** How long access stays widened for that principal after the header is first seen. */
  minutes: z.number().int().min(1).max(1440).default(60),
  /** Roles that may break the glass. */
  roles: z.array(Role).max(64).default(['clinician']),
  /** A reason shorter than this is refused. */
  minReasonChars: z.number().int().min(1).max(200).default(10),
});

export const MinimiseSchema = z.strictObject({
  /** When set, only these resource types reach the client; others are removed from answers. */
  resourceTypes: z.array(Type).max(200).optional(),
  /** Top-level elements removed from every resource (e.g. identifier, telecom, address, photo). */
  stripElements: z.array(Element).max(100).default([]),
  /** De-identify narrative and free text with the PHI engine (consistent pseudonyms within one answer). */
  deidentifyText: z.boolean().default(false),
});

export const AnomalySchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Distinct patients a principal may touch in an hour before an alert... */
  patientsPerHour: z.number().int().min(1).max(1_000_000).default(50),
  /** ...or this multiple of its own (and its role's) usual hourly count, whichever is larger. */
  baselineFactor: z.number().min(1).max(1000).default(3),
  /** 404s in ten minutes that look like guessing identifiers. */
  notFoundPer10Min: z.number().int().min(1).max(100_000).default(20),
  /** Sequential numeric ids read in a row. */
  sequentialRun: z.number().int().min(2).max(10_000).default(10),
  /** A `_count` above this is a bulk read. */
  maxCount: z.number().int().min(1).max(100_000).default(500),
  /** Result pages fetched in ten minutes (paging through everything). */
  pagesPer10Min: z.number().int().min(1).max(100_000).default(50),
  /** Usual working hours (UTC, [start, end)); access outside is flagged once the principal has history. */
  workingHours: z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)]).default([6, 20]),
  /** Requests seen before off-hours and new-type rules apply (a baseline must exist first). */
  warmup: z.number().int().min(0).max(1_000_000).default(50),
});

export const FhirOptionsSchema = z.strictObject({
  /** Scopes for principals whose credential carries none (API keys), by role. */
  roleScopes: z.record(Role, z.array(Scope).max(64)).default({}),
  /** Types a patient-bound principal may read outside its compartment (default: terminology, practitioners, medications...). */
  sharedTypes: z.array(Type).max(200).optional(),
  /** Allow `$export` (bulk data) for non-patient-bound principals with `*` read+search scopes. */
  allowExport: z.boolean().default(false),
  /** Break-the-glass; absent = disabled. */
  breakGlass: BreakGlassSchema.optional(),
  minimise: MinimiseSchema.default({ stripElements: [], deidentifyText: false }),
  /** Instruction-like text in narrative, notes, descriptions and text attachments. */
  injection: z.enum(['quarantine', 'flag', 'block', 'off']).default('quarantine'),
  anomaly: AnomalySchema.default(AnomalySchema.parse({})),
});

export type FhirOptions = z.output<typeof FhirOptionsSchema>;
export type AnomalyOptions = z.output<typeof AnomalySchema>;
export type BreakGlassOptions = z.output<typeof BreakGlassSchema>;
