import { MedguardError } from '../../core/errors.js';
import { openVault, restore, StreamRestorer, SurrogateMatcher, vaultSecretFromEnv } from '../../deid/index.js';
import { EXIT_ERROR, EXIT_OK, oneOf, parseCommandArgs, type Command } from '../command.js';
import { openInput } from '../input.js';
import { lineLimit, mapJsonl } from './deid.js';

const usage = `usage: medguard reid [FILE|-] --vault FILE [options]

Puts the original values back into pseudonymised text (e.g. a model's answer), using the vault
written by "medguard deid --action pseudonymize --vault FILE". Text is restored as it streams.

options:
  --vault FILE          the vault (MEDGUARD_VAULT_KEY or MEDGUARD_VAULT_PASSPHRASE opens it)
  --format text|jsonl   jsonl: one {"id","text"} object per line in, {"id","text"} out, in order
  --max-line-bytes N    jsonl: longer lines give an error record

exit: 0 done, 2 usage, input or vault error`;

export const reid: Command = {
  name: 'reid',
  summary: 'restore the originals in pseudonymised text from a vault',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      vault: { type: 'string' }, format: { type: 'string' }, 'max-line-bytes': { type: 'string' },
    }, 'medguard reid');
    if (positionals.length > 1) throw new MedguardError('MG_USAGE', 'reid takes at most one FILE; run "medguard reid --help"');
    if (values.vault === undefined) throw new MedguardError('MG_USAGE', 'reid needs --vault FILE; run "medguard reid --help"');
    const format = oneOf(values.format, ['text', 'jsonl'] as const, '--format') ?? 'text';
    const maxLineBytes = lineLimit(values['max-line-bytes']);
    const path = positionals[0];
    if ((path === undefined || path === '-') && io.stdinIsTTY) throw new MedguardError('MG_USAGE', 'no input: pass a FILE or pipe text on stdin; run "medguard reid --help"');
    const matcher = SurrogateMatcher.fromVault(openVault(values.vault, vaultSecretFromEnv(io.env)));
    const chunks = await openInput(path, io);

    if (format === 'jsonl') {
      const summary = await mapJsonl(chunks, (text) => restore(text, matcher), maxLineBytes, io);
      if (summary.errors === 0) return EXIT_OK;
      await io.stderr.write(`medguard: ${summary.errors} of ${summary.records} lines could not be restored; see their error records (${summary.firstErrorCode ?? 'MG_INPUT_INVALID'})\n`);
      return EXIT_ERROR;
    }
    // Streams: memory stays bounded by the chunk size plus the longest surrogate.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const restorer = new StreamRestorer(matcher);
    try {
      for await (const chunk of chunks) {
        const out = restorer.push(decoder.decode(chunk, { stream: true }));
        if (out !== '') await io.stdout.write(out);
      }
      const tail = restorer.push(decoder.decode()) + restorer.end();
      if (tail !== '') await io.stdout.write(tail);
    } catch (e) {
      if (e instanceof TypeError) throw new MedguardError('MG_INPUT_NOT_TEXT', 'input is not valid UTF-8 text');
      throw e;
    }
    return EXIT_OK;
  },
};
