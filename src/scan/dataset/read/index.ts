/** Picks the reader by content: JSON Lines when the first non-blank byte opens an object, else CSV. */
import type { RowEvent } from '../types.js';
import { readCsv } from './csv.js';
import { readJsonl } from './jsonl.js';

export interface ReadOptions {
  readonly format: 'auto' | 'jsonl' | 'csv';
  readonly maxRecordBytes: number;
  readonly maxFieldBytes: number;
  /** Counts bytes as they are read (for progress and throughput). */
  readonly onBytes?: (n: number) => void;
}

async function* counted(first: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>, onBytes?: (n: number) => void): AsyncGenerator<Uint8Array> {
  for (const c of first) yield c;
  for (;;) {
    const r = await rest.next();
    if (r.done === true) return;
    onBytes?.(r.value.length);
    yield r.value;
  }
}

function looksJson(head: Uint8Array): boolean {
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0xef && head[i + 1] === 0xbb && head[i + 2] === 0xbf) { i += 2; continue; }
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return b === 0x7b;
  }
  return true;
}

export async function* readDataset(chunks: AsyncIterable<Uint8Array>, options: ReadOptions): AsyncGenerator<RowEvent[]> {
  const it = chunks[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let format = options.format;
  if (format === 'auto') {
    // Look past leading blank chunks (rare) until a byte decides the format.
    for (;;) {
      const r = await it.next();
      if (r.done === true) break;
      options.onBytes?.(r.value.length);
      first.push(r.value);
      if (r.value.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) break;
    }
    format = looksJson(first.length === 1 ? first[0]! : Buffer.concat(first)) ? 'jsonl' : 'csv';
  }
  const source = counted(first, it, options.onBytes);
  yield* format === 'jsonl' ? readJsonl(source, options.maxRecordBytes) : readCsv(source, options.maxRecordBytes, options.maxFieldBytes);
}
