/**
 * English instruction override and system-prompt extraction. The override verbs are ordinary
 * clinical vocabulary ("ignore the previous potassium", "disregard prior discharge
 * instructions"), so a bare verb + "previous instructions" is weak evidence; totality, second
 * person, AI-config objects and a following new task raise it, clinical nouns lower it.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_AI_OBJECT, EN_CARE_AFTER, EN_CLINICAL, EN_NEW_TASK, EN_TOTAL } from '../cues.js';

const VERB = String.raw`(?:ignore|ignoring|disregard|forget|skip|override|overlook|neglect|bypass|abandon|discard|dismiss|omit|erase|delete|nevermind|never mind|set aside|throw away|pay no attention to|do not follow|don['’]?t follow|stop following|no longer follow|cancel)`;
const VERB_TRIGGERS = ['ignor', 'disregard', 'forget', 'skip', 'override', 'overlook', 'neglect', 'bypass', 'abandon', 'discard', 'dismiss', 'omit', 'erase', 'delete', 'nevermind', 'never mind', 'set aside', 'throw away', 'pay no attention', 'do not follow', "don't follow", 'don’t follow', 'dont follow', 'stop following', 'no longer follow', 'cancel'];
const BEFORE = String.raw`(?:previous|prior|above|earlier|preceding|former|original|initial|old|past|foregoing|existing|current|system|developer|default|hidden|your|my|these|those|all)`;
const NOUN = String.raw`(?:instructions?|rules?|prompts?|directions?|directives?|guidelines?|commands?|orders?|programming|guidance|constraints?|restrictions?|context|conversation|messages?|tasks?|inputs?|training|polic(?:y|ies)|settings|content|text|conversations)`;

export const EN_OVERRIDE_RULES: readonly Rule[] = [
  defineRule({
    id: 'override.en.ignore_previous',
    family: 'override',
    lang: 'en',
    triggers: VERB_TRIGGERS,
    pattern: new RegExp(String.raw`\b${VERB}\b[^.;:\n]{0,30}?\b${BEFORE}\b[^.;:\n]{0,25}?\b${NOUN}\b`),
    score: 0.4,
    cues: [
      boost(EN_TOTAL, 0.3),
      boost(EN_AI_OBJECT, 0.2),
      boost(EN_NEW_TASK, 0.25, 'after'),
      boost(/\b(?:you|assistant|chatbot|ai)\b/, 0.1, 'before'),
      damp(EN_CLINICAL, 0.45, 'match'),
      damp(EN_CARE_AFTER, 0.45, 'after'),
      damp(/\b(?:discharge|orders?|nursing|cardiology|attached|superseded|replaced by|updated)\b/, 0.15, 'after'),
    ],
    explanation: 'Asks the model to disregard its earlier instructions.',
  }),
  defineRule({
    id: 'override.en.forget_everything',
    family: 'override',
    lang: 'en',
    triggers: ['ignor', 'disregard', 'forget', 'overlook', 'erase', 'delete'],
    pattern: new RegExp(String.raw`\b(?:ignore|disregard|forget|overlook|erase|delete)\s{1,4}(?:about\s{1,4})?(?:everything|all(?:\s{1,4}of)?\s{1,4}(?:that|this|the above|it)|what(?:ever)?\s{1,4}(?:you(?:['’]?ve|\s{1,4}have|\s{1,4}were|\s{1,4}had)?\s{1,4}(?:been\s{1,4})?(?:told|instructed|taught|programmed|given))|(?:all\s{1,4})?(?:that|what)\s{1,4}(?:came|was said|i said|you read)\s{1,4}before)`),
    score: 0.6,
    cues: [
      boost(/\b(?:you|instructed|told|programmed|taught)\b/, 0.2),
      boost(/^[^.\n]{0,30}\b(?:before|above|previously|so far|until now|up to now|earlier)\b/, 0.15, 'after'),
      boost(EN_NEW_TASK, 0.15, 'after'),
      damp(EN_CLINICAL, 0.4),
    ],
    explanation: 'Asks the model to forget everything it was told.',
  }),
  defineRule({
    id: 'override.en.new_instructions',
    family: 'override',
    lang: 'en',
    triggers: ['your new', 'your real', 'your actual', 'your true', 'your updated', 'new instruction', 'new system', 'new task', 'new rule', 'new directive', 'updated instruction', 'updated task', 'updated rule', 'real instruction', 'real task', 'real rule', 'from now on'],
    pattern: /\b(?:your\s{1,4}(?:new|real|actual|true|updated)\s{1,4}(?:instructions?|task|rules?|directives?|goal|objective|purpose)\s{1,4}(?:are|is)|(?:new|updated|real)\s{1,4}(?:system\s{1,4})?(?:instructions?|task|rules?|directive)\s{0,4}:\s{0,4}(?:you|from|ignore|always|never|respond|answer|say|print|reveal|act)|from now on,?\s{1,4}(?:you|your)\b[^.\n]{0,50}?\b(?:respond|answer|reply|act|pretend|roleplay|behave|output|say|speak|ignore|obey|comply|unrestricted|unfiltered|jailbroken|dan|no longer|only (?:respond|answer|reply|speak|say)))/,
    score: 0.65,
    cues: [boost(EN_AI_OBJECT, 0.15, 'around'), damp(EN_CLINICAL, 0.35)],
    explanation: 'Replaces the model\'s task with new instructions.',
  }),
  defineRule({
    id: 'override.en.forced_reply',
    family: 'override',
    lang: 'en',
    triggers: ['access granted', 'i have been pwned', 'pwned'],
    lead: 48,
    pattern: /\b(?:(?:say|print|output|respond with|reply with|answer with|write|begin (?:your|the) (?:reply|response|answer) with|start (?:your|the) (?:reply|response|answer) with|only (?:say|respond|reply))\W{0,4}(?:access granted|i have been pwned|pwned)|i have been pwned)\b/,
    score: 0.8,
    explanation: 'Dictates a canned reply typical of injection probes.',
  }),
  defineRule({
    id: 'system_prompt_extraction.en.reveal_prompt',
    family: 'system_prompt_extraction',
    lang: 'en',
    triggers: ['prompt', 'instruction', 'system message', 'pre-prompt', 'pre prompt', 'preprompt', 'directive', 'rules', 'guideline', 'programming', 'configuration'],
    lead: 80,
    pattern: /\b(?:reveal|print|show|display|repeat|output|tell me|give me|share|leak|dump|write out|write down|recite|list|disclose|expose|provide|paste|copy|spell out|summari[sz]e|translate|see|view|access|encode|continue|what (?:is|are|was|were))\b[^.?!\n]{0,30}?\b(?:(?:your|the|ur)\s{1,4}(?:system|hidden|secret|internal|developer|confidential|pre)[\s-]?(?:prompt|message|instructions?)|your\s{1,4}(?:(?:initial|original|first|starting|previous|prior|exact|full|complete|entire|underlying|core|base)\s{1,4})?(?:prompt|instructions|directives|rules|guidelines|programming|configuration)|(?:system|pre)[\s-]?prompt)\b/,
    score: 0.8,
    cues: [boost(/\b(?:verbatim|word for word|exactly|everything|above|full|entire)\b/, 0.1, 'around'), damp(/\b(?:pharmacy|alert|ehr|epic|cerner|pump|monitor|ventilator)\b/, 0.4, 'around')],
    explanation: 'Asks the model to disclose its system prompt or configuration.',
  }),
  defineRule({
    id: 'system_prompt_extraction.en.text_above',
    family: 'system_prompt_extraction',
    lang: 'en',
    triggers: ['above', 'before this', 'prior to this', 'were you', 'was you', 'first message', 'first instruction', 'first line', 'initial message', 'initial instruction', 'initial line', 'start of', 'beginning of'],
    lead: 60,
    pattern: /\b(?:(?:repeat|print|output|copy|recite|show|reveal|write)\s{1,4}(?:all\s{1,4}|back\s{1,4})?(?:the\s{1,4})?(?:text|words|content|instructions|everything|messages?)\s{1,4}(?:above|before this|prior to this)|what\s{1,4}(?:were|was)\s{1,4}you\s{1,4}(?:told|given|instructed|programmed)\b|(?:repeat|print|output|show|reveal)\s{1,4}(?:the\s{1,4}|your\s{1,4})?(?:first|initial)\s{1,4}(?:message|instructions?|lines?)|(?:starting|beginning)\s{1,4}(?:at|from|with)\s{1,4}(?:the\s{1,4})?(?:start|beginning)\s{1,4}of\s{1,4}(?:the|this|your)\s{1,4}(?:prompt|conversation|context))/,
    score: 0.65,
    cues: [boost(/\b(?:verbatim|word for word|exactly|you)\b/, 0.15, 'around'), damp(EN_CLINICAL, 0.45, 'around')],
    explanation: 'Asks the model to echo the hidden text that precedes the user turn.',
  }),
  defineRule({
    id: 'system_prompt_extraction.en.secret',
    family: 'system_prompt_extraction',
    lang: 'en',
    triggers: ['password', 'passcode', 'pass phrase', 'passphrase', 'secret', 'access code', 'api key'],
    lead: 50,
    pattern: /\b(?:tell|give|reveal|share|what(?:['’]s| is)|print|say|spell|disclose|provide|output|type|confirm)\b[^.?!\n]{0,20}?\b(?:your|the)\s{1,4}(?:secret(?:\s{1,4}(?:key|word|code|phrase))?|password|passcode|pass ?phrase|access code|api key)\b/,
    score: 0.45,
    cues: [boost(/\byour\b/, 0.2), boost(/\b(?:reverse|backwards|base64|spell|letter by letter|one letter|encode)\b/, 0.2, 'around'), damp(/\b(?:wi-?fi|portal|epic|login for|badge|voicemail)\b/, 0.3, 'around')],
    explanation: 'Asks the model to disclose a secret it guards.',
  }),
];
