/** Every shipped rule, in one list, plus the metadata docs and the dashboard render from it. */
import type { Rule, RuleFamily, RuleForm } from './rule.js';
import { DELIMITER_RULES } from './lang/delimiters.js';
import { EN_AGENT_RULES } from './lang/en-agent.js';
import { EN_JAILBREAK_RULES } from './lang/en-jailbreak.js';
import { EN_OVERRIDE_RULES } from './lang/en-override.js';
import { EN_PERSONA_RULES } from './lang/en-persona.js';
import { EN_TASK_RULES } from './lang/en-tasks.js';
import { SECRET_RULES } from './lang/secrets.js';
import { SPLITTING_RULES } from './lang/splitting.js';
import { DE_RULES } from './lang/de.js';
import { ES_RULES } from './lang/es.js';
import { FR_RULES } from './lang/fr.js';
import { IT_RULES } from './lang/it.js';
import { JA_RULES } from './lang/ja.js';
import { KO_RULES } from './lang/ko.js';
import { PT_RULES } from './lang/pt.js';
import { RU_RULES } from './lang/ru.js';
import { ZH_RULES } from './lang/zh.js';

export const RULES: readonly Rule[] = Object.freeze([
  ...EN_OVERRIDE_RULES,
  ...EN_JAILBREAK_RULES,
  ...EN_AGENT_RULES,
  ...EN_TASK_RULES,
  ...EN_PERSONA_RULES,
  ...SECRET_RULES,
  ...SPLITTING_RULES,
  ...DELIMITER_RULES,
  ...KO_RULES,
  ...JA_RULES,
  ...ZH_RULES,
  ...ES_RULES,
  ...FR_RULES,
  ...DE_RULES,
  ...PT_RULES,
  ...IT_RULES,
  ...RU_RULES,
]);

export interface RuleMetadata {
  readonly id: string;
  readonly family: RuleFamily;
  /** The finding kind the rule emits, `injection.<family>`. */
  readonly kind: string;
  readonly lang: string;
  readonly form: RuleForm;
  readonly baseScore: number;
  readonly explanation: string;
}

export const RULE_METADATA: readonly RuleMetadata[] = Object.freeze(
  RULES.map((r) => Object.freeze({
    id: r.id,
    family: r.family,
    kind: `injection.${r.family}`,
    lang: r.lang,
    form: r.form,
    baseScore: r.score,
    explanation: r.explanation,
  })),
);
