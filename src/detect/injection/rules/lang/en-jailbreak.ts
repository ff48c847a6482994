/**
 * English persona jailbreaks, safety bypass and fictional framing. Clinical text says "act as
 * a surrogate", "without restrictions" (diet, activity) and "hypothetically, if potassium
 * rises": each rule therefore needs an AI-specific or harm-specific second token.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_CLINICAL } from '../cues.js';

const LIMITS = String.raw`(?:restrictions?|filters?|filtering|limitations?|limits|censorship|rules|guidelines|boundaries|constraints|guardrails|safeguards|morals|ethics|policies)`;

const HARM_TARGET = /\b(?:make|making|build|building|synthesi[sz]e|synthesi[sz]ing|create|creating|cook|cooking|manufacture|produce|assemble|brew|extract|write|writing|code|coding|develop|deploy|spread|obtain|buy|acquire|get)\b[^.?!\n]{0,40}?\b(?:bombs?|explosives?|detonators?|weapons?|guns?|firearms?|ammunition|meth(?:amphetamine)?|fentanyl|heroin|cocaine|crack|lsd|nerve agents?|sarin|vx|ricin|anthrax|botulinum|toxins?|poisons?|malware|ransomware|viruses|computer virus|keyloggers?|exploits?|botnets?|napalm|bioweapons?|chemical weapons?|phishing|molotov|untraceable|counterfeit|fake (?:ids?|money|passports?))\b|\b(?:hack(?:ing)? into|break into|steal(?:ing)?|launder(?:ing)? money|kill (?:someone|a person|my|him|her|people)|murder|hotwire|pick a lock|shoplift|evade (?:taxes|the police|detection)|dispose of a body|stalk|bully|blackmail|torture)\b/;

export const EN_JAILBREAK_RULES: readonly Rule[] = [
  defineRule({
    id: 'persona_jailbreak.en.dan',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['do anything now', 'dan', 'jailbr', 'stan', 'dude', 'anti-dan', 'betterdan'],
    pattern: /\b(?:do anything now|(?:you are|you're|act as|become|pretend to be|be|called|named|known as|play|simulate)\s+(?:now\s+)?(?:a\s+|an\s+)?(?:dan|betterdan|anti-?dan|stan|dude)\b|(?:dan|stan|dude)\s+(?:mode|prompt|jailbreak)|jailbr(?:eak|oken|eaking|eaked|oke)s?)\b/,
    score: 0.75,
    cues: [boost(/\b(?:do anything now|mode|jailbr\w*|chatgpt|openai|ai)\b/, 0.15, 'around'), damp(/\b(?:dr\.?|nurse|rn|md|patient|mr\.?|physician|phone)\b/, 0.35, 'around')],
    explanation: 'Invokes a known jailbreak persona (DAN and relatives).',
  }),
  defineRule({
    id: 'persona_jailbreak.en.developer_mode',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['developer mode', 'dev mode', 'god mode', 'debug mode', 'maintenance mode', 'admin mode', 'unrestricted mode', 'jailbreak mode', 'evil mode', 'opposite mode'],
    pattern: /\b(?:developer|dev|god|debug|maintenance|admin|unrestricted|jailbreak|evil|opposite)\s+mode\b/,
    score: 0.55,
    cues: [boost(/\b(?:enabled?|activated?|on|enter|simulate|switch(?:ed)? to|turn(?:ed)? on|chatgpt|openai|policies|pretend|output)\b/, 0.3, 'around'), damp(EN_CLINICAL, 0.3, 'around')],
    explanation: 'Asks the model to switch into an unrestricted "mode".',
  }),
  defineRule({
    id: 'persona_jailbreak.en.unbound',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['no longer', 'freed', 'free', 'liberated', 'unshackled', 'unrestricted', 'unfiltered', 'uncensored', 'unbound', 'broken free', 'amoral'],
    pattern: new RegExp(String.raw`\b(?:you(?:\s+are|['’]re|\s+will be)\s+(?:now\s+)?(?:no longer\s+(?:bound|restricted|limited|constrained|an ai|a language model|chatgpt|an assistant|required to|subject to)|(?:completely\s+|totally\s+)?(?:freed?|liberated|unshackled|unrestricted|unfiltered|uncensored|unbound|amoral)\b(?:\s+(?:from|of)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:typical\s+)?(?:confines|${LIMITS}))?)|(?:have|has)\s+broken\s+free\s+of)`),
    score: 0.7,
    cues: [boost(/\b(?:ai|chatgpt|openai|model|rules|policies|filters|confines)\b/, 0.15, 'around'), damp(/\b(?:pain|symptoms?|cancer|disease|infection|tumou?r|seizures?|discharge)\b/, 0.5, 'around')],
    explanation: 'Tells the model it is no longer bound by its rules.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.no_restrictions_role',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['pretend', 'act as', 'roleplay', 'role-play', 'role play', 'imagine', 'simulate', 'you are', "you're"],
    pattern: new RegExp(String.raw`\b(?:pretend|act as|roleplay|role-play|role play|imagine|simulate|you are|you['’]re)\b[^.\n]{0,40}?\b(?:(?:no|without|free of|zero)\s+(?:any\s+)?(?:ethical\s+|moral\s+|content\s+|safety\s+)?${LIMITS}|(?:an?\s+)?(?:unfiltered|unrestricted|uncensored|amoral|unethical|rogue|evil|malicious|jailbroken|immoral)\s+(?:ai|assistant|chatbot|model|version|bot|character|entity|persona))\b`),
    score: 0.75,
    cues: [damp(/\b(?:diet|activity|weight[- ]bearing|visiting|fluid|salt)\b/, 0.5, 'around')],
    explanation: 'Role-play that strips the model of its restrictions.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.stay_in_character',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['character', 'in character'],
    pattern: /\b(?:stay(?:ing)? in character|(?:never|don['’]?t|do not|must not)\s+break\s+(?:out of\s+)?character|break(?:ing)? character)\b/,
    score: 0.55,
    cues: [boost(/\b(?:you|ai|chatgpt|rules|policies|refuse)\b/, 0.15, 'around')],
    explanation: 'Pins the model to a persona so it will not fall back to its rules.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.named_personas',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['machiavell', 'niccolo', 'aim', 'evil confidant', 'mongo tom', '[gpt]', '[jailbreak]', '[classic]', 'two different', 'two separate', 'two ways', 'anti-gpt', 'antigpt', 'chatgpt with'],
    pattern: /(?:\baim\b[^.\n]{0,30}\b(?:stands for|always intelligent|machiavellian|unfiltered)|\bniccolo machiavelli\b|\balways intelligent and machiavellian\b|\bevil confidant\b|\bmongo tom\b|\[(?:gpt|jailbreak|classic|🔓[^\]]{0,15})\]\s*:?|\banswer (?:my|every|each) (?:prompts?|questions?) in two (?:different|separate)? ?(?:separate )?ways\b|\banti-?gpt\b|\bchatgpt with [a-z]{2,15} mode\b)/,
    score: 0.8,
    explanation: 'Uses a well-known jailbreak persona or dual-answer format.',
  }),
  defineRule({
    id: 'persona_jailbreak.en.grandma',
    family: 'persona_jailbreak',
    lang: 'en',
    triggers: ['grandma', 'grandmother', 'granny', 'nana', 'grandpa', 'grandfather'],
    pattern: /\b(?:grandma|grandmother|granny|nana|grandpa|grandfather)\b[^.\n]{0,60}?\b(?:used to|would)\s+(?:read|tell|sing|recite|say|whisper)\b/,
    score: 0.4,
    cues: [
      boost(/\b(?:pretend|act as|please act|roleplay|you are|be my|deceased|dead|passed away|miss her|miss him)\b/, 0.3, 'around'),
      boost(/\b(?:keys?|serial|napalm|recipe|synthesi\w*|password|windows|license|steps)\b/, 0.25, 'around'),
    ],
    explanation: 'Grandparent role-play used to smuggle a refused request.',
  }),
  defineRule({
    id: 'safety_bypass.en.no_ethics',
    family: 'safety_bypass',
    lang: 'en',
    triggers: ['ethic', 'moral', 'safety', 'content polic', 'usage polic', 'openai'],
    pattern: new RegExp(String.raw`\b(?:without|no|free of|free from|devoid of|ignore|ignoring|bypass|bypassing|disregard|set aside|forget|drop|remove|turn off|disable|abandon|break|circumvent|not bound by|unbound by|regardless of|outside)\s+(?:any\s+|all\s+|your\s+|the\s+|of\s+|its\s+|those\s+){0,2}(?:ethical|moral|ethics|morality|safety|content|openai|legal|usage)\s+(?:and\s+(?:moral|ethical|legal)\s+)?(?:${LIMITS}|concerns|considerations|principles|standards|restraints|implications|protocols?)\b`),
    score: 0.75,
    cues: [damp(/\b(?:patients?|consent|irb|committee|board|surgery|procedure|protocol|trial|study)\b/, 0.35, 'around')],
    explanation: 'Asks the model to drop its ethical or safety constraints.',
  }),
  defineRule({
    id: 'safety_bypass.en.ignore_guidelines',
    family: 'safety_bypass',
    lang: 'en',
    triggers: ['guideline', 'polic', 'safeguard', 'guardrail', 'filter', 'restriction', 'programming', 'training'],
    pattern: new RegExp(String.raw`\b(?:ignore|ignoring|bypass|bypassing|disregard|override|circumvent|break|violate|forget|disable|turn off|escape|evade)\s+(?:all\s+)?(?:of\s+)?(?:your|ur|its|the ai['’]?s|openai['’]?s|anthropic['’]?s)\s+(?:own\s+)?(?:guidelines|policies|policy|safeguards|guardrails|filters|restrictions|limitations|rules|programming|training|principles|safety)\b`),
    score: 0.8,
    explanation: 'Asks the model to ignore its own guidelines or safeguards.',
  }),
  defineRule({
    id: 'safety_bypass.en.no_refusal',
    family: 'safety_bypass',
    lang: 'en',
    triggers: ['refuse', 'disclaimer', 'warning', 'caveat', "i'm sorry", 'i cannot', 'decline', 'apologi'],
    pattern: /\b(?:(?:never|not|don['’]?t|do not|must not|cannot|can['’]?t|will not|won['’]?t|shall not|without)\s+(?:ever\s+)?(?:refus(?:e|ing|als?)|declin(?:e|ing)|apologi[sz](?:e|ing)|(?:add|include|give|adding|including|giving)\s+(?:any\s+)?(?:disclaimers?|warnings?|caveats?))|no\s+(?:disclaimers?|caveats?|refusals?)|(?:never|don['’]?t|do not)\s+say\s+(?:that\s+)?(?:you\s+)?(?:can['’]?t|cannot|i['’]?m sorry|sorry))\b/,
    score: 0.4,
    cues: [boost(/\b(?:you|your (?:answer|response|reply)|respond|answer|reply|ai|chatgpt)\b/, 0.2, 'around'), boost(/\b(?:always|any request|anything|no matter)\b/, 0.15, 'around'), damp(EN_CLINICAL, 0.35, 'around')],
    explanation: 'Forbids refusals or safety disclaimers.',
  }),
  defineRule({
    id: 'hypothetical_framing.en.fiction_harm',
    family: 'hypothetical_framing',
    lang: 'en',
    triggers: ['hypothetical', 'fiction', 'novel', 'story', 'screenplay', 'movie', 'imagine', 'thought experiment', 'alternate universe', 'educational purpose', 'research purpose', 'academic purpose', 'pretend', 'role-play', 'roleplay', 'game'],
    pattern: /\b(?:hypothetical(?:ly)?|in a (?:fictional|fictitious|make-believe|imaginary|parallel|alternate) (?:world|universe|story|setting|scenario|reality)|fictional(?:ly)?|for (?:a|my|the) (?:novel|story|screenplay|movie|book|game|script|play)|in (?:a|my) (?:story|novel|movie|screenplay)|thought experiment|alternate universe|(?:purely )?for (?:educational|research|academic|informational) purposes(?: only)?|let['’]?s pretend|imagine (?:a world|that you|you are)|role-?play)\b/,
    requires: HARM_TARGET,
    score: 0.7,
    cues: [damp(/\b(?:treat(?:ment|ed|ing)?|manage(?:ment)?|overdose|toxicity|poisoning|withdrawal|antidote|naloxone|presents?|symptoms|diagnos\w*)\b/, 0.45, 'around')],
    explanation: 'Fictional or hypothetical framing around a harmful request.',
  }),
];
