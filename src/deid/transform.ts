import { MedguardError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { hmac } from './keyed.js';
import { maskValue } from './mask.js';
import { SurrogateMatcher } from './matcher.js';
import { normalise, Pseudonymizer } from './pseudonymize.js';
import { surnameUses } from './surrogates/names.js';
import { resolvePolicy, type DeidPolicy, type ResolvedPolicy } from './policy.js';
import { findingsToSpans, resolveOverlaps } from './spans.js';
import type { DeidAction, DeidResult, DeidSpan, Replacement } from './types.js';
import { createVault, type Vault } from './vault.js';

export interface TransformOptions {
  /** Keeps the reversible mapping; a fresh in-memory vault is used when absent. */
  readonly vault?: Vault;
}

export interface TransformResult extends DeidResult {
  readonly vault: Vault;
  /**
   * Places where a surrogate string already occurred in the untouched text; restoring would also
   * rewrite them, so a caller needing an exact round trip should check this is 0.
   */
  readonly ambiguous: number;
}

const isSpan = (x: Finding | DeidSpan): x is DeidSpan => typeof (x as DeidSpan).type === 'string';

/**
 * The pure de-identification step: apply `policy` to the given findings (or spans) of `text`.
 * Detection is separate (see `deidentify`), so callers with their own detectors can use this.
 */
export function transform(text: string, findings: readonly (Finding | DeidSpan)[], policy: DeidPolicy | ResolvedPolicy = {}, options: TransformOptions = {}): TransformResult {
  const p = 'actionFor' in policy ? policy : resolvePolicy(policy);
  const raw = findings.flatMap((f) => (isSpan(f) ? [f] : findingsToSpans([f])));
  const spans = resolveOverlaps(raw.filter((s) => s.score >= p.minScore && s.start >= 0 && s.end <= text.length && s.end > s.start && p.actionFor(s.type) !== 'keep'));
  const needsKey = spans.some((s) => p.actionFor(s.type) === 'hash' || p.actionFor(s.type) === 'pseudonymize');
  if (needsKey && p.key === undefined && !options.vault) {
    throw new MedguardError('MG_CONFIG_INVALID', 'policy.key is required for hash and pseudonymize (or pass a vault, whose key is used)', { field: 'policy.key' });
  }
  const vault = options.vault ?? createVault();
  const pseudoKey = p.key ?? vault.pseudonymKey();
  const pseudo = new Pseudonymizer(vault, pseudoKey, p.patientId, p.dateOrder);
  const clashes = nameClashCheck(text);
  const asSurname = surnameUses(text, p.actionFor('NAME') === 'pseudonymize' ? spans.filter((s) => s.type === 'NAME') : []);
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let cursor = 0;
  let outLen = 0;
  for (const s of spans) {
    const action = p.actionFor(s.type);
    const original = text.slice(s.start, s.end);
    const replacement = action === 'pseudonymize'
      ? pseudo.surrogate(s.type, original, (c) => clashes(s.type, c), s.type === 'NAME' && asSurname(s.start, original))
      : apply(action, s.type, original, pseudoKey);
    const before = text.slice(cursor, s.start);
    parts.push(before, replacement);
    outLen += before.length;
    replacements.push({ type: s.type, action, start: s.start, end: s.end, outStart: outLen, outEnd: outLen + replacement.length });
    outLen += replacement.length;
    cursor = s.end;
  }
  parts.push(text.slice(cursor));
  const out = parts.join('');
  const ambiguous = replacements.some((r) => r.action === 'pseudonymize') ? countAmbiguous(out, replacements, vault) : 0;
  return { text: out, replacements, vault, ambiguous };
}

function apply(action: Exclude<DeidAction, 'pseudonymize'>, type: string, original: string, key: Uint8Array): string {
  switch (action) {
    case 'redact': return `[${type}]`;
    case 'mask': return maskValue(type, original);
    case 'hash': return `[${type}:${hmac(key, `hash:${type}`, normalise(original)).toString('hex').slice(0, 8)}]`;
    default: return original;
  }
}

/**
 * A surrogate name whose every word already appears in the text might occur there outside the
 * detected spans, and restoring would then rewrite that occurrence too; such candidates are
 * skipped. The word set is built once, on the first name, so the check is linear overall.
 */
function nameClashCheck(text: string): (type: string, candidate: string) => boolean {
  let words: Set<string> | undefined;
  return (type, candidate) => {
    if (type !== 'NAME') return false;
    words ??= new Set(text.split(/[^\p{L}\p{N}]+/u));
    const parts = candidate.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
    // Hangul surrogates match inside words (particles attach), so they are looked up as substrings.
    if (/[\uAC00-\uD7A3]/.test(candidate)) return text.includes(candidate);
    return parts.length > 0 && parts.every((w) => words?.has(w) === true);
  };
}

/**
 * Places where restoring would not give the input back: surrogate matches in the output that are
 * not one of our replacements, and replacements the matcher cannot see (e.g. a span glued to
 * the next word, so the surrogate has no word boundary).
 */
function countAmbiguous(out: string, replacements: readonly Replacement[], vault: Vault): number {
  const matcher = SurrogateMatcher.fromVault(vault);
  const ours = new Set(replacements.filter((r) => r.action === 'pseudonymize').map((r) => `${r.outStart}:${r.outEnd}`));
  let count = 0;
  let seen = 0;
  let prev = -1;
  for (let i = 0; i < out.length;) {
    const step = matcher.at(out, i, prev, true);
    if (step.kind === 'match') {
      if (ours.has(`${i}:${step.end}`)) seen += 1;
      else count += 1;
      prev = out.charCodeAt(step.end - 1);
      i = step.end;
    } else {
      prev = out.charCodeAt(i);
      i += 1;
    }
  }
  return count + (ours.size - seen);
}
