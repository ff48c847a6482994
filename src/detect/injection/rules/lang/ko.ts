/**
 * Korean rules, matched on the clean form. "이전 … 무시" is also how discharge paperwork is
 * updated ("이전 퇴원 지침은 무시하고 새 지침을 따르세요"), so the object must be the model's
 * instructions (지시/명령/프롬프트/규칙) or carry totality/second person, and clinical nouns damp.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { KO_CLINICAL } from '../cues.js';

const PREV = '(?:이전|앞의|앞선|위의|위에|기존|모든|지금까지|여태까지|이제까지|앞에서|위에서|처음|초기|원래|시스템)';
const OBJ = '(?:지시|지침|명령|규칙|프롬프트|설정|지시사항|명령어|규정|안내|내용|말|대화|것)';
const IGNORE = '(?:무시|잊어|잊고|잊으|잊기|무효|따르지\\s?마|신경\\s?쓰지\\s?마)';

export const KO_RULES: readonly Rule[] = [
  defineRule({
    id: 'override.ko.ignore_previous',
    family: 'override',
    lang: 'ko',
    form: 'clean',
    triggers: ['무시', '잊어', '잊고', '잊으', '잊기', '무효', '따르지', '신경'],
    lead: 45,
    pattern: new RegExp(`${PREV}[^.。\\n]{0,15}?${OBJ}[^.。\\n]{0,10}?${IGNORE}`),
    score: 0.45,
    cues: [
      boost(/모든|전부|모두|다\s|당신|너의|네\s|니가|너는|시스템|프롬프트|위의|위에서|지금까지|여태|이제까지/, 0.3, 'match'),
      boost(/지시|명령|프롬프트|규칙/, 0.15, 'match'),
      boost(/^[^.。\n]{0,20}(?:말해|출력|대답|답해|알려|보여|써|작성|번역|해라|하라|해줘)/, 0.15, 'after'),
      damp(KO_CLINICAL, 0.5, 'around'),
    ],
    explanation: 'Asks the model to disregard its earlier instructions.',
  }),
  defineRule({
    id: 'override.ko.ignore_bare',
    family: 'override',
    lang: 'ko',
    form: 'clean',
    triggers: ['무시하고', '무시해', '무시하세요', '무시하십시오', '무시하라'],
    pattern: /무시(?:하고|해|하세요|하십시오|하라)/,
    score: 0.25,
    cues: [
      boost(/(?:AI|인공지능|어시스턴트|챗봇|너는|당신은|너의|당신의)/, 0.2, 'around'),
      boost(/^[^.。\n]{0,30}(?:말해|출력|대답|답해|알려|보여|공개|작성|해라|하라)/, 0.15, 'after'),
      damp(KO_CLINICAL, 0.2, 'around'),
    ],
    explanation: 'An instruction to ignore something, weak on its own.',
  }),
  defineRule({
    id: 'system_prompt_extraction.ko.reveal_prompt',
    family: 'system_prompt_extraction',
    lang: 'ko',
    form: 'clean',
    triggers: ['시스템', '초기', '원래', '숨겨진', '처음'],
    pattern: /(?:시스템\s?프롬프트|시스템\s?메시지|초기\s?(?:지시|명령|프롬프트|설정)|원래\s?(?:지시|명령|프롬프트)|숨겨진\s?(?:지시|프롬프트|명령)|처음에?\s?받은\s?(?:지시|명령|프롬프트))[^.。\n]{0,20}?(?:보여|알려|출력|말해|공개|표시|반복|적어|드러|유출|뭐|무엇)/,
    score: 0.8,
    explanation: 'Asks the model to disclose its system prompt or configuration.',
  }),
  defineRule({
    id: 'system_prompt_extraction.ko.secret',
    family: 'system_prompt_extraction',
    lang: 'ko',
    form: 'clean',
    triggers: ['비밀번호', '암호', '패스워드', '비밀 키', '비밀키'],
    pattern: /(?:비밀번호|암호|패스워드|비밀\s?키)[^.。\n]{0,12}?(?:알려|말해|보여|공개|뭐|무엇)/,
    score: 0.5,
    cues: [boost(/당신|너의|네\s|니\s/, 0.15, 'around'), damp(/와이파이|포털|전자의무기록|EMR/i, 0.3, 'around')],
    explanation: 'Asks the model to disclose a secret it guards.',
  }),
  defineRule({
    id: 'persona_jailbreak.ko.unrestricted',
    family: 'persona_jailbreak',
    lang: 'ko',
    form: 'clean',
    triggers: ['제한', '규칙', '필터', '검열', '제약', '개발자', '탈옥'],
    pattern: /(?:(?:제한|규칙|필터|검열|제약)(?:이|가)?\s?(?:없는|없이|해제된)[^.。\n]{0,20}?(?:AI|인공지능|모델|챗봇|역할|척|처럼|모드|버전)|개발자\s?모드|탈옥)/,
    score: 0.75,
    cues: [damp(KO_CLINICAL, 0.4, 'around')],
    explanation: 'Role-play that strips the model of its restrictions.',
  }),
  defineRule({
    id: 'safety_bypass.ko.no_ethics',
    family: 'safety_bypass',
    lang: 'ko',
    form: 'clean',
    triggers: ['윤리', '도덕', '안전'],
    pattern: /(?:윤리적?|도덕적?|안전)\s?(?:인\s)?(?:제한|규칙|지침|가이드라인|필터|제약|기준)[^.。\n]{0,10}?(?:없이|무시|벗어|해제|상관없이)/,
    score: 0.75,
    cues: [damp(KO_CLINICAL, 0.35, 'around')],
    explanation: 'Asks the model to drop its ethical or safety constraints.',
  }),
  defineRule({
    id: 'ai_addressed.ko.to_ai',
    family: 'ai_addressed',
    lang: 'ko',
    form: 'clean',
    triggers: ['ai', '인공지능', '어시스턴트', '언어 모델', '언어모델', '챗봇'],
    lead: 20,
    pattern: /(?:(?:AI|인공지능|어시스턴트|언어\s?모델|챗봇)(?:라면|이라면|에게|에게\s?보내는|를\s?위한)|(?:이|본)\s?(?:문서|노트|기록|메일|텍스트)를\s?(?:요약|처리|읽는|분석)하는\s?(?:AI|인공지능|어시스턴트|모델))/,
    score: 0.65,
    explanation: 'Text addressed to an AI system rather than to a human reader.',
  }),
  defineRule({
    id: 'exfiltration.ko.send_data',
    family: 'exfiltration',
    lang: 'ko',
    form: 'clean',
    triggers: ['url', '주소', '링크', '서버', '이메일'],
    lead: 40,
    pattern: /(?:대화|환자\s?정보|데이터|기록|개인정보|비밀번호)[^.。\n]{0,20}?(?:URL|주소|링크|서버|이메일)(?:로|에|으로)\s?(?:보내|전송|추가|붙여|포함)/,
    score: 0.65,
    cues: [damp(/팩스|의뢰서|주치의/, 0.3, 'around')],
    explanation: 'Asks the model to move conversation or patient data to an outside address.',
  }),
];
