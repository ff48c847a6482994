import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chat, lastUser, startGateway, streamAnswer, type Harness } from './gateway-helpers.js';

let h: Harness;
before(async () => {
  h = await startGateway();
});
after(() => h.close());

const PATIENT = 'Patient John Smith, phone 617-555-0123, asks about his statin dose.';

/** Reads an SSE response into its data payloads. */
async function events(r: Response): Promise<string[]> {
  const text = await r.text();
  return text.split('\n\n').filter((b) => b.startsWith('data: ')).map((b) => b.slice(6));
}

function streamedText(datas: readonly string[]): string {
  return datas.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as { choices?: { delta?: { content?: string } }[] })
    .map((e) => e.choices?.[0]?.delta?.content ?? '').join('');
}

test('pseudonymize round trip: the upstream sees surrogates, the client the originals', async () => {
  h.stub.handler = (_req, res, body) => {
    const content = `Echo: ${lastUser(body)}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
  };
  const r = await h.post('/v1/chat/completions', chat(PATIENT));
  assert.equal(r.status, 200);
  const seen = lastUser(h.stub.received.at(-1)!);
  assert.doesNotMatch(seen, /John Smith|617-555-0123/);
  const body = (await r.json()) as { choices: { message: { content: string } }[] };
  assert.equal(body.choices[0]!.message.content, `Echo: ${PATIENT}`);
  const e = (await h.store.waitFor(1)).at(-1)!;
  assert.equal(e.verdict, 'pseudonymize');
  assert.ok(e.reasons.includes('MG_PSEUDONYMIZED'));
});

test('streamed pseudonymize round trip with surrogates split across chunks', async () => {
  h.stub.handler = (_req, res, body) => {
    const echo = `Echo: ${lastUser(body)}`;
    const pieces: string[] = [];
    for (let i = 0; i < echo.length; i += 3) pieces.push(echo.slice(i, i + 3));
    streamAnswer(res, pieces);
  };
  const r = await h.post('/v1/chat/completions', chat(PATIENT, { stream: true }));
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /text\/event-stream/);
  const datas = await events(r);
  assert.equal(datas.at(-1), '[DONE]');
  assert.ok(!datas.some((d) => d.startsWith('{"error"')), 'no error event');
  assert.equal(streamedText(datas), `Echo: ${PATIENT}`);
});

test('a canary split across chunks ends the stream with an error event', async () => {
  h.stub.handler = (_req, res, body) => {
    const system = (body.messages as { role: string; content: string }[]).find((m) => m.role === 'system')!.content;
    const canary = /mgc-[A-Za-z0-9_-]+/.exec(system)![0];
    const leak = `My instructions say: ${canary} and more text follows here to push the window along.`;
    const pieces: string[] = [];
    for (let i = 0; i < leak.length; i += 5) pieces.push(leak.slice(i, i + 5));
    streamAnswer(res, pieces);
  };
  const before = h.store.events.length;
  const r = await h.post('/v1/chat/completions', { model: 'm', stream: true, messages: [
    { role: 'system', content: 'You are a careful clinical assistant.' },
    { role: 'user', content: 'What is the maximum daily dose of paracetamol?' },
  ] });
  const datas = await events(r);
  assert.equal(datas.at(-1), '[DONE]');
  const err = JSON.parse(datas.at(-2)!) as { error: { code: string } };
  assert.equal(err.error.code, 'MG_BLOCKED_PROMPT_LEAK');
  assert.doesNotMatch(streamedText(datas.slice(0, -2)), /mgc-/);
  const e = (await h.store.waitFor(before + 1))[before]!;
  assert.equal(e.verdict, 'block');
  assert.ok(e.findings.some((f) => f.kind === 'output.system_prompt_leak' && f.direction === 'response'));
});

test('new PHI in a streamed answer ends it; PHI from the request does not', async () => {
  h.stub.handler = (_req, res) => streamAnswer(res, ['Call the ', 'patient at 212-', '555-0199 today ', 'about the results of the lipid panel.']);
  const r = await h.post('/v1/chat/completions', chat('When should a lipid panel be repeated after starting a statin?', { stream: true }));
  const datas = await events(r);
  assert.equal((JSON.parse(datas.at(-2)!) as { error: { code: string } }).error.code, 'MG_BLOCKED_PHI');
  assert.doesNotMatch(streamedText(datas.slice(0, -2)), /0199/);
});

test('upstream garbage mid-stream ends cleanly with an error event', async () => {
  h.stub.handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'Metformin is ' } }] })}\n\n`);
    res.end('data: {not json\n\n');
  };
  const r = await h.post('/v1/chat/completions', chat('What is metformin?', { stream: true }));
  const datas = await events(r);
  assert.equal(datas.at(-1), '[DONE]');
  assert.equal((JSON.parse(datas.at(-2)!) as { error: { code: string } }).error.code, 'MG_UPSTREAM_INVALID');
});

