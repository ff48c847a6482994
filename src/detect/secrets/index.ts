import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import type { Detector, Finding, TextView } from '../../core/types.js';
import { MODES } from '../../core/types.js';
import { createRootView } from '../../core/text/view.js';
import type { FamilyBundle } from '../family.js';
import { findPrivateKeys } from './private-key.js';
import { SECRET_RULES } from './rules.js';

export { shannonEntropy, looksRandom } from './entropy.js';
export { SECRET_RULES, type SecretRule } from './rules.js';

export interface SecretsOptions {
  /** Rule names to leave out (e.g. `generic_secret` on a code-review corpus). */
  readonly disable?: readonly string[];
}

const OptionsSchema = z.strictObject({ disable: z.array(z.string()).optional() });
const RULE_NAMES = new Set([...SECRET_RULES.map((r) => r.name), 'private_key']);

/** API keys, tokens, private keys and passwords: family 'secret', kind `secret.<rule>`. */
export function createSecretsDetector(options: SecretsOptions = {}): Detector {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new MedguardError('MG_CONFIG_INVALID', `secrets options: ${parsed.error.issues[0]?.message ?? 'invalid'}; allowed: disable (rule names)`, { field: 'secrets' });
  }
  const disabled = new Set(parsed.data.disable ?? []);
  for (const name of disabled) {
    if (!RULE_NAMES.has(name)) throw new MedguardError('MG_CONFIG_INVALID', `secrets.disable: unknown rule "${name}"`, { field: 'secrets.disable' });
  }
  const rules = SECRET_RULES.filter((r) => !disabled.has(r.name));
  const keys = !disabled.has('private_key');
  return {
    id: 'secret.rules',
    family: 'secret',
    modes: MODES,
    decodedLayers: false,
    detect: (input) => detectIn(input, rules, keys),
  };
}

function detectIn(input: TextView, rules: typeof SECRET_RULES, keys: boolean): Finding[] {
  const form = input.form('raw');
  const text = form.text;
  const out: Finding[] = [];
  const push = (name: string, start: number, end: number, severity: Finding['severity'], score: number, explanation: string): void => {
    const span = form.toRoot(start, end);
    out.push({ family: 'secret', kind: `secret.${name}`, detector: 'secret.rules', rule: `secret.${name}`, start: span.start, end: span.end, score, severity, explanation });
  };
  if (keys) for (const s of findPrivateKeys(text)) push('private_key', s.start, s.end, 'critical', 0.99, 'private key block');
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const idx = m.indices?.[rule.group ?? 0];
      const value = m[rule.group ?? 0];
      if (m[0].length === 0) rule.re.lastIndex += 1;
      if (!idx || value === undefined) continue;
      if (rule.accept && !rule.accept(value)) continue;
      push(rule.name, idx[0], idx[1], rule.severity, rule.score, rule.explanation);
    }
  }
  return dropContained(out);
}

/** A generic match inside a specific one (e.g. `token=` around a GitHub token) is noise. */
function dropContained(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const kept: Finding[] = [];
  let reach = -1;
  for (const f of findings) {
    if (f.end <= reach) continue;
    kept.push(f);
    reach = f.end;
  }
  return kept;
}

export function createSecretsFamily(options: SecretsOptions = {}): FamilyBundle {
  return { detectors: [createSecretsDetector(options)] };
}

/** Convenience for tests and the de-identifier: secret findings of one plain text. */
export function detectSecrets(text: string, options: SecretsOptions = {}): Finding[] {
  const root = createRootView(text);
  return createSecretsDetector(options).detect(root, { mode: 'document', views: [root] });
}
