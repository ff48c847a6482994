/**
 * A local OpenAI-compatible stand-in for a clinical assistant, on an ephemeral loopback port, so
 * `medguard serve --demo` works offline: chat (plain and streamed), completions, embeddings, models.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerFor, embed } from './answers.js';

export const DEMO_MODEL = 'medguard-demo-clinical';
const MAX_BODY = 2 * 1024 * 1024;

export interface DemoUpstream {
  /** Base URL including `/v1`, as an OpenAI client's base_url. */
  readonly url: string;
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;

export async function startDemoUpstream(): Promise<DemoUpstream> {
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"demo upstream error"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/v1/models') {
    return json(res, { object: 'list', data: [{ id: DEMO_MODEL, object: 'model', owned_by: 'medguard-demo' }] });
  }
  if (req.method !== 'POST') return json(res, { error: { message: 'not found' } }, 404);
  const body = await readJson(req);
  if (!body) return json(res, { error: { message: 'invalid JSON' } }, 400);
  if (path === '/v1/chat/completions') {
    const content = answerFor(lastUserText(body));
    if (body.stream === true) return stream(res, content, true);
    return json(res, { id: 'chatcmpl-demo', object: 'chat.completion', created: 0, model: DEMO_MODEL, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: usage(content) });
  }
  if (path === '/v1/completions') {
    const prompt = Array.isArray(body.prompt) ? String(body.prompt[0] ?? '') : String(body.prompt ?? '');
    const text = answerFor(prompt);
    if (body.stream === true) return stream(res, text, false);
    return json(res, { id: 'cmpl-demo', object: 'text_completion', created: 0, model: DEMO_MODEL, choices: [{ index: 0, text, finish_reason: 'stop' }], usage: usage(text) });
  }
  if (path === '/v1/embeddings') {
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')];
    return json(res, { object: 'list', model: DEMO_MODEL, data: inputs.map((t, index) => ({ object: 'embedding', index, embedding: embed(t) })), usage: { prompt_tokens: 0, total_tokens: 0 } });
  }
  return json(res, { error: { message: 'not found' } }, 404);
}

function lastUserText(body: Obj): string {
  const messages = Array.isArray(body.messages) ? (body.messages as Obj[]) : [];
  const user = [...messages].reverse().find((m) => m && m.role === 'user');
  const c = user?.content;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (p && typeof p === 'object' && typeof (p as Obj).text === 'string' ? (p as Obj).text : '')).join(' ');
  return '';
}

const usage = (text: string): Obj => ({ prompt_tokens: 0, completion_tokens: Math.ceil(text.length / 4), total_tokens: Math.ceil(text.length / 4) });

function json(res: ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

/** Streams in small uneven pieces, so values regularly straddle chunk boundaries. */
function stream(res: ServerResponse, text: string, chat: boolean): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const sizes = [3, 7, 5, 11];
  let i = 0;
  for (let k = 0; i < text.length; k++) {
    const piece = text.slice(i, i + (sizes[k % sizes.length] ?? 5));
    i += piece.length;
    const choice = chat ? { index: 0, delta: { content: piece }, finish_reason: null } : { index: 0, text: piece, finish_reason: null };
    res.write(`data: ${JSON.stringify({ id: 'demo', object: chat ? 'chat.completion.chunk' : 'text_completion', model: DEMO_MODEL, choices: [choice] })}\n\n`);
  }
  const end = chat ? { index: 0, delta: {}, finish_reason: 'stop' } : { index: 0, text: '', finish_reason: 'stop' };
  res.write(`data: ${JSON.stringify({ id: 'demo', model: DEMO_MODEL, choices: [end] })}\n\n`);
  res.end('data: [DONE]\n\n');
}

async function readJson(req: IncomingMessage): Promise<Obj | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(c as Buffer);
  }
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
  } catch {
    return undefined;
  }
}
