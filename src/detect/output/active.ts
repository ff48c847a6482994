/**
 * Active content in an answer: script-capable HTML elements, inline event handlers and script
 * URLs. Each pattern is anchored on a literal and bounded, and `[^<>]` stops at the next tag, so
 * matching stays linear on hostile input.
 */
export interface ActiveHit {
  readonly start: number;
  readonly end: number;
  readonly what: 'script_element' | 'event_handler' | 'script_url';
}

const PATTERNS: readonly [RegExp, ActiveHit['what']][] = [
  [/<\s{0,5}(?:script|iframe|object|embed|applet|base|meta\s[^<>]{0,200}?http-equiv)\b/gi, 'script_element'],
  [/<[a-z][a-z0-9-]{0,20}\s[^<>]{0,500}?\bon[a-z]{2,30}\s{0,5}=/gi, 'event_handler'],
  [/(?:\b(?:href|src|action|formaction|xlink:href)\s{0,5}=\s{0,5}["']?|\]\(\s{0,5}<?)\s{0,5}(?:javascript|vbscript|data\s{0,5}:\s{0,5}text\/html)\s{0,5}:?/gi, 'script_url'],
];

export function findActiveContent(text: string): ActiveHit[] {
  const out: ActiveHit[] = [];
  for (const [re, what] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, what });
  }
  return out;
}
