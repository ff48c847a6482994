/**
 * Bounded decompression: counts bytes while inflating, stops at the expansion limits (bombs), and
 * spills members larger than the in-memory limit to a temporary file that is deleted afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ByteSource, ScanContext } from './types.js';
import { bufferSource, openFileSource } from './source.js';
import { RATIO_MIN_BYTES } from './limits.js';

export type ExpandStop = 'ratio' | 'total' | null;

export interface Expanded {
  readonly source: ByteSource;
  readonly bytes: number;
  readonly stop: ExpandStop;
  /** Decoder error (corrupt stream); the bytes before it are still in `source`. */
  readonly error: string | null;
  /** Checksum of the expanded bytes when `checksum` was requested. */
  readonly crc: number | null;
  release(): Promise<void>;
}

/** A push-style decoder: feed input chunks, receive output chunks via `onData` (false = stop). */
export interface Decoder {
  write(chunk: Uint8Array): Promise<void>;
  end(): Promise<void>;
}

export async function expand(
  name: string,
  compressedSize: number,
  input: AsyncIterable<Uint8Array>,
  makeDecoder: (onData: (out: Uint8Array) => boolean) => Decoder,
  ctx: ScanContext,
  checksum?: (data: Uint8Array, prev: number) => number,
): Promise<Expanded> {
  const parts: Uint8Array[] = [];
  let inMemory = 0;
  let total = 0;
  let stop: ExpandStop = null;
  let crc = 0;
  let spillDir: string | null = null;
  let spill: ReturnType<typeof createWriteStream> | null = null;
  const pending: Promise<void>[] = [];
  const onData = (out: Uint8Array): boolean => {
    if (stop !== null) return false;
    total += out.length;
    if (!ctx.addExpanded(out.length)) stop = 'total';
    else if (total > RATIO_MIN_BYTES && total / Math.max(1, compressedSize) > ctx.limits.maxRatio) stop = 'ratio';
    if (checksum !== undefined) crc = checksum(out, crc);
    if (spill !== null) {
      const s = spill;
      pending.push(new Promise((res, rej) => s.write(out, (e) => (e ? rej(e) : res()))));
    } else {
      parts.push(out);
      inMemory += out.length;
    }
    return stop === null;
  };
  const decoder = makeDecoder(onData);
  let error: string | null = null;
  try {
    for await (const chunk of input) {
      await decoder.write(chunk);
      if (stop !== null) break;
      if (spill === null && inMemory > ctx.limits.maxMemberInMemory) {
        spillDir = await mkdtemp(join(tmpdir(), 'medguard-scan-'));
        spill = createWriteStream(join(spillDir, 'member'));
        for (const p of parts.splice(0)) pending.push(new Promise((res, rej) => (spill as NonNullable<typeof spill>).write(p, (e) => (e ? rej(e) : res()))));
        inMemory = 0;
      }
    }
    if (stop === null) await decoder.end();
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 120) : 'decoder failure';
  }
  if (spill !== null && spillDir !== null) {
    await Promise.all(pending);
    const s = spill;
    await new Promise<void>((res) => s.end(res));
    const dir = spillDir;
    const fileSource = await openFileSource(join(dir, 'member'), name);
    return { source: fileSource, bytes: total, stop, error, crc: checksum ? crc : null,
      release: async () => { await fileSource.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const buf = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  return { source: bufferSource(name, buf), bytes: total, stop, error, crc: checksum ? crc : null, release: () => Promise.resolve() };
}

/**
 * Adapts a node:zlib Transform (inflateRaw, gunzip, inflate) to the Decoder shape. Every wait also
 * ends on 'close', so a stream destroyed by an error or by a limit can never leave a promise pending.
 */
export function zlibDecoder(stream: import('node:stream').Transform, onData: (out: Uint8Array) => boolean): Decoder {
  let failure: Error | null = null;
  const closed = new Promise<void>((res) => stream.once('close', () => res()));
  stream.on('data', (d: Buffer) => {
    // Past a limit, stop inflating instead of discarding output (bounded CPU on bombs).
    if (!onData(d)) stream.destroy();
  });
  stream.on('error', (e: Error) => { failure = e; });
  const settle = (): void => { if (failure !== null) throw failure; };
  return {
    async write(chunk) {
      if (stream.destroyed) return settle();
      await Promise.race([new Promise<void>((res) => stream.write(chunk, () => res())), closed]);
      settle();
    },
    async end() {
      if (!stream.destroyed) {
        stream.end();
        stream.resume();
      }
      await closed;
      settle();
    },
  };
}
