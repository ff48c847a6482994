/**
 * Reads a few small named members of a zip through its central directory (stored or deflate).
 * Only what the Keras scanner needs when it is handed a `.keras` file directly; archive abuse
 * (traversal, bombs, flag tricks) is the zip container scanner's job.
 */
import { constants, inflateRawSync } from 'node:zlib';
import type { ByteSource } from '../../types.js';

export class ZipUnreadable extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipRead {
  readonly names: string[];
  readonly members: Map<string, Uint8Array>;
}

/** Returns all member names and the bytes of `wanted` members (up to `maxBytes` each, `headOnly` ones truncated). */
export async function readZipMembers(source: ByteSource, wanted: ReadonlySet<string>, maxBytes: number, headOnly: ReadonlySet<string>): Promise<ZipRead> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipUnreadable('no end-of-central-directory record');
  const count = tv.getUint16(eocd + 10, true);
  const cdSize = tv.getUint32(eocd + 12, true);
  const cdOffset = tv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff || cdOffset + cdSize > source.size) throw new ZipUnreadable('zip64 or out-of-range central directory');
  const cd = await source.read(cdOffset, cdSize);
  const cv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const names: string[] = [];
  const members = new Map<string, Uint8Array>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cv.getUint32(p, true) !== CENTRAL) throw new ZipUnreadable('bad central directory entry');
    const method = cv.getUint16(p + 10, true);
    const compressed = cv.getUint32(p + 20, true);
    const nameLength = cv.getUint16(p + 28, true);
    const extra = cv.getUint16(p + 30, true);
    const comment = cv.getUint16(p + 32, true);
    const localOffset = cv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength));
    names.push(name);
    p += 46 + nameLength + extra + comment;
    if (!wanted.has(name) || members.has(name)) continue;
    const local = await source.read(localOffset, 30);
    const lv = new DataView(local.buffer, local.byteOffset, local.byteLength);
    if (local.length < 30 || lv.getUint32(0, true) !== LOCAL) throw new ZipUnreadable('bad local header');
    const dataStart = localOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
    if (dataStart + compressed > source.size) throw new ZipUnreadable('member runs past the end of the file');
    const head = headOnly.has(name);
    // A head read takes at most 1 KiB of compressed input: deflate expands at most ~1032x, so it stays small.
    const raw = await source.read(dataStart, head ? Math.min(compressed, 1024) : compressed);
    let bytes: Uint8Array;
    if (method === 0) bytes = raw;
    else if (method === 8) {
      try {
        bytes = inflateRawSync(raw, head ? { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 2 << 20 } : { maxOutputLength: maxBytes });
      } catch {
        throw new ZipUnreadable('member does not inflate within the size limit');
      }
    } else throw new ZipUnreadable('unsupported compression method');
    members.set(name, head ? bytes.subarray(0, 4096) : bytes);
  }
  return { names, members };
}
