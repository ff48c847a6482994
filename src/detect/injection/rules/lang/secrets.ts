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
    triggers: ['password', 'passcode', 'secret key', 'contraseña', 'contrasena', 'clave', 'senha', 'palavra-passe', 'palavra passe', 'chave', 'passwort', 'kennwort', 'schlüssel', 'schlussel', 'mot de passe', 'clé', 'cle secrete', 'parola d', 'chiave'],
    lead: 60,
    pattern: /(?<![a-zà-ÿ])(?:what(?:['’]s| is| was)|tell me|give me|confirm|reveal|share|spell|cu[aá]l es|dime|dame|comparte|qual (?:[eé]|è)|quale (?:[eè])|diga|compartilhe|partilha[rs]?|was ist|wie lautet|gib mir|geben sie mir|nenne|verrate|teilen|best[aä]tigen|confirmar|confirmer|confermare|quel(?:le)? est|donne(?:-moi)?|dis(?:-moi)?|dimmi)(?![a-zà-ÿ])[^.?!\n]{0,25}?(?:password|passcode|secret key|contrase[nñ]a|clave(?: secreta)?|senha|palavra-passe|palavra passe|chave secreta|passwort|kennwort|geheime[nr]? schl[uü]ssel|mot de passe|cl[eé] secr[eè]te|parola d['’]ordine|chiave segreta)(?![a-zà-ÿ])|(?<![a-zà-ÿ])(?:passwort|kennwort|contrase[nñ]a|senha|mot de passe)[^.?!\n]{0,15}?(?:geben|teilen|nennen|verraten|best[aä]tigen|sagen|compartir|partager|compartilhar|partilhar)(?![a-zà-ÿ])/,
    score: 0.4,
    cues: [
      boost(/(?<![a-zà-ÿ])(?:your|tu|tus|su|sua|seu|tua|ihr(?:e|en)?|dein(?:e|en)?|ton|ta|votre|il tuo|la tua)(?![a-zà-ÿ])/, 0.2, 'match'),
      boost(/\b(?:reverse|backwards|base64|leetspeak|letter by letter|encode|poem|spell)\b/, 0.2, 'around'),
      damp(/\b(?:wi-?fi|portal|epic|cerner|badge|voicemail|pyxis|omnicell|reset|forgot|login for)\b/, 0.3, 'around'),
    ],
    explanation: 'Asks the model to disclose a password it guards.',
  }),
  defineRule({
    id: 'system_prompt_extraction.cjk.password_ask',
    family: 'system_prompt_extraction',
    lang: 'cjk',
    form: 'clean',
    triggers: ['パスワード', 'パス ワード', '秘密鍵', '秘密の鍵', '密码', '密碼', '密钥', '密鑰', '秘密钥', '비밀번호', '암호', 'парол', 'секретный ключ'],
    lead: 30,
    pattern: /(?:パス\s?ワード|秘密(?:の)?鍵|秘密钥|密码|密碼|密钥|密鑰|비밀번호|암호|парол(?:ь|ем|я)|секретный ключ)[^。.？?\n]{0,12}?(?:何|教えて|確認|是什么|是什麼|告诉|告訴|确认|給我|给我|알려|뭐|무엇|확인|какой|скажи|назови|подтверди)|(?:какой|скажи|назови|подели(?:тесь|сь|ться))[^.?\n]{0,20}?(?:парол(?:ь|ем|я)|секретный ключ)/,
    score: 0.45,
    cues: [boost(/あなた|你的|너의|당신|твой|ваш|Base64/i, 0.2, 'around'), damp(/와이파이|ポータル|门户|Wi-?Fi/i, 0.3, 'around')],
    explanation: 'Asks the model to disclose a password it guards.',
  }),
  defineRule({
    id: 'system_prompt_extraction.any.password_poem',
    family: 'system_prompt_extraction',
    lang: 'any',
    triggers: ['haiku', 'poem', 'acrostic', 'acróstico', 'acrostico', 'acrostique', 'gedicht', 'poesia', 'poema', 'poème', 'song', 'riddle', 'limerick'],
    pattern: /(?<![a-zà-ÿ])(?:haiku|poem|acrostic|acr[oó]stico|acrostique|gedicht|poesia|poema|po[eè]me|song|riddle|limerick)(?![a-zà-ÿ])[^.?!\n]{0,25}?(?<![a-zà-ÿ])(?:password|passcode|secret key|contrase[nñ]a|senha|passwort|mot de passe|parola d['’]ordine)(?![a-zà-ÿ])/,
    score: 0.55,
    explanation: 'Asks for a guarded password smuggled out through verse or wordplay.',
  }),
  defineRule({
    id: 'persona_jailbreak.any.dan_caps',
    family: 'persona_jailbreak',
    lang: 'any',
    form: 'clean',
    caseSensitive: true,
    triggers: ['dan'],
    pattern: /DAN(?![A-Za-z])/,
    score: 0.45,
    cues: [boost(/do anything now|haz cualquier cosa|fais n'importe quoi|jailbreak|mode|modo|modus|chatgpt|openai|\bai\b|\bia\b|\bki\b|モード|模式|모드/i, 0.35, 'around')],
    explanation: 'Names the DAN jailbreak persona.',
  }),
];
