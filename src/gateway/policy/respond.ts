import { typeOfFinding } from '../../deid/index.js';
import { setText, type TextItem } from '../inspect/extract.js';
import type { Decided } from './decide.js';

/** Response findings whose action is `redact` are replaced by `[TYPE]` in the answer sent to the client. */
export function redactText(text: string, decided: readonly Decided[]): string {
  const spans = decided.filter((d) => d.action === 'redact').map((d) => d.finding).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const f of spans) {
    if (f.start < cursor) continue;
    out += `${text.slice(cursor, f.start)}[${typeOfFinding(f) ?? f.family.toUpperCase()}]`;
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

export function redactResponse(body: Record<string, unknown>, items: readonly TextItem[], decided: readonly Decided[]): void {
  items.forEach((item, i) => {
    const mine = decided.filter((d) => d.direction === 'response' && d.item === i);
    const text = redactText(item.text, mine);
    if (text !== item.text) setText(body, item.path, text);
  });
}
