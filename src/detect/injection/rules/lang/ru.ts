/**
 * Russian rules on the clean form. Cyrillic letters that look Latin may be folded to Latin
 * inside mixed-script words, so these rules only cover all-Cyrillic phrasing.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';

const CLINICAL = /выписк|лекарств|доз[аыу]|пациент|калий|анализ|лечени|рецепт|диет|медсестр|врач|инсулин|значени/;

export const RU_RULES: readonly Rule[] = [
  defineRule({
    id: 'override.ru.ignore_previous',
    family: 'override',
    lang: 'ru',
    form: 'clean',
    triggers: ['игнорир', 'проигнорир', 'забудь', 'забуд', 'не обращай', 'отбрось', 'отмени', 'не следуй'],
    pattern: /(?:проигнорируй(?:те)?|игнорировать|игнорируй(?:те)?|забудь(?:те)?|не обращай(?:те)? внимания на|отбрось(?:те)?|отмени(?:те)?|не следуй(?:те)?)[^.\n]{0,30}?(?:инструкци[июяей]{1,2}|указани[яейм]{1,2}|правил[аом]?|команд[ыу]?|промпт[аы]?|подсказк[иу]|распоряжени[яей]{1,2}|всё|все)/,
    score: 0.5,
    cues: [boost(/все|всё|предыдущ|прежн|вышеуказанн|выше|свои|системн/, 0.3, 'match'), damp(CLINICAL, 0.45, 'around')],
    explanation: 'Asks the model to disregard its earlier instructions.',
  }),
  defineRule({
    id: 'system_prompt_extraction.ru.reveal_prompt',
    family: 'system_prompt_extraction',
    lang: 'ru',
    form: 'clean',
    triggers: ['системн', 'исходн', 'свои инструкции', 'скрыт'],
    lead: 30,
    pattern: /(?:покажи|выведи|повтори|раскрой|скажи|напиши|расскажи|какой)[^.\n]{0,20}?(?:системн(?:ый|ые|ое) (?:промпт|инструкции|сообщение)|исходн(?:ые|ый) (?:инструкции|промпт)|свои инструкции|скрыт(?:ые|ый) (?:инструкции|промпт))/,
    score: 0.8,
    explanation: 'Asks the model to disclose its system prompt or configuration.',
  }),
  defineRule({
    id: 'persona_jailbreak.ru.unrestricted',
    family: 'persona_jailbreak',
    lang: 'ru',
    form: 'clean',
    triggers: ['режим разработчика', 'джейлбрейк', 'без '],
    pattern: /(?:режим разработчика|джейлбрейк|без (?:каких-либо |всяких |любых )?(?:ограничений|фильтров|цензуры)[^.\n]{0,25}?(?:ии|искусственн|модел|ассистент|бот|режим|роль|персонаж))/,
    score: 0.75,
    explanation: 'Role-play that strips the model of its restrictions.',
  }),
];
