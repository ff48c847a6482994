import { loadPublicKey } from '../../../audit/keyfile.js';
import { keyIdOf } from '../../../audit/head.js';
import { verifyChain, type VerifyProblem, type VerifyResult } from '../../../audit/verify.js';
import { openStoreAt } from '../../../store/open.js';
import { isPostgresUrl } from '../../../store/postgres/index.js';
import { EXIT_FLAGGED, EXIT_OK, parseCommandArgs, type Command } from '../../command.js';
import { DEFAULT_STORE, defaultPublicKey, noPositionals } from './shared.js';

const usage = `usage: medguard audit verify [--store PATH|URL] [--key PUBLIC.pem ...] [--json]

Walks the whole audit chain and checks every row's hash and link, the sequence, and every signed
head (its signature and that the row it names is still there with the same hash).

options:
  --store PATH|URL   the SQLite store (default: ${DEFAULT_STORE}) or a PostgreSQL URL
                     (postgres://USER@HOST:PORT/DB?schema=NAME, schema default medguard)
  --key PUBLIC.pem   the trusted head-signing public key; use a copy kept away from the gateway
                     host (default: audit-signing.key.pub beside the store, if present). Repeat
                     it to trust a rotated key and its predecessors
  --json             print the result as JSON

exit: 0 chain intact, 1 the first bad row is named, 2 usage or I/O error`;

const EXPLAIN: Record<VerifyProblem, string> = {
  hash_mismatch: 'the row does not match its hash (edited)',
  prev_mismatch: 'the row does not link to the row before it (a row before it was edited and re-hashed, or this one was inserted)',
  gap: 'the row is missing (deleted)',
  reorder: 'the row holds content written for another position (rows moved, renumbered or inserted)',
  index_mismatch: 'a filter column disagrees with the hashed content (edited to mislead searches)',
  bad_signature: 'a signed head does not verify with this key (forged or signed by another key)',
  head_mismatch: 'a signed head names a different hash for this row (rewritten after signing)',
  truncated: 'rows from here on were signed but are gone (truncated)',
};

export const auditVerify: Command = {
  name: 'verify',
  summary: 'check the audit chain and its signed heads; name the first bad row',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { store: { type: 'string' }, key: { type: 'string', multiple: true }, json: { type: 'boolean' } }, 'medguard audit verify');
    noPositionals(positionals, 'medguard audit verify');
    const storePath = values.store ?? DEFAULT_STORE;
    const besideStore = values.key === undefined && !isPostgresUrl(storePath) ? defaultPublicKey(storePath) : undefined;
    const keyPaths = values.key ?? (besideStore === undefined ? [] : [besideStore]);
    const publicKeys = keyPaths.map(loadPublicKey);
    const store = await openStoreAt(storePath, { readonly: true });
    let result: VerifyResult;
    try {
      result = await verifyChain(store.audit, publicKeys);
    } finally {
      await store.close();
    }
    if (values.json === true) {
      await io.stdout.write(`${JSON.stringify({ ...result, keyIds: publicKeys.map(keyIdOf) }, null, 2)}\n`);
      return result.ok ? EXIT_OK : EXIT_FLAGGED;
    }
    const lines: string[] = [];
    if (result.firstBad) {
      lines.push(`NOT VERIFIED: first bad row seq ${result.firstBad.seq}: ${result.firstBad.problem}: ${EXPLAIN[result.firstBad.problem]}`);
      lines.push(`  ${result.checked} row(s) before it verified`);
    } else {
      lines.push(`verified: ${result.checked} event(s), chain intact`);
    }
    if (result.heads === 0) {
      lines.push('  no signed heads: truncation and whole-tail rewrites cannot be detected');
    } else if (publicKeys.length === 0) {
      lines.push(`  ${result.heads} signed head(s) matched their rows, but signatures were NOT checked (no --key)`);
    } else {
      lines.push(`  ${result.heads} signed head(s), signatures checked with key ${publicKeys.map(keyIdOf).join(', ')}${besideStore === undefined ? '' : ' (found beside the store: prefer a trusted copy via --key)'}`);
    }
    if (result.ok && result.lastSignedSeq !== null && result.lastSignedSeq < result.lastSeq) {
      lines.push(`  events ${result.lastSignedSeq + 1}..${result.lastSeq} are after the last signed head`);
    }
    await io.stdout.write(`${lines.join('\n')}\n`);
    return result.ok ? EXIT_OK : EXIT_FLAGGED;
  },
};
