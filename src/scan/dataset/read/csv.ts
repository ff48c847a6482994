/**
 * CSV (RFC 4180): quoted fields may hold commas, doubled quotes and newlines. The first record is
 * the header. Fields and records are bounded; a record that breaks a bound or the quoting rules
 * becomes a row error and parsing resumes at the next record, so one bad row never stops a scan.
 */
import type { RowEvent } from '../types.js';
import { toRow } from './rows.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export async function* readCsv(chunks: AsyncIterable<Uint8Array>, maxRecordBytes: number, maxFieldBytes: number): AsyncGenerator<RowEvent[]> {
  const decoder = new TextDecoder('utf-8');
  let header: string[] | undefined;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false; // just saw the closing quote of a quoted field
  let fieldStart = true;
  let recordChars = 0;
  let problem: { code: 'MG_INPUT_INVALID' | 'MG_INPUT_TOO_LARGE'; message: string } | undefined;
  let line = 1;
  let recordLine = 1;
  let index = 0;
  let pendingCr = false;

  const endField = (): void => {
    if (!problem) fields.push(field);
    field = '';
    fieldStart = true;
    afterQuote = false;
  };
  const endRecord = (batch: RowEvent[]): void => {
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !problem;
    if (!blank) {
      if (header === undefined) {
        header = problem ? [] : fields.map((h) => h.replace(/^\ufeff/, '').trim().toLowerCase());
      } else if (problem) {
        batch.push({ kind: 'error', error: { index: index++, line: recordLine, code: problem.code, message: problem.message } });
      } else if (fields.some((f) => f.includes('\ufffd'))) {
        batch.push({ kind: 'error', error: { index: index++, line: recordLine, code: 'MG_INPUT_NOT_TEXT', message: 'record is not valid UTF-8' } });
      } else {
        const rec: Record<string, string> = {};
        header.forEach((h, i) => { if (h !== '' && fields[i] !== undefined) rec[h] = fields[i]!; });
        const r = toRow(rec, index, recordLine, true);
        batch.push(r.ok ? { kind: 'row', row: r.row } : { kind: 'error', error: { index, line: recordLine, code: 'MG_INPUT_INVALID', message: r.message } });
        index += 1;
      }
    }
    fields = [];
    problem = undefined;
    recordChars = 0;
    recordLine = line;
  };
  const fail = (code: 'MG_INPUT_INVALID' | 'MG_INPUT_TOO_LARGE', message: string): void => {
    problem ??= { code, message };
    fields = [];
    field = '';
  };

  const feed = (text: string, batch: RowEvent[]): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === LF) continue;
      }
      recordChars += 1;
      if (recordChars > maxRecordBytes && !problem) fail('MG_INPUT_TOO_LARGE', `record is longer than ${maxRecordBytes} characters`);
      if (inQuotes) {
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) { if (!problem) field += '"'; i++; recordChars++; continue; }
          if (i + 1 === text.length) { inQuotes = false; afterQuote = true; continue; } // resolved by the next chunk
          inQuotes = false;
          afterQuote = true;
          continue;
        }
        if (c === LF) line += 1;
        if (!problem) field += text[i];
      } else if (c === COMMA) {
        endField();
      } else if (c === LF || c === CR) {
        line += 1;
        pendingCr = c === CR;
        endRecord(batch);
      } else if (c === QUOTE && afterQuote) {
        // A doubled quote split across chunks: `""` inside a quoted field.
        inQuotes = true;
        afterQuote = false;
        if (!problem) field += '"';
      } else if (c === QUOTE && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        if (afterQuote || c === QUOTE) fail('MG_INPUT_INVALID', 'stray quote: a quoted field must be followed by a comma or the end of the record');
        fieldStart = false;
        if (!problem) field += text[i];
      }
      if (field.length > maxFieldBytes && !problem) fail('MG_INPUT_TOO_LARGE', `a field is longer than ${maxFieldBytes} characters`);
    }
  };

  for await (const chunk of chunks) {
    const batch: RowEvent[] = [];
    feed(decoder.decode(chunk, { stream: true }), batch);
    if (batch.length > 0) yield batch;
  }
  const batch: RowEvent[] = [];
  feed(decoder.decode(), batch);
  if (inQuotes) fail('MG_INPUT_INVALID', 'unterminated quoted field at the end of the file');
  if (fields.length > 0 || field !== '' || problem) endRecord(batch);
  if (header === undefined) batch.push({ kind: 'error', error: { index: 0, line: 1, code: 'MG_INPUT_INVALID', message: 'CSV has no header row' } });
  if (batch.length > 0) yield batch;
}
