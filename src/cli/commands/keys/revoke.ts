import { MedguardError } from '../../../core/errors.js';
import { isKeyId } from '../../../gateway/identity/apikeys.js';
import { EXIT_OK, parseCommandArgs, type Command } from '../../command.js';
import { STORE_ARGS, STORE_OPTIONS, withKeyStore } from './store.js';

const usage = `usage: medguard keys revoke ID [--config FILE | --store PATH|URL]

Revokes a gateway API key by its id (the 12 characters after "mgk_", as "keys list" shows them).
A running gateway refuses the key from its next request on (401 MG_AUTH_REVOKED).

options:
${STORE_OPTIONS}

exit: 0 revoked (or already revoked), 2 unknown id, usage or store error`;

export const keysRevoke: Command = {
  name: 'revoke',
  summary: 'revoke a gateway API key by id',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, STORE_ARGS, 'medguard keys revoke');
    const [id, ...extra] = positionals;
    if (id === undefined || extra.length > 0) throw new MedguardError('MG_USAGE', 'give exactly one key id; run "medguard keys revoke --help"');
    // A whole key pasted by mistake must not end up echoed in an error or a shell log line of ours.
    if (!isKeyId(id)) throw new MedguardError('MG_USAGE', 'that is not a key id (12 characters a-z, 2-7, as "medguard keys list" shows)', { field: 'ID' });
    const found = await withKeyStore(values, (keys) => keys.revoke(id, new Date().toISOString()));
    if (!found) throw new MedguardError('MG_USAGE', 'no API key with that id in this store', { field: 'ID' });
    await io.stdout.write(`revoked ${id}\n`);
    return EXIT_OK;
  },
};
