import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MedguardError } from '../../../core/errors.js';
import { AuditConfigSchema } from '../../../gateway/config/audit.js';
import { DEFAULT_KEY_NAME } from '../../../audit/open.js';
import { publicKeyPathFor } from '../../../audit/keyfile.js';

export const DEFAULT_STORE = AuditConfigSchema.parse({}).path;

export function noPositionals(positionals: readonly string[], command: string): void {
  if (positionals.length > 0) throw new MedguardError('MG_USAGE', `unexpected argument; run "${command} --help"`);
}

/** The public key the gateway wrote beside the db with the default key name, when present. */
export function defaultPublicKey(storePath: string): string | undefined {
  const path = publicKeyPathFor(join(dirname(storePath), DEFAULT_KEY_NAME));
  return existsSync(path) ? path : undefined;
}
