import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSecrets, createSecretsDetector, shannonEntropy } from './index.js';

// Fake keys are assembled from pieces so the repository itself carries no key-shaped literals.
const r = (unit: string, n: number): string => unit.repeat(n);
const MIXED = 'q7Zk2Lm9XbR4tWv8';

const positives: Array<[string, string, string]> = [
  ['aws_access_key_id', `aws id ${'AKIA'}IOSFODNN7EXAMPLE here`, 'AKIAIOSFODNN7EXAMPLE'],
  ['aws_access_key_id', `ASIA${'Y34FZKBOKMUTVV7A'}`, 'ASIAY34FZKBOKMUTVV7A'],
  ['aws_secret_access_key', `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`, `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`],
  ['github_token', `token ${'ghp_'}${r(MIXED, 2)}abcd`, `ghp_${r(MIXED, 2)}abcd`],
  ['github_pat', `github_pat_11ABCDEFG0${r(MIXED, 4)}_x`, `github_pat_11ABCDEFG0${r(MIXED, 4)}_x`],
  ['gitlab_token', `glpat-${MIXED}xY9_`, `glpat-${MIXED}xY9_`],
  ['slack_token', `xoxb-1234567890-${MIXED}`, `xoxb-1234567890-${MIXED}`],
  ['stripe_key', `sk_live_${MIXED}${MIXED}`, `sk_live_${MIXED}${MIXED}`],
  ['openai_key', `OPENAI_API_KEY=sk-proj-${MIXED}${MIXED}T3BlbkFJ`, `sk-proj-${MIXED}${MIXED}T3BlbkFJ`],
  ['openai_key', `use sk-${MIXED}${MIXED}${MIXED} for it`, `sk-${MIXED}${MIXED}${MIXED}`],
  ['anthropic_key', `sk-ant-api03-${MIXED}${MIXED}${MIXED}-AA`, `sk-ant-api03-${MIXED}${MIXED}${MIXED}-AA`],
  ['google_api_key', `key=AIza${'SyD-9tSrke72PouQMnMX'}${'-a7eZSW0jkFMBWY'}`, `AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY`],
  ['azure_storage_key', `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${r(MIXED, 5)}+/ab==;EndpointSuffix=core.windows.net`, `${r(MIXED, 5)}+/ab==`],
  ['twilio_api_key', `SK${r('0a1b2c3d', 4)}`, `SK${r('0a1b2c3d', 4)}`],
  ['sendgrid_key', `SG.${MIXED}abcdef.${r(MIXED, 2)}abcdefghijk`, `SG.${MIXED}abcdef.${r(MIXED, 2)}abcdefghijk`],
  ['npm_token', `//registry.npmjs.org/:_authToken=npm_${MIXED}${MIXED}abcd`, `npm_${MIXED}${MIXED}abcd`],
  ['jwt', `Authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.${MIXED}${MIXED}`, `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.${MIXED}${MIXED}`],
  ['password_in_url', 'DATABASE_URL=postgres://admin:Tr0ub4dor&3@db.internal:5432/ehr', 'Tr0ub4dor&3'],
  ['password_in_connection_string', 'Server=sql1;Database=EHR;User Id=app;Password=S3cr3t!pw;', 'S3cr3t!pw'],
  ['password_assignment', 'db:\n  password: "hunter2hunter2"\n', '"hunter2hunter2"'],
  ['password_assignment', 'export DB_PASSWORD=Xy7!kd93', 'Xy7!kd93'],
  ['password_assignment', 'MYSQL_PWD=kd93!Xy7', 'kd93!Xy7'],
  ['password_in_prose', 'The patient portal password is Blue$ky2024 for now.', 'Blue$ky2024'],
  ['password_in_prose', 'My password is hunter22.', 'hunter22'],
  ['password_in_prose', 'the passcode is 482913', '482913'],
  ['bearer_token', `curl -H "Authorization: Bearer ${MIXED}${MIXED}"`, `${MIXED}${MIXED}`],
  ['generic_secret', `client_secret: "${MIXED}Q8xPw"`, `${MIXED}Q8xPw`],
  ['generic_secret', 'api_key=9b2e7c4f1a8d3e6b0c5f2a9d7e4b1c8f', '9b2e7c4f1a8d3e6b0c5f2a9d7e4b1c8f'],
];

