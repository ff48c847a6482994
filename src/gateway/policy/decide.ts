/**
 * Findings → one action each → one verdict for the exchange. The strongest action wins
 * (block > pseudonymize > redact > alert > allow) and every action leaves a stable reason code.
 */
import type { Finding } from '../../core/types.js';
import type { Verdict } from '../../store/types.js';
import type { Action } from '../config/schema.js';
import { isFailure } from '../inspect/engine.js';
import { actionFor, type ResolvedPolicy } from './resolve.js';

export interface Located {
  readonly finding: Finding;
  readonly direction: 'request' | 'response';
  /** Index of the text (request item or response choice) the offsets refer to. */
  readonly item: number;
}

export interface Decided extends Located {
  readonly action: Action;
}

export interface Decision {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly decided: readonly Decided[];
  /** For a block: the first reason and the fixed message sent to the client. */
  readonly block: { readonly code: string; readonly message: string } | undefined;
}

const RANK: Readonly<Record<Action, number>> = { allow: 0, alert: 1, redact: 2, pseudonymize: 3, block: 4 };

const BLOCK_REASONS: Readonly<Record<string, readonly [string, string]>> = {
  'output.system_prompt_leak': ['MG_BLOCKED_PROMPT_LEAK', 'the answer repeated the confidential system prompt'],
  'output.exfiltration_link': ['MG_BLOCKED_EXFILTRATION', 'the answer linked to a host that is not allowed'],
  'output.active_content': ['MG_BLOCKED_ACTIVE_CONTENT', 'the answer contained active content (script or event handler)'],
  injection: ['MG_BLOCKED_INJECTION', 'prompt injection detected'],
  phi: ['MG_BLOCKED_PHI', 'protected health information is not allowed here'],
  secret: ['MG_BLOCKED_SECRET', 'a credential or secret is not allowed here'],
  genomic: ['MG_BLOCKED_GENOMIC', 'genomic data is not allowed here'],
  output: ['MG_BLOCKED_OUTPUT', 'the answer violated the output policy'],
};

const PRIORITY = ['MG_DETECTOR_FAILED', 'MG_BLOCKED_INJECTION', 'MG_BLOCKED_PROMPT_LEAK', 'MG_BLOCKED_EXFILTRATION', 'MG_BLOCKED_ACTIVE_CONTENT', 'MG_BLOCKED_SECRET', 'MG_BLOCKED_PHI', 'MG_BLOCKED_GENOMIC', 'MG_BLOCKED_OUTPUT'];

const OTHER_REASONS: Readonly<Record<Exclude<Action, 'block' | 'allow'>, string>> = {
  pseudonymize: 'MG_PSEUDONYMIZED', redact: 'MG_REDACTED', alert: 'MG_ALERTED',
};

export function blockReason(f: Finding): readonly [string, string] {
  if (isFailure(f)) return ['MG_DETECTOR_FAILED', 'a detector failed and the policy fails closed'];
  return BLOCK_REASONS[f.kind] ?? BLOCK_REASONS[f.family] ?? ['MG_BLOCKED_OUTPUT', 'blocked by policy'];
}

export function decideOne(l: Located, policy: ResolvedPolicy): Action {
  if (isFailure(l.finding)) return policy.detectorFailure === 'closed' ? 'block' : 'alert';
  const table = l.direction === 'request' ? policy.request : policy.response;
  return actionFor<Action>(table, l.finding.kind, l.finding.family);
}

export function decide(located: readonly Located[], policy: ResolvedPolicy): Decision {
  const decided = located.map((l) => ({ ...l, action: decideOne(l, policy) }));
  let top: Action = 'allow';
  const reasons = new Set<string>();
  let block: { code: string; message: string } | undefined;
  for (const d of decided) {
    if (RANK[d.action] > RANK[top]) top = d.action;
    if (d.action === 'block') {
      const [code, message] = blockReason(d.finding);
      reasons.add(code);
      // The most specific reason names the block (a leaking image URL is also "PHI", but exfiltration says more).
      if (!block || PRIORITY.indexOf(code) < PRIORITY.indexOf(block.code)) block = { code, message: `request blocked by medguard: ${message}` };
    } else if (d.action !== 'allow') reasons.add(OTHER_REASONS[d.action]);
  }
  return { verdict: top, reasons: [...reasons], decided, block };
}

/** Two decisions (request, response) make the exchange's verdict. */
export function combine(a: Decision, b: Decision): Decision {
  const verdict = RANK[a.verdict as Action] >= RANK[b.verdict as Action] ? a.verdict : b.verdict;
  return { verdict, reasons: [...new Set([...a.reasons, ...b.reasons])], decided: [...a.decided, ...b.decided], block: a.block ?? b.block };
}
