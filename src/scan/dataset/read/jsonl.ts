/**
 * JSON Lines: lines come from the CLI's bounded line splitter (never more than `maxRecordBytes` of
 * one line held), so a huge single line costs bounded memory; every bad line is a row error, never
 * a crash.
 */
import type { RowEvent } from '../types.js';
import { splitLines } from '../../../cli/lines.js';
import { toRow } from './rows.js';

export async function* readJsonl(chunks: AsyncIterable<Uint8Array>, maxRecordBytes: number): AsyncGenerator<RowEvent[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  for await (const events of splitLines(chunks, maxRecordBytes)) {
    const batch: RowEvent[] = [];
    for (const event of events) {
      const line = event.line;
      if (event.kind === 'too_long') {
        batch.push({ kind: 'error', error: { index: index++, line, code: 'MG_INPUT_TOO_LARGE', message: `line is ${event.length} bytes; the limit is ${maxRecordBytes}` } });
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(event.bytes);
      } catch {
        batch.push({ kind: 'error', error: { index: index++, line, code: 'MG_INPUT_NOT_TEXT', message: 'line is not valid UTF-8' } });
        continue;
      }
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        batch.push({ kind: 'error', error: { index: index++, line, code: 'MG_INPUT_INVALID', message: 'line is not valid JSON' } });
        continue;
      }
      const r = toRow(value, index, line, false);
      batch.push(r.ok ? { kind: 'row', row: r.row } : { kind: 'error', error: { index, line, code: 'MG_INPUT_INVALID', message: r.message } });
      index += 1;
    }
    if (batch.length > 0) yield batch;
  }
}
