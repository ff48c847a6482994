import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../src/core/pipeline.js';
import { chat, startGateway } from './gateway-helpers.js';

const errorCode = async (r: Response): Promise<string> => ((await r.json()) as { error: { code: string } }).error.code;

test('upstream down is 502 and audited as an error', async () => {
  const h = await startGateway();
  await h.stub.close();
  const r = await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin for otitis media?'));
  assert.equal(r.status, 502);
  assert.equal(await errorCode(r), 'MG_UPSTREAM_UNAVAILABLE');
  const [e] = await h.store.waitFor(1);
  assert.equal(e?.verdict, 'error');
  assert.deepEqual(e?.reasons, ['MG_UPSTREAM_UNAVAILABLE']);
  await h.server.close(100);
});

test('a slow upstream is 504', async () => {
  const h = await startGateway({ upstream: { timeouts: { connectMs: 1000, headersMs: 200, bodyMs: 200 } } });
  h.stub.handler = () => { /* never answers */ };
  const r = await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 504);
  assert.equal(await errorCode(r), 'MG_UPSTREAM_TIMEOUT');
  await h.close();
});

test('garbage from the upstream is 502, and an oversized answer too', async () => {
  const h = await startGateway({ upstream: { maxResponseBytes: 2048 } });
  h.stub.handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops');
  let r = await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 502);
  assert.equal(await errorCode(r), 'MG_UPSTREAM_INVALID');
  h.stub.handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pad: 'x'.repeat(5000) }));
  r = await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 502);
  assert.equal(await errorCode(r), 'MG_UPSTREAM_INVALID');
  await h.close();
});

test('a throwing detector fails closed by default and open when configured', async () => {
  const throwing = createPipeline({ detectors: [{ id: 'test.boom', family: 'phi', modes: ['prompt', 'document', 'output'], decodedLayers: false, detect: () => { throw new Error('boom'); } }] });
  const closed = await startGateway({ parts: { inspectors: { full: throwing } } });
  let r = await closed.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 403);
  assert.equal(await errorCode(r), 'MG_DETECTOR_FAILED');
  assert.equal(closed.stub.received.length, 0);
  const [e] = await closed.store.waitFor(1);
  assert.ok(e?.findings.some((f) => f.kind === 'phi.detector_failed'));
  await closed.close();
  const open = await startGateway({ parts: { inspectors: { full: throwing } }, config: { policy: { detectorFailure: 'open' } } });
  r = await open.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 200);
  const [e2] = await open.store.waitFor(1);
  assert.equal(e2?.verdict, 'alert');
  await open.close();
});

test('over the rate limit is 429 with Retry-After; limits come from the limits config', async () => {
  const { createLimiter } = await import('../src/gateway/limits/limiter.js');
  const { LimitsSchema } = await import('../src/gateway/config/limits.js');
  const h = await startGateway({ parts: { limiter: createLimiter(LimitsSchema.parse({ requestsPerMinute: 1, burst: 1 })) } });
  assert.equal((await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'))).status, 200);
  const r = await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'));
  assert.equal(r.status, 429);
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  assert.equal(await errorCode(r), 'MG_RATE_LIMITED');
  await h.close();
});

test('a JSON string over limits.maxStringChars is 413', async () => {
  const h = await startGateway({ config: { limits: { maxStringChars: 2048 } } });
  const r = await h.post('/v1/chat/completions', chat('a'.repeat(3000)));
  assert.equal(r.status, 413);
  assert.equal(await errorCode(r), 'MG_BODY_TOO_LARGE');
  await h.close();
});

test('tokens are charged to the limit ticket: reported usage, or an estimate for streams without it', async () => {
  const { streamAnswer, chatAnswer } = await import('./gateway-helpers.js');
  const charged: number[] = [];
  let released = 0;
  const limiter = { acquire: () => Promise.resolve({ release: () => { released++; }, chargeTokens: (n: number) => { charged.push(n); } }) };
  const h = await startGateway({ parts: { limiter } });
  h.stub.handler = (_req, res) => chatAnswer(res, 'Amoxicillin 500 mg three times a day.');
  assert.equal((await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?'))).status, 200);
  h.stub.handler = (_req, res) => streamAnswer(res, ['Amoxicillin 500 mg ', 'three times a day.']);
  await (await h.post('/v1/chat/completions', chat('What is the dose of amoxicillin?', { stream: true }))).text();
  await h.store.waitFor(2);
  assert.equal(charged[0], 12, 'the usage the upstream reported');
  assert.equal(charged[1], Math.ceil(('What is the dose of amoxicillin?'.length + 'Amoxicillin 500 mg three times a day.'.length) / 4));
  assert.equal(released, 2);
  await h.close();
});

test('allowPaths are forwarded without inspection; other unknown paths stay 404', async () => {
  const h = await startGateway({ config: { routes: [{ name: 'clinical', upstream: 'stub', allowPaths: ['/files'] }] } });
  h.stub.handler = (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
  let r = await fetch(`${h.server.url}/v1/files/abc`, { headers: { authorization: 'Bearer test-token-0123456789' } });
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { path: '/v1/files/abc' });
  r = await fetch(`${h.server.url}/v1/filesystem`, { headers: { authorization: 'Bearer test-token-0123456789' } });
  assert.equal(r.status, 404);
  await h.close();
});
