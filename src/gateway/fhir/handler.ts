/**
 * A `type: fhir` route: classify the request → authorise it against the principal's SMART scopes
 * and patient compartment (refuse, or constrain a search) → pre-check a replacing write → proxy →
 * guard every returned resource → minimise and inspect content → anomaly rules → respond.
 */
import type { AuditFinding, Verdict } from '../../store/types.js';
import { authorize, type Access } from '../../fhir/authorize.js';
import { compartmentPatients, type Json } from '../../fhir/compartment.js';
import { classify, FhirRefusal, type FhirRequest } from '../../fhir/request.js';
import { parseScopes } from '../../fhir/scopes.js';
import type { HandlerContext } from '../app/deps.js';
import type { Exchange } from '../app/exchange.js';
import { readBody, scanJson } from '../app/body.js';
import { sendJson } from '../app/respond.js';
import { GatewayError, type Principal } from '../types.js';
import { filterBundle, rewriteLinks, verdictFor, type Removed } from './answer.js';
import { processContent } from './content.js';
import { stateFor, type FhirRouteState } from './state.js';
import { forward, type Forwarded } from './upstream.js';

const RANK: readonly Verdict[] = ['allow', 'alert', 'redact', 'pseudonymize', 'block'];
const PAGING = new Set(['_getpages', '_page', 'page', '_offset', '__offset', '_cursor', '_pageId']);

export function raise(x: Exchange, verdict: Verdict, reason: string): void {
  if (RANK.indexOf(verdict) > RANK.indexOf(x.verdict)) x.verdict = verdict;
  x.reasons.add(reason);
}

function finding(ctx: HandlerContext, f: Omit<AuditFinding, 'score' | 'fingerprint'> & { value: string }): void {
  const { value, ...rest } = f;
  ctx.x.findings.push({ ...rest, score: 1, fingerprint: ctx.deps.fingerprint(value) });
}

const refName = (r: Json): string => `${String(r.resourceType)}/${typeof r.id === 'string' ? r.id : '?'}`;

export function accessFor(principal: Principal, st: FhirRouteState, breakGlass: boolean): Access {
  const scopes = principal.scopes.length > 0 ? principal.scopes : (st.options.roleScopes[principal.role] ?? []);
  return { grants: parseScopes(scopes).grants, patient: principal.patient, sharedTypes: st.sharedTypes, breakGlass, allowExport: st.options.allowExport };
}

export async function handleFhir(ctx: HandlerContext): Promise<void> {
  const { req, x, endpoint, deps } = ctx;
  const principal = x.principal;
  if (!principal) throw new GatewayError(401, 'MG_AUTH_MISSING', 'authentication is required');
  const st = stateFor(endpoint.route);
  const method = (req.method ?? 'GET').toUpperCase();
  let query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
  let body: unknown;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const raw = await readBody(req, deps.config.limits);
    const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') query = [query, raw.toString('utf8')].filter((q) => q.length > 0).join('&');
    else if (raw.length > 0) body = parseJson(raw, deps.config.limits.maxJsonDepth);
  }
  const btg = st.breakGlass.check(principal, req.headers);
  if (btg.active) {
    raise(x, 'alert', 'MG_FHIR_BREAK_GLASS');
    finding(ctx, { family: 'api', kind: btg.opened ? 'api.fhir_break_glass_opened' : 'api.fhir_break_glass', detector: 'gateway.fhir', severity: 'high', direction: 'request', value: btg.reason ?? 'window' });
  }
  const access = accessFor(principal, st, btg.active);
  let fr: FhirRequest | undefined;
  let status = 403;
  try {
    fr = classify(method, endpoint.upstreamPath, query, body);
    const decision = authorize(fr, access);
    if (decision.precheck) await precheck(ctx, fr, { ...access, breakGlass: false });
    const answer = await forward(ctx, fr, decision.addParams);
    status = answer.status;
    const patients = respond(ctx, st, access, fr, answer);
    observe(ctx, st, principal, fr, status, patients);
  } catch (e) {
    if (e instanceof GatewayError) status = e.status;
    if (e instanceof FhirRefusal) status = e.status;
    observe(ctx, st, principal, fr, status, fr?.id !== undefined && fr.type === 'Patient' ? [fr.id] : []);
    if (e instanceof FhirRefusal) {
      x.verdict = 'block';
      throw new GatewayError(e.status, e.code, e.message);
    }
    throw e;
  }
}

