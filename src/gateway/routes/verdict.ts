import type { Exchange } from '../app/exchange.js';
import type { Decision } from '../policy/decide.js';

const RANK = ['allow', 'alert', 'redact', 'pseudonymize', 'block'];

/** Raises the exchange's verdict to the decision's if stronger, and keeps every reason. */
export function applyVerdict(x: Exchange, d: Decision): void {
  if (RANK.indexOf(d.verdict) > RANK.indexOf(x.verdict)) x.verdict = d.verdict;
  for (const r of d.reasons) x.reasons.add(r);
}
