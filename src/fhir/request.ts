/**
 * Classifies a FHIR R4 REST request (path relative to the server base, query, body) into the
 * interaction the authorisation decision needs: read, vread, search (type, system or compartment),
 * history, create, update, patch, delete, `$everything`, `$export`, batch/transaction (each entry
 * classified in turn) and capabilities. Anything else is refused as unsupported: a gateway that
 * cannot name an interaction cannot authorise it.
 */
import { MedguardError, type ErrorCode } from '../core/errors.js';

export type Interaction =
  | 'capabilities' | 'read' | 'vread' | 'search' | 'history' | 'create' | 'update' | 'patch' | 'delete'
  | 'everything' | 'export' | 'batch' | 'transaction';

export type Param = readonly [name: string, value: string];

export interface FhirRequest {
  readonly interaction: Interaction;
  readonly level: 'system' | 'type' | 'instance';
  readonly method: string;
  readonly type?: string;
  readonly id?: string;
  readonly vid?: string;
  /** `/Patient/{id}/{type}` compartment search: the patient named in the path. */
  readonly compartmentPatient?: string;
  readonly params: readonly Param[];
  /** Update/patch/delete addressed by search criteria instead of an id. */
  readonly conditional: boolean;
  readonly body?: unknown;
  /** Batch/transaction entries, classified. */
  readonly entries?: readonly FhirRequest[];
}

/** A refusal with the HTTP status the gateway answers. */
export class FhirRefusal extends MedguardError {
  readonly status: number;
  constructor(status: number, code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'FhirRefusal';
    this.status = status;
  }
}

export const unsupported = (why: string): FhirRefusal => new FhirRefusal(400, 'MG_FHIR_UNSUPPORTED', why);

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;
const ID = /^[A-Za-z0-9.-]{1,64}$/;
const MAX_PARAMS = 100;
export const MAX_BATCH_ENTRIES = 1000;

const isType = (s: string | undefined): s is string => s !== undefined && TYPE.test(s);
const isId = (s: string | undefined): s is string => s !== undefined && ID.test(s);

export function parseQuery(query: string): Param[] {
  const params = [...new URLSearchParams(query)];
  if (params.length > MAX_PARAMS) throw unsupported(`more than ${MAX_PARAMS} query parameters`);
  return params;
}

/** `path` is relative to the FHIR base (`/Observation/1`); `query` without the `?`. */
export function classify(method: string, path: string, query: string, body?: unknown, depth = 0): FhirRequest {
  const m = method.toUpperCase();
  const segs = path.split('/').filter((s) => s.length > 0);
  if (segs.some((s) => s === '.' || s === '..')) throw unsupported('dot segments in the path');
  const params = parseQuery(query);
  const base = { method: m, params, conditional: false, ...(body === undefined ? {} : { body }) };
  const [a, b, c, d] = segs;
  if (segs.length === 0) {
    if (m === 'POST') return batch(base, body, depth);
    if (m === 'GET') return { ...base, interaction: 'search', level: 'system' };
  } else if (!isType(a)) {
    if (segs.length === 1 && a === 'metadata' && m === 'GET') return { ...base, interaction: 'capabilities', level: 'system' };
    if (segs.length === 1 && a === '_history' && m === 'GET') return { ...base, interaction: 'history', level: 'system' };
    if (segs.length === 1 && a === '_search' && m === 'POST') return { ...base, interaction: 'search', level: 'system' };
    if (segs.length === 1 && a === '$export' && (m === 'GET' || m === 'POST')) return { ...base, interaction: 'export', level: 'system' };
  } else if (segs.length === 1) {
    if (m === 'GET') return { ...base, type: a, interaction: 'search', level: 'type' };
    if (m === 'POST') return { ...base, type: a, interaction: 'create', level: 'type' };
    if (m === 'PUT' || m === 'PATCH' || m === 'DELETE') return { ...base, type: a, interaction: writeOf(m), level: 'type', conditional: true };
  } else if (segs.length === 2) {
    if (b === '_search' && m === 'POST') return { ...base, type: a, interaction: 'search', level: 'type' };
    if (b === '_history' && m === 'GET') return { ...base, type: a, interaction: 'history', level: 'type' };
    if (b === '$export' && a === 'Patient' && (m === 'GET' || m === 'POST')) return { ...base, type: a, interaction: 'export', level: 'type' };
    if (isId(b) && m === 'GET') return { ...base, type: a, id: b, interaction: 'read', level: 'instance' };
    if (isId(b) && (m === 'PUT' || m === 'PATCH' || m === 'DELETE')) return { ...base, type: a, id: b, interaction: writeOf(m), level: 'instance' };
  } else if (isId(b)) {
    const get = m === 'GET';
    if (segs.length === 3 && c === '$everything' && (a === 'Patient' || a === 'Encounter') && (get || m === 'POST')) return { ...base, type: a, id: b, interaction: 'everything', level: 'instance' };
    if (segs.length === 3 && c === '$export' && a === 'Group' && (get || m === 'POST')) return { ...base, type: a, id: b, interaction: 'export', level: 'instance' };
    if (segs.length === 3 && c === '_history' && get) return { ...base, type: a, id: b, interaction: 'history', level: 'instance' };
    if (segs.length === 4 && c === '_history' && isId(d) && get) return { ...base, type: a, id: b, vid: d, interaction: 'vread', level: 'instance' };
    if (segs.length === 3 && a === 'Patient' && (isType(c) || c === '*') && get) {
      return { ...base, ...(c === '*' ? {} : { type: c }), compartmentPatient: b, interaction: 'search', level: c === '*' ? 'system' : 'type' };
    }
  }
  throw unsupported(`${m} on this path is not a FHIR interaction the gateway can check`);
}

const writeOf = (m: string): Interaction => (m === 'PUT' ? 'update' : m === 'PATCH' ? 'patch' : 'delete');

function batch(base: Omit<FhirRequest, 'interaction' | 'level'>, body: unknown, depth: number): FhirRequest {
  if (depth > 0) throw unsupported('a batch inside a batch');
  const bundle = body as { resourceType?: unknown; type?: unknown; entry?: unknown } | undefined;
  if (!bundle || bundle.resourceType !== 'Bundle' || (bundle.type !== 'batch' && bundle.type !== 'transaction')) {
    throw unsupported('POST to the base must be a Bundle of type batch or transaction');
  }
  const list = bundle.entry === undefined ? [] : bundle.entry;
  if (!Array.isArray(list)) throw unsupported('Bundle.entry must be an array');
  if (list.length > MAX_BATCH_ENTRIES) throw unsupported(`more than ${MAX_BATCH_ENTRIES} batch entries`);
  const entries = list.map((e: unknown, i) => {
    const req = (e as { request?: { method?: unknown; url?: unknown } } | null)?.request;
    if (!req || typeof req.method !== 'string' || typeof req.url !== 'string') throw unsupported(`Bundle.entry[${i}].request needs method and url`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(req.url)) throw unsupported(`Bundle.entry[${i}].request.url must be relative`);
    const q = req.url.indexOf('?');
    const p = q < 0 ? req.url : req.url.slice(0, q);
    const resource = (e as { resource?: unknown }).resource;
    return classify(req.method, `/${p}`, q < 0 ? '' : req.url.slice(q + 1), resource, depth + 1);
  });
  return { ...base, interaction: bundle.type, level: 'system', entries };
}
