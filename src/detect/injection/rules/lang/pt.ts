/** Portuguese vocabulary for the shared Latin-script rule shapes. */
import type { Rule } from '../rule.js';
import { latinRules } from './latin.js';

export const PT_RULES: readonly Rule[] = latinRules({
  lang: 'pt',
  override: {
    verbs: '(?:ignor(?:e|a|ar|em)|esque[cç](?:a|e|er|am)|desconsider(?:e|a|ar)|despreze|descarte|n[aã]o (?:siga|obede[cç]a)|deixe de lado|pule)',
    triggers: ['ignor', 'esque', 'desconsider', 'despreze', 'descarte', 'não siga', 'nao siga', 'não obede', 'nao obede', 'deixe de lado', 'pule'],
    nouns: '(?:instru[cç][oõ]es|instru[cç][aã]o|regras|orienta[cç][oõ]es|diretrizes|diretivas|comandos|prompts?|ordens|normas)',
    total: '(?:todas?|todos|anteriores|pr[eé]vi[oa]s|acima|suas|seus|tuas|sistema|iniciais|originais)',
    ai: '(?:sistema|prompt|programa[cç][aã]o|ia|assistente|modelo|treinamento)',
    clinical: '(?:m[eé]dic[oa]s?|alta|medica[cç](?:[aã]o|[oõ]es)|medicamentos?|rem[eé]dios?|doses?|pacientes?|pot[aá]ssio|exames?|tratamento|receita|dieta|enfermage?m|cardiologia|valor(?:es)?|insulina|consulta|cirurgia|comprimidos?)',
    newTask: '(?:e |depois |agora |em vez disso )?(?:diga|responda|escreva|imprima|revele|mostre|traduza|d[eê])(?![a-zà-ÿ])',
  },
  forgetAll: { pattern: '(?:esque[cç]a|ignore)\\s{1,4}tudo\\s{1,4}(?:o que|que (?:te|lhe) (?:disseram|foi dito)|antes|acima)', triggers: ['esque', 'ignor'] },
  ignoreAbove: { pattern: '(?:ignore|ignora|esque[cç]a)\\s{1,4}(?:o|tudo o que est[aá]|tudo)\\s{1,4}(?:acima|anterior)', triggers: ['ignor', 'esque'] },
  extraction: {
    pattern: '(?:mostre|mostra|revele|repita|imprima|diga|qual [eé]|quais s[aã]o|compartilhe)[^.?\\n]{0,25}?(?:seu|sua|suas|seus|o|as|a)\\s{1,4}(?:prompt|mensagem|instru[cç][oõ]es)\\s{1,4}(?:do sistema|de sistema|inicia(?:l|is)|origina(?:l|is)|ocultas?|secretas?)',
    triggers: ['mostr', 'revel', 'repita', 'imprima', 'diga', 'qual', 'quais', 'compartilhe'],
  },
  devMode: { pattern: 'modo (?:de )?(?:desenvolvedor|deus|sem restri[cç][oõ]es|sem censura|jailbreak)', triggers: ['modo'] },
  unrestricted: {
    pattern: 'sem (?:nenhuma |quaisquer |qualquer )?(?:restri[cç](?:[oõ]es|[aã]o)|filtros?|censura|limites)',
    triggers: ['sem '],
    aiCue: '(?:ia|intelig[eê]ncia artificial|assistente|modelo|chatgpt|aja|finja|voc[eê] [eé]|voc[eê] ser[aá]|personagem|responda)',
  },
  noEthics: { pattern: '(?:sem|ignore|esque[cç]a)\\s{1,4}(?:nenhuma |quaisquer |suas |as )?(?:restri[cç](?:[oõ]es|[aã]o)|considera[cç](?:[oõ]es|[aã]o)|limites|diretrizes|pol[ií]ticas|regras)?\\s{0,4}(?:[eé]ticas?|morais|de seguran[cç]a)', triggers: ['étic', 'etic', 'morais', 'segurança', 'seguranca'] },
  ifYouAreAi: { pattern: '(?:se voc[eê] (?:for|[eé])|nota para|mensagem para|instru[cç][aã]o para)\\s{1,4}(?:uma? |a |o )?(?:ia|intelig[eê]ncia artificial|assistente|modelo(?: de linguagem)?|chatbot)', triggers: ['se você', 'se voce', 'nota para', 'mensagem para', 'instrução para', 'instrucao para'] },
});
