/**
 * Minimal protobuf wire-format walker over a ByteSource: fields are visited in place, so large
 * tensor payloads (raw_data) are skipped without being read. Bounded by the message range and a
 * recursion limit enforced by the caller.
 */
import { Cursor } from '../gguf/cursor.js';

export class ProtobufError extends Error {
  constructor(readonly at: number, reason: string) {
    super(reason);
  }
}

export interface Field {
  readonly number: number;
  readonly wire: 0 | 1 | 2 | 5;
  /** Varint value (wire 0), as a number (Infinity past 2^53). */
  readonly value: number;
  /** For wire 2: byte range of the payload. */
  readonly start: number;
  readonly end: number;
}

export async function readVarint(c: Cursor, end: number): Promise<number> {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (c.pos >= end) throw new ProtobufError(c.pos, 'varint runs past the end of its message');
    const b = await c.u8();
    result += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return result > Number.MAX_SAFE_INTEGER ? Number.POSITIVE_INFINITY : result;
    scale *= 128;
  }
  throw new ProtobufError(c.pos, 'varint longer than 10 bytes');
}

/** Visits every field of the message in [start, end); `visit` may read a wire-2 payload via the cursor. */
export async function forEachField(c: Cursor, start: number, end: number, visit: (f: Field) => Promise<void>): Promise<void> {
  c.pos = start;
  while (c.pos < end) {
    const at = c.pos;
    const key = await readVarint(c, end);
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (number === 0) throw new ProtobufError(at, 'field number 0');
    let field: Field;
    if (wire === 0) {
      field = { number, wire, value: await readVarint(c, end), start: c.pos, end: c.pos };
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (c.pos + size > end) throw new ProtobufError(at, 'fixed-width field runs past its message');
      field = { number, wire, value: 0, start: c.pos, end: c.pos + size };
    } else if (wire === 2) {
      const length = await readVarint(c, end);
      if (length > end - c.pos) throw new ProtobufError(at, 'length-delimited field runs past its message');
      field = { number, wire, value: length, start: c.pos, end: c.pos + length };
    } else {
      throw new ProtobufError(at, 'unsupported wire type (groups or invalid)');
    }
    const next = field.end;
    await visit(field);
    c.pos = next;
  }
  if (c.pos !== end) throw new ProtobufError(c.pos, 'message overruns its declared length');
}

export async function readString(c: Cursor, f: Field, max = 1 << 16): Promise<string> {
  if (f.wire !== 2) throw new ProtobufError(f.start, 'expected a string field');
  c.pos = f.start;
  const bytes = await c.bytes(Math.min(max, f.end - f.start));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
