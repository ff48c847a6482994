/**
 * A strict JSON reader for untrusted model headers (safetensors, Keras config). Unlike JSON.parse it
 * reports duplicate object keys (a parser differential: last-wins here, first-wins or error in other
 * loaders), keeps object key order in a Map (no prototype pollution via "__proto__") and bounds
 * nesting depth. Linear in the input size.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

export interface StrictJsonResult {
  readonly value: JsonValue;
  /** Number of repeated keys across all objects (0 for a well-formed document). */
  readonly duplicateKeys: number;
}

export class JsonSyntaxError extends Error {
  constructor(readonly position: number, reason: string) {
    super(`invalid JSON at character ${position}: ${reason}`);
  }
}

const MAX_DEPTH = 128;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseStrictJson(text: string): StrictJsonResult {
  let pos = 0;
  let duplicateKeys = 0;

  const fail = (reason: string): never => {
    throw new JsonSyntaxError(pos, reason);
  };
  const skipWs = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };

  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    let runStart = pos;
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(runStart, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(runStart, pos);
        const e = text[pos + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          const mapped = ESCAPES[e];
          if (mapped === undefined) fail('bad escape');
          out += mapped;
          pos += 2;
        }
        runStart = pos;
        continue;
      }
      pos++;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipWs();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: JsonObject = new Map();
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail('expected a key');
        const key = parseString();
        skipWs();
        if (text[pos] !== ':') fail('expected ":"');
        pos++;
        const v = parseValue(depth + 1);
        if (obj.has(key)) duplicateKeys++;
        obj.set(key, v);
        skipWs();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === '}') { pos++; return obj; }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const arr: JsonValue[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === ']') { pos++; return arr; }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', pos)) { pos += 4; return true; }
    if (text.startsWith('false', pos)) { pos += 5; return false; }
    if (text.startsWith('null', pos)) { pos += 4; return null; }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m === null) return fail('unexpected character');
    pos += m[0].length;
    return Number(m[0]);
  };

  const value = parseValue(0);
  skipWs();
  if (pos !== text.length) fail('trailing characters');
  return { value, duplicateKeys };
}

export const isJsonObject = (v: JsonValue | undefined): v is JsonObject => v instanceof Map;
