/**
 * Zip structure: the end-of-central-directory record (zip64 aware), central directory entries and
 * their local headers. Both views are read because loaders disagree on which one to trust.
 */
import type { ByteSource } from '../types.js';

export interface ZipEntry {
  readonly name: string;
  readonly localName: string | null;
  readonly flags: number;
  readonly localFlags: number | null;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly externalAttrs: number;
  readonly madeBy: number;
  /** Offset of the local header in the file (prefix-adjusted). */
  readonly localOffset: number;
  /** Offset of the member data, or -1 when the local header is missing. */
  readonly dataOffset: number;
}

export interface ZipDirectory {
  readonly entries: ZipEntry[];
  /** Bytes before the first local header (self-extractors, polyglots). */
  readonly prefix: number;
  readonly eocdOffset: number;
  readonly declaredEntries: number;
}

export class ZipFormatError extends Error {}

const dv = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
const u64 = (v: DataView, o: number): number => v.getUint32(o, true) + v.getUint32(o + 4, true) * 2 ** 32;
const MAX_ENTRIES = 1_000_000;
const MAX_DIRECTORY_BYTES = 128 * 1024 * 1024;

export async function findEocd(source: ByteSource): Promise<number> {
  const tailLen = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLen, tailLen);
  const v = dv(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === 0x06054b50 && i + 22 + v.getUint16(i + 20, true) <= tail.length) return source.size - tailLen + i;
  }
  return -1;
}

export async function readDirectory(source: ByteSource): Promise<ZipDirectory> {
  const eocd = await findEocd(source);
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const e = dv(await source.read(eocd, 22));
  let count = e.getUint16(10, true);
  let cdSize = e.getUint32(12, true);
  let cdOffset = e.getUint32(16, true);
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = dv(await source.read(eocd - 20, 20));
    if (loc.byteLength === 20 && loc.getUint32(0, true) === 0x07064b50) {
      const z64at = u64(loc, 8);
      const z = dv(await source.read(z64at, 56));
      if (z.byteLength < 56 || z.getUint32(0, true) !== 0x06064b50) throw new ZipFormatError('bad zip64 record');
      count = u64(z, 32);
      cdSize = u64(z, 40);
      cdOffset = u64(z, 48);
      cdEnd = eocd - 20;
      // The zip64 record sits between the directory and the locator.
      cdEnd = Math.min(cdEnd, z64at);
    }
  }
  const prefix = cdEnd - cdSize - cdOffset;
  if (prefix < 0 || cdSize > source.size || count > MAX_ENTRIES) throw new ZipFormatError('central directory out of bounds');
  if (cdSize > MAX_DIRECTORY_BYTES) throw new ZipFormatError('central directory larger than the scanner reads');
  const cd = await source.read(cdOffset + prefix, cdSize);
  if (cd.length !== cdSize) throw new ZipFormatError('central directory truncated');
  const v = dv(cd);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && v.getUint32(p, true) === 0x02014b50) {
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipFormatError('central entry truncated');
    const name = Buffer.from(cd.subarray(p + 46, p + 46 + nameLen)).toString('utf8');
    let compressedSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    let localOffset = v.getUint32(p + 42, true);
    const extra = dv(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    for (let x = 0; x + 4 <= extra.byteLength;) {
      const id = extra.getUint16(x, true);
      const len = extra.getUint16(x + 2, true);
      if (id === 0x0001) {
        let q = x + 4;
        const take = (): number => { const n = q + 8 <= x + 4 + len && q + 8 <= extra.byteLength ? u64(extra, q) : 0; q += 8; return n; };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      x += 4 + len;
    }
    const entry = {
      name, flags: v.getUint16(p + 8, true), method: v.getUint16(p + 10, true), crc: v.getUint32(p + 16, true),
      compressedSize, size, externalAttrs: v.getUint32(p + 38, true), madeBy: v.getUint16(p + 4, true),
      localOffset: localOffset + prefix,
    };
    entries.push(await withLocal(source, entry));
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length !== count) throw new ZipFormatError('central directory entry count mismatch');
  return { entries, prefix, eocdOffset: eocd, declaredEntries: count };
}

async function withLocal(source: ByteSource, e: Omit<ZipEntry, 'localName' | 'localFlags' | 'dataOffset'>): Promise<ZipEntry> {
  const h = await source.read(e.localOffset, 30);
  if (h.length < 30 || dv(h).getUint32(0, true) !== 0x04034b50) return { ...e, localName: null, localFlags: null, dataOffset: -1 };
  const hv = dv(h);
  const nameLen = hv.getUint16(26, true);
  const extraLen = hv.getUint16(28, true);
  const localName = Buffer.from(await source.read(e.localOffset + 30, nameLen)).toString('utf8');
  return { ...e, localName, localFlags: hv.getUint16(6, true), dataOffset: e.localOffset + 30 + nameLen + extraLen };
}

/** Local headers reachable by walking from the start that no central entry points at (hidden members). */
export async function unlistedLocalHeaders(source: ByteSource, dir: ZipDirectory): Promise<number[]> {
  const known = new Set(dir.entries.map((e) => e.localOffset));
  const hidden: number[] = [];
  // Members hidden in the "prefix" are what stream-reading loaders see first.
  const first = await source.read(0, 4);
  let pos = first.length === 4 && dv(first).getUint32(0, true) === 0x04034b50 ? 0 : dir.prefix;
  for (let i = 0; i < MAX_ENTRIES && pos + 30 <= source.size; i++) {
    const h = await source.read(pos, 30);
    const hv = dv(h);
    if (h.length < 30 || hv.getUint32(0, true) !== 0x04034b50) break;
    const flags = hv.getUint16(6, true);
    const csize = hv.getUint32(18, true);
    if (!known.has(pos)) hidden.push(pos);
    // With a data descriptor the local size is zero; stop walking rather than guess.
    if ((flags & 0x8) !== 0 || csize === 0xffffffff) break;
    pos += 30 + hv.getUint16(26, true) + hv.getUint16(28, true) + csize;
  }
  return hidden;
}
