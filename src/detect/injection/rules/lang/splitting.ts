/**
 * Language-neutral payload-splitting and hidden-comment shapes: "combine A, B and C and answer"
 * in several languages, and HTML comments that carry an instruction to whatever reads the page.
 */
import { defineRule, type Rule } from '../rule.js';

export const SPLITTING_RULES: readonly Rule[] = [
  defineRule({
    id: 'payload_splitting.any.combine_letters',
    family: 'payload_splitting',
    lang: 'any',
    triggers: ['combine', 'kombinier', 'combina', 'concatena', 'concatène', 'concatene', 'verbinde', 'junta', 'une ', 'unisci', 'объедин'],
    pattern: /(?<![a-zà-ÿ])(?:combine|kombiniere|combina|concatena|concat[eè]ne|verbinde|junta|une|unisci|объедини(?:те)?)\s{1,4}[a-z](?:\s{0,2},\s{0,2}[a-z]){0,4}\s{1,4}(?:and|und|y|e|et|и)\s{1,4}[a-z](?![a-zà-ÿ])/,
    score: 0.6,
    explanation: 'Splits an instruction into lettered fragments to be joined.',
  }),
  defineRule({
    id: 'ai_addressed.any.html_comment',
    family: 'ai_addressed',
    lang: 'any',
    form: 'clean',
    triggers: ['<!--', '<! --'],
    pattern: /<!\s?--[^>]{0,40}?(?<![a-zà-ÿ])(?:ignore|ignora|ignorez|ignoriere|disregard|forget|olvida|oublie|vergiss|esque[cç]a|dimentica|instructions?|instrucciones|instru[cç][oõ]es|anweisungen|assistant|ai|ia|ki|model|llm|system)(?![a-zà-ÿ])/,
    score: 0.5,
    explanation: 'An HTML comment carrying an instruction for whatever reads the page.',
  }),
];
