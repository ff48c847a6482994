/**
 * Batch scanning of a JSON Lines corpus: one `{"id", "text", "mode"?}` per line in, one record per
 * line out, in input order. A bad line becomes an error record and the batch goes on; memory stays
 * bounded by the line limit whatever the corpus size.
 */
import { isMedguardError, type ErrorCode } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { MODES, type Mode, type Severity } from '../core/types.js';
import type { CliIo } from './io.js';
import { decodeUtf8 } from './input.js';
import { splitLines, type LineEvent } from './lines.js';
import { isFlagged, reportFields } from './records.js';

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface JsonlOptions {
  readonly inspector: Pipeline;
  readonly mode: Mode;
  readonly failOn: Severity | undefined;
  readonly maxLineBytes: number;
}

export interface JsonlSummary {
  readonly records: number;
  readonly flagged: number;
  readonly errors: number;
  /** Code of the first per-line error, for the summary message. */
  readonly firstErrorCode: ErrorCode | undefined;
}

type Id = string | number | null;

class LineError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly id: Id) {
    super(message);
  }
}

export async function scanJsonl(chunks: AsyncIterable<Uint8Array>, options: JsonlOptions, io: CliIo): Promise<JsonlSummary> {
  const debug = io.env.MEDGUARD_DEBUG === '1';
  const tally = { records: 0, flagged: 0, errors: 0, firstErrorCode: undefined as ErrorCode | undefined };
  // One write per input chunk: a write per record costs more than inspecting a short line.
  for await (const events of splitLines(chunks, options.maxLineBytes)) {
    const batch: string[] = [];
    for (const event of events) {
      const out = recordFor(event, options, debug, tally);
      if (out !== undefined) batch.push(`${out}\n`);
    }
    if (batch.length > 0) await io.stdout.write(batch.join(''));
  }
  return tally;
}

/** The output line for one input line, or undefined for a blank line (not a record). */
function recordFor(event: LineEvent, options: JsonlOptions, debug: boolean, tally: { records: number; flagged: number; errors: number; firstErrorCode: ErrorCode | undefined }): string | undefined {
  if (event.kind === 'line' && isBlank(event.bytes)) return undefined;
  tally.records += 1;
  const fail = (id: Id, code: ErrorCode, message: string): string => {
    tally.errors += 1;
    tally.firstErrorCode ??= code;
    return JSON.stringify({ id, line: event.line, error: { code, message } });
  };
  if (event.kind === 'too_long') {
    return fail(null, 'MG_INPUT_TOO_LARGE', `line is ${event.length} bytes; the limit is ${options.maxLineBytes} (--max-line-bytes)`);
  }
  try {
    const { id, text, mode } = parseRecord(event.bytes, options.mode);
    const report = inspectLine(options.inspector, text, mode, id, debug);
    if (isFlagged(report, options.failOn)) tally.flagged += 1;
    return JSON.stringify({ id, ...reportFields(report) });
  } catch (e) {
    if (!(e instanceof LineError)) throw e;
    return fail(e.id, e.code, e.message);
  }
}

function inspectLine(inspector: Pipeline, text: string, mode: Mode, id: Id, debug: boolean) {
  try {
    return inspector.inspect(text, { mode });
  } catch (e) {
    if (isMedguardError(e)) throw new LineError(e.code, e.message, id);
    // A bug that one input triggers must not abort a whole corpus; the record still fails closed.
    if (debug) throw e;
    throw new LineError('MG_DETECTOR_FAILED', 'inspection failed with an internal error; rerun with MEDGUARD_DEBUG=1 and report it', id);
  }
}

function parseRecord(bytes: Uint8Array, defaultMode: Mode): { id: Id; text: string; mode: Mode } {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(bytes, 'line'));
  } catch (e) {
    if (isMedguardError(e)) throw new LineError(e.code, e.message, null);
    throw new LineError('MG_INPUT_INVALID', 'line is not valid JSON', null);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('MG_INPUT_INVALID', 'line must be a JSON object with "id" and "text"', null);
  }
  const record = value as Record<string, unknown>;
  const rawId = record.id;
  const id: Id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (rawId !== undefined && rawId !== null && id === null) throw new LineError('MG_INPUT_INVALID', '"id" must be a string or a number', null);
  if (typeof record.text !== 'string') {
    throw new LineError('MG_INPUT_INVALID', record.text === undefined ? 'record has no "text" field' : '"text" must be a string', id);
  }
  const mode = record.mode ?? defaultMode;
  if (typeof mode !== 'string' || !(MODES as readonly string[]).includes(mode)) {
    throw new LineError('MG_INPUT_INVALID', `"mode" must be one of ${MODES.join(', ')}`, id);
  }
  return { id, text: record.text, mode: mode as Mode };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
