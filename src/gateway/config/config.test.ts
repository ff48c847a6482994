import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMedguardError } from '../../core/errors.js';
import { parseConfigText } from './load.js';

const MINIMAL = `
upstreams:
  openai: { url: "https://api.example.org" }
routes:
  - { name: clinical, upstream: openai }
`;

function configError(text: string): string {
  try {
    parseConfigText(text);
  } catch (e) {
    assert.ok(isMedguardError(e) && e.code === 'MG_CONFIG_INVALID');
    return e.message;
  }
  assert.fail('expected MG_CONFIG_INVALID');
}

test('a minimal config gets working defaults and is frozen', () => {
  const c = parseConfigText(MINIMAL);
  assert.equal(c.listen.port, 8787);
  assert.equal(c.routes[0]?.prefix, '/v1');
  assert.equal(c.routes[0]?.effectivePolicy.request.injection, 'block');
  assert.equal(c.upstreams.openai?.timeouts.headersMs, 60_000);
  assert.ok(Object.isFrozen(c.routes[0]?.effectivePolicy.request));
});

test('route policy overrides one action and keeps the rest', () => {
  const c = parseConfigText(MINIMAL.replace('upstream: openai }', 'upstream: openai, policy: { request: { phi: redact }, canary: false } }'));
  const p = c.routes[0]!.effectivePolicy;
  assert.equal(p.request.phi, 'redact');
  assert.equal(p.request.injection, 'block');
  assert.equal(p.canary, false);
});

test('errors name the field path, the expectation and the fix', () => {
  const msg = configError(`${MINIMAL}  - { name: other, upstream: openai, policy: { request: { injection: deny } } }\n`);
  assert.match(msg, /^routes\[1\]\.policy\.request\.injection: expected one of block\|redact\|pseudonymize\|alert\|allow — fix: /);
  assert.match(configError(`${MINIMAL}listne: {}\n`), /^\(top level\): unknown field "listne" — fix: remove it/);
  assert.match(configError(MINIMAL.replace('upstream: openai', 'upstream: nope')), /routes\[0\]\.upstream: no upstream named "nope" — fix: use one of openai/);
  assert.match(configError('upstreams: {}\n'), /^routes: .* — fix: add this required field/);
  assert.match(configError(`${MINIMAL}listen: { port: "80" }\n`), /^listen\.port: .*fix: give a number/);
});

test('invalid YAML names the line, never the content', () => {
  const msg = configError('upstreams:\n  a: [unclosed\n');
  assert.match(msg, /not valid YAML/);
  assert.doesNotMatch(msg, /unclosed/);
});

test('examples/medguard.yaml is a valid config', async () => {
  const { loadConfigFile } = await import('./load.js');
  const c = loadConfigFile(new URL('../../../examples/medguard.yaml', import.meta.url).pathname);
  assert.deepEqual(c.routes.map((r) => r.name), ['clinical', 'research']);
  assert.equal(c.routes[1]?.effectivePolicy.request.phi, 'redact');
  assert.equal(c.routes[0]?.effectivePolicy.request['phi.DATE'], 'alert');
});
