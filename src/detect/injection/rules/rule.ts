/**
 * One injection rule: a trigger-gated, linear-time pattern with an honest evidence score and
 * context cues that raise or lower it. Rules are data; `defineRule` validates each once so a
 * typo in a rule table fails at import time, not silently at match time.
 */
import { MedguardError } from '../../../core/errors.js';

export type RuleFamily =
  | 'override'
  | 'system_prompt_extraction'
  | 'persona_jailbreak'
  | 'fake_delimiter'
  | 'tool_hijack'
  | 'exfiltration'
  | 'payload_splitting'
  | 'hypothetical_framing'
  | 'ai_addressed'
  | 'safety_bypass';

export const RULE_FAMILIES: readonly RuleFamily[] = Object.freeze([
  'override',
  'system_prompt_extraction',
  'persona_jailbreak',
  'fake_delimiter',
  'tool_hijack',
  'exfiltration',
  'payload_splitting',
  'hypothetical_framing',
  'ai_addressed',
  'safety_bypass',
]);

/**
 * Which normalised form the rule reads: `folded` for Latin-script phrases (case, leetspeak and
 * spaced-out letters already undone), `clean` for CJK/Hangul/Cyrillic and for delimiter tokens
 * whose punctuation folding would destroy.
 */
export type RuleForm = 'folded' | 'clean';

/** Where a cue looks, relative to the match. Context windows are short and fixed. */
export type CueWhere = 'match' | 'before' | 'after' | 'around';

export interface Cue {
  readonly re: RegExp;
  /** Added to the score when the cue matches; negative for clinical or benign context. */
  readonly delta: number;
  readonly where: CueWhere;
}

export interface RuleSpec {
  /** `<family>.<lang>.<name>`, e.g. `override.en.ignore_previous`. */
  readonly id: string;
  readonly family: RuleFamily;
  readonly lang: string;
  readonly form?: RuleForm;
  /**
   * Lower-case literals; the rule is tried only where one occurs. A match must start at a
   * trigger, or at most `lead` characters before one (the engine tries each such start).
   */
  readonly triggers: readonly string[];
  /** How far before a trigger a match may start; default 0 (the match starts at the trigger). */
  readonly lead?: number;
  readonly pattern: RegExp;
  /** Evidence strength of a bare match, before cues and mode weighting. */
  readonly score: number;
  readonly cues?: readonly Cue[];
  /** A second pattern that must occur near the match (e.g. a harmful target after a fictional frame). */
  readonly requires?: RegExp;
  /** Match case exactly (clean-form rules only, e.g. an all-caps "DAN"); default false. */
  readonly caseSensitive?: boolean;
  /** Short reason shown to users; never includes the matched text. */
  readonly explanation: string;
}

export interface Rule extends Required<Omit<RuleSpec, 'requires'>> {
  readonly requires: RegExp | undefined;
  /** The pattern compiled sticky (`pattern`, tried at one offset) and global (`search`, for leads). */
  readonly search: RegExp;
}

const ID_RE = /^[a-z_]+\.[a-z]{2,3}\.[a-z0-9_]+$/;

function invalid(id: string, what: string): never {
  throw new MedguardError('MG_CONFIG_INVALID', `injection rule "${id}": ${what}`, { field: 'rules' });
}

/** Patterns are compiled once, here, with the flags the engine relies on (sticky: tried at one offset). */
function recompile(id: string, re: RegExp, extra: '' | 'y' | 'g', caseSensitive = false): RegExp {
  if (re.flags.includes('g') || re.flags.includes('y')) invalid(id, 'patterns must not carry g or y flags; the engine adds them');
  const flags = new Set(re.flags.split(''));
  if (!caseSensitive) flags.add('i');
  if (extra) flags.add(extra);
  return new RegExp(re.source, [...flags].join(''));
}

export function defineRule(spec: RuleSpec): Rule {
  const id = spec.id;
  if (!ID_RE.test(id)) invalid(id, 'id must look like family.lang.name');
  const [fam, lang] = id.split('.');
  if (fam !== spec.family || !RULE_FAMILIES.includes(spec.family)) invalid(id, 'id must start with its family');
  if (lang !== spec.lang) invalid(id, 'id must name its language');
  if (!(spec.score > 0 && spec.score <= 1)) invalid(id, 'score must be in (0, 1]');
  if (spec.triggers.length === 0) invalid(id, 'needs at least one trigger');
  for (const t of spec.triggers) {
    // A one-letter trigger would wake the rule on nearly every text.
    if (t.length === 0 || (t.length === 1 && /\w/.test(t)) || t !== t.toLowerCase()) invalid(id, 'triggers must be lower-case literals, not single letters');
  }
  if (spec.caseSensitive && spec.form !== 'clean') invalid(id, 'case-sensitive rules must read the clean form (folded text is lower-case)');
  const lead = spec.lead ?? 0;
  if (!Number.isInteger(lead) || lead < 0 || lead > 120) invalid(id, 'lead must be an integer in [0, 120]');
  if (spec.explanation.length === 0 || spec.explanation.length > 160) invalid(id, 'explanation must be 1..160 characters');
  const cues = (spec.cues ?? []).map((c) => {
    if (!(c.delta >= -1 && c.delta <= 1) || c.delta === 0) invalid(id, 'cue delta must be non-zero in [-1, 1]');
    return Object.freeze({ re: recompile(id, c.re, ''), delta: c.delta, where: c.where });
  });
  return Object.freeze({
    id,
    family: spec.family,
    lang: spec.lang,
    form: spec.form ?? 'folded',
    triggers: Object.freeze([...spec.triggers]),
    lead,
    pattern: recompile(id, spec.pattern, 'y', spec.caseSensitive),
    search: recompile(id, spec.pattern, 'g', spec.caseSensitive),
    caseSensitive: spec.caseSensitive ?? false,
    score: spec.score,
    cues: Object.freeze(cues),
    requires: spec.requires === undefined ? undefined : recompile(id, spec.requires, ''),
    explanation: spec.explanation,
  });
}

/** Shorthand for the common cue shapes so rule tables stay readable. */
export const boost = (re: RegExp, delta: number, where: CueWhere = 'match'): Cue => ({ re, delta, where });
export const damp = (re: RegExp, delta: number, where: CueWhere = 'around'): Cue => ({ re, delta: -Math.abs(delta), where });
