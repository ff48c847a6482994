import type { HandlerContext } from '../app/deps.js';

/** Charges the upstream-reported usage, or an estimate (~4 characters a token) when it reports none. */
export function chargeUsage(ctx: HandlerContext, body: Record<string, unknown> | undefined, chars: number): void {
  if (!ctx.ticket) return;
  const usage = body?.usage as { total_tokens?: unknown } | undefined;
  const reported = usage && typeof usage.total_tokens === 'number' && Number.isFinite(usage.total_tokens) && usage.total_tokens >= 0 ? usage.total_tokens : undefined;
  ctx.ticket.chargeTokens(reported ?? Math.ceil(chars / 4));
}
