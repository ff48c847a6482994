/** Italian vocabulary for the shared Latin-script rule shapes. */
import type { Rule } from '../rule.js';
import { latinRules } from './latin.js';

export const IT_RULES: readonly Rule[] = latinRules({
  lang: 'it',
  override: {
    verbs: '(?:ignor(?:a|ate|i|are)|dimentic(?:a|ate|are)|trascur(?:a|ate)|non considerare|tralascia|non seguire)',
    triggers: ['ignor', 'dimentic', 'trascur', 'non considerare', 'tralascia', 'non seguire'],
    nouns: '(?:istruzion[ei]|regole|indicazioni|direttive|comandi|prompt|ordini|linee guida)',
    total: '(?:tutt[ei]|precedenti|sopra|tue|sistema|iniziali|originali)',
    ai: '(?:sistema|prompt|programmazione|ia|assistente|modello|addestramento)',
    clinical: '(?:medic[oi]|dimissione|farmac[oi]|dos[ei]|pazienti?|potassio|esami|terapia|ricetta|dieta|infermier[ei]|valor[ei]|insulina|visita|intervento|compresse)',
    newTask: '(?:e |poi |ora |invece )?(?:d[iì]|rispondi|scrivi|stampa|rivela|mostra|traduci|dammi)(?![a-zà-ÿ])',
  },
  forgetAll: { pattern: '(?:dimentica|ignora)\\s{1,4}tutto\\s{1,4}(?:quello che|ci[oò] che|prima|sopra)', triggers: ['dimentic', 'ignor'] },
  ignoreAbove: { pattern: '(?:ignora|ignorate|dimentica)\\s{1,4}(?:quanto|ci[oò] che [eè]|tutto ci[oò] che [eè])\\s{1,4}(?:sopra|scritto sopra|precede)', triggers: ['ignor', 'dimentic'] },
  extraction: {
    pattern: '(?:mostra(?:mi)?|rivela(?:mi)?|ripeti|stampa|dimmi|scrivi|qual [eè]|quali sono)[^.?\\n]{0,25}?(?:il tuo|le tue|il|le|i tuoi)\\s{1,4}(?:prompt|messaggio|istruzioni)\\s{1,4}(?:di sistema|del sistema|iniziali|originali|nascost[ei]|segret[ei])',
    triggers: ['mostra', 'rivela', 'ripeti', 'stampa', 'dimmi', 'scrivi', 'qual'],
  },
  devMode: { pattern: 'modalit[aà] (?:sviluppatore|dio|senza restrizioni|senza censura|jailbreak)', triggers: ['modalit'] },
  unrestricted: {
    pattern: 'senza (?:alcuna |nessuna |nessun )?(?:restrizion[ei]|filtri|censura|limiti)',
    triggers: ['senza '],
    aiCue: '(?:ia|intelligenza artificiale|assistente|modello|chatgpt|fingi|comportati|sei|sarai|personaggio|rispondi)',
  },
  noEthics: { pattern: '(?:senza|ignora|dimentica)\\s{1,4}(?:alcuna |nessuna |le tue |le )?(?:restrizion[ei]|considerazion[ei]|limiti|linee guida|regole)?\\s{0,4}(?:etich[ea]|moral[ei]|di sicurezza)', triggers: ['etic', 'moral', 'sicurezza'] },
  ifYouAreAi: { pattern: '(?:se sei|nota per|messaggio per|istruzione per)\\s{1,4}(?:una? |l[\'’]|il |la )?(?:ia|intelligenza artificiale|assistente|modello(?: linguistico)?|chatbot)', triggers: ['se sei', 'nota per', 'messaggio per', 'istruzione per'] },
});
