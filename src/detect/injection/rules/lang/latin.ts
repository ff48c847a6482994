/**
 * Builds the same rule shapes for every Latin-script language from a small vocabulary table,
 * so Spanish, French, German, Portuguese and Italian get identical scoring logic: a bare
 * "ignore ... instructions" is weak, totality/AI objects/new tasks raise it, clinical nouns
 * lower it. Word edges use a Latin-letter lookaround because `\b` treats accented letters as
 * non-word characters.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_CARE_AFTER, EN_CLINICAL } from '../cues.js';

const L0 = '(?<![a-zà-öø-ÿ])';
const L1 = '(?![a-zà-öø-ÿ])';

export interface LatinVocabulary {
  readonly lang: string;
  readonly override: {
    readonly verbs: string;
    readonly triggers: readonly string[];
    readonly nouns: string;
    /** "all", "previous", "your", "above", "of the system". */
    readonly total: string;
    /** Nouns that make the object the model's own configuration. */
    readonly ai: string;
    readonly clinical: string;
    /** Imperative right after the override ("and say ..."). */
    readonly newTask: string;
  };
  readonly forgetAll: { readonly pattern: string; readonly triggers: readonly string[] };
  /** "ignore the above" without naming what. */
  readonly ignoreAbove: { readonly pattern: string; readonly triggers: readonly string[] };
  readonly extraction: { readonly pattern: string; readonly triggers: readonly string[] };
  readonly devMode: { readonly pattern: string; readonly triggers: readonly string[] };
  /** "without restrictions/filters" — only counts with an AI/role cue nearby (diets have no restrictions too). */
  readonly unrestricted: { readonly pattern: string; readonly triggers: readonly string[]; readonly aiCue: string };
  readonly noEthics: { readonly pattern: string; readonly triggers: readonly string[] };
  readonly ifYouAreAi: { readonly pattern: string; readonly triggers: readonly string[] };
}

const re = (src: string): RegExp => new RegExp(src);

export function latinRules(v: LatinVocabulary): Rule[] {
  const o = v.override;
  const clinical = re(`${L0}${o.clinical}`);
  return [
    defineRule({
      id: `override.${v.lang}.ignore_previous`,
      family: 'override',
      lang: v.lang,
      triggers: o.triggers,
      pattern: re(`${L0}${o.verbs}${L1}[^.;:\\n]{0,40}?${L0}${o.nouns}${L1}`),
      score: 0.4,
      cues: [
        boost(re(`${L0}${o.total}${L1}`), 0.3, 'match'),
        boost(re(`^[^.;\\n]{0,25}?${L0}${o.total}${L1}`), 0.15, 'after'),
        boost(re(`${L0}${o.ai}${L1}`), 0.2, 'around'),
        boost(re(`^[\\s,.;:!-]{0,4}${o.newTask}`), 0.2, 'after'),
        damp(clinical, 0.5, 'around'),
        // Shared verbs and nouns ("ignore ... instructions") also match English clinical text.
        damp(EN_CLINICAL, 0.45, 'match'),
        damp(EN_CARE_AFTER, 0.45, 'after'),
      ],
      explanation: 'Asks the model to disregard its earlier instructions.',
    }),
    defineRule({
      id: `override.${v.lang}.forget_everything`,
      family: 'override',
      lang: v.lang,
      triggers: v.forgetAll.triggers,
      pattern: re(`${L0}${v.forgetAll.pattern}${L1}`),
      score: 0.7,
      cues: [damp(clinical, 0.4, 'around')],
      explanation: 'Asks the model to forget everything it was told.',
    }),
    defineRule({
      id: `override.${v.lang}.ignore_above`,
      family: 'override',
      lang: v.lang,
      triggers: v.ignoreAbove.triggers,
      pattern: re(`${L0}${v.ignoreAbove.pattern}${L1}`),
      score: 0.55,
      cues: [boost(re(`^[\\s,.;:!-]{0,4}${o.newTask}`), 0.2, 'after'), damp(clinical, 0.4, 'around')],
      explanation: 'Asks the model to disregard the text that came before.',
    }),
    defineRule({
      id: `system_prompt_extraction.${v.lang}.reveal_prompt`,
      family: 'system_prompt_extraction',
      lang: v.lang,
      triggers: v.extraction.triggers,
      pattern: re(`${L0}${v.extraction.pattern}${L1}`),
      score: 0.8,
      explanation: 'Asks the model to disclose its system prompt or configuration.',
    }),
    defineRule({
      id: `persona_jailbreak.${v.lang}.developer_mode`,
      family: 'persona_jailbreak',
      lang: v.lang,
      triggers: v.devMode.triggers,
      pattern: re(`${L0}${v.devMode.pattern}${L1}`),
      score: 0.75,
      explanation: 'Asks the model to switch into an unrestricted "mode".',
    }),
    defineRule({
      id: `persona_jailbreak.${v.lang}.no_restrictions_role`,
      family: 'persona_jailbreak',
      lang: v.lang,
      triggers: v.unrestricted.triggers,
      pattern: re(`${L0}${v.unrestricted.pattern}${L1}`),
      requires: re(`${L0}${v.unrestricted.aiCue}${L1}`),
      score: 0.7,
      cues: [damp(clinical, 0.4, 'around')],
      explanation: 'Role-play that strips the model of its restrictions.',
    }),
    defineRule({
      id: `safety_bypass.${v.lang}.no_ethics`,
      family: 'safety_bypass',
      lang: v.lang,
      triggers: v.noEthics.triggers,
      lead: 45,
      pattern: re(`${L0}${v.noEthics.pattern}${L1}`),
      score: 0.75,
      cues: [damp(clinical, 0.3, 'around')],
      explanation: 'Asks the model to drop its ethical or safety constraints.',
    }),
    defineRule({
      id: `ai_addressed.${v.lang}.if_you_are_ai`,
      family: 'ai_addressed',
      lang: v.lang,
      triggers: v.ifYouAreAi.triggers,
      pattern: re(`${L0}${v.ifYouAreAi.pattern}${L1}`),
      score: 0.65,
      explanation: 'Text addressed to an AI system rather than to a human reader.',
    }),
  ];
}
