/**
 * A gateway instance the scale benchmark forks: `runGateway` as `medguard serve` composes it, on
 * SQLite (`sqlite DIR`) or on the shared PostgreSQL + Redis (`shared DIR SCHEMA PREFIX`), with a
 * rate limit too high to refuse anything, so every request still pays for the limiter's check.
 */
import { issueApiKey } from '../../src/gateway/identity/apikeys.js';
import { parseConfig } from '../../src/gateway/index.js';
import { runGateway } from '../../src/gateway/compose/run.js';
import { PG_TEST_URL } from '../../src/store/postgres/testing.js';
import { REDIS_TEST_URL } from '../../src/cache/redis/testing.js';

export type ScaleChildMessage = { readonly ready: true; readonly url: string; readonly token: string };

const [, , upstream, mode, dir, schema, prefix] = process.argv;
if (upstream === undefined || dir === undefined || (mode !== 'sqlite' && mode !== 'shared')) throw new Error('usage: scale-role.ts UPSTREAM sqlite|shared DIR [SCHEMA PREFIX]');
const config = parseConfig({
  listen: { host: '127.0.0.1', port: 0 },
  upstreams: { model: { url: `${upstream}/v1`, connections: 128 } },
  routes: [{ name: 'clinical', upstream: 'model', prefix: '/v1' }],
  store: mode === 'shared' ? { url: PG_TEST_URL, schema, path: `${dir}/medguard.db` } : { path: `${dir}/medguard.db` },
  ...(mode === 'shared' ? { cache: { url: REDIS_TEST_URL, prefix } } : {}),
  limits: { requestsPerMinute: 10_000_000, burst: 10_000_000, maxConcurrent: 10_000 },
  dashboard: { enabled: false },
});
const gateway = await runGateway(config);
const key = await issueApiKey(gateway.keys, { name: 'bench', role: 'clinician' });
process.send?.({ ready: true, url: gateway.server.url, token: key.token } satisfies ScaleChildMessage);
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'close') void gateway.close().finally(() => process.exit(0));
});
