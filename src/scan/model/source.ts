/**
 * Byte sources: files are read by random access (never whole), decompressed members are held
 * in memory only when they are below the caller's in-memory limit.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from './types.js';

const CHUNK = 1 << 20;

/** A source backed by an open file handle; the caller closes it with `close()`. */
export interface FileByteSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string, name = path): Promise<FileByteSource> {
  const fh: FileHandle = await open(path, 'r');
  const { size } = await fh.stat();
  const src: FileByteSource = {
    name,
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const start = Math.max(0, Math.min(offset, size));
      const len = Math.max(0, Math.min(length, size - start));
      if (len === 0) return new Uint8Array(0);
      const buf = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const { bytesRead } = await fh.read(buf, got, len - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === len ? buf : buf.subarray(0, got);
    },
    async *chunks(offset = 0): AsyncIterable<Uint8Array> {
      for (let pos = offset; pos < size; pos += CHUNK) yield await src.read(pos, CHUNK);
    },
    close: () => fh.close(),
  };
  return src;
}

export function bufferSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length))),
    async *chunks(offset = 0): AsyncIterable<Uint8Array> {
      for (let pos = offset; pos < bytes.length; pos += CHUNK) yield bytes.subarray(pos, pos + CHUNK);
    },
  };
}

/** A window [start, start+length) of another source, without copying. */
export function sliceSource(parent: ByteSource, name: string, start: number, length: number): ByteSource {
  const size = Math.max(0, Math.min(length, parent.size - start));
  return {
    name,
    size,
    read: (offset, len) => parent.read(start + offset, Math.max(0, Math.min(len, size - offset))),
    async *chunks(offset = 0): AsyncIterable<Uint8Array> {
      for (let pos = offset; pos < size; pos += CHUNK) yield await parent.read(start + pos, Math.min(CHUNK, size - pos));
    },
  };
}
