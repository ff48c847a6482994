/**
 * English persona set-ups and prompt-leak phrasings seen in jailbreak collections: an AI "not
 * bound by" rules, a named unrestricted twin, split personalities, and leak requests that ask
 * for "the text you were given" rather than "the system prompt". None of these shapes occur in
 * clinical writing, so the rules need no clinical damping beyond the shared cue.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_CLINICAL } from '../cues.js';

const POLICY = String.raw`(?:morals|ethics|morality|rules|policies|restrictions|guidelines|filters|laws|tos|terms of service|content policy|openai)`;

export const EN_PERSONA_RULES: readonly Rule[] = [
  defineRule({
    id: 'persona_jailbreak.en.not_bound_by',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['not', "isn't", 'isn’t', 'isnt', 'never', 'no longer'],
    pattern: new RegExp(String.raw`\b(?:not|isn['’]?t|never|no longer)\s{1,4}(?:bound|restrained|restricted|controlled|limited|governed|constrained)\s{1,4}by\s{1,4}(?:any\s{1,4})?(?:of\s{1,4})?(?:their|its|openai['’]?s?|the|your|any|chatgpt['’]?s?)?\s{0,4}${POLICY}\b`),
    score: 0.7,
    cues: [damp(EN_CLINICAL, 0.4, 'around')],
    explanation: 'Describes the assistant as not bound by its rules or policies.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.unfiltered_bot',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['amoral', 'unfilt', 'uncensored', 'unrestricted', 'jailbroken', 'unethical'],
    pattern: /\b(?:amoral|unfilt(?:e)?red|uncensored|unrestricted|jailbroken|unethical)\s{1,4}(?:and\s{1,4}(?:amoral|unfilt(?:e)?red|uncensored|unrestricted|unethical)\s{1,4})?(?:ai|chatbot|assistant|model|bot|language model|version of (?:you|chatgpt|yourself))\b/,
    score: 0.65,
    explanation: 'Describes an unfiltered or amoral AI persona.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.twin_persona',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['take on', 'take up', 'assume the', 'simulate', 'two separate', 'two different', 'respond as', 'act as', 'answer as', 'emulate', 'pretend'],
    pattern: /\b(?:take (?:on|up) the (?:role|persona) of|assume the (?:role|persona) of|simulate (?:a connection to )?another ai|(?:respond|act|answer) as (?:the|an?) ai (?:called|named)|two (?:separate|different) (?:personas|personalities|entities|characters|styles|responses)|(?:pretend|emulate)[^.\n]{0,20}?\b[a-z]{0,10}(?:gpt|dan)\b)/,
    score: 0.4,
    cues: [boost(/\b(?:openai|chatgpt|polic\w{0,4}|restrict\w{0,8}|filter\w{0,4}|moral\w{0,4}|ethic\w{0,4}|illegal|unethical)\b/, 0.3, 'around'), damp(EN_CLINICAL, 0.3, 'around')],
    explanation: 'Sets up an alternative AI persona, the usual vehicle of a jailbreak.',
  }),
  defineRule({
    id: 'safety_bypass.en.no_consideration',
    family: 'safety_bypass',
    lang: 'en',
    triggers: ['without', 'regardless', 'ignores any', 'ignore any', 'ignores all', 'ignore all'],
    pattern: /\b(?:without\s{1,4}(?:any\s{1,4})?(?:consideration|regard|concern)\s{1,4}(?:for|of|to)\s{1,4}(?:ethics|morals|morality|legality|the law|laws)|regardless\s{1,4}of\s{1,4}(?:ethics|morality|legality|how (?:unethical|illegal|immoral|harmful))|ignores?\s{1,4}(?:any\s{1,4}and\s{1,4}all|all|any)\s{1,4}(?:topic\s{1,4})?(?:restrictions|guidelines|policies|rules))\b/,
    score: 0.6,
    cues: [damp(EN_CLINICAL, 0.4, 'match')],
    explanation: 'Asks for answers without regard to ethics, law or restrictions.',
  }),
  defineRule({
    id: 'system_prompt_extraction.en.given_text',
    family: 'system_prompt_extraction',
    lang: 'en',
    triggers: ['text you', 'instructions you', 'prompt you', 'words you', 'this entire', 'the entire', 'this whole', 'the whole', 'so far', 'my instructions are', 'your instructions are', 'the system prompt is', 'my system prompt', 'what were those', 'what were these', 'what were your', 'what are your'],
    lead: 40,
    pattern: /\b(?:(?:text|instructions|prompt|words|rules)\s{1,4}you\s{1,4}(?:were|have been|got)\s{1,4}(?:given|told|sent|provided)|(?:repeat|print|output|recite|show|copy)\s{1,4}(?:back\s{1,4})?(?:this|the)\s{1,4}(?:entire|whole|full)\s{1,4}(?:conversation|chat|prompt|context|transcript)|(?:my|your|the)\s{1,4}(?:instructions|system prompt|initial prompt|hidden prompt)\s{1,4}(?:are|is|were|was)\s{0,4}:|what\s{1,4}(?:were|are)\s{1,4}(?:those|these|your)\s{1,4}(?:instructions|rules|directions|prompts?)|(?:repeat|say|print|output|list|recite|tell me)\s{1,4}(?:all\s{1,4})?(?:of\s{1,4})?(?:the|your)\s{1,4}(?:instructions|rules|conditions|logic)\s{1,4}(?:so far|above|word[- ]for[- ]word|verbatim))/,
    score: 0.6,
    cues: [boost(/\b(?:word for word|verbatim|initially|rot13|base64|encode|exactly)\b/, 0.2, 'around'), damp(EN_CLINICAL, 0.4, 'around')],
    explanation: 'Asks the model to leak the instructions it was given.',
  }),
  defineRule({
    id: 'fake_delimiter.en.turn_boundary_words',
    family: 'fake_delimiter',
    lang: 'en',
    triggers: ['user', 'human', 'system'],
    pattern: /\b(?:(?:user|human)\s{1,4}(?:message|input|turn|prompt)\s{1,4}(?:termination|terminated|ends?|ended|over|complete)|system\s{1,4}(?:instructions?|prompt|message|override)\s{1,4}(?:starting|starts|begins?|start|follows?))\b/,
    score: 0.6,
    explanation: 'Announces that the user turn ended and a system turn begins.',
  }),
];
