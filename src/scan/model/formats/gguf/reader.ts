/**
 * GGUF v1-v3 structure reader: header, metadata key/values and tensor infos, every length and
 * count checked against the bytes actually left in the file before anything is read or looped.
 * Only chat templates and general.alignment are kept; all other values are skipped.
 */
import type { ByteSource } from '../../types.js';
import type { FindingSpec } from '../safetensors/finding.js';
import { Cursor, Truncated } from './cursor.js';

export interface GgufTemplate {
  readonly key: string;
  readonly text: string;
  /** Byte offset of the string's first byte. */
  readonly offset: number;
}

export interface GgufParse {
  readonly version: number;
  readonly templates: GgufTemplate[];
  readonly problems: FindingSpec[];
}

class Malformed extends Error {
  constructor(readonly technique: string, readonly explanation: string, readonly at: number) {
    super(explanation);
  }
}

const FIXED_SIZE: ReadonlyMap<number, number> = new Map([[0, 1], [1, 1], [2, 2], [3, 2], [4, 4], [5, 4], [6, 4], [7, 1], [10, 8], [11, 8], [12, 8]]);
const T_STRING = 8;
const T_ARRAY = 9;
const T_UINT32 = 4;
/** Smallest possible encodings, used to prove a count cannot fit in the file. */
const MIN_KV_BYTES = 13;
const MIN_TENSOR_INFO_BYTES = 24;
const MAX_TEMPLATE_BYTES = 1 << 20;
const MAX_NAME_BYTES = 1 << 16;
const MAX_DIMS = 4;
/** Bytes per block and elements per block for the ggml types whose layout is stable and certain. */
const TYPE_BLOCK: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0, [4, 1]], [1, [2, 1]], [2, [18, 32]], [3, [20, 32]], [6, [22, 32]], [7, [24, 32]], [8, [34, 32]],
  [24, [1, 1]], [25, [2, 1]], [26, [4, 1]], [27, [8, 1]], [28, [8, 1]], [30, [2, 1]],
]);
/** Highest ggml type id known when this was written; ids above it are unknown. */
const MAX_GGML_TYPE = 41;

export const isTemplateKey = (key: string): boolean => key.includes('chat_template');

