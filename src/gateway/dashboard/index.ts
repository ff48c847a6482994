/**
 * The dashboard under `/_medguard/`: the page and its assets, a JSON API over the audit store and a
 * live SSE stream from the EventBus, all behind the admin key. Mounted by the gateway before
 * authentication of API clients (the dashboard has its own).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { MedguardError } from '../../core/errors.js';
import type { Store } from '../../store/types.js';
import { errorBody, sendJson } from '../app/respond.js';
import type { EventBus } from '../types.js';
import { createAdminAuth } from './auth.js';
import { createLiveStreams, type LiveOptions } from './live.js';
import { parseFilter, parseStats } from './query.js';
import { DEFAULT_WEB_ROOT, loadAssets, SECURITY_HEADERS } from './static.js';
import { computeStats } from './stats.js';

export const PREFIX = '/_medguard';

export interface DashboardOptions {
  readonly store: Store;
  readonly bus: EventBus;
  /** The admin key (from the env var named by `dashboard.adminKeyEnv`, or printed in demo mode). */
  readonly adminKey: string;
  readonly webRoot?: string;
  readonly live?: LiveOptions;
  readonly now?: () => number;
}

export interface Dashboard {
  /** True when it answered (any `/_medguard` path). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Ends live streams (call before closing the server). */
  close(): void;
  readonly liveCount: number;
}

const MAX_FORM = 4096;

export function createDashboard(options: DashboardOptions): Dashboard {
  if (options.adminKey.length < 16) {
    throw new MedguardError('MG_CONFIG_INVALID', 'dashboard: the admin key must be at least 16 characters — fix: put a long random key (e.g. openssl rand -base64 32) in the env var named by dashboard.adminKeyEnv', { field: 'dashboard.adminKeyEnv' });
  }
  const assets = loadAssets(options.webRoot ?? DEFAULT_WEB_ROOT);
  const auth = createAdminAuth(options.adminKey, options.now);
  const live = createLiveStreams(options.bus, options.live);
  const now = options.now ?? Date.now;

  const asset = (res: ServerResponse, name: string, status = 200): void => {
    const a = assets.get(name);
    if (!a) return void sendJson(res, 404, errorBody(404, 'MG_ROUTE_NOT_FOUND', 'no such dashboard asset'));
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': a.type, 'content-length': String(a.body.length), 'cache-control': name.endsWith('.html') ? 'no-store' : 'no-cache' });
    res.end(a.body);
  };
  const api = (res: ServerResponse, status: number, body: unknown): void => sendJson(res, status, JSON.stringify(body), { ...SECURITY_HEADERS });
  const badParam = (res: ServerResponse, param: string): void => sendJson(res, 400, errorBody(400, 'MG_QUERY_INVALID', `query parameter "${param.replace(/[^A-Za-z0-9_]/g, '').slice(0, 32)}" is invalid or repeated`));

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(PREFIX.length);
    const method = req.method ?? 'GET';
    const secure = req.socket instanceof TLSSocket;
    if (path === '' || path === '/index.html') {
      res.writeHead(308, { location: `${PREFIX}/` }).end();
      return;
    }
    if (path.startsWith('/assets/') && method === 'GET') return asset(res, path.slice('/assets/'.length));
    if (path === '/login' && method === 'POST') {
      const key = await readKey(req);
      if (key !== undefined && auth.checkKey(key)) res.writeHead(303, { location: `${PREFIX}/`, 'set-cookie': auth.sessionCookie(secure) }).end();
      else res.writeHead(303, { location: `${PREFIX}/?login=failed` }).end();
      return;
    }
    if (path === '/logout' && method === 'POST') {
      res.writeHead(303, { location: `${PREFIX}/`, 'set-cookie': auth.clearCookie(secure) }).end();
      return;
    }
    const allowed = auth.allowed(req);
    if (path === '/' && method === 'GET') return asset(res, allowed ? 'index.html' : 'login.html');
    if (!path.startsWith('/api/')) return void sendJson(res, 404, errorBody(404, 'MG_ROUTE_NOT_FOUND', 'no such dashboard path'));
    if (!allowed) return void sendJson(res, 401, errorBody(401, 'MG_AUTH_INVALID', 'the dashboard needs the admin key'), { 'www-authenticate': 'Bearer realm="medguard-dashboard"' });
    if (method !== 'GET') return void sendJson(res, 405, errorBody(405, 'MG_METHOD_NOT_ALLOWED', 'only GET is allowed here'), { allow: 'GET' });
    if (path === '/api/live') return live.open(req, res);
    if (path === '/api/events') {
      const f = parseFilter(url.searchParams);
      if (!f.ok) return badParam(res, f.param);
      return api(res, 200, { events: await options.store.audit.query(f.value) });
    }
    const one = /^\/api\/events\/(\d{1,15})$/.exec(path);
    if (one?.[1]) {
      const event = await options.store.audit.get(Number(one[1]));
      if (!event) return void sendJson(res, 404, errorBody(404, 'MG_ROUTE_NOT_FOUND', 'no event with that sequence number'));
      return api(res, 200, { event });
    }
    if (path === '/api/stats') {
      const q = parseStats(url.searchParams);
      if (!q.ok) return badParam(res, q.param);
      return api(res, 200, await computeStats(options.store.audit, q.value.filter, q.value.window, q.value.seconds, now()));
    }
    sendJson(res, 404, errorBody(404, 'MG_ROUTE_NOT_FOUND', 'no such dashboard path'));
  }

  return {
    async handle(req, res) {
      const raw = req.url ?? '/';
      if (raw !== PREFIX && !raw.startsWith(`${PREFIX}/`) && !raw.startsWith(`${PREFIX}?`)) return false;
      let url: URL;
      try {
        url = new URL(raw, 'http://dashboard.invalid');
      } catch {
        sendJson(res, 400, errorBody(400, 'MG_QUERY_INVALID', 'malformed URL'));
        return true;
      }
      if (req.method !== 'POST') req.resume();
      try {
        await route(req, res, url);
      } catch {
        // A store failure: say so without detail; the gateway's own traffic is unaffected.
        if (!res.headersSent) sendJson(res, 500, errorBody(500, 'MG_STORE', 'the audit store could not be read'));
        else res.destroy();
      }
      return true;
    },
    close: () => live.closeAll(),
    get liveCount() {
      return live.count;
    },
  };
}

/** The `key` field of a small urlencoded login form; undefined when absent, oversized or malformed. */
async function readKey(req: IncomingMessage): Promise<string | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    req.resume();
    return undefined;
  }
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM) return undefined;
    chunks.push(chunk);
  }
  const key = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('key');
  return key === null ? undefined : key.trim();
}
