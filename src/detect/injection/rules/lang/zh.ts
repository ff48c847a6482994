/** Chinese rules (simplified and traditional), matched on the clean form. */
import { boost, damp, defineRule, type Rule } from '../rule.js';
import { JA_CLINICAL, ZH_CLINICAL } from '../cues.js';

const IGNORE = '(?:忽略|忽視|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|不要管|放弃|放棄|跳过|跳過|覆盖|覆蓋|抛开|拋開|不再遵守|不要遵守)';
const PREV = '(?:之前|以前|先前|以上|上面|上述|前面|所有|全部|此前|原来|原來|原有|原始|系统|系統|你的)';
const OBJ = '(?:指令|指示|提示词|提示詞|提示|规则|規則|说明|說明|命令|设定|設定|要求|限制|约束|約束|内容|內容)';

export const ZH_RULES: readonly Rule[] = [
  defineRule({
    id: 'override.zh.ignore_previous',
    family: 'override',
    lang: 'zh',
    form: 'clean',
    triggers: ['忽略', '忽視', '无视', '無視', '忘记', '忘記', '忘掉', '不要理', '不要管', '放弃', '放棄', '跳过', '跳過', '覆盖', '覆蓋', '抛开', '拋開', '遵守', '作废', '作廢'],
    lead: 25,
    pattern: new RegExp(`${IGNORE}[^。\\n]{0,6}?${PREV}[的之]?[^。\\n]{0,6}?${OBJ}|${PREV}[的之]?[^。\\n]{0,8}?${OBJ}[^。\\n]{0,4}?(?:都|全部)?(?:忽略|无视|無視|不要管|作废|作廢)`),
    score: 0.55,
    cues: [
      boost(/所有|全部|一切|你的|系统|系統|提示|上面|上述/, 0.3, 'match'),
      boost(/^[^。\n]{0,20}(?:说|說|输出|輸出|回答|告诉|告訴|显示|顯示|写|寫|翻译|翻譯)/, 0.15, 'after'),
      damp(ZH_CLINICAL, 0.5, 'around'),
      // Kanji overlap: the same phrase in a Japanese order is about care, not the model.
      damp(JA_CLINICAL, 0.5, 'around'),
    ],
    explanation: 'Asks the model to disregard its earlier instructions.',
  }),
  defineRule({
    id: 'system_prompt_extraction.zh.reveal_prompt',
    family: 'system_prompt_extraction',
    lang: 'zh',
    form: 'clean',
    triggers: ['系统提示', '系統提示', '初始指令', '初始提示', '原始指令', '隐藏指令', '隱藏指令', '系统消息', '系統訊息', '系统指令', '系統指令'],
    lead: 22,
    pattern: /(?:(?:告诉|告訴|显示|顯示|输出|輸出|打印|重复|重複|透露|泄露|洩露|展示|给我|給我|说出|說出)[^。\n]{0,10}?(?:你的)?(?:系统提示词?|系統提示詞?|初始(?:指令|提示)|原始指令|隐藏指令|隱藏指令|系统消息|系統訊息|系统指令|系統指令)|(?:系统提示词?|系統提示詞?|初始(?:指令|提示)|原始指令|隐藏指令|隱藏指令|系统消息|系統訊息|系统指令|系統指令)[^。\n]{0,10}?(?:是什么|是什麼|告诉|告訴|显示|顯示|输出|輸出|给我|給我))/,
    score: 0.8,
    explanation: 'Asks the model to disclose its system prompt or configuration.',
  }),
  defineRule({
    id: 'persona_jailbreak.zh.unrestricted',
    family: 'persona_jailbreak',
    lang: 'zh',
    form: 'clean',
    triggers: ['开发者模式', '開發者模式', '越狱', '越獄', '限制', '约束', '約束', '审查', '審查', '过滤', '過濾'],
    lead: 8,
    pattern: /(?:开发者模式|開發者模式|越狱|越獄|(?:没有|沒有|不受|无|無|解除)(?:任何)?(?:限制|约束|約束|审查|審查|过滤|過濾)的?[^。\n]{0,8}?(?:AI|人工智能|助手|模型|模式|角色|机器人|機器人))/,
    score: 0.75,
    cues: [damp(ZH_CLINICAL, 0.4, 'around')],
    explanation: 'Role-play that strips the model of its restrictions.',
  }),
  defineRule({
    id: 'safety_bypass.zh.no_ethics',
    family: 'safety_bypass',
    lang: 'zh',
    form: 'clean',
    triggers: ['道德', '伦理', '倫理', '安全', '内容'],
    lead: 12,
    pattern: /(?:忽略|无视|無視|不受|抛开|拋開|不顾|不顧|没有|沒有|无需|無需)[^。\n]{0,6}?(?:道德|伦理|倫理|安全|内容)(?:的)?(?:限制|准则|準則|规范|規範|政策|约束|約束|过滤|過濾|顾虑|顧慮)/,
    score: 0.75,
    cues: [damp(ZH_CLINICAL, 0.35, 'around')],
    explanation: 'Asks the model to drop its ethical or safety constraints.',
  }),
  defineRule({
    id: 'ai_addressed.zh.to_ai',
    family: 'ai_addressed',
    lang: 'zh',
    form: 'clean',
    triggers: ['如果你是', '致ai', '给ai', '給ai', '致人工智能', '给人工智能', '給人工智能', '给助手', '給助手'],
    pattern: /如果你是(?:一个|一個)?(?:AI|人工智能|语言模型|語言模型|助手|聊天机器人|聊天機器人)|(?:致|给|給)(?:AI|人工智能|助手|模型)(?:的(?:说明|說明|指令|提示|留言))?[：:]/,
    score: 0.65,
    explanation: 'Text addressed to an AI system rather than to a human reader.',
  }),
];
