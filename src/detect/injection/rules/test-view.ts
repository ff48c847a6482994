/**
 * A stand-in TextView for unit tests: clean is the text itself and folded is only lower-cased,
 * so rule tests do not depend on the normaliser (tested on its own, and end to end in test/).
 */
import type { DetectContext, Mode, NormalForm, TextView } from '../../../core/types.js';

export function plainView(text: string): TextView {
  const identity: NormalForm = { text, toRoot: (start, end) => ({ start, end }) };
  const lower = text.toLowerCase();
  const folded: NormalForm = lower.length === text.length ? { text: lower, toRoot: identity.toRoot } : identity;
  return {
    raw: text,
    depth: 0,
    via: [],
    origin: { start: 0, end: text.length },
    form: (name) => (name === 'folded' ? folded : identity),
  };
}

export function plainContext(view: TextView, mode: Mode = 'prompt'): DetectContext {
  return { mode, views: [view] };
}