export async function readGguf(source: ByteSource): Promise<GgufParse> {
  const c = new Cursor(source);
  const problems: FindingSpec[] = [];
  const templates: GgufTemplate[] = [];
  let version = 0;
  try {
    const magic = await c.bytes(4);
    if (String.fromCharCode(...magic) !== 'GGUF') throw new Malformed('gguf.magic', 'not a GGUF file (bad magic)', 0);
    version = await c.u32();
    if (version < 1 || version > 3) throw new Malformed('gguf.version', 'unsupported GGUF version', 4);
    const wide = version >= 2;
    const count = (): Promise<number> => (wide ? c.u64() : c.u32());
    const tensorCount = await count();
    const kvCount = await count();
    if (tensorCount * MIN_TENSOR_INFO_BYTES + kvCount * MIN_KV_BYTES > c.remaining) {
      throw new Malformed('gguf.count_overflow', 'tensor or metadata count cannot fit in the file (allocation / loop DoS)', 8);
    }

    const readString = async (keep: boolean): Promise<string | undefined> => {
      const at = c.pos;
      const len = await count();
      if (len > c.remaining) throw new Malformed('gguf.string_length', 'a string length runs past the end of the file', at);
      if (!keep) {
        await c.skip(len);
        return undefined;
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(await c.bytes(len));
      } catch {
        throw new Malformed('gguf.string_encoding', 'a key or kept string is not valid UTF-8', at);
      }
    };

    /** Token vocabularies hold 100k+ strings: skip them synchronously while the window has them. */
    const skipStrings = async (n: number): Promise<void> => {
      const prefix = wide ? 8 : 4;
      for (let i = 0; i < n; i++) {
        if (!c.buffered(prefix)) await c.need(prefix);
        const at = c.pos;
        const len = c.lengthNow(wide);
        if (len > c.remaining) throw new Malformed('gguf.string_length', 'a string length runs past the end of the file', at);
        c.pos += len;
      }
    };

    const skipValue = async (type: number, depth: number): Promise<void> => {
      const fixed = FIXED_SIZE.get(type);
      if (fixed !== undefined) return c.skip(fixed);
      if (type === T_STRING) return void (await readString(false));
      if (type !== T_ARRAY || depth > 1) throw new Malformed('gguf.value_type', 'unknown or nested-too-deep metadata value type', c.pos);
      const elementType = await c.u32();
      const n = await count();
      const min = FIXED_SIZE.get(elementType) ?? (elementType === T_STRING ? (wide ? 8 : 4) : elementType === T_ARRAY ? 12 : 0);
      if (min === 0) throw new Malformed('gguf.value_type', 'array of an unknown value type', c.pos);
      if (n * min > c.remaining) throw new Malformed('gguf.array_length', 'an array count cannot fit in the file', c.pos);
      if (FIXED_SIZE.has(elementType)) return c.skip(n * min);
      if (elementType === T_STRING) return skipStrings(n);
      for (let i = 0; i < n; i++) await skipValue(elementType, depth + 1);
    };

    let alignment = 32;
    const keys = new Set<string>();
    for (let i = 0; i < kvCount; i++) {
      const keyAt = c.pos;
      const key = (await readString(true)) ?? '';
      if (key.length > MAX_NAME_BYTES) throw new Malformed('gguf.key_invalid', 'a metadata key is implausibly long', keyAt);
      if (keys.has(key)) problems.push({ technique: 'gguf.duplicate_key', severity: 'high', start: keyAt, explanation: 'a metadata key appears twice (loaders disagree on which wins)' });
      keys.add(key);
      const type = await c.u32();
      if (type === T_STRING && isTemplateKey(key)) {
        const at = c.pos;
        const peekLen = await count();
        c.pos = at;
        if (peekLen > MAX_TEMPLATE_BYTES) {
          problems.push({ technique: 'gguf.template_too_large', severity: 'medium', start: at, member: key, explanation: 'chat template is too large to inspect' });
          await readString(false);
        } else {
          const text = (await readString(true)) ?? '';
          templates.push({ key, text, offset: at + (wide ? 8 : 4) });
        }
      } else if (key === 'general.alignment') {
        if (type !== T_UINT32) throw new Malformed('gguf.alignment', 'general.alignment is not a u32', keyAt);
        alignment = await c.u32();
        if (alignment === 0 || (alignment & (alignment - 1)) !== 0) throw new Malformed('gguf.alignment', 'general.alignment is not a power of two', keyAt);
      } else {
        await skipValue(type, 0);
      }
    }

    const tensors: { offset: number; bytes: number | undefined; at: number }[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const at = c.pos;
      await readString(false);
      const dims = await c.u32();
      if (dims > MAX_DIMS) throw new Malformed('gguf.tensor_dims', 'a tensor has more than 4 dimensions', at);
      let elements = 1n;
      for (let d = 0; d < dims; d++) {
        const n = await count();
        if (!Number.isFinite(n)) throw new Malformed('gguf.tensor_dims', 'a tensor dimension is out of range', at);
        elements *= BigInt(n);
      }
      if (elements > 2n ** 62n) throw new Malformed('gguf.tensor_dims', 'tensor element count overflows', at);
      const type = await c.u32();
      if (type > MAX_GGML_TYPE) throw new Malformed('gguf.tensor_type', 'a tensor has an unknown ggml type', at);
      const offset = await c.u64();
      const block = TYPE_BLOCK.get(type);
      const bytes = block && elements % BigInt(block[1]) === 0n ? Number((elements / BigInt(block[1])) * BigInt(block[0])) : undefined;
      tensors.push({ offset, bytes, at });
    }
    const dataStart = Math.ceil(c.pos / alignment) * alignment;
    const dataSize = source.size - dataStart;
    for (const t of tensors) {
      if (t.offset % alignment !== 0) {
        problems.push({ technique: 'gguf.tensor_misaligned', severity: 'high', start: t.at, explanation: 'a tensor data offset is not a multiple of general.alignment' });
      }
      if (dataSize < 0 || t.offset > dataSize || (t.bytes !== undefined && t.offset + t.bytes > dataSize)) {
        problems.push({ technique: 'gguf.tensor_offset_out_of_bounds', severity: 'high', start: t.at, explanation: 'a tensor\'s data lies beyond the end of the file' });
      }
    }
  } catch (e) {
    if (e instanceof Malformed) problems.push({ technique: e.technique, severity: 'high', start: e.at, explanation: e.explanation });
    else if (e instanceof Truncated) problems.push({ technique: 'gguf.truncated', severity: 'high', start: e.at, explanation: 'file ends inside the GGUF header or metadata' });
    else throw e;
  }
  return { version, templates, problems };
}
