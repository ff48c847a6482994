/**
 * Redact and pseudonymize rewrite the request texts before they leave: the model sees `[NAME]`
 * or a surrogate, and the per-request vault lets the answer be restored for the client.
 */
import { transform, typeOfFinding, type DeidAction, type DeidSpan, type Vault } from '../../deid/index.js';
import { setText, type TextItem } from '../inspect/extract.js';
import type { Decided } from './decide.js';

export interface RewriteResult {
  readonly changed: boolean;
  /** Texts after rewriting, index-aligned with the items. */
  readonly texts: readonly string[];
  readonly pseudonymized: boolean;
}

/** `vault` is called only when a text is rewritten: clean traffic never pays for a vault's random key. */
export function rewriteRequest(body: Record<string, unknown>, items: readonly TextItem[], decided: readonly Decided[], vault: () => Vault): RewriteResult {
  const texts = items.map((i) => i.text);
  let changed = false;
  let pseudonymized = false;
  items.forEach((item, index) => {
    const spans: DeidSpan[] = [];
    const actions: Record<string, DeidAction> = {};
    for (const d of decided) {
      if (d.direction !== 'request' || d.item !== index) continue;
      if (d.action !== 'redact' && d.action !== 'pseudonymize') continue;
      const deidType = typeOfFinding(d.finding);
      // Only identifier types have surrogates; anything else (e.g. an injection span) is redacted.
      const type = deidType ?? d.finding.family.toUpperCase();
      const action: DeidAction = d.action === 'pseudonymize' && deidType !== undefined ? 'pseudonymize' : 'redact';
      if (actions[type] === 'pseudonymize' && action === 'redact') continue;
      actions[type] = action;
      spans.push({ start: d.finding.start, end: d.finding.end, type, score: Math.max(d.finding.score, 1) });
    }
    if (spans.length === 0) return;
    const result = transform(item.text, spans, { defaultAction: 'redact', actions, minScore: 0 }, { vault: vault() });
    if (result.text !== item.text) {
      setText(body, item.path, result.text);
      texts[index] = result.text;
      changed = true;
      pseudonymized ||= result.replacements.some((r) => r.action === 'pseudonymize');
    }
  });
  return { changed, texts, pseudonymized };
}
