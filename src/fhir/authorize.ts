/**
 * The FHIR authorisation decision: a classified request and the principal's access → allow
 * (possibly with search parameters added to constrain it to the patient compartment, or a
 * pre-check of the resource a write replaces) or a refusal. The response guard (`admits`) is the
 * last line: whatever the server returns is checked again against the same access.
 */
import { compartmentParams, inCompartment, isCompartmentType, otherPatients, patientIdOf, inclusionsOf, type Json } from './compartment.js';
import { DEFAULT_SHARED_TYPES } from './compartment-data.js';
import { FhirRefusal, unsupported, type FhirRequest, type Param } from './request.js';
import { anyGrantAdmits } from './restrict.js';
import { grantsFor, type Grant, type Op } from './scopes.js';

export interface Access {
  readonly grants: readonly Grant[];
  /** The patient the principal is bound to (launch context / key); null for user-level access. */
  readonly patient: string | null;
  /** Types a patient-bound principal may read outside the compartment (no patient data). */
  readonly sharedTypes: ReadonlySet<string>;
  /** Break-the-glass in force: read and search anywhere; writes stay as scoped. */
  readonly breakGlass: boolean;
  readonly allowExport: boolean;
}

export interface Allow {
  readonly effect: 'allow';
  /** Parameters to add to the upstream search (compartment, scope restrictions). */
  readonly addParams: readonly Param[];
  /** For a patient-bound update/patch/delete: fetch the current resource and check it first. */
  readonly precheck: boolean;
}

export const defaultAccess = (grants: readonly Grant[], patient: string | null): Access => ({ grants, patient, sharedTypes: new Set(DEFAULT_SHARED_TYPES), breakGlass: false, allowExport: false });

const forbidden = (why: string): FhirRefusal => new FhirRefusal(403, 'MG_FHIR_FORBIDDEN', why);
const outside = (why: string): FhirRefusal => new FhirRefusal(403, 'MG_FHIR_OUT_OF_COMPARTMENT', why);
/** Query parameters whose meaning the gateway cannot bound (free filters, named queries). */
const OPAQUE = new Set(['_filter', '_query', '_contained', '_containedType', '_text', '_content', '_list']);
const READ_OPS: readonly Op[] = ['r', 's'];
const BTG_GRANT: Grant = { context: 'user', type: '*', ops: new Set(READ_OPS), restrictions: [], version: 2, source: 'break-the-glass' };

/** Grants usable by this principal: patient/ scopes need a patient context. */
export function usableGrants(access: Access, op: Op): readonly Grant[] {
  const own = access.patient === null ? access.grants.filter((g) => g.context !== 'patient') : access.grants;
  return access.breakGlass && READ_OPS.includes(op) ? [...own, BTG_GRANT] : own;
}

const bound = (access: Access, readOnly: boolean): string | null => (access.breakGlass && readOnly ? null : access.patient);

function need(access: Access, type: string, op: Op): Grant[] {
  const g = grantsFor(usableGrants(access, op), type, op);
  if (g.length === 0) throw forbidden(`no scope grants "${op}" on ${type}`);
  return g;
}

export function authorize(req: FhirRequest, access: Access): Allow {
  const allow = (addParams: readonly Param[] = [], precheck = false): Allow => ({ effect: 'allow', addParams, precheck });
  switch (req.interaction) {
    case 'capabilities':
      return allow();
    case 'batch':
    case 'transaction':
      // Every entry must pass on its own; one refusal refuses the bundle (nothing half-applied).
      for (const e of req.entries ?? []) {
        const d = authorize(e, access);
        if (d.addParams.length > 0 || d.precheck) throw unsupported('batch entries that need constraining or a pre-check (patient-bound searches or replacing writes) must be sent alone');
      }
      return allow();
    case 'export':
      if (!access.allowExport) throw forbidden('bulk $export is not enabled on this route');
      if (access.patient !== null) throw outside('bulk $export is not available to a patient-bound principal');
      need(access, '*', 'r');
      need(access, '*', 's');
      return allow();
    case 'everything': {
      need(access, '*', 'r');
      need(access, '*', 's');
      const p = bound(access, true);
      if (p !== null && req.type === 'Patient' && req.id !== p) throw outside('$everything of another patient');
      if (p !== null && req.type !== 'Patient') throw outside('Encounter/$everything is not available to a patient-bound principal');
      return allow();
    }
    case 'read':
    case 'vread':
      return readOne(req, access, allow);
    case 'history':
      if (req.level !== 'instance') {
        if (bound(access, true) !== null) throw outside('type or system history cannot be limited to one patient; use instance history');
        need(access, req.type ?? '*', 's');
        return allow();
      }
      return readOne(req, access, allow);
    case 'search':
      return search(req, access);
    case 'create':
    case 'update':
    case 'patch':
    case 'delete':
      return write(req, access, allow);
  }
}