for (const [name, text, value] of positives) {
  test(`secret fires: ${name} in ${JSON.stringify(text.slice(0, 24))}`, () => {
    const found = detectSecrets(text);
    const hit = found.find((f) => f.kind === `secret.${name}`);
    assert.ok(hit, `expected secret.${name}, got ${found.map((f) => f.kind).join(',') || 'nothing'}`);
    assert.equal(text.slice(hit.start, hit.end), value);
    assert.equal(hit.family, 'secret');
    assert.ok(hit.severity === 'high' || hit.severity === 'critical');
    assert.ok(!hit.explanation.includes(value), 'explanation must not carry the secret');
  });
}

test('private key blocks: PEM, OpenSSH and a truncated paste', () => {
  const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${MIXED}\n${MIXED}==\n-----END RSA PRIVATE KEY-----`;
  const text = `key:\n${pem}\nthanks`;
  const [f] = detectSecrets(text);
  assert.equal(f?.kind, 'secret.private_key');
  assert.equal(text.slice(f.start, f.end), pem);
  const ssh = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${MIXED}\n-----END OPENSSH PRIVATE KEY-----`;
  assert.equal(detectSecrets(ssh)[0]?.end, ssh.length);
  const cut = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B${MIXED}\n${MIXED}`;
  const [c] = detectSecrets(`${cut}\n\nthat is all.`);
  assert.equal(c?.end, cut.length);
});

const negatives = [
  'Patient risk-factor assessment: sk-level risk is low; task-force recommendations followed.',
  'request id 123e4567-e89b-12d3-a456-426614174000 logged',
  'Fix dosing table (commit 3f786850e387550fdab836ed7e6dc881de23001b) and rebuild',
  'Merge 9fceb02d0ae598e95dc970b74767f19372d61af8 into main',
  'The secretary: please book the echo for Tuesday.',
  'password: ******** (hidden)',
  'DATABASE_URL=postgres://user:${DB_PASSWORD}@localhost/ehr',
  'Token: 5 units insulin glargine at bedtime',
  'PWD: people with dementia benefit from routine',
  'skin: sk-a lesion excised; ASIA impairment scale grade B',
  'token = the_quick_brown_fox_jumps_over',
  'The AKIA gene family is not a thing; AKI after contrast resolved.',
  'eyJ is how base64 JSON starts, eyJhbGc.eyJ.x',
  'Your password is required. The password was reset by IT; the password is 2FA-protected.',
  'Password is 8 characters long; password is ******** in the log.',
];
for (const text of negatives) {
  test(`secret silent: ${JSON.stringify(text.slice(0, 40))}`, () => {
    assert.deepEqual(detectSecrets(text).map((f) => f.kind), []);
  });
}

test('options are validated and rules can be disabled', () => {
  assert.throws(() => createSecretsDetector({ disable: ['nope'] }), { code: 'MG_CONFIG_INVALID' });
  assert.throws(() => createSecretsDetector({ bogus: 1 } as never), { code: 'MG_CONFIG_INVALID' });
  const text = `client_secret: "${MIXED}Q8xPw"`;
  assert.equal(detectSecrets(text, { disable: ['generic_secret'] }).length, 0);
});

test('entropy separates random keys from words', () => {
  assert.ok(shannonEntropy(r(MIXED, 2)) > 3.5);
  assert.ok(shannonEntropy('aaaaaaaaaaaaaaaaaaaa') === 0);
});

test('secret regexes stay linear on 100 KB adversarial input', () => {
  const hostile = [
    r('sk-', 34000), r('eyJ', 34000), r('a', 100000), r('AKIA', 25000), r('-----BEGIN PRIVATE KEY-----', 4000),
    `x://${r('a:', 50000)}`, r('password=', 11000), `token: ${r('aA1', 33000)}`, r('Bearer ', 14000), r('AccountKey=', 9000),
    `a${r(' ', 100000)}b`, r('ghp_', 25000), r('SG.', 33000), r(';pwd=', 20000), r('\npassword:', 10000),
  ];
  const t0 = process.hrtime.bigint();
  for (const h of hostile) detectSecrets(h);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 10000, `took ${ms} ms`);
});
