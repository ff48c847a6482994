/**
 * Byte builders for tests, fuzz seeds and benchmarks: pickles assembled opcode by opcode (so each
 * test documents its technique), minimal zip and tar writers. Never used by the scanner itself.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../zip/crc32.js';

const enc = new TextEncoder();
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];

/** Pickle assembly: each method appends one opcode with its operands. */
export class P {
  private parts: number[] = [];
  raw(...bytes: number[]): this { this.parts.push(...bytes); return this; }
  /** Large operands without spreading them through the call stack. */
  rawBytes(bytes: Uint8Array): this { for (const b of bytes) this.parts.push(b); return this; }
  text(s: string): this { this.parts.push(...enc.encode(s)); return this; }
  proto(n: number): this { return this.raw(0x80, n); }
  frame(n: number): this { return this.raw(0x95, ...u32(n), 0, 0, 0, 0); }
  global(module: string, name: string): this { return this.text(`c${module}\n${name}\n`); }
  inst(module: string, name: string): this { return this.text(`i${module}\n${name}\n`); }
  str(s: string): this { const b = enc.encode(s); return b.length < 256 ? this.raw(0x8c, b.length, ...b) : this.raw(0x58, ...u32(b.length), ...b); }
  binunicode(s: string): this { const b = enc.encode(s); return this.raw(0x58, ...u32(b.length)).rawBytes(b); }
  string0(s: string): this { return this.text(`S'${s}'\n`); }
  bytes(b: Uint8Array): this { return b.length < 256 ? this.raw(0x43, b.length).rawBytes(b) : this.raw(0x42, ...u32(b.length)).rawBytes(b); }
  int(n: number): this { return n >= 0 && n < 256 ? this.raw(0x4b, n) : this.raw(0x4a, ...u32(n)); }
  none(): this { return this.raw(0x4e); }
  mark(): this { return this.raw(0x28); }
  tuple(): this { return this.raw(0x74); }
  tuple1(): this { return this.raw(0x85); }
  tuple2(): this { return this.raw(0x86); }
  emptyTuple(): this { return this.raw(0x29); }
  emptyList(): this { return this.raw(0x5d); }
  emptyDict(): this { return this.raw(0x7d); }
  append(): this { return this.raw(0x61); }
  appends(): this { return this.raw(0x65); }
  setitem(): this { return this.raw(0x73); }
  setitems(): this { return this.raw(0x75); }
  stackGlobal(): this { return this.raw(0x93); }
  reduce(): this { return this.raw(0x52); }
  build(): this { return this.raw(0x62); }
  newobj(): this { return this.raw(0x81); }
  obj(): this { return this.raw(0x6f); }
  memoize(): this { return this.raw(0x94); }
  binput(i: number): this { return this.raw(0x71, i); }
  binget(i: number): this { return this.raw(0x68, i); }
  pop(): this { return this.raw(0x30); }
  ext1(code: number): this { return this.raw(0x82, code); }
  stop(): this { return this.raw(0x2e); }
  /** `module.name(arg)` via GLOBAL + REDUCE, the classic payload. */
  call(module: string, name: string, arg: string): this { return this.global(module, name).str(arg).tuple1().reduce(); }
  bytesOut(): Uint8Array { return Uint8Array.from(this.parts); }
}

export const pickle = (): P => new P();

export interface ZipMember { name: string; data: Uint8Array; deflate?: boolean; flags?: number; localName?: string; externalAttrs?: number; crc?: number }

/** Minimal zip writer with knobs for every header trick the scanner reports. */
export function buildZip(members: readonly ZipMember[], prefix: Uint8Array = new Uint8Array(0)): Uint8Array {
  const chunks: number[] = [...prefix];
  const central: number[] = [];
  for (const m of members) {
    const data = m.deflate === true ? deflateRawSync(m.data) : m.data;
    const name = enc.encode(m.name);
    const localName = enc.encode(m.localName ?? m.name);
    const crc = m.crc ?? crc32(m.data);
    const offset = chunks.length - prefix.length;
    const method = m.deflate === true ? 8 : 0;
    chunks.push(...u32(0x04034b50), ...u16(20), ...u16(m.flags ?? 0), ...u16(method), 0, 0, 0, 0, ...u32(crc),
      ...u32(data.length), ...u32(m.data.length), ...u16(localName.length), ...u16(0), ...localName, ...data);
    central.push(...u32(0x02014b50), ...u16(0x031e), ...u16(20), ...u16(m.flags ?? 0), ...u16(method), 0, 0, 0, 0, ...u32(crc),
      ...u32(data.length), ...u32(m.data.length), ...u16(name.length), 0, 0, 0, 0, 0, 0, 0, 0, ...u32(m.externalAttrs ?? 0),
      ...u32(offset), ...name);
  }
  const cdOffset = chunks.length - prefix.length;
  chunks.push(...central, ...u32(0x06054b50), 0, 0, 0, 0, ...u16(members.length), ...u16(members.length),
    ...u32(central.length), ...u32(cdOffset), 0, 0);
  return Uint8Array.from(chunks);
}

/** Minimal ustar writer; `type` '0' file, '2' symlink. */
export function buildTar(members: readonly { name: string; data?: Uint8Array; type?: string; link?: string }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const m of members) {
    const h = new Uint8Array(512);
    const data = m.data ?? new Uint8Array(0);
    h.set(enc.encode(m.name).subarray(0, 100), 0);
    h.set(enc.encode('0000644\0'), 100);
    h.set(enc.encode('0000000\0'), 108);
    h.set(enc.encode('0000000\0'), 116);
    h.set(enc.encode(`${data.length.toString(8).padStart(11, '0')}\0`), 124);
    h.set(enc.encode('00000000000\0'), 136);
    h[156] = (m.type ?? '0').charCodeAt(0);
    if (m.link !== undefined) h.set(enc.encode(m.link), 157);
    h.set(enc.encode('ustar\u000000'), 257);
    h.fill(32, 148, 156);
    const sum = h.reduce((a, b) => a + b, 0);
    h.set(enc.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    blocks.push(h);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  return Uint8Array.from(Buffer.concat(blocks));
}

/** A .npy file (format 1.0) with the given header literal and body. */
export function buildNpy(header: string, body: Uint8Array): Uint8Array {
  let h = header;
  while ((10 + h.length + 1) % 64 !== 0) h += ' ';
  h += '\n';
  return Uint8Array.from([0x93, ...enc.encode('NUMPY'), 1, 0, ...u16(h.length), ...enc.encode(h), ...body]);
}
