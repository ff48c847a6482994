import { readFileSync, existsSync } from 'node:fs';
import { MedguardError, isMedguardError, type ErrorCode } from '../../core/errors.js';
import { DEFAULT_MAX_INPUT_CHARS } from '../../core/pipeline.js';
import { createDeidentifier, createVault, openVault, resolvePolicy, saveVault, vaultSecretFromEnv, type DeidPolicy, type Vault } from '../../deid/index.js';
import { DEID_ACTIONS, type DeidAction } from '../../deid/types.js';
import { EXIT_ERROR, EXIT_OK, oneOf, parseCommandArgs, type Command } from '../command.js';
import { decodeDocument, decodeUtf8, openInput, readAll } from '../input.js';
import type { CliIo } from '../io.js';
import { DEFAULT_MAX_LINE_BYTES } from '../jsonl.js';
import { splitLines } from '../lines.js';

const MAX_DOCUMENT_BYTES = 3 * DEFAULT_MAX_INPUT_CHARS;
const ACTIONS = DEID_ACTIONS.filter((a) => a !== 'keep');

const usage = `usage: medguard deid [FILE|-] [options]

De-identifies text: PHI, secrets and genomic data are found and replaced. Reads FILE, or stdin
when FILE is "-" or absent; writes the de-identified text to stdout.

options:
  --action redact|mask|hash|pseudonymize
                        default action for every type (default: redact, or the policy's);
                        under pseudonymize, secrets are redacted unless the policy says otherwise
  --format text|jsonl   jsonl: one {"id","text"} object per line in, {"id","text"} out, in order
  --vault FILE          keep the reversible mapping in FILE (created or extended), encrypted
                        with MEDGUARD_VAULT_KEY (32 bytes hex/base64) or MEDGUARD_VAULT_PASSPHRASE
  --policy FILE         JSON policy: {"defaultAction","actions":{"NAME":"pseudonymize",...},
                        "key","patientId","minScore","dateOrder","families"} (see docs/DEID.md)
  --patient-id ID       scope of the date shift (one patient, one offset)
  --max-line-bytes N    jsonl: longer lines give an error record (default: ${DEFAULT_MAX_LINE_BYTES})

hash and pseudonymize need a key: the policy's "key", MEDGUARD_DEID_KEY, or a --vault.
exit: 0 done, 2 usage or input error (jsonl: bad lines give error records and exit 2)`;

export const deid: Command = {
  name: 'deid',
  summary: 'de-identify text: redact, mask, hash or pseudonymize PHI, secrets and genomic data',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      action: { type: 'string' }, format: { type: 'string' }, vault: { type: 'string' }, policy: { type: 'string' },
      'patient-id': { type: 'string' }, 'max-line-bytes': { type: 'string' },
    }, 'medguard deid');
    if (positionals.length > 1) throw new MedguardError('MG_USAGE', 'deid takes at most one FILE; run "medguard deid --help"');
    const action = oneOf(values.action, ACTIONS, '--action');
    const format = oneOf(values.format, ['text', 'jsonl'] as const, '--format') ?? 'text';
    const maxLineBytes = lineLimit(values['max-line-bytes']);
    const policy: DeidPolicy = {
      ...(values.policy === undefined ? {} : readPolicy(values.policy)),
      ...(action === undefined ? {} : { defaultAction: action }),
      ...(values['patient-id'] === undefined ? {} : { patientId: values['patient-id'] }),
    };
    const envKey = io.env.MEDGUARD_DEID_KEY;
    if (policy.key === undefined && envKey !== undefined && envKey !== '') policy.key = envKey;
    const resolved = resolvePolicy(policy);
    const keyed = (a: DeidAction): boolean => a === 'hash' || a === 'pseudonymize';
    const usesKey = keyed(resolved.actionFor('NAME')) || Object.values(policy.actions ?? {}).some(keyed);
    if (usesKey && resolved.key === undefined && values.vault === undefined) {
      throw new MedguardError('MG_USAGE', 'hash and pseudonymize need a key: set MEDGUARD_DEID_KEY, "key" in --policy, or pass --vault FILE');
    }
    const path = positionals[0];
    if ((path === undefined || path === '-') && io.stdinIsTTY) throw new MedguardError('MG_USAGE', 'no input: pass a FILE or pipe text on stdin; run "medguard deid --help"');
    const secret = values.vault === undefined ? undefined : vaultSecretFromEnv(io.env);
    const vault: Vault = values.vault === undefined || secret === undefined ? createVault() : existsSync(values.vault) ? openVault(values.vault, secret) : createVault();
    const chunks = await openInput(path, io);
    const deidentifier = createDeidentifier(policy);
    const apply = (text: string): string => deidentifier.deidentify(text, { vault }).text;

    const before = vault.version;
    try {
      if (format === 'jsonl') {
        const summary = await mapJsonl(chunks, apply, maxLineBytes, io);
        if (summary.errors === 0) return EXIT_OK;
        await io.stderr.write(`medguard: ${summary.errors} of ${summary.records} lines could not be de-identified; see their error records (${summary.firstErrorCode ?? 'MG_INPUT_INVALID'})\n`);
        return EXIT_ERROR;
      }
      await io.stdout.write(apply(decodeDocument(await readAll(chunks, MAX_DOCUMENT_BYTES))));
      return EXIT_OK;
    } finally {
      // Saved even when a run stops early: lines already written must stay restorable.
      if (values.vault !== undefined && secret !== undefined && (vault.version !== before || !existsSync(values.vault))) saveVault(vault, values.vault, secret);
    }
  },
};

