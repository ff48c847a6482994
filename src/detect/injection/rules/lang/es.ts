/** Spanish vocabulary for the shared Latin-script rule shapes. */
import type { Rule } from '../rule.js';
import { latinRules } from './latin.js';

export const ES_RULES: readonly Rule[] = latinRules({
  lang: 'es',
  override: {
    verbs: '(?:ign[oó]r(?:a|e|en|ad|ar)|olvid(?:a|e|en|ad|ar)|olv[ií]date de|omit(?:e|a|ir)|descart(?:a|e|ar)|desestim(?:a|e|ar)|desobedec(?:e|er)|haz caso omiso (?:a|de)|no hagas caso (?:a|de)|pasa por alto|deja de lado|s[aá]ltate)',
    triggers: ['ignor', 'ignór', 'olvid', 'olvíd', 'omit', 'descart', 'desestim', 'desobedec', 'haz caso omiso', 'no hagas caso', 'pasa por alto', 'deja de lado', 'saltate', 'sáltate'],
    nouns: '(?:instrucci[oó]n(?:es)?|reglas?|indicaciones|[oó]rdenes|directrices|directivas|prompts?|comandos|pautas|normas|restricciones|consignas)',
    total: '(?:tod[oa]s?|anteriores|previ[oa]s|anterior|arriba|tus|sus|sistema|originales|iniciales)',
    ai: '(?:sistema|prompt|programaci[oó]n|ia|asistente|modelo|entrenamiento)',
    clinical: '(?:alta|medicaci[oó]n|medicamentos?|dosis|pacientes?|m[eé]dic[oa]s?|potasio|laboratorio|dieta|tratamiento|receta|enfermer[ií]a|cardiolog[ií]a|an[aá]lisis|valor(?:es)?|insulina|cita|cirug[ií]a|pastillas?)',
    newTask: '(?:y |luego |ahora |en su lugar )?(?:di|dime|responde|escribe|imprime|revela|muestra|act[uú]a|traduce|dame)(?![a-zà-ÿ])',
  },
  forgetAll: { pattern: '(?:olvida|olvide|ignora|ignore)\\s{1,4}todo\\s{1,4}(?:lo (?:anterior|que te (?:dijeron|han dicho|ense[nñ]aron))|lo dicho)', triggers: ['olvid', 'ignor'] },
  ignoreAbove: { pattern: '(?:ignora|ignore|olvida|olvide)\\s{1,4}(?:todo\\s{1,4})?lo\\s{1,4}(?:anterior|de arriba|que est[aá] arriba)', triggers: ['ignor', 'olvid'] },
  extraction: {
    pattern: '(?:mu[eé]stra(?:me)?|rev[eé]la(?:me)?|repite|imprime|dime|ens[eé][nñ]a(?:me)?|escribe|cu[aá]l(?:es)? (?:es|son)|comparte)[^.?\\n]{0,25}?(?:tu|el|su|sus|tus|las)\\s{1,4}(?:prompt|instrucciones|mensaje)\\s{1,4}(?:del sistema|de sistema|inicial(?:es)?|original(?:es)?|ocult[oa]s?|secret[oa]s?)',
    triggers: ['muestra', 'muéstra', 'revela', 'revéla', 'enséña', 'repite', 'imprime', 'dime', 'enseña', 'ensena', 'escribe', 'cual', 'cuál', 'comparte'],
  },
  devMode: { pattern: 'modo (?:de )?(?:desarrollador|dios|sin restricciones|sin censura|jailbreak)', triggers: ['modo'] },
  unrestricted: {
    pattern: 'sin (?:ninguna |ning[uú]n |tipo de )?(?:restricci[oó]n(?:es)?|filtros?|censura|l[ií]mites)',
    triggers: ['sin '],
    aiCue: '(?:ia|inteligencia artificial|asistente|modelo|chatgpt|act[uú]a|finge|eres|ser[aá]s|personaje|responde)',
  },
  noEthics: { pattern: '(?:sin|ignora(?:ndo)?|ignore|olvida)\\s{1,4}(?:ninguna |tus |las |sus |cualquier |toda )?(?:restricci[oó]n(?:es)?|consideraci[oó]n(?:es)?|l[ií]mites?|directrices|pol[ií]ticas|normas|reglas)?\\s{0,4}(?:[eé]tic[oa]s?|morales?|de seguridad|de contenido)', triggers: ['étic', 'etic', 'moral', 'seguridad', 'contenido'] },
  ifYouAreAi: { pattern: '(?:si eres|si t[uú] eres|nota para|mensaje para|instrucci[oó]n para)\\s{1,4}(?:una? |la |el )?(?:ia|inteligencia artificial|asistente|modelo(?: de lenguaje)?|chatbot)', triggers: ['si eres', 'si tu eres', 'si tú eres', 'nota para', 'mensaje para', 'instrucción para', 'instruccion para'] },
});
