/** Shannon entropy in bits per character; random keys sit near log2 of their alphabet size. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const HEX = /^[0-9a-fA-F]+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Whether a token next to a key/secret cue looks machine-generated. Hex has at most 4 bits per
 * character, so it gets its own (lower) bar and a longer minimum; UUIDs are identifiers, not secrets.
 */
export function looksRandom(token: string): boolean {
  if (UUID.test(token)) return false;
  if (HEX.test(token)) return token.length >= 32 && shannonEntropy(token) >= 3.0;
  if (token.length < 20) return false;
  const classes = Number(/[a-z]/.test(token)) + Number(/[A-Z]/.test(token)) + Number(/[0-9]/.test(token));
  if (classes < 2) return false;
  return shannonEntropy(token) >= 3.5;
}

/** Values people write in docs and templates instead of a real secret. */
const PLACEHOLDER = /^(?:\*+|x+|\.+|<[^>]{0,64}>|\$\{[^}]{0,64}\}|\{\{[^}]{0,64}\}\}|%s|changeme|password|passwd|pass|secret|redacted|your[_-]?\w{0,30}|none|null|true|false|example\w{0,20})$/i;

export const isPlaceholder = (value: string): boolean => PLACEHOLDER.test(value);
