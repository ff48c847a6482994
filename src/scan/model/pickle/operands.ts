/** Decoding helpers for pickle operands (little-endian integers, protocol-0 string literals). */

export const dec = (b: Uint8Array, enc: 'utf8' | 'latin1'): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString(enc);

export function readLE(b: Uint8Array, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + (b[i] as number);
  return v;
}

export function signedLong(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i] as number);
  if (((b[b.length - 1] as number) & 0x80) !== 0) v -= 1n << BigInt(8 * b.length);
  return v;
}

export function unquote(text: string): string {
  const t = text.trim();
  const q = t[0];
  if ((q === "'" || q === '"') && t.endsWith(q) && t.length >= 2) {
    return t.slice(1, -1).replace(/\\x([0-9a-fA-F]{2})|\\(['"\\nrt])/g, (_m, hex: string | undefined, c: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : (c ?? ''));
  }
  return t;
}

export function unescapeRaw(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, a: string | undefined, b: string | undefined) =>
    String.fromCodePoint(parseInt(a ?? b ?? '0', 16)));
}
