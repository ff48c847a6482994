import { verifyModel } from '../../scan/model/sign/verify.js';
import { EXIT_FLAGGED, EXIT_OK, parseCommandArgs, type Command } from '../command.js';
import { oneDir, readKeyFile } from './sign.js';

const usage = `usage: medguard verify DIR --key PUBLIC.pem [--sig FILE] [--json]

Checks a model_signing v1.0 signature (DIR/model.sig by default) with a trusted public key, then
every file of DIR against it. Fails when the signature does not verify (wrong key, or a payload
edited after signing), when the signed manifest is inconsistent, or when any file was changed,
added, removed or renamed.

options:
  --key PUBLIC.pem   the trusted ECDSA or Ed25519 public key
  --sig FILE         the signature bundle (default: DIR/model.sig)
  --json             print {"ok", "files", "problems": [{kind, file, to, detail}]}

exit: 0 verified, 1 verification failed (each problem is named), 2 usage or I/O error`;

/** File names come from the (untrusted) model folder: control characters must not reach the terminal. */
const printable = (name: string): string => JSON.stringify(name).slice(1, -1);

export const verify: Command = {
  name: 'verify',
  summary: 'verify a signed model folder against a public key',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { key: { type: 'string' }, sig: { type: 'string' }, json: { type: 'boolean' } }, 'medguard verify');
    const dir = oneDir(positionals, 'verify');
    const key = await readKeyFile(values.key, 'medguard verify');
    const result = await verifyModel(dir, { publicKeyPem: key, ...(values.sig === undefined ? {} : { sigPath: values.sig }) });
    if (values.json === true) {
      await io.stdout.write(`${JSON.stringify({ ok: result.ok, files: result.files, problems: result.problems }, null, 2)}\n`);
    } else if (result.ok) {
      await io.stdout.write(`verified: signature valid and all ${result.files} file(s) match\n`);
    } else {
      const lines = result.problems.map((p) => `  ${p.kind}${p.file === undefined ? '' : ` ${printable(p.file)}`}${p.to === undefined ? '' : ` -> ${printable(p.to)}`}: ${p.detail}`);
      await io.stdout.write(`NOT VERIFIED (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}\n`);
    }
    return result.ok ? EXIT_OK : EXIT_FLAGGED;
  },
};
