/**
 * JSON Lines: splits bytes into lines without holding more than `maxRecordBytes` of one line, so
 * a huge single line costs bounded memory; every bad line is a row error, never a crash.
 */
import type { RowEvent } from '../types.js';
import { toRow } from './rows.js';

const LF = 0x0a;
/**
 * Rows per batch. A batch's parsed rows (objects and strings) stay alive until the scan has
 * checked them all; a whole 1 MB chunk's worth was a few megabytes that every young-generation
 * collection in between copied. Small batches keep that live set small.
 */
const BATCH_ROWS = 64;

export async function* readJsonl(chunks: AsyncIterable<Uint8Array>, maxRecordBytes: number): AsyncGenerator<RowEvent[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let pending = 0;
  let tooLong = false;
  let line = 1;
  let index = 0;

  const finish = (batch: RowEvent[]): void => {
    const here = line;
    line += 1;
    if (tooLong) {
      batch.push({ kind: 'error', error: { index: index++, line: here, code: 'MG_INPUT_TOO_LARGE', message: `line is ${pending} bytes; the limit is ${maxRecordBytes}` } });
    } else {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, pending);
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        batch.push({ kind: 'error', error: { index: index++, line: here, code: 'MG_INPUT_NOT_TEXT', message: 'line is not valid UTF-8' } });
        reset();
        return;
      }
      if (here === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() !== '') {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          batch.push({ kind: 'error', error: { index: index++, line: here, code: 'MG_INPUT_INVALID', message: 'line is not valid JSON' } });
          reset();
          return;
        }
        const r = toRow(value, index, here, false);
        batch.push(r.ok ? { kind: 'row', row: r.row } : { kind: 'error', error: { index, line: here, code: 'MG_INPUT_INVALID', message: r.message } });
        index += 1;
      }
    }
    reset();
  };
  const reset = (): void => {
    parts = [];
    pending = 0;
    tooLong = false;
  };
  const take = (piece: Buffer): void => {
    pending += piece.length;
    if (tooLong) return;
    if (pending > maxRecordBytes + 1) {
      tooLong = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(piece);
  };

  for await (const input of chunks) {
    const chunk = Buffer.from(input.buffer, input.byteOffset, input.length);
    let batch: RowEvent[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(LF, from);
      if (nl === -1) break;
      // A CRLF file: the CR is not part of the JSON.
      take(chunk.subarray(from, nl > from && chunk[nl - 1] === 0x0d ? nl - 1 : nl));
      finish(batch);
      from = nl + 1;
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (from < chunk.length) take(chunk.subarray(from));
    if (batch.length > 0) yield batch;
  }
  if (pending > 0 || tooLong) {
    const batch: RowEvent[] = [];
    finish(batch);
    yield batch;
  }
}
