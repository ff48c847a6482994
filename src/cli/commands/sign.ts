import { readFile } from 'node:fs/promises';
import { MedguardError } from '../../core/errors.js';
import { signModel } from '../../scan/model/sign/sign.js';
import { EXIT_OK, parseCommandArgs, type Command } from '../command.js';

const usage = `usage: medguard sign DIR --key PRIVATE.pem [--out FILE]

Hashes every file of the model folder DIR (SHA-256, streamed, in parallel) and writes a signature
bundle in the OpenSSF model_signing v1.0 format (Sigstore bundle, DSSE, in-toto statement).
Skipped: the signature file itself, .git, .gitattributes, .github, .gitignore. Symlinks are refused.

options:
  --key PRIVATE.pem   ECDSA P-256 or Ed25519 private key (see "medguard keys generate")
  --out FILE          where to write the bundle (default: DIR/model.sig)

exit: 0 signed, 2 usage or I/O error`;

export async function readKeyFile(file: string | undefined, command: string): Promise<Buffer> {
  if (file === undefined || file === '') throw new MedguardError('MG_USAGE', `--key is required; run "${command} --help"`, { field: '--key' });
  try {
    return await readFile(file);
  } catch (cause) {
    throw new MedguardError('MG_IO', 'the key file could not be read', { field: '--key', cause });
  }
}

export function oneDir(positionals: readonly string[], command: string): string {
  const [dir] = positionals;
  if (dir === undefined || positionals.length > 1) throw new MedguardError('MG_USAGE', `${command} takes exactly one model folder; run "medguard ${command} --help"`);
  return dir;
}

export const sign: Command = {
  name: 'sign',
  summary: 'sign a model folder (OpenSSF model_signing v1.0 bundle)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { key: { type: 'string' }, out: { type: 'string' } }, 'medguard sign');
    const dir = oneDir(positionals, 'sign');
    const key = await readKeyFile(values.key, 'medguard sign');
    const result = await signModel(dir, { privateKeyPem: key, ...(values.out === undefined ? {} : { sigPath: values.out }) });
    await io.stdout.write(`signed ${result.files} file(s); root digest sha256:${result.rootDigest}\nwrote ${result.sigPath}\n`);
    return EXIT_OK;
  },
};
