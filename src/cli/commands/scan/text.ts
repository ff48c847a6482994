import { MedguardError } from '../../../core/errors.js';
import { DEFAULT_MAX_INPUT_CHARS } from '../../../core/pipeline.js';
import { MODES, SEVERITIES, type Severity } from '../../../core/types.js';
import { createInspector } from '../../../inspect.js';
import { EXIT_ERROR, EXIT_FLAGGED, EXIT_OK, oneOf, parseCommandArgs, type Command } from '../../command.js';
import { decodeDocument, openInput, readAll } from '../../input.js';
import { DEFAULT_MAX_LINE_BYTES, scanJsonl } from '../../jsonl.js';
import { isFlagged, reportFields } from '../../records.js';
import { renderReport } from '../../render.js';

const FAIL_ON: readonly Severity[] = SEVERITIES.filter((s) => s !== 'info');

// UTF-8 takes at most 3 bytes per UTF-16 unit, so a larger input is certainly over the character limit.
const MAX_DOCUMENT_BYTES = 3 * DEFAULT_MAX_INPUT_CHARS;

const usage = `usage: medguard scan text [FILE|-] [options]

Inspects text for prompt injection (and every other detector family). Reads FILE, or stdin when
FILE is "-" or absent.

options:
  --mode prompt|document|output  who wrote the text (default: prompt)
  --json                         print one JSON document instead of the human report
  --format text|jsonl            jsonl: one {"id","text","mode"?} object per line in, one record
                                 per line out, streamed in input order (default: text)
  --fail-on low|medium|high|critical
                                 exit 1 when any finding has at least this severity
                                 (default: when the injection verdict is flagged)
  --threshold N                  injection decision threshold, 0..1 (default: calibrated)
  --max-line-bytes N             jsonl: longer lines give an error record (default: ${DEFAULT_MAX_LINE_BYTES})

exit: 0 nothing flagged, 1 flagged, 2 usage or input error (jsonl: see docs/CLI.md)`;

export const scanText: Command = {
  name: 'text',
  summary: 'inspect text or a JSON Lines corpus for prompt injection',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      mode: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      threshold: { type: 'string' },
      'max-line-bytes': { type: 'string' },
    }, 'medguard scan text');
    if (positionals.length > 1) throw new MedguardError('MG_USAGE', 'scan text takes at most one FILE; run "medguard scan text --help"');
    const mode = oneOf(values.mode, MODES, '--mode') ?? 'prompt';
    const format = oneOf(values.format, ['text', 'jsonl'] as const, '--format') ?? 'text';
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on');
    const threshold = parseNumber(values.threshold, '--threshold', 0, 1, false);
    const maxLineBytes = parseNumber(values['max-line-bytes'], '--max-line-bytes', 1, 2 ** 30, true) ?? DEFAULT_MAX_LINE_BYTES;
    if (values['max-line-bytes'] !== undefined && format !== 'jsonl') throw new MedguardError('MG_USAGE', '--max-line-bytes applies to --format jsonl only');

    const path = positionals[0];
    if ((path === undefined || path === '-') && io.stdinIsTTY) {
      throw new MedguardError('MG_USAGE', 'no input: pass a FILE or pipe text on stdin; run "medguard scan text --help"');
    }
    // Input problems are reported before detector set-up, which may load models.
    const chunks = await openInput(path, io);
    const makeInspector = () => createInspector(threshold === undefined ? {} : { options: { injection: { threshold } } });

    if (format === 'jsonl') {
      const summary = await scanJsonl(chunks, { inspector: makeInspector(), mode, failOn, maxLineBytes }, io);
      if (summary.errors > 0) {
        await io.stderr.write(`medguard: ${summary.errors} of ${summary.records} lines could not be inspected; see their error records (${summary.firstErrorCode ?? 'MG_INPUT_INVALID'})\n`);
      }
      // Flagged content outranks bad lines (docs/CLI.md); either way the exit is non-zero.
      return summary.flagged > 0 ? EXIT_FLAGGED : summary.errors > 0 ? EXIT_ERROR : EXIT_OK;
    }

    const text = decodeDocument(await readAll(chunks, MAX_DOCUMENT_BYTES));
    const report = makeInspector().inspect(text, { mode });
    const flagged = isFlagged(report, failOn);
    const out = values.json === true
      ? JSON.stringify({ mode: report.mode, flagged, ...reportFields(report), decodedLayers: report.decodedLayers, chars: text.length }, null, 2)
      : renderReport(report, text, flagged);
    await io.stdout.write(`${out}\n`);
    return flagged ? EXIT_FLAGGED : EXIT_OK;
  },
};

function parseNumber(raw: string | undefined, flag: string, min: number, max: number, integer: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new MedguardError('MG_USAGE', `${flag} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, { field: flag });
  }
  return n;
}
