/**
 * The inspected endpoints (chat, completions, embeddings): parse → inspect request → policy →
 * rewrite → proxy → inspect answer → respond. Streaming answers branch off to `stream/`.
 */
import { createVault, restore, type Vault } from '../../deid/index.js';
import { GatewayError } from '../types.js';
import type { HandlerContext } from '../app/deps.js';
import { parseJsonBody, readBody, requireJson } from '../app/body.js';
import { recordFindings } from '../app/exchange.js';
import { sendJson } from '../app/respond.js';
import { inspectText } from '../inspect/engine.js';
import { extractTexts, setText, type TextItem } from '../inspect/extract.js';
import { KnownValues } from '../inspect/known.js';
import { inspectOutput, newCanary, plantCanary, responseTexts, type OutputContext } from '../inspect/output.js';
import { decide, type Decision, type Located } from '../policy/decide.js';
import { rewriteRequest } from '../policy/rewrite.js';
import { redactResponse } from '../policy/respond.js';
import { relayStream } from '../stream/relay.js';
import { applyVerdict } from './verdict.js';
import { chargeUsage } from './usage.js';

export async function handleInspected(ctx: HandlerContext): Promise<void> {
  const { req, x, endpoint, deps } = ctx;
  const policy = endpoint.route.effectivePolicy;
  requireJson(req);
  const limits = deps.config.limits;
  const body = parseJsonBody(await readBody(req, limits), limits);
  if (Array.isArray(body.messages) && body.messages.length > limits.maxMessages) {
    throw new GatewayError(413, 'MG_BODY_TOO_LARGE', `more than ${limits.maxMessages} messages`);
  }

  const items = extractTexts(endpoint.kind, body);
  const requestChars = items.reduce((n, i) => n + i.text.length, 0);
  const located: Located[] = [];
  items.forEach((item, i) => {
    const pipeline = item.injection ? deps.inspectors.full : deps.inspectors.trusted;
    for (const finding of inspectText(pipeline, item.text, item.mode)) located.push({ finding, direction: 'request', item: i });
  });
  const requestDecision = decide(located, policy);
  recordFindings(x, requestDecision.decided, (d) => items[d.item]?.text ?? '', deps.fingerprint);
  applyVerdict(x, requestDecision);
  if (requestDecision.block) throw new GatewayError(403, requestDecision.block.code, requestDecision.block.message);

  // Made on first use: a vault draws a random key, which clean requests (most of them) never need.
  let made: Vault | undefined;
  const vault = (): Vault => (made ??= createVault(deps.pseudonymKey ? { key: deps.pseudonymKey } : {}));
  const rewritten = rewriteRequest(body, items, requestDecision.decided, vault);
  const canary = policy.canary && endpoint.kind === 'chat' ? newCanary() : undefined;
  const planted = canary !== undefined && plantCanary(body, canary);
  const known = knownPhi(items, located, deps.fingerprint);
  if (rewritten.pseudonymized) known.addSurrogates(vault());
  const output: OutputContext = {
    pipeline: deps.inspectors.output,
    rules: deps.outputRules.get(endpoint.route.name) ?? deps.inspectors.output,
    policy,
    fp: deps.fingerprint,
    requestPhi: known,
    canary: planted ? canary : undefined,
  };

  const upstream = deps.upstreams.get(endpoint.route.upstream);
  if (!upstream) throw new GatewayError(500, 'MG_INTERNAL', 'route has no upstream');
  const sentAt = performance.now();
  const answer = await upstream.request({ method: 'POST', path: endpoint.upstreamPath, headers: req.headers, body: JSON.stringify(body), signal: ctx.signal });
  x.upstreamStatus = answer.status;
  const contentType = String(answer.headers['content-type'] ?? '');
  if (answer.status < 300 && contentType.startsWith('text/event-stream')) {
    try {
      await relayStream(ctx, answer.body, { output, vault: rewritten.pseudonymized ? vault() : undefined, requestChars });
    } finally {
      x.upstreamMs = performance.now() - sentAt;
    }
    return;
  }
  const raw = await upstream.readAll(answer.body);
  x.upstreamMs = performance.now() - sentAt;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream answer was not valid JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new GatewayError(502, 'MG_UPSTREAM_INVALID', 'the upstream answer was not a JSON object');
  const answerBody = json as Record<string, unknown>;
  if (answer.status >= 300) {
    // The provider's own error (bad model name, its rate limit) is passed on as it is.
    x.status = answer.status;
    sendJson(ctx.res, answer.status, JSON.stringify(answerBody));
    return;
  }
  const outputItems = responseTexts(endpoint.kind, answerBody);
  const restored = outputItems.map((item) => {
    const text = rewritten.pseudonymized ? restore(item.text, vault()) : item.text;
    if (text !== item.text) setText(answerBody, item.path, text);
    return { ...item, text };
  });
  const responseDecision = inspectAnswer(restored, output);
  recordFindings(x, responseDecision.decided, (d) => restored[d.item]?.text ?? '', deps.fingerprint);
  applyVerdict(x, responseDecision);
  if (responseDecision.block) throw new GatewayError(403, responseDecision.block.code, responseDecision.block.message.replace('request blocked', 'answer blocked'));
  redactResponse(answerBody, restored, responseDecision.decided);
  chargeUsage(ctx, answerBody, requestChars + restored.reduce((n, i) => n + i.text.length, 0));
  x.status = 200;
  sendJson(ctx.res, 200, JSON.stringify(answerBody));
}

function inspectAnswer(items: readonly TextItem[], output: OutputContext): Decision {
  const located: Located[] = [];
  items.forEach((item, i) => {
    for (const finding of inspectOutput(item.text, output)) located.push({ finding, direction: 'response', item: i });
  });
  return decide(located, output.policy);
}

function knownPhi(items: readonly TextItem[], located: readonly Located[], fp: (v: string) => string): KnownValues {
  const known = new KnownValues(fp);
  for (const l of located) {
    if (l.finding.family !== 'phi') continue;
    const text = items[l.item]?.text;
    if (text !== undefined) known.add(text.slice(l.finding.start, l.finding.end), l.finding.kind === 'phi.NAME');
  }
  return known;
}