function readOne(req: FhirRequest, access: Access, allow: (p?: readonly Param[], pre?: boolean) => Allow): Allow {
  const type = req.type ?? '';
  need(access, type, 'r');
  const p = bound(access, true);
  if (p === null) return allow();
  if (type === 'Patient' && req.id !== p) throw outside('read of another patient');
  if (!isCompartmentType(type) && !access.sharedTypes.has(type)) throw outside(`${type} is outside the patient compartment`);
  // Other compartment types: membership is only known from the answer; the response guard decides.
  return allow();
}

/** A server's continuation of an earlier search (HAPI `GET /?_getpages=token&_getpagesoffset=n`). */
const CONTINUATION = new Set(['_getpages', '_getpagesoffset', '_count', '_pretty', '_bundletype', '_format', '_summary', '_elements']);
const isContinuation = (req: FhirRequest): boolean =>
  req.type === undefined && req.compartmentPatient === undefined && req.params.some(([n]) => n === '_getpages') && req.params.every(([n]) => CONTINUATION.has(n));

function search(req: FhirRequest, access: Access): Allow {
  const p = bound(access, true);
  if (isContinuation(req)) {
    // The page token is opaque: it may even be another principal's. What the page holds is
    // decided by the response guard alone, so any principal that may search gets it, filtered.
    if (!usableGrants(access, 's').some((g) => g.ops.has('s'))) throw forbidden('no scope grants search');
    return { effect: 'allow', addParams: [], precheck: false };
  }
  if (req.type === undefined) {
    if (p !== null) throw outside('a system-wide search cannot be limited to one patient; search one type');
    const types = req.params.filter(([n]) => n === '_type').flatMap(([, v]) => v.split(','));
    for (const t of types.length > 0 ? types : ['*']) need(access, t, 's');
    return { effect: 'allow', addParams: [], precheck: false };
  }
  const type = req.type;
  const grants = need(access, type, 's');
  const add: Param[] = [];
  // All grants restricted and only one of them: send its restrictions (the guard re-checks anyway).
  const g0 = grants[0];
  if (grants.every((g) => g.restrictions.length > 0) && grants.length === 1 && g0) {
    for (const r of g0.restrictions) if (!req.params.some(([n, v]) => n === r[0] && v === r[1])) add.push(r);
  }
  if (p === null) return { effect: 'allow', addParams: add, precheck: false };
  if (req.compartmentPatient !== undefined && req.compartmentPatient !== p) throw outside('compartment search of another patient');
  for (const [name, value] of req.params) {
    if (OPAQUE.has(name.split(':')[0] ?? name)) throw unsupported(`${name} cannot be checked for a patient-bound principal`);
    checkNoOtherPatient(name, value, p);
  }
  if (type === 'Patient') {
    checkSelf(req.params, ['_id', 'link'], p);
    return { effect: 'allow', addParams: [...add, ['_id', p]], precheck: false };
  }
  if (access.sharedTypes.has(type) && !isCompartmentType(type)) {
    // A shared type is not constrained to the compartment, so a reverse chain from it would be an
    // oracle over other patients' records (Medication?_has:MedicationRequest:medication:subject=p2).
    if (req.params.some(([n]) => n.startsWith('_has:'))) throw outside(`_has on ${type} could reach other patients' records`);
    return { effect: 'allow', addParams: add, precheck: false };
  }
  const cparams = compartmentParams(type);
  const first = cparams[0];
  if (first === undefined) throw outside(`${type} is outside the patient compartment`);
  checkSelf(req.params, [...cparams, 'patient', 'subject'], p);
  if (req.compartmentPatient === undefined) add.push([first, `Patient/${p}`]);
  return { effect: 'allow', addParams: add, precheck: false };
}

