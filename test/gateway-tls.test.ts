import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chat, startGateway, TOKEN } from './gateway-helpers.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('listen.tls serves HTTPS with the configured certificate', { skip: !hasOpenssl() && 'openssl not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medguard-tls-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'], { stdio: 'ignore' });
  const h = await startGateway({ config: { listen: { host: '127.0.0.1', port: 0, tls: { cert, key } } } });
  try {
    assert.match(h.server.url, /^https:/);
    const body = JSON.stringify(chat('What is the usual dose of amoxicillin?'));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.server.url}/v1/chat/completions`, { method: 'POST', ca: readFileSync(cert), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(status, 200);
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable TLS file is a config error that names the field', async () => {
  await assert.rejects(startGateway({ config: { listen: { host: '127.0.0.1', port: 0, tls: { cert: '/nonexistent/cert.pem', key: '/nonexistent/key.pem' } } } }), /listen\.tls: .*fix:/);
});
