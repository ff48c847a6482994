import { MedguardError } from '../../../core/errors.js';
import { issueApiKey } from '../../../gateway/identity/apikeys.js';
import { EXIT_OK, parseCommandArgs, type Command } from '../../command.js';
import { STORE_ARGS, STORE_OPTIONS, label, parseExpiry, withKeyStore } from './store.js';

const usage = `usage: medguard keys create --name NAME --role ROLE [--patient ID] [--expires 30d|ISO] [--config FILE | --store PATH|URL] [--json]

Creates a gateway API key (mgk_<id>_<secret>) and prints it ONCE on stdout: medguard keeps only
a scrypt hash of the secret, so a lost key cannot be recovered, only revoked and replaced.

options:
  --name NAME        who or what uses the key (e.g. "ward-7 assistant")
  --role ROLE        the role policies and the audit trail see (e.g. clinician, service)
  --patient ID       bind the key to one patient's context (patient-facing apps)
  --expires WHEN     30d, 12h, 90m, or an ISO date/time; default: never
${STORE_OPTIONS}
  --json             print {id, key, name, role, patient, createdAt, expiresAt} as JSON

exit: 0 created, 2 usage or store error`;

const ROLE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export const keysCreate: Command = {
  name: 'create',
  summary: 'create a gateway API key (shown once)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      name: { type: 'string' }, role: { type: 'string' }, patient: { type: 'string' },
      expires: { type: 'string' }, json: { type: 'boolean' }, ...STORE_ARGS,
    }, 'medguard keys create');
    if (positionals.length > 0) throw new MedguardError('MG_USAGE', 'keys create takes no positional arguments; run "medguard keys create --help"');
    const name = label(values.name, '--name', 100);
    if (name === undefined) throw new MedguardError('MG_USAGE', '--name is required; run "medguard keys create --help"', { field: '--name' });
    const role = values.role;
    if (role === undefined || !ROLE.test(role)) {
      throw new MedguardError('MG_USAGE', '--role is required: a word such as clinician or service (letters, digits, _ . -)', { field: '--role' });
    }
    const now = new Date();
    const expiresAt = values.expires === undefined ? null : parseExpiry(values.expires, now);
    const patient = label(values.patient, '--patient', 128) ?? null;
    const { token, record } = await withKeyStore(values, (keys) => issueApiKey(keys, { name, role, patient, expiresAt }, { now }));
    if (values.json === true) {
      const { secretHash: _omit, revokedAt: _r, ...shown } = record;
      await io.stdout.write(`${JSON.stringify({ ...shown, key: token })}\n`);
    } else {
      await io.stdout.write(`${token}\n`);
      await io.stderr.write(`created API key ${record.id} (${record.role}${record.patient ? `, patient-bound` : ''}${record.expiresAt ? `, expires ${record.expiresAt}` : ', no expiry'}).\nThe key above is shown once; medguard keeps only a hash of it.\n`);
    }
    return EXIT_OK;
  },
};
