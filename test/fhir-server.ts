/**
 * A small FHIR R4 server on loopback for end-to-end tests and the benchmark: serves the committed
 * synthetic fixtures (test/fixtures/fhir/) with read, vread, search (reference, token and _id
 * parameters, `_include`/`_revinclude` by element name, `_count`), compartment search, `$everything`,
 * create, update, delete and batch. Deliberately naive: it trusts whatever the gateway sends.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Res = Record<string, unknown> & { resourceType: string; id: string };

export interface FhirServer {
  readonly url: string;
  /** Every request line the server received (method and URL, query included). */
  readonly seen: string[];
  readonly db: Map<string, Res>;
  close(): Promise<void>;
}

export function loadFixtures(): Res[] {
  const bundle = JSON.parse(readFileSync(new URL('./fixtures/fhir/synthea-small.json', import.meta.url), 'utf8')) as { entry: { resource: Res }[] };
  return bundle.entry.map((e) => e.resource);
}

const refEnds = (v: unknown, want: string): boolean => {
  const r = (v as { reference?: unknown } | null)?.reference;
  return typeof r === 'string' && (r === want || r.endsWith(`/${want}`) || r.split('/').pop() === want);
};
const tokenHas = (v: unknown, code: string): boolean => JSON.stringify(v ?? null).includes(`"code":"${code}"`);

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function matches(r: Res, name: string, value: string): boolean {
  const base = name.split(':')[0] ?? name;
  if (base.startsWith('_') && base !== '_id') return true;
  if (base.includes('.')) return true;
  return value.split(',').some((v) => {
    if (base === '_id') return r.id === v;
    if (base === 'patient') return asArray(r.subject ?? r.patient).some((x) => refEnds(x, v));
    if (base === 'category' || base === 'code') return asArray(r[base]).some((x) => tokenHas(x, v.split('|').pop() ?? v));
    if (base === 'name') return JSON.stringify(r.name ?? '').toLowerCase().includes(v.toLowerCase());
    if (base === 'identifier') return JSON.stringify(r.identifier ?? '').includes(v.split('|').pop() ?? v);
    return asArray(r[base]).some((x) => refEnds(x, v));
  });
}

function search(db: Map<string, Res>, type: string | undefined, params: URLSearchParams): Record<string, unknown> {
  let hits = [...db.values()].filter((r) => type === undefined || r.resourceType === type);
  for (const [n, v] of params) hits = hits.filter((r) => matches(r, n, v));
  const count = Number(params.get('_count') ?? '1000');
  const total = hits.length;
  hits = hits.slice(0, count);
  const entry: Record<string, unknown>[] = hits.map((r) => ({ fullUrl: `${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' } }));
  // `_include=Type:element` and `_revinclude=Type:element`, element name = parameter name; like a
  // real server, included resources are not limited by the search's other parameters.
  for (const inc of params.getAll('_include')) {
    const [from, el] = inc.split(':');
    for (const r of hits) if (r.resourceType === from && el) for (const p of asArray(r[el])) {
      const ref = (p as { reference?: string }).reference ?? '';
      const target = db.get(ref);
      if (target) entry.push({ fullUrl: ref, resource: target, search: { mode: 'include' } });
    }
  }
  for (const rev of params.getAll('_revinclude')) {
    const [from, el] = rev.split(':');
    for (const r of db.values()) {
      if (r.resourceType !== from || !el) continue;
      if (hits.some((h) => asArray(r[el]).some((x) => refEnds(x, `${h.resourceType}/${h.id}`)))) entry.push({ fullUrl: `${r.resourceType}/${r.id}`, resource: r, search: { mode: 'include' } });
    }
  }
  return { resourceType: 'Bundle', type: 'searchset', total, link: [{ relation: 'self', url: 'self' }], entry };
}

const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/fhir+json', 'content-length': String(Buffer.byteLength(text)), ...headers }).end(text);
};
const notFound = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] };

function handle(db: Map<string, Res>, method: string, path: string, params: URLSearchParams, body: Res | undefined, base: string): [number, unknown, Record<string, string>?] {
  const segs = path.split('/').filter(Boolean);
  const [a, b, c] = segs;
  if (method === 'GET' && a === 'metadata') return [200, { resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'] }];
  if (method === 'POST' && segs.length === 0 && body) {
    const entry = asArray(body.entry).map((e) => {
      const req = (e as { request: { method: string; url: string } }).request;
      const [p, q] = req.url.split('?');
      const [status, resource] = handle(db, req.method, `/${p ?? ''}`, new URLSearchParams(q ?? ''), (e as { resource?: Res }).resource, base);
      return { ...(resource ? { resource } : {}), response: { status: String(status) } };
    });
    return [200, { resourceType: 'Bundle', type: body.type === 'transaction' ? 'transaction-response' : 'batch-response', entry }];
  }
  if (segs.length === 0 && method === 'GET') return [200, search(db, undefined, params)];
  if (!a) return [400, notFound];
  if (segs.length === 1 && method === 'GET') return [200, search(db, a, params)];
  if (segs.length === 1 && method === 'POST' && body) {
    const id = `new${db.size + 1}`;
    const created = { ...body, id } as Res;
    db.set(`${a}/${id}`, created);
    return [201, created, { location: `${base}/${a}/${id}/_history/1` }];
  }
  const key = `${a}/${b ?? ''}`;
  if (segs.length === 2 && method === 'GET') return db.has(key) ? [200, db.get(key), { etag: 'W/"1"' }] : [404, notFound];
  if (segs.length === 2 && method === 'PUT' && body) {
    const existed = db.has(key);
    db.set(key, body);
    return [existed ? 200 : 201, body];
  }
  if (segs.length === 2 && method === 'DELETE') return db.delete(key) ? [204, undefined] : [404, notFound];
  if (segs.length === 4 && c === '_history' && method === 'GET') return db.has(key) ? [200, db.get(key)] : [404, notFound];
  if (segs.length === 3 && a === 'Patient' && c === '$everything') {
    const all = [...db.values()].filter((r) => (r.resourceType === 'Patient' && r.id === b) || JSON.stringify(r).includes(`"Patient/${b ?? ''}"`));
    return [200, { resourceType: 'Bundle', type: 'searchset', total: all.length, entry: all.map((r) => ({ resource: r })) }];
  }
  if (segs.length === 3 && a === 'Patient' && c) {
    const p = new URLSearchParams(params);
    p.append('patient', b ?? '');
    return [200, search(db, c, p)];
  }
  return [400, notFound];
}

export async function startFhirServer(): Promise<FhirServer> {
  const db = new Map(loadFixtures().map((r) => [`${r.resourceType}/${r.id}`, r]));
  const seen: string[] = [];
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (ch: Buffer) => chunks.push(ch));
    req.on('end', () => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      const path = url.pathname.replace(/^\/fhir/, '');
      const [status, body, headers] = handle(db, req.method ?? 'GET', path, url.searchParams, text ? (JSON.parse(text) as Res) : undefined, base);
      send(res, status, body, headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  return {
    url: base,
    seen,
    db,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
