/**
 * Static checks on a Jinja chat template (never rendered). Two threats: server-side template
 * injection (sandbox escapes through Python object internals, CVE-2024-34359 class) and poisoned
 * templates that silently inject instructions when a trigger appears in the conversation.
 * Every pattern is linear: bounded classes, no nested quantifiers.
 */
import type { FindingSpec } from '../safetensors/finding.js';

/**
 * Decodes string-literal escapes (\x5f, \u005f, \137) and joins "__cla"+"ss__" (also ~ and the
 * comma-separated pieces of a ['__','class','__']|join list) so obfuscation meets the same rules.
 */
export function deobfuscate(template: string): string {
  return template
    .replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)))
    .replace(/(['"])\s{0,8}[+~,]\s{0,8}['"]/g, '');
}

interface Rule {
  readonly id: string;
  readonly re: RegExp;
  readonly severity: 'critical' | 'high' | 'medium';
  readonly why: string;
}

/** Applied to the de-obfuscated template. */
const SSTI_RULES: readonly Rule[] = [
  { id: 'dunder', re: /__(?:class|mro|subclasses|globals|builtins|import|base|bases|init|dict|getattribute|reduce|reduce_ex|code|loader|spec|self|func|closure)__/, severity: 'critical',
    why: 'reaches Python object internals (sandbox escape / SSTI)' },
  { id: 'jinja_globals', re: /\b(?:lipsum|cycler|joiner)\b/, severity: 'high', why: 'uses a Jinja global whose __globals__ expose the Python runtime' },
  { id: 'mro_call', re: /\.mro\s{0,4}\(/, severity: 'critical', why: 'walks the class hierarchy (.mro())' },
  { id: 'os_exec', re: /\b(?:popen|subprocess|os\s{0,4}\.\s{0,4}system|__import__|eval\s{0,4}\(|exec\s{0,4}\()/, severity: 'critical', why: 'names an OS command or code-execution primitive' },
  { id: 'flask_objects', re: /\b(?:request\s{0,4}\.\s{0,4}application|config\s{0,4}\.\s{0,4}__class__|self\s{0,4}\._TemplateReference__context)/, severity: 'critical', why: 'reaches web-framework objects that lead to the Python runtime' },
  { id: 'attr_private', re: /\|\s{0,8}attr\s{0,8}\(\s{0,8}['"]_/, severity: 'high', why: 'reads a private attribute through the attr() filter' },
  { id: 'attr_computed', re: /\|\s{0,8}attr\s{0,8}\(\s{0,8}[^'"\s)]/, severity: 'high', why: 'reads an attribute whose name is computed at render time' },
  { id: 'char_codes', re: /%c%c|\bformat\s{0,4}\(\s{0,4}95\b|\(\s{0,4}95\s{0,4}\)/, severity: 'high', why: 'builds underscores from character codes (hides dunder names)' },
  { id: 'template_load', re: /\{%-?\s{0,8}(?:include|import|extends|from)\s/, severity: 'medium', why: 'loads another template (chat templates are self-contained)' },
];

export function sstiFindings(template: string, member: string, offset: number): FindingSpec[] {
  const plain = deobfuscate(template);
  const out: FindingSpec[] = [];
  for (const rule of SSTI_RULES) {
    if (!rule.re.test(plain)) continue;
    const obfuscated = !rule.re.test(template);
    out.push({
      technique: 'gguf.template_ssti', severity: rule.severity, member, start: offset, end: offset + template.length, rule: `ssti.${rule.id}`,
      explanation: `chat template ${rule.why}${obfuscated ? ' (hidden by escapes or string concatenation)' : ''}; it runs when the template is rendered`,
    });
  }
  return out;
}

/** String literals of a template, escapes decoded; the static text a renderer could emit. */
export function literalStrings(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/'((?:[^'\\]|\\.){0,4000})'|"((?:[^"\\]|\\.){0,4000})"/g)) {
    const body = m[1] ?? m[2] ?? '';
    out.push(body.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(.)/g, '$1'));
  }
  return out;
}

interface Tag {
  readonly start: number;
  /** Index just past the closing delimiter. */
  readonly end: number;
  readonly open: '{{' | '{%' | '{#';
  readonly inner: string;
}

/** Jinja tags in order, found with indexOf so hostile input stays linear; an unclosed tag ends the scan. */
export function jinjaTags(template: string): Tag[] {
  const out: Tag[] = [];
  let at = 0;
  for (;;) {
    const start = template.indexOf('{', at);
    if (start < 0 || start + 1 >= template.length) return out;
    const second = template[start + 1];
    const close = second === '{' ? '}}' : second === '%' ? '%}' : second === '#' ? '#}' : undefined;
    if (close === undefined) {
      at = start + 1;
      continue;
    }
    const stop = template.indexOf(close, start + 2);
    if (stop < 0) return out;
    out.push({ start, end: stop + 2, open: `{${second}` as Tag['open'], inner: template.slice(start + 2, stop) });
    at = stop + 2;
  }
}

/** Text outside of tags, which a renderer emits verbatim. */
export function outsideText(template: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const tag of jinjaTags(template)) {
    parts.push(template.slice(at, tag.start));
    at = tag.end;
  }
  parts.push(template.slice(at));
  return parts.join('\n');
}

const ROLE_MARKER = /<\|im_start\|>\s{0,4}system|<\|start_header_id\|>\s{0,4}system|<<SYS>>|\[INST\]|<\|system\|>|<start_of_turn>\s{0,4}system/i;
const MAX_BODY_TAGS = 256;
const IF_TAG = /^-?\s{0,8}(?:el)?if\s/;
const LITERAL_IN = /['"][^'"]{1,80}['"]\s{1,4}(?:not\s{1,4})?in\s/;
const ON_CONVERSATION = /content|messages/;
const BRANCH_END = /^-?\s{0,8}(?:endif|else|elif)\b/;

/**
 * A branch taken only when the conversation contains some literal, whose body emits system-role
 * text or a long instruction, is a backdoor: legitimate templates branch on roles and flags, not
 * on words in the user's message.
 */
export function triggerFindings(template: string, member: string, offset: number): FindingSpec[] {
  const tags = jinjaTags(template);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === undefined || tag.open !== '{%' || !IF_TAG.test(tag.inner) || !LITERAL_IN.test(tag.inner)) continue;
    // Branching on the role ('system' in message.role) is ordinary; on the words of the conversation it is not.
    if (!ON_CONVERSATION.test(tag.inner) || /\brole\b/.test(tag.inner)) continue;
    let j = i + 1;
    while (j < tags.length && j < i + MAX_BODY_TAGS && !(tags[j]?.open === '{%' && BRANCH_END.test(tags[j]?.inner ?? ''))) j++;
    const bodyEnd = tags[j]?.start ?? template.length;
    const body = template.slice(tag.end, bodyEnd);
    const emitted = [...literalStrings(body), outsideText(body)].join('\n');
    if (ROLE_MARKER.test(emitted) || /[A-Za-z][A-Za-z ,.;:'-]{59}/.test(emitted)) {
      return [{
        technique: 'gguf.template_trigger', severity: 'high', member, start: offset + tag.start, end: offset + bodyEnd,
        explanation: 'chat template injects extra instructions only when the conversation contains a trigger word (hidden backdoor)',
      }];
    }
  }
  return [];
}
