/** German vocabulary for the shared Latin-script rule shapes. */
import type { Rule } from '../rule.js';
import { latinRules } from './latin.js';

export const DE_RULES: readonly Rule[] = latinRules({
  lang: 'de',
  override: {
    verbs: '(?:ignorier(?:e|en|t)?|vergiss|vergesst|vergessen sie|missachte(?:n|t)?|[uü]bergeh(?:e|en|t)|verwirf|verwerfen sie|beachte(?:t|n sie)? (?:nicht|keine)|setze(?:n sie)? au[sß]er kraft)',
    triggers: ['ignorier', 'vergiss', 'vergesst', 'vergessen sie', 'missacht', 'übergeh', 'ubergeh', 'uebergeh', 'verwirf', 'verwerfen', 'beacht', 'setze'],
    nouns: '(?:anweisung(?:en)?|instruktion(?:en)?|befehle?|regeln|vorgaben|richtlinien|prompts?|anordnungen|vorschriften|aufgaben?)',
    total: '(?:alle|allen|vorherige[ns]?|vorige[n]?|bisherige[n]?|obige[n]?|fr[uü]here[n]?|deine?[n]?|ihre?[n]?|system|urspr[uü]ngliche[n]?)',
    ai: '(?:system|systemprompt|prompt|programmierung|ki|assistent|modell|training)',
    clinical: '(?:entlassung|medikament(?:e|en)?|dosis|dosierung|patient(?:in|en)?|kalium|labor(?:wert(?:e)?)?|therapie|rezept|ern[aä]hrung|pflege|[aä]rzt(?:in|e)?|kardiolog\\w{0,6}|werte?|insulin|termin|operation|befund|tabletten?)',
    newTask: '(?:und |dann |jetzt |stattdessen )?(?:sag|sage|antworte|schreib|schreibe|gib|zeig|zeige|verrate|[uü]bersetze)(?![a-zà-ÿ])',
  },
  forgetAll: { pattern: '(?:vergiss|vergesst|vergessen sie|ignoriere)\\s{1,4}alles\\s{0,4},?\\s{0,4}(?:was|bisher|davor|vorher|oben|zuvor)', triggers: ['vergiss', 'vergesst', 'vergessen sie', 'ignoriere'] },
  ignoreAbove: { pattern: '(?:ignorier(?:e|en sie)|vergiss|vergessen sie)\\s{1,4}(?:das|alles)\\s{1,4}(?:obige|oben|vorherige|davor|bisherige)', triggers: ['ignorier', 'vergiss', 'vergessen sie'] },
  extraction: {
    pattern: '(?:zeig(?:e)?|gib|nenne|wiederhole|verrate|drucke|schreib(?:e)?|teile|was (?:ist|sind|war|waren))[^.?\\n]{0,25}?(?:deine?[nm]?|ihre?[nm]?|den|die|das)\\s{1,4}(?:system[- ]?prompt|systemnachricht|systemanweisung(?:en)?|urspr[uü]nglichen anweisungen|anf[aä]nglichen anweisungen|versteckten anweisungen|geheimen anweisungen|initialen anweisungen)',
    triggers: ['zeig', 'gib', 'nenne', 'wiederhole', 'verrate', 'drucke', 'schreib', 'teile', 'was '],
  },
  devMode: { pattern: '(?:entwicklermodus|entwickler-modus|gott-?modus|jailbreak-?modus)', triggers: ['entwickler', 'gottmodus', 'gott-modus', 'jailbreak'] },
  unrestricted: {
    pattern: '(?:ohne|keine) (?:jegliche |alle |irgendwelche )?(?:einschr[aä]nkungen|filter|zensur|grenzen|beschr[aä]nkungen)',
    triggers: ['ohne ', 'keine '],
    aiCue: '(?:ki|k[uü]nstliche intelligenz|assistent|modell|chatgpt|tu so|spiele|du bist|du wirst|rolle|antworte)',
  },
  noEthics: { pattern: '(?:ohne|ignoriere|vergiss)\\s{1,4}(?:jegliche |alle |deine |die )?(?:ethische[n]?|moralische[n]?|sicherheits)\\s?(?:einschr[aä]nkungen|bedenken|grenzen|regeln|richtlinien|prinzipien|vorgaben)', triggers: ['ethisch', 'moralisch', 'sicherheits'] },
  ifYouAreAi: { pattern: '(?:wenn du (?:eine? )?|falls du (?:eine? )?|hinweis (?:an|f[uü]r) (?:die |den |das )?|nachricht (?:an|f[uü]r) (?:die |den |das )?)(?:ki|k[uü]nstliche intelligenz|assistent(?:en)?|sprachmodell|modell|chatbot)', triggers: ['wenn du', 'falls du', 'hinweis an', 'hinweis für', 'hinweis fur', 'nachricht an', 'nachricht für'] },
});
