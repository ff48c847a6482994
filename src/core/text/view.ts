// SCAFFOLD: replaced by the normalisation work (clean/folded forms with offset maps).
import type { FormName, NormalForm, TextView } from '../types.js';

export function createRootView(text: string): TextView {
  const identity: NormalForm = { text, toRoot: (start, end) => ({ start, end }) };
  return {
    raw: text,
    depth: 0,
    via: [],
    origin: { start: 0, end: text.length },
    form: (_name: FormName) => identity,
  };
}