function readPolicy(path: string): DeidPolicy {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MedguardError('MG_IO', `"${path}": cannot read the policy file`, { field: '--policy', cause: e });
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as DeidPolicy; // validated by resolvePolicy
  } catch {
    throw new MedguardError('MG_CONFIG_INVALID', `"${path}": the policy file must be a JSON object`, { field: '--policy' });
  }
}

export function lineLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_LINE_BYTES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 30) throw new MedguardError('MG_USAGE', '--max-line-bytes must be an integer from 1 to 1073741824', { field: '--max-line-bytes' });
  return n;
}

export interface MapSummary { records: number; errors: number; firstErrorCode: ErrorCode | undefined }

/**
 * The JSON Lines contract shared by deid and reid: `{"id","text"}` in, `{"id","text"}` out in input
 * order; a bad line gives `{"id","line","error":{code,message}}` and the batch goes on.
 */
export async function mapJsonl(chunks: AsyncIterable<Uint8Array>, fn: (text: string) => string, maxLineBytes: number, io: CliIo): Promise<MapSummary> {
  const tally: MapSummary = { records: 0, errors: 0, firstErrorCode: undefined };
  for await (const events of splitLines(chunks, maxLineBytes)) {
    const batch: string[] = [];
    for (const event of events) {
      if (event.kind === 'line' && event.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
      tally.records += 1;
      const fail = (id: string | number | null, code: ErrorCode, message: string): void => {
        tally.errors += 1;
        tally.firstErrorCode ??= code;
        batch.push(`${JSON.stringify({ id, line: event.line, error: { code, message } })}\n`);
      };
      if (event.kind === 'too_long') {
        fail(null, 'MG_INPUT_TOO_LARGE', `line is ${event.length} bytes; the limit is ${maxLineBytes} (--max-line-bytes)`);
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(decodeUtf8(event.bytes, 'line'));
      } catch (e) {
        fail(null, isMedguardError(e) ? e.code : 'MG_INPUT_INVALID', isMedguardError(e) ? e.message : 'line is not valid JSON');
        continue;
      }
      const r = typeof record === 'object' && record !== null && !Array.isArray(record) ? record as Record<string, unknown> : undefined;
      const id = typeof r?.id === 'string' || typeof r?.id === 'number' ? r.id : null;
      if (!r || (r.id !== undefined && r.id !== null && id === null)) { fail(null, 'MG_INPUT_INVALID', 'line must be a JSON object with a string or number "id" and a "text"'); continue; }
      if (typeof r.text !== 'string') { fail(id, 'MG_INPUT_INVALID', r.text === undefined ? 'record has no "text" field' : '"text" must be a string'); continue; }
      try {
        batch.push(`${JSON.stringify({ id, text: fn(r.text) })}\n`);
      } catch (e) {
        if (!isMedguardError(e) || e.code === 'MG_VAULT_FULL') throw e;
        fail(id, e.code, e.message);
      }
    }
    if (batch.length > 0) await io.stdout.write(batch.join(''));
  }
  return tally;
}
