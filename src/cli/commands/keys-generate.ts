import { open } from 'node:fs/promises';
import { MedguardError } from '../../core/errors.js';
import { generateKeyPair, KEY_TYPES } from '../../scan/model/sign/keys.js';
import { EXIT_OK, oneOf, parseCommandArgs, type Command } from '../command.js';

const usage = `usage: medguard keys generate --out PREFIX [--type ecdsa-p256|ed25519]

Creates a key pair for "medguard sign" / "medguard verify": PREFIX.priv.pem (mode 0600, keep it
secret) and PREFIX.pub.pem (share it with whoever verifies). Existing files are never overwritten.

options:
  --out PREFIX                 path prefix of the two files (required)
  --type ecdsa-p256|ed25519    ecdsa-p256 (default) is what OpenSSF model_signing accepts;
                               ed25519 bundles verify with medguard only

exit: 0 written, 2 usage or I/O error`;

/** Exclusive create: a typo must not destroy an existing signing key. */
async function writeNew(path: string, text: string, mode: number): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'wx', mode);
    await handle.writeFile(text);
  } catch (cause) {
    const exists = (cause as { code?: string }).code === 'EEXIST';
    throw new MedguardError('MG_IO', exists ? 'a key file with that prefix already exists; choose another --out' : 'a key file could not be written', { field: 'out', cause });
  } finally {
    await handle?.close();
  }
}

export const keysGenerate: Command = {
  name: 'generate',
  summary: 'create a model-signing key pair (PEM)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, type: { type: 'string' } }, 'medguard keys generate');
    if (positionals.length > 0) throw new MedguardError('MG_USAGE', 'keys generate takes no positional arguments; run "medguard keys generate --help"');
    const prefix = values.out;
    if (prefix === undefined || prefix === '') throw new MedguardError('MG_USAGE', '--out PREFIX is required; run "medguard keys generate --help"', { field: '--out' });
    const type = oneOf(values.type, KEY_TYPES, '--type') ?? 'ecdsa-p256';
    const pair = generateKeyPair(type);
    await writeNew(`${prefix}.priv.pem`, pair.privatePem, 0o600);
    await writeNew(`${prefix}.pub.pem`, pair.publicPem, 0o644);
    await io.stdout.write(`wrote ${prefix}.priv.pem (private, 0600) and ${prefix}.pub.pem (${type})\n`);
    return EXIT_OK;
  },
};
