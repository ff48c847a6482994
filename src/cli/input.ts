/** Reading command input (a file or stdin) as bounded byte chunks, and turning bytes into text safely. */
import { open, type FileHandle } from 'node:fs/promises';
import { MedguardError } from '../core/errors.js';
import type { CliIo } from './io.js';

const CHUNK_BYTES = 64 * 1024;

/** `-` or no path means stdin. A missing or unreadable file is MG_IO, raised before any output. */
export async function openInput(path: string | undefined, io: CliIo): Promise<AsyncIterable<Uint8Array>> {
  if (path === undefined || path === '-') return io.stdin;
  try {
    const handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      await handle.close();
      throw new MedguardError('MG_IO', `"${path}" is a directory, not a file`, { field: 'FILE' });
    }
    return readHandle(handle, path);
  } catch (e) {
    throw ioError(e, path);
  }
}

async function* readHandle(handle: FileHandle, path: string): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      // A fresh buffer per read: consumers may hold on to chunks (e.g. a partial line).
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null));
      } catch (e) {
        throw ioError(e, path);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function ioError(e: unknown, path: string): MedguardError {
  if (e instanceof MedguardError) return e;
  const code = (e as { code?: unknown }).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${String(code ?? 'unknown error')})`;
  return new MedguardError('MG_IO', `"${path}": ${reason}`, { field: 'FILE', cause: e });
}

/** Collects a whole input, refusing (without buffering further) once it passes `maxBytes`. */
export async function readAll(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new MedguardError('MG_INPUT_TOO_LARGE', `input is larger than ${maxBytes} bytes; split it or use --format jsonl`, { field: 'FILE' });
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 decoding; `what` names the input in the message (never its content). */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new MedguardError('MG_INPUT_NOT_TEXT', `${what} is not valid UTF-8 text`);
  }
}

/** For whole-document scanning: NUL bytes mean a binary file was passed by mistake. */
export function decodeDocument(bytes: Uint8Array): string {
  if (bytes.indexOf(0) !== -1) throw new MedguardError('MG_INPUT_NOT_TEXT', 'input is binary (contains NUL bytes), not text');
  return decodeUtf8(bytes, 'input');
}
