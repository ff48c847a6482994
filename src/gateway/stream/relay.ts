/**
 * Relays an upstream SSE answer to the client through per-choice windows. A violation (or upstream
 * garbage, or a timeout) mid-stream ends it with a well-formed error event and `[DONE]`, so
 * OpenAI clients see an error rather than a silently truncated answer.
 */
import type { Readable } from 'node:stream';
import type { Finding } from '../../core/types.js';
import type { Vault } from '../../deid/index.js';
import type { HandlerContext } from '../app/deps.js';
import { recordFindings } from '../app/exchange.js';
import { errorBody, toGatewayError } from '../app/respond.js';
import type { OutputContext } from '../inspect/output.js';
import { decide } from '../policy/decide.js';
import { mapError } from '../proxy/upstream.js';
import { GatewayError } from '../types.js';
import { chargeUsage } from '../routes/usage.js';
import { applyVerdict } from '../routes/verdict.js';
import { SseParser, sseData } from './sse.js';
import { ChoiceWindow } from './window.js';

type Obj = Record<string, unknown>;

export interface StreamOptions {
  readonly output: OutputContext;
  readonly vault: Vault | undefined;
  /** For the token estimate when the stream reports no usage. */
  readonly requestChars: number;
}

export async function relayStream(ctx: HandlerContext, body: Readable, options: StreamOptions): Promise<void> {
  const { res, x, endpoint, deps } = ctx;
  const windows = new Map<number, ChoiceWindow>();
  const templates = new Map<number, Obj>();
  const parser = new SseParser();
  const maxBytes = deps.config.upstreams[endpoint.route.upstream]?.maxResponseBytes ?? 16 * 1024 * 1024;
  const chat = endpoint.kind === 'chat';
  let bytes = 0;
  let done = false;
  let usage: Obj | undefined;

  x.status = 200;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });

  // The events of one network read go out in one write (one syscall, not one per event).
  let pending = '';
  const flush = async (): Promise<void> => {
    if (res.destroyed) throw new GatewayError(499, 'MG_CLIENT_CLOSED', 'the client closed the connection');
    const s = pending;
    pending = '';
    if (s !== '' && !res.write(s)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
  };

  /** Returns the text to forward for one choice, or throws a GatewayError on a blocking finding. */
  const step = (index: number, delta: string, final: boolean, check: boolean): string => {
    let w = windows.get(index);
    if (!w) {
      w = new ChoiceWindow(options.output, options.vault);
      windows.set(index, w);
    }
    judge(index, w, w.push(delta, final, check));
    return w.release(final);
  };

  /** Records fresh findings of one choice; throws a GatewayError when one stops the answer. */
  const judge = (index: number, w: ChoiceWindow, fresh: readonly Finding[]): void => {
    if (fresh.length > 0) {
      const decision = decide(fresh.map((finding) => ({ finding, direction: 'response' as const, item: index })), options.output.policy);
      const text = w.text;
      recordFindings(x, decision.decided, () => text, deps.fingerprint);
      applyVerdict(x, decision);
      // Redaction cannot take back text already sent, so in a stream it stops the answer too.
      const stop = decision.decided.find((d) => d.action === 'block' || d.action === 'redact');
      if (stop) {
        const [code, message] = decision.block ? [decision.block.code, decision.block.message] : ['MG_BLOCKED_OUTPUT', 'request blocked by medguard: the answer violated the output policy'];
        x.verdict = 'block';
        x.reasons.add(code);
        throw new GatewayError(403, code, message.replace('request blocked', 'answer blocked'));
      }
    }
  };

  /** `check`: the last event of a network read, after which the windows are inspected. */
  const handleEvent = (data: string, check: boolean): void => {
    if (data === '[DONE]') {
      for (const index of windows.keys()) {
        const rest = step(index, '', true, true);
        const template = templates.get(index);
        if (rest && template) pending += sseData(JSON.stringify(withText(template, index, rest, chat)));
      }
      done = true;
      pending += sseData('[DONE]');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream stream carried an event that is not JSON');
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream stream carried an unexpected event');
    const event = json as Obj;
    if (event.usage && typeof event.usage === 'object') usage = event;
    const choices = Array.isArray(event.choices) ? event.choices : [];
    for (const c of choices) {
      if (c === null || typeof c !== 'object') continue;
      const choice = c as Obj;
      const index = typeof choice.index === 'number' ? choice.index : 0;
      const delta = chat ? (choice.delta as Obj | undefined)?.content : choice.text;
      const final = choice.finish_reason !== null && choice.finish_reason !== undefined;
      if (typeof delta !== 'string' && !final) continue;
      templates.set(index, event);
      const out = step(index, typeof delta === 'string' ? delta : '', final, check);
      setChoiceText(choice, out, chat);
    }
    pending += sseData(JSON.stringify(event));
  };
  const handleEvents = async (events: readonly { data: string }[]): Promise<void> => {
    events.forEach((ev, i) => {
      if (!done) handleEvent(ev.data, i === events.length - 1);
    });
    // Choices whose last event in this read was not the read's last (n > 1) are checked too, so no
    // text waits unchecked; what that check frees goes out with the choice's next event.
    if (!done) for (const [index, w] of windows) judge(index, w, w.push('', false, true));
    await flush();
  };

  try {
    for await (const chunk of body) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxBytes) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream stream is larger than the configured limit');
      await handleEvents(parser.push(chunk as Buffer));
    }
    await handleEvents(parser.end());
    if (!done) await handleEvents([{ data: '[DONE]' }]);
    res.end();
    let streamed = 0;
    for (const w of windows.values()) streamed += w.text.length;
    chargeUsage(ctx, usage, options.requestChars + streamed);
  } catch (e) {
    const err = e instanceof GatewayError ? e : e instanceof Error && e.name === 'SseTooLarge' ? new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream stream had an oversized event') : mapError(e);
    body.destroy();
    if (x.clientClosed || err.code === 'MG_CLIENT_CLOSED') {
      x.verdict = x.verdict === 'block' ? 'block' : 'error';
      x.reasons.add('MG_CLIENT_CLOSED');
      res.destroy();
      return;
    }
    if (x.verdict !== 'block') x.verdict = 'error';
    x.reasons.add(err.code);
    const g = toGatewayError(err);
    // Events of this read before the one that failed were judged and released: they go out first.
    if (!res.destroyed) res.end(`${pending}${sseData(errorBody(g.status, g.code, g.message))}${sseData('[DONE]')}`);
  }
}

function setChoiceText(choice: Obj, text: string, chat: boolean): void {
  if (chat) {
    const delta = (choice.delta && typeof choice.delta === 'object' ? choice.delta : {}) as Obj;
    if (typeof delta.content === 'string' || text !== '') delta.content = text;
    choice.delta = delta;
  } else choice.text = text;
}

function withText(template: Obj, index: number, text: string, chat: boolean): Obj {
  const choice: Obj = { index, finish_reason: null };
  setChoiceText(choice, text, chat);
  return { ...template, choices: [choice] };
}