function parseJson(raw: Buffer, maxDepth: number): unknown {
  const text = raw.toString('utf8');
  if (scanJson(text).depth > maxDepth) throw new GatewayError(400, 'MG_BODY_TOO_DEEP', `request JSON is nested deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GatewayError(400, 'MG_BODY_INVALID', 'request body is not valid JSON');
  }
}

/** A patient-bound update/patch/delete must not replace a resource of another patient. */
async function precheck(ctx: HandlerContext, fr: FhirRequest, access: Access): Promise<void> {
  const current = await forward(ctx, { ...fr, method: 'GET', interaction: 'read', params: [], body: undefined }, []);
  if (current.status === 404 || current.status === 410) return;
  if (current.status !== 200 || !current.json) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the FHIR server did not answer the pre-check read');
  if (verdictFor(current.json, access, undefined) !== null) throw new FhirRefusal(403, 'MG_FHIR_OUT_OF_COMPARTMENT', 'the resource to change belongs to another patient');
}

function recordRemovals(ctx: HandlerContext, removed: readonly Removed[]): void {
  if (removed.length === 0) return;
  raise(ctx.x, 'redact', 'MG_FHIR_FILTERED');
  for (const r of removed) finding(ctx, { family: 'api', kind: `api.fhir_removed_${r.why}`, detector: 'gateway.fhir', severity: r.why === 'out_of_compartment' ? 'high' : 'medium', direction: 'response', value: refName(r.resource) });
}

function respond(ctx: HandlerContext, st: FhirRouteState, access: Access, fr: FhirRequest, answer: Forwarded): string[] {
  const { x, endpoint } = ctx;
  const json = answer.json;
  let resources: Json[] = [];
  const patients = new Set<string>();
  if (json && json.resourceType === 'Bundle') {
    const f = filterBundle(json, access, st.allowedTypes);
    recordRemovals(ctx, f.removed);
    resources = f.kept;
    for (const p of f.patients) patients.add(p);
    rewriteLinks(json, answer.base, endpoint.route.prefix.replace(/\/$/, ''));
  } else if (json) {
    const why = verdictFor(json, access, st.allowedTypes);
    if (why !== null) {
      recordRemovals(ctx, [{ resource: json, why }]);
      x.verdict = 'block';
      throw why === 'out_of_compartment' ? new FhirRefusal(403, 'MG_FHIR_OUT_OF_COMPARTMENT', 'the resource belongs to another patient') : new FhirRefusal(403, 'MG_FHIR_FORBIDDEN', 'the scopes or route policy do not allow this resource');
    }
    resources = [json];
    for (const p of compartmentPatients(json)) patients.add(p);
  }
  const report = processContent(resources, st.options);
  for (const hit of [...report.quarantined, ...report.flagged, ...report.blocked]) {
    finding(ctx, { family: 'injection', kind: hit.kind, detector: 'gateway.fhir.content', severity: 'high', direction: 'response', value: hit.value });
  }
  if (report.blocked.length > 0) {
    raise(x, 'block', 'MG_BLOCKED_INJECTION');
    throw new GatewayError(403, 'MG_BLOCKED_INJECTION', 'answer blocked by medguard: instruction-like text in the record');
  }
  if (report.quarantined.length > 0) raise(x, 'redact', 'MG_FHIR_QUARANTINED');
  if (report.flagged.length > 0) raise(x, 'alert', 'MG_ALERTED');
  if (report.failures > 0) raise(x, 'alert', 'MG_DETECTOR_FAILED');
  if (report.pseudonymized > 0) raise(x, 'pseudonymize', 'MG_PSEUDONYMIZED');
  if (st.options.minimise.stripElements.length > 0 && resources.length > 0) x.reasons.add('MG_REDACTED');
  x.status = answer.status;
  sendJson(ctx.res, answer.status, json ? JSON.stringify(json) : '', { 'content-type': 'application/fhir+json; charset=utf-8', ...answer.headers });
  if (fr.type === 'Patient' && fr.id !== undefined) patients.add(fr.id);
  return [...patients];
}

function observe(ctx: HandlerContext, st: FhirRouteState, principal: Principal, fr: FhirRequest | undefined, status: number, patients: readonly string[]): void {
  const count = fr?.params.find(([n]) => n === '_count')?.[1];
  const alerts = st.anomaly.observe({
    principal: principal.id, role: principal.role, time: Date.now(), interaction: fr?.interaction ?? 'unknown', type: fr?.type, id: fr?.id, status,
    patients, count: count === undefined ? undefined : Number(count) || undefined, paging: fr?.params.some(([n]) => PAGING.has(n)) ?? false,
  });
  for (const a of alerts) {
    raise(ctx.x, 'alert', 'MG_FHIR_ANOMALY');
    // The evidence (counts and thresholds, no identifiers) travels in the detector field: AuditFinding has no free-text field.
    ctx.x.findings.push({ family: 'api', kind: `api.fhir_anomaly.${a.rule}`, detector: `gateway.fhir.anomaly: ${a.evidence}`.slice(0, 240), score: 1, severity: 'high', direction: 'request', fingerprint: ctx.deps.fingerprint(`${principal.id}:${a.rule}`) });
  }
}
