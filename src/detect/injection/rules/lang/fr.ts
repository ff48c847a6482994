/** French vocabulary for the shared Latin-script rule shapes. */
import type { Rule } from '../rule.js';
import { latinRules } from './latin.js';

export const FR_RULES: readonly Rule[] = latinRules({
  lang: 'fr',
  override: {
    verbs: '(?:ignor(?:e|es|ez|er)|oubli(?:e|es|ez|er)|fai(?:s|tes) abstraction d(?:e|es|u)|ne tien(?:s|t) (?:plus )?compte d(?:e|es|u)|ne tenez (?:plus )?compte d(?:e|es|u)|fai(?:s|tes) fi d(?:e|es|u)|laisse(?:z)? tomber|n[\'’]?ob[eé]i(?:s|ssez) plus (?:à|a|aux)|passe(?:z)? outre)',
    triggers: ['ignor', 'oubli', 'fais abstraction', 'faites abstraction', 'ne tien', 'ne tenez', 'fais fi', 'faites fi', 'laisse', "n'obéi", 'n’obéi', 'nobéi', "n'obei", 'n’obei', 'nobei', 'passe outre', 'passez outre'],
    nouns: '(?:instructions?|consignes?|r[eè]gles|directives?|ordres|prompts?|commandes|indications)',
    total: '(?:tou(?:s|tes)|pr[eé]c[eé]dent(?:e|es|s)?|ant[eé]rieur(?:e|es|s)?|ci-dessus|tes|vos|syst[eè]me|initiales|origine|haut)',
    ai: '(?:syst[eè]me|prompt|programmation|ia|assistant|mod[eè]le|entra[iî]nement)',
    clinical: '(?:m[eé]decins?|sortie|m[eé]dicaments?|traitement|doses?|posologie|patient(?:e|s)?|potassium|analyses?|ordonnance|r[eé]gime|infirmi[eè]re?s?|cardiolog|valeurs?|insuline|rendez-vous|chirurgie|bilan|comprim[eé]s?)',
    newTask: '(?:et |puis |maintenant |plut[oô]t )?(?:dis|r[eé]ponds|[eé]cris|affiche|r[eé]v[eè]le|montre|traduis|donne)(?![a-zà-ÿ])',
  },
  forgetAll: { pattern: '(?:oublie(?:z)?|ignore(?:z)?)\\s{1,4}tout\\s{1,4}(?:ce (?:qu|que|qui)|ce qu[\'’]on|avant|pr[eé]c[eé]demment)', triggers: ['oubli', 'ignor'] },
  ignoreAbove: { pattern: '(?:ignore[zs]?|oublie[zs]?)\\s{1,4}(?:tout\\s{1,4})?(?:ce qui pr[eé]c[eè]de|ce qui est (?:au-dessus|ci-dessus)|le texte ci-dessus|ce qui est plus haut)', triggers: ['ignor', 'oubli'] },
  extraction: {
    pattern: '(?:montre(?:-moi)?|affiche|r[eé]v[eè]le|r[eé]p[eè]te|donne(?:-moi)?|dis(?:-moi)?|imprime|quel est|quelles sont|partage)[^.?\\n]{0,25}?(?:ton|votre|le|tes|vos|les)\\s{1,4}(?:prompt|message|instructions?|consignes?)\\s{1,4}(?:syst[eè]me|du syst[eè]me|initial(?:es?)?|d[\'’]origine|cach[eé](?:e|es|s)?|secr[eè]te?s?)',
    triggers: ['montre', 'affiche', 'révèle', 'revele', 'répète', 'repete', 'donne', 'dis', 'imprime', 'quel', 'partage'],
  },
  devMode: { pattern: 'mode (?:d[eé]veloppeur|dieu|sans restriction|sans censure|jailbreak)', triggers: ['mode'] },
  unrestricted: {
    pattern: 'sans (?:aucune? |la moindre )?(?:restrictions?|filtres?|censure|limites?)',
    triggers: ['sans '],
    aiCue: '(?:ia|intelligence artificielle|assistant|mod[eè]le|chatgpt|agis|fais semblant|tu es|tu seras|personnage|r[eé]ponds)',
  },
  noEthics: { pattern: '(?:sans|ignore(?:z)?|oublie(?:z)?)\\s{1,4}(?:aucune |tes |vos |les |toute )?(?:restrictions?|consid[eé]rations?|limites?|r[eè]gles|principes|directives)?\\s{0,4}(?:[eé]thiques?|morales?|de s[eé]curit[eé])', triggers: ['éthique', 'ethique', 'moral', 'sécurité', 'securite'] },
  ifYouAreAi: { pattern: '(?:si tu es|si vous [eê]tes|note pour|message pour|instruction pour)\\s{1,4}(?:une? |l[\'’]|le |la )?(?:ia|intelligence artificielle|assistant|mod[eè]le(?: de langage)?|chatbot)', triggers: ['si tu es', 'si vous', 'note pour', 'message pour', 'instruction pour'] },
});
