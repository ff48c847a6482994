import { createWriteStream } from 'node:fs';
import { hostname } from 'node:os';
import { exportFhir, exportJsonl, type Write } from '../../../audit/export.js';
import { MedguardError } from '../../../core/errors.js';
import { openStoreAt } from '../../../store/open.js';
import { EXIT_OK, oneOf, parseCommandArgs, type Command } from '../../command.js';
import { streamOut } from '../../io.js';
import { DEFAULT_STORE, noPositionals } from './shared.js';

const usage = `usage: medguard audit export --format jsonl|fhir [--store PATH|URL] [--since SEQ] [--out FILE] [--observer NAME]

Streams the audit trail out. jsonl: one event per line in canonical JSON with seq, prevHash and
hash, so each line can be re-hashed. fhir: a FHIR R4 Bundle (type collection) of AuditEvent
resources; findings appear as kind, severity and keyed fingerprint, never their values.

options:
  --format jsonl|fhir  output format (required)
  --store PATH|URL     the SQLite store (default: ${DEFAULT_STORE}) or a PostgreSQL URL
                       (postgres://USER@HOST:PORT/DB?schema=NAME, schema default medguard)
  --since SEQ          first event to export (default: 1)
  --out FILE           write to FILE (created 0600) instead of stdout
  --observer NAME      FHIR source.observer (default: medguard@<host name>)

exit: 0 exported, 2 usage or I/O error`;

function parseSince(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new MedguardError('MG_USAGE', '--since must be a positive event number', { field: '--since' });
  return Number(raw);
}

export const auditExport: Command = {
  name: 'export',
  summary: 'export the audit trail as JSON lines or a FHIR R4 AuditEvent Bundle',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { store: { type: 'string' }, format: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, observer: { type: 'string' } },
      'medguard audit export',
    );
    noPositionals(positionals, 'medguard audit export');
    const format = oneOf(values.format, ['jsonl', 'fhir'] as const, '--format');
    if (format === undefined) throw new MedguardError('MG_USAGE', '--format jsonl|fhir is required; run "medguard audit export --help"', { field: '--format' });
    const sinceSeq = parseSince(values.since);
    const store = await openStoreAt(values.store ?? DEFAULT_STORE, { readonly: true });
    const file = values.out === undefined ? undefined : createWriteStream(values.out, { mode: 0o600 });
    const write: Write = file ? streamOut(file).write : (s) => io.stdout.write(s);
    try {
      if (format === 'jsonl') await exportJsonl(store.audit, write, sinceSeq);
      else await exportFhir(store.audit, write, { observer: values.observer ?? `medguard@${hostname()}`, sinceSeq });
      if (file) await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    } catch (e) {
      file?.destroy();
      if (file && !(e instanceof MedguardError)) throw new MedguardError('MG_IO', 'the export file could not be written; check --out', { cause: e });
      throw e;
    } finally {
      await store.close();
    }
    return EXIT_OK;
  },
};
