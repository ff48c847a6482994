/**
 * A route's effective policy: built-in defaults, then the file's `policy`, then the route's own
 * `policy`, merged key by key so a route can change one action without restating the rest.
 */
import type { Action, PolicyInput, ResponseAction } from '../config/schema.js';

export interface ResolvedPolicy {
  readonly request: Readonly<Record<string, Action>>;
  readonly response: Readonly<Record<string, ResponseAction>>;
  readonly outputPhi: 'any' | 'new';
  readonly linkAllowlist: readonly string[];
  readonly canary: boolean;
  readonly detectorFailure: 'closed' | 'open';
}

/** Attacks are blocked, identifiers leave pseudonymised, and answers that leak are stopped. */
export const DEFAULT_POLICY: ResolvedPolicy = Object.freeze({
  request: Object.freeze({ injection: 'block', phi: 'pseudonymize', secret: 'redact', genomic: 'redact', output: 'alert' }),
  response: Object.freeze({ injection: 'alert', phi: 'block', secret: 'block', genomic: 'alert', output: 'block' }),
  outputPhi: 'new',
  linkAllowlist: Object.freeze([]),
  canary: true,
  detectorFailure: 'closed',
});

export function mergePolicy(base: ResolvedPolicy, over: PolicyInput | undefined): ResolvedPolicy {
  if (!over) return base;
  return Object.freeze({
    request: Object.freeze({ ...base.request, ...(over.request ?? {}) }),
    response: Object.freeze({ ...base.response, ...(over.response ?? {}) }),
    outputPhi: over.outputPhi ?? base.outputPhi,
    linkAllowlist: Object.freeze([...(over.linkAllowlist ?? base.linkAllowlist)]),
    canary: over.canary ?? base.canary,
    detectorFailure: over.detectorFailure ?? base.detectorFailure,
  });
}

/** The most specific entry wins: the kind (`phi.PHONE`), then its family (`phi`), else `alert`. */
export function actionFor<A extends string>(table: Readonly<Record<string, A>>, kind: string, family: string): A | 'alert' {
  return table[kind] ?? table[family] ?? 'alert';
}