/** A search value anywhere (chains, `_has`, references) naming another patient is refused. */
function checkNoOtherPatient(name: string, value: string, p: string): void {
  for (const v of value.split(',')) {
    const id = patientIdOf(v.trim());
    if (id !== undefined && id !== p) throw outside(`search parameter ${name.slice(0, 64)} names another patient`);
  }
}

/** Compartment parameters may only name the bound patient, with no modifier but `:Patient`. */
function checkSelf(params: readonly Param[], names: readonly string[], p: string): void {
  for (const [name, value] of params) {
    const [base, modifier] = name.split(':');
    if (base === undefined || !names.includes(base)) continue;
    if (name.includes('.')) continue; // a chain (subject.name): results are constrained anyway
    if (modifier !== undefined && modifier !== 'Patient') throw outside(`modifier :${modifier.slice(0, 32)} on ${base} is not allowed for a patient-bound principal`);
    for (const v of value.split(',')) if (v !== p && patientIdOf(v) !== p) throw outside(`${base} names another patient`);
  }
}

function write(req: FhirRequest, access: Access, allow: (p?: readonly Param[], pre?: boolean) => Allow): Allow {
  if (req.conditional) throw unsupported('conditional update, patch and delete are not supported through the gateway');
  const type = req.type ?? '';
  const op: Op = req.interaction === 'create' ? 'c' : req.interaction === 'delete' ? 'd' : 'u';
  need(access, type, op);
  const body = req.body as Json | undefined;
  if (req.interaction === 'create' || req.interaction === 'update') {
    if (!body || body.resourceType !== type) throw unsupported(`the body must be a ${type} resource`);
    if (req.interaction === 'update' && body.id !== req.id) throw unsupported('the body id must match the URL id');
  }
  const p = access.patient;
  if (p === null) return allow();
  if (type === 'Patient' ? req.interaction === 'create' || req.id !== p : !isCompartmentType(type)) throw outside(`a patient-bound principal cannot write this ${type}`);
  if (body && (req.interaction === 'create' || req.interaction === 'update')) {
    if (otherPatients(body, p).length > 0) throw outside('the resource points at another patient');
    if (!inCompartment(body, p)) throw outside('the resource does not belong to the patient in context');
  }
  if (req.interaction === 'patch') checkPatch(type, body);
  return allow([], req.interaction !== 'create');
}

/** JSON Patch may not touch the elements that decide compartment membership. */
function checkPatch(type: string, body: unknown): void {
  if (!Array.isArray(body)) throw unsupported('only JSON Patch (application/json-patch+json) is supported for a patient-bound principal');
  const roots = new Set((inclusionsOf(type) ?? []).map(([, path]) => path.split('.')[0]));
  for (const op of body.slice(0, 1000) as unknown[]) {
    const path = (op as { path?: unknown; from?: unknown } | null)?.path;
    const from = (op as { from?: unknown } | null)?.from;
    for (const x of [path, from]) {
      if (x === undefined) continue;
      if (typeof x !== 'string') throw unsupported('a JSON Patch operation needs a string path');
      const root = x.split('/')[1] ?? '';
      if (x === '' || x === '/' || roots.has(root) || root === 'id' || root === 'resourceType') throw outside('the patch changes who the resource belongs to');
    }
  }
}

export type Removal = 'out_of_compartment' | 'out_of_scope';

/** The response guard: null when the client may see `resource`, else why not. */
export function admits(resource: Json, access: Access): Removal | null {
  const type = resource.resourceType;
  if (typeof type !== 'string') return 'out_of_scope';
  // A nested Bundle is not waved through: its entries are checked by the caller (filterBundle), and
  // as a resource of its own it needs a grant and, for a patient-bound principal, is outside the compartment.
  if (type === 'OperationOutcome') return null;
  const grants = [...grantsFor(usableGrants(access, 'r'), type, 'r'), ...grantsFor(usableGrants(access, 's'), type, 's')];
  if (grants.length === 0 || !anyGrantAdmits(grants, resource)) return 'out_of_scope';
  const p = bound(access, true);
  if (p === null) return null;
  if (isCompartmentType(type)) return inCompartment(resource, p) ? null : 'out_of_compartment';
  return access.sharedTypes.has(type) ? null : 'out_of_compartment';
}