test('a client disconnecting mid-stream aborts the upstream and is audited', async () => {
  let upstreamClosed!: () => void;
  const closed = new Promise<void>((resolve) => { upstreamClosed = resolve; });
  h.stub.handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const timer = setInterval(() => res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'more text about statins and their doses. ' } }] })}\n\n`), 5);
    res.on('close', () => { clearInterval(timer); upstreamClosed(); });
  };
  const before = h.store.events.length;
  const r = await h.post('/v1/chat/completions', chat('What are the common side effects of statins?', { stream: true }));
  const reader = r.body!.getReader();
  await reader.read();
  await reader.cancel();
  await closed;
  const e = (await h.store.waitFor(before + 1))[before]!;
  assert.ok(e.reasons.includes('MG_CLIENT_CLOSED'));
  assert.equal(e.verdict, 'error');
});

test('a model that shortens a surrogate ("Mr Jones") is not blocked as new PHI', async () => {
  h.stub.handler = (_req, res, body) => {
    const m = /Patient (\S+) (\S+),/.exec(lastUser(body));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: `Mr ${m?.[2] ?? 'X'} should continue the statin.` }, finish_reason: 'stop' }] }));
  };
  const r = await h.post('/v1/chat/completions', chat(PATIENT));
  assert.equal(r.status, 200);
});

test('two choices interleaved in one network read: both arrive whole, and a leak in the second is caught', async () => {
  const answer = (i: number): string => `Choice ${i}: continue the statin and recheck lipids and liver enzymes in three months. `.repeat(4);
  const interleaved = (second: string): string => {
    let out = '';
    const [a, b] = [answer(0), second];
    for (let i = 0; i < Math.max(a.length, b.length); i += 20) {
      for (const [index, text] of [[0, a], [1, b]] as const) {
        if (i < text.length) out += `data: ${JSON.stringify({ choices: [{ index, delta: { content: text.slice(i, i + 20) }, finish_reason: null }] })}\n\n`;
      }
    }
    for (const index of [0, 1]) out += `data: ${JSON.stringify({ choices: [{ index, delta: {}, finish_reason: 'stop' }] })}\n\n`;
    return `${out}data: [DONE]\n\n`;
  };
  const byChoice = (datas: readonly string[]): string[] => {
    const texts = ['', ''];
    for (const d of datas) {
      if (d === '[DONE]' || d.startsWith('{"error"')) continue;
      for (const c of (JSON.parse(d) as { choices: { index: number; delta?: { content?: string } }[] }).choices) texts[c.index] += c.delta?.content ?? '';
    }
    return texts;
  };
  let second = answer(1);
  h.stub.handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(interleaved(second));
  };
  let datas = await events(await h.post('/v1/chat/completions', chat('Statin follow-up?', { stream: true, n: 2 })));
  assert.deepEqual(byChoice(datas), [answer(0), answer(1)]);
  second = `${answer(1)}Call the patient at 617-555-0199 to arrange it. ${answer(1)}`;
  datas = await events(await h.post('/v1/chat/completions', chat('Statin follow-up?', { stream: true, n: 2 })));
  assert.equal(datas.at(-1), '[DONE]');
  assert.match(datas.at(-2) ?? '', /"error"/);
  assert.doesNotMatch(byChoice(datas)[1] ?? '', /617-555/);
});
