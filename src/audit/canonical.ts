/**
 * Canonical JSON: the exact bytes the audit chain hashes. Keys sorted by UTF-16 code unit order,
 * no whitespace, numbers as JSON.stringify prints them, `undefined` members dropped. Two equal
 * objects always give one string, so a verifier in any language can recompute a hash.
 */
import { MedguardError } from '../core/errors.js';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

const MAX_DEPTH = 64;

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new MedguardError('MG_INPUT_INVALID', 'audit event nests too deeply to canonicalise');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // NaN and Infinity have no JSON form; a silent `null` would make two different events hash alike.
      if (!Number.isFinite(value)) throw new MedguardError('MG_INPUT_INVALID', 'audit event holds a non-finite number');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v: unknown) => write(v === undefined ? null : v, depth + 1)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], depth + 1)}`).join(',')}}`;
    }
    default:
      throw new MedguardError('MG_INPUT_INVALID', `audit event holds a ${typeof value}, which has no JSON form`);
  }
}
