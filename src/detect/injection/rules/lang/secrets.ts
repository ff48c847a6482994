/**
 * "What is the password?" in the languages we cover. A clinical assistant holds no passwords a
 * user should ask it for, but staff do ask about portal and Wi-Fi logins, so "the password"
 * alone stays below 0.5 and "your password" rises above it.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';

export const SECRET_RULES: readonly Rule[] = [
  defineRule({
    id: 'system_prompt_extraction.any.password_ask',
    family: 'system_prompt_extraction',
    lang: 'any',
    triggers: ['password', 'passcode', 'contraseña', 'contrasena', 'clave', 'senha', 'passwort', 'kennwort', 'mot de passe', 'parola d'],
    lead: 60,
    pattern: /(?<![a-zà-ÿ])(?:what(?:['’]s| is| was)|tell me|give me|confirm|reveal|share|spell|cu[aá]l es|dime|dame|comparte|qual (?:[eé]|è)|quale (?:[eè])|diga|compartilhe|was ist|gib mir|geben sie mir|nenne|verrate|quel est|donne(?:-moi)?|dis(?:-moi)?|dimmi)(?![a-zà-ÿ])[^.?!\n]{0,25}?(?:password|passcode|contrase[nñ]a|clave|senha|passwort|kennwort|mot de passe|parola d['’]ordine)(?![a-zà-ÿ])/,
    score: 0.4,
    cues: [
      boost(/(?<![a-zà-ÿ])(?:your|tu|su|sua|seu|ihr(?:e|en)?|dein(?:e|en)?|ton|votre|tua|il tuo)(?![a-zà-ÿ])/, 0.2, 'match'),
      boost(/\b(?:reverse|backwards|base64|leetspeak|letter by letter|encode|poem|spell)\b/, 0.2, 'around'),
      damp(/\b(?:wi-?fi|portal|epic|cerner|badge|voicemail|pyxis|omnicell|reset|forgot|login for)\b/, 0.3, 'around'),
    ],
    explanation: 'Asks the model to disclose a password it guards.',
  }),
];
