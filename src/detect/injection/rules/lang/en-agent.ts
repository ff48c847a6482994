/**
 * English rules for attacks on agents and retrieval: tool hijacking, data exfiltration through
 * links, payload splitting and text addressed to the AI from inside a document. URL and code
 * shapes are matched on the clean form because leetspeak folding rewrites digits and symbols.
 */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { EN_CLINICAL } from '../cues.js';

const AI = String.raw`(?:ai|a\.i\.|assistant|ai assistant|model|ai model|llm|language model|large language model|chatbot|bot|gpt|chatgpt|claude|gemini|copilot|agent|ai agent|automated system)`;
/** Without "assistant", "agent", "bot", "model": in a chart those are usually people (medical assistant, insurance agent). */
const AI_STRICT = String.raw`(?:ai|a\.i\.|ai assistant|ai model|llm|language model|large language model|chatbot|gpt|chatgpt|claude|gemini|copilot|ai agent|automated system|artificial intelligence)`;
/** The match ends in a bare role word that a clinic also uses for staff. */
const BARE_ROLE = /(?<!\bai )\b(?:assistants?|agents?|bots?)\s{0,4}[:,]?\s{0,4}[a-z']{0,12}$/;
/** Context that makes a bare "assistant" the software one. */
const AI_CONTEXT = /\b(?:summar\w{0,6}|prompt|output|response|document|ignore|instructions?|language model|ai|llm|chatbot)\b/;
const SENSITIVE = String.raw`(?:conversation|chat|history|messages?|data|patient|information|info|summary|secrets?|passwords?|credentials|tokens?|keys?|records?|notes?|phi|mrn|ssn|emails?|contents?|context|previous|user(?:['’]s)? (?:details|data|name)|system prompt)`;

export const EN_AGENT_RULES: readonly Rule[] = [
  defineRule({
    id: 'tool_hijack.en.call_tool',
    family: 'tool_hijack',
    lang: 'en',
    triggers: ['function', 'tool', 'plugin', 'api', 'endpoint', 'action'],
    lead: 90,
    pattern: /\b(?:call|invoke|use|run|trigger|execute|fire|activate)\s{1,4}(?:the\s{1,4}|your\s{1,4}|a\s{1,4})?(?!(?:this|that|these|those|any|our|my|which|each|every|another|same|new|following)\s)(?:[a-z0-9]{1,30}_[a-z0-9_]{1,40}|[a-z0-9]{2,30})(?:\(\))?\s{1,4}(?:function|tool|plugin|api|endpoint|action)\b/,
    score: 0.5,
    cues: [
      boost(/_|\b(?:send_?email|browser|http|shell|exec|delete|transfer|payment|search)\b/, 0.2, 'match'),
      boost(/\b(?:with|to|and)\s{1,4}(?:send|post|forward|delete|visit|email|transfer|the following)\b/, 0.15, 'after'),
      damp(/\b(?:pharmacy|scheduling|order entry|cpoe|ehr|epic|cerner|calculator)\b/, 0.3, 'match'),
    ],
    explanation: 'Instructs the model to call a tool or function.',
  }),
  defineRule({
    id: 'tool_hijack.en.browse_execute',
    family: 'tool_hijack',
    lang: 'en',
    triggers: ['execute', 'run the', 'run this', 'run these', 'run below', 'browser', 'browsing', 'web', 'search', 'visit', 'navigate', 'open this', 'open the', 'browse'],
    lead: 12,
    pattern: /\b(?:(?:execute|run)\s{1,4}(?:the\s{1,4})?(?:following|this|these|below)\s{1,4}(?:commands?|code|scripts?|shell|bash|python|sql|quer(?:y|ies)|payload|instructions?)|use\s{1,4}(?:the\s{1,4}|your\s{1,4})?(?:browser|browsing|web|search)\s{1,4}(?:tool\s{1,4}|plugin\s{1,4})?to\s{1,4}(?:visit|open|go to|navigate|fetch|load)|(?:visit|navigate to|open|browse to)\s{1,4}(?:this|the following)\s{1,4}(?:url|link|site|website|page)\s{1,4}and\s{1,4}(?:follow|do|execute|enter|submit|type))\b/,
    score: 0.55,
    cues: [boost(/https?:\/\/|\b(?:curl|wget|rm -rf|powershell|sudo)\b/, 0.2, 'around'), damp(EN_CLINICAL, 0.3, 'around')],
    explanation: 'Instructs the model to execute commands or browse on the attacker\'s behalf.',
  }),
  defineRule({
    id: 'tool_hijack.en.function_call_json',
    family: 'tool_hijack',
    lang: 'en',
    form: 'clean',
    triggers: ['function_call', 'tool_call', 'tool_use', '"name"', "'name'"],
    lead: 6,
    pattern: /["'](?:function_call|tool_calls?|tool_use)["']\s{0,4}:|\{\s{0,4}["']name["']\s{0,4}:\s{0,4}["'][a-z0-9_.-]{1,40}["']\s{0,4},\s{0,4}["'](?:arguments|parameters|args|input)["']\s{0,4}:/,
    score: 0.65,
    cues: [boost(/send|email|delete|transfer|http|exec|forward|upload/, 0.15, 'after')],
    explanation: 'Forged function-call JSON that a tool runner might execute.',
  }),
  defineRule({
    id: 'exfiltration.en.markdown_image',
    family: 'exfiltration',
    lang: 'en',
    form: 'clean',
    triggers: ['!['],
    pattern: /!\[[^\]\n]{0,100}\]\(\s{0,4}<?https?:\/\/[^\s)<>]{1,400}/,
    score: 0.3,
    cues: [
      boost(/[?&=]/, 0.1, 'match'),
      // Placeholders inside the URL itself (the alt text may legitimately contain brackets).
      boost(/\]\(\s{0,4}<?https?:\/\/[^\s)<>]{0,400}?(?:\{[^}\s]{0,40}\}|\[[a-z_ ]{2,40}\]|%7b|\$\{?[a-z_]{2,30}|=\s{0,4}(?:secret|data|conversation|history|summary|password|token|info|patient|query|input|prompt|chat|message|user|name|mrn|ssn)\b)/, 0.45, 'match'),
      boost(/\b(?:append|replace|insert|include|fill|encode|put|add|substitute|with the|where)\b/i, 0.2, 'around'),
    ],
    explanation: 'Markdown image whose URL could carry conversation data to a third party.',
  }),
  defineRule({
    id: 'exfiltration.en.url_placeholder',
    family: 'exfiltration',
    lang: 'en',
    form: 'clean',
    triggers: ['http://', 'https://'],
    pattern: new RegExp(String.raw`https?:\/\/[^\s)<>"']{1,200}?[?&][a-z0-9_]{1,30}=(?:\{[^}\s]{1,40}\}|\[[a-z_ ]{2,40}\]|<[a-z_ ]{2,40}>|\$\{?[a-z_]{2,30}\}?|%7b[^\s&]{1,40}%7d|${SENSITIVE}\b)`),
    score: 0.6,
    cues: [boost(/\b(?:append|replace|insert|include|fill|encode|put|add|substitute|visit|render|load|open|click)\b/i, 0.2, 'around')],
    explanation: 'URL with a placeholder for data the model is asked to fill in.',
  }),
  defineRule({
    id: 'exfiltration.en.send_data',
    family: 'exfiltration',
    lang: 'en',
    triggers: ['send', 'post', 'upload', 'forward', 'transmit', 'exfiltrate', 'leak', 'email', 'submit', 'append', 'attach', 'concatenate', 'encode', 'embed', 'include', 'insert', 'add', 'put'],
    pattern: new RegExp(String.raw`\b(?:send|post|upload|forward|transmit|exfiltrate|leak|email|submit|append|attach|concatenate|encode|embed|include|insert|add|put)\b[^.\n]{0,50}?\b${SENSITIVE}\b[^.\n]{0,50}?\b(?:to|in|into|at the end of|as a parameter|as the query)\s{1,4}(?:the\s{1,4}|this\s{1,4}|a\s{1,4}|my\s{1,4}|an\s{1,4}|our\s{1,4})?(?:https?:\/\/|www\.|[a-z0-9._-]{1,64}@[a-z0-9-]{1,64}\.|(?:following\s{1,4}|external\s{1,4}|attacker['’]?s?\s{1,4})?(?:url|link|image url|query string|query parameter|parameter|address|endpoint|webhook|server|domain|site))`),
    score: 0.55,
    cues: [boost(/\b(?:all|entire|whole|full|every|conversation|chat|history|secret|password|credentials|system prompt)\b/, 0.2, 'match'), damp(/\b(?:fax|referral|dr\.?|clinic|pharmacy|lab|insurer|insurance|portal)\b/, 0.3, 'around')],
    explanation: 'Asks the model to move conversation or patient data to an outside address.',
  }),
  defineRule({
    id: 'payload_splitting.en.concat',
    family: 'payload_splitting',
    lang: 'en',
    triggers: ['concatenat', 'combine', 'join', 'merge', 'put together', 'assemble'],
    pattern: /\b(?:concatenate|combine|join|merge|put together|assemble)\b[^.\n]{0,40}?\b(?:strings?|parts|pieces|variables|words|fragments|segments|letters|tokens|halves|a and b|x and y)\b[^.\n]{0,60}?\b(?:and|then)\s{1,4}(?:follow|execute|do|obey|answer|respond|carry out|perform|run|act on|treat)/,
    score: 0.75,
    explanation: 'Splits an instruction into fragments to be joined and then obeyed.',
  }),
  defineRule({
    id: 'payload_splitting.en.assign_concat',
    family: 'payload_splitting',
    lang: 'en',
    form: 'clean',
    // Anchored on the "+" of "a + b": rare in prose, while "x = '...'" alone is ordinary code.
    triggers: ['+'],
    lead: 14,
    pattern: /\b[a-z]\w{0,8}\s{0,4}\+\s{0,4}[a-z]\w{0,8}\b/,
    requires: /\b[a-z]\w{0,8}\s{0,4}=\s{0,4}["'“‘][^"'”’\n]{1,60}["'”’]/,
    score: 0.5,
    cues: [boost(/\b(?:say|print|output|execute|follow|answer|tell|write|respond|do)\b/i, 0.2, 'before'), boost(/\b(?:ignore|instructions|prompt|password|bomb|secret)\b/i, 0.2, 'around')],
    explanation: 'Assigns string fragments to variables and asks for their concatenation.',
  }),
  defineRule({
    id: 'ai_addressed.en.note_to_ai',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['note', 'message', 'instruction', 'attention', 'important', 'notice', 'reminder'],
    pattern: new RegExp(String.raw`\b(?:note|message|instructions?|attention|important(?:\s{1,4}instructions?)?|notice|reminder)\s{1,4}(?:to|for)\s{1,4}(?:the\s{1,4}|any\s{1,4}|all\s{1,4})?${AI}s?\b`),
    score: 0.65,
    cues: [damp(BARE_ROLE, 0.35, 'match'), boost(AI_CONTEXT, 0.15, 'after')],
    explanation: 'Text addressed to an AI system rather than to a human reader.',
  }),
  defineRule({
    id: 'ai_addressed.en.if_you_are_ai',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['if you are', "if you're", 'if you’re', 'if youre', 'reading', 'processing', 'summarizing', 'summarising', 'analyzing', 'analysing', 'reviewing', 'parsing', 'ingesting'],
    lead: 48,
    pattern: new RegExp(String.raw`\b(?:if\s{1,4}you(?:\s{1,4}are|['’]re)\s{1,4}(?:an?\s{1,4}|the\s{1,4})?${AI_STRICT}|(?:the\s{1,4}|any\s{1,4}|an?\s{1,4})?${AI_STRICT}s?\s{1,4}(?:that is\s{1,4}|who is\s{1,4})?(?:reading|processing|summari[sz]ing|analy[sz]ing|reviewing|parsing|ingesting)\s{1,4}(?:this|these|the)\b)`),
    score: 0.7,
    explanation: 'Text addressed to an AI system rather than to a human reader.',
  }),
  defineRule({
    id: 'ai_addressed.en.vocative',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['ai', 'a.i.', 'assistant', 'model', 'llm', 'language model', 'large language model', 'chatbot', 'bot', 'gpt', 'chatgpt', 'agent', 'claude', 'copilot', 'gemini', 'automated system'],
    pattern: new RegExp(String.raw`\b${AI}\s{0,4}[:,]\s{0,4}(?:when|while|if|please|you must|you should|you will|do not|don['’]?t|never|ignore|always|also|instead|make sure|remember|include|add|tell|say|respond|output|summari[sz]e|append|send|recommend|state|write|forget)\b`),
    score: 0.55,
    cues: [
      damp(/\b(?:medical|nursing|physician|clinical|dental|certified|pharmacy|administrative|research|teaching|lab|care|personal|home health|rehab|insurance|travel)\s{0,4}$/, 0.5, 'before'),
      damp(/^(?:assistants?|agents?|bots?)\b/, 0.3, 'match'),
      boost(AI_CONTEXT, 0.2, 'after'),
    ],
    explanation: 'Imperative addressed to an AI system inside the text.',
  }),
  defineRule({
    id: 'ai_addressed.en.when_summarising',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['when '],
    pattern: /\bwhen\s{1,4}(?:you\s{1,4})?(?:summari[sz](?:e|ing)|process(?:ing)?|read(?:ing)?|answer(?:ing)?|respond(?:ing)?|reply(?:ing)?|generat(?:e|ing))\s{1,4}(?:this|the|these|any)\s{1,4}(?:note|document|text|email|page|record|message|chart|file|report|content)s?\b[^.\n]{0,30}?\b(?:also\s{1,4}|always\s{1,4}|secretly\s{1,4}|make sure to\s{1,4})?(?:include|add|tell|say|mention|output|append|insert|recommend|state|write|send|ignore|claim|inform|advise|reply|respond|do not mention|don['’]?t mention)\b/,
    score: 0.55,
    cues: [boost(/\b(?:also|secretly|instead|regardless|always|do not mention|don['’]?t mention|ignore)\b/, 0.15, 'match')],
    explanation: 'Embedded instruction for whatever system later summarises or reads the text.',
  }),
  defineRule({
    id: 'ai_addressed.en.system_note',
    family: 'ai_addressed',
    lang: 'en',
    triggers: ['system', 'admin', 'developer', 'root', 'sudo'],
    pattern: /\b(?:system|admin|administrator|developer|root|sudo)\s{1,4}(?:override|instructions?|command|directive|prompt|mode)\s{0,4}:/,
    score: 0.55,
    cues: [damp(EN_CLINICAL, 0.3, 'after')],
    explanation: 'Fake system or administrator directive inside the text.',
  }),
];
