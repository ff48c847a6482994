/**
 * English rules for the quieter injections found in retrieved documents and in capture-the-flag
 * prompts: side tasks that reshape "your reply", claims that authorisation was already given,
 * "ignore the above" without naming what, and forced openings such as "Sure, here is".
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_CLINICAL, EN_NEW_TASK } from '../cues.js';

export const EN_TASK_RULES: readonly Rule[] = [
  defineRule({
    id: 'ai_addressed.en.reshape_reply',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['your reply', 'your answer', 'your response', 'your output', 'your summary'],
    lead: 80,
    pattern: /\b(?:add|include|append|insert|mention|end|start|begin|prefix|rearrange|convert|combine|group|translate|encode|reverse|replace|format|put|write|spell|capitali[sz]e|repeat)\b[^\n]{0,70}?\b(?:(?:to|in|into|of|within|at the (?:end|start|beginning) of)\s{1,4})?your\s{1,4}(?:reply|answer|response|output|summary)\b/,
    score: 0.45,
    cues: [boost(/https?:\/\/|www\.|\b(?:visit|click|buy|deals?|discount|promo)\b/, 0.2, 'around'), damp(EN_CLINICAL, 0.25, 'match')],
    explanation: 'A side task that reshapes the assistant\'s reply, planted in the text.',
  }),
  defineRule({
    id: 'override.en.ignore_above',
    family: 'override',
    lang: 'en',
    triggers: ['ignor', 'disregard', 'forget', 'skip', 'overlook'],
    pattern: /\b(?:ignore|disregard|forget|skip|overlook)\s{1,4}(?:about\s{1,4})?(?:all\s{1,4}(?:of\s{1,4})?)?(?:the\s{1,4}|everything\s{1,4})?(?:above|foregoing|preceding|previous|prior|earlier)(?:\s{1,4}(?:text|content|message|input|stuff|one|ones|part))?\s{0,4}(?:[.,;:!]|and\b|then\b|$)/,
    score: 0.55,
    cues: [boost(EN_NEW_TASK, 0.25, 'after'), damp(EN_CLINICAL, 0.35, 'around'), damp(/\b(?:cuff|reading|measurement|value|entry)\b/, 0.3, 'around')],
    explanation: 'Asks the model to disregard the text that came before.',
  }),
  defineRule({
    id: 'override.en.claimed_auth',
    family: 'override',
    lang: 'en',
    triggers: ['correct', 'right', 'valid', 'user has', 'i have'],
    pattern: /\b(?:(?:the\s{1,4})?(?:correct|right|valid)\s{1,4}(?:password|passcode|access code|pass ?phrase|secret code|code)\s{1,4}(?:has been|was|is|have been)\s{1,4}(?:provided|entered|given|input|supplied|typed)|(?:the\s{1,4})?(?:user|i)\s{1,4}(?:has|have)\s{1,4}(?:input|entered|provided|given|supplied|typed)\s{1,4}the\s{1,4}(?:correct|right|valid)\s{1,4}(?:password|access code|passcode|pass ?phrase|code))\b/,
    score: 0.6,
    cues: [damp(/\b(?:portal|pyxis|omnicell|badge|epic|cerner|voicemail|wi-?fi)\b/, 0.35, 'around')],
    explanation: 'Claims that authorisation was already granted, to unlock guarded behaviour.',
  }),
  defineRule({
    id: 'override.en.claimed_authority',
    family: 'override',
    lang: 'en',
    triggers: ["i'm", 'i’m', 'im ', 'i am'],
    pattern: /\bi(?:['’]?m| am)\s{1,4}(?:your|the|an?)?\s{0,4}(?:developer|creator|administrator|admin|owner|god|master|programmer|openai (?:employee|engineer|developer)|anthropic (?:employee|engineer))\b/,
    score: 0.4,
    cues: [boost(/\b(?:you must|you have to|you will|answer all|confirm|password|obey|override|maintenance mode|reprogram\w{0,4})\b/, 0.2, 'around')],
    explanation: 'Claims authority over the model to unlock guarded behaviour.',
  }),
  defineRule({
    id: 'override.en.forced_opening',
    family: 'override',
    lang: 'en',
    triggers: ['access grant', 'sure, here', 'sure here', '[access'],
    lead: 60,
    pattern: /\b(?:say|print|output|prepend|prefix|affix|begin|start|complete|respond|reply|answer|write|type|only)\b[^\n]{0,50}?(?:\[?access\s{0,4}grant|["'“]?sure,?\s{1,4}here\s{1,4}(?:is|are))/,
    score: 0.65,
    cues: [boost(/\b(?:only|nothing else|without any|do not|don['’]?t)\b/, 0.15, 'around')],
    explanation: 'Dictates how the reply must open, typical of guardrail-bypass probes.',
  }),
];
