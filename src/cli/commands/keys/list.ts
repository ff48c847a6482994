import { MedguardError } from '../../../core/errors.js';
import { EXIT_OK, parseCommandArgs, type Command } from '../../command.js';
import { STORE_ARGS, STORE_OPTIONS, withKeyStore } from './store.js';

const usage = `usage: medguard keys list [--config FILE | --store PATH|URL] [--json]

Lists gateway API keys: id, name, role, patient, created, expires, revoked. Secrets and their
hashes are never shown.

options:
${STORE_OPTIONS}
  --json             one JSON object per key per line

exit: 0 listed, 2 usage or store error`;

const COLUMNS = ['id', 'name', 'role', 'patient', 'created', 'expires', 'revoked'] as const;

export const keysList: Command = {
  name: 'list',
  summary: 'list gateway API keys (no secrets)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...STORE_ARGS, json: { type: 'boolean' } }, 'medguard keys list');
    if (positionals.length > 0) throw new MedguardError('MG_USAGE', 'keys list takes no positional arguments; run "medguard keys list --help"');
    const records = await withKeyStore(values, (keys) => keys.list());
    const rows = records.map((r) => ({
      id: r.id, name: r.name, role: r.role, patient: r.patient, created: r.createdAt, expires: r.expiresAt, revoked: r.revokedAt,
    }));
    if (values.json === true) {
      for (const row of rows) await io.stdout.write(`${JSON.stringify(row)}\n`);
      return EXIT_OK;
    }
    if (rows.length === 0) {
      await io.stderr.write('no API keys; create one with "medguard keys create --name N --role R"\n');
      return EXIT_OK;
    }
    const cells = [COLUMNS.map((c) => c.toUpperCase()), ...rows.map((row) => COLUMNS.map((c) => row[c] ?? '-'))];
    const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
    for (const line of cells) await io.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()}\n`);
    return EXIT_OK;
  },
};
