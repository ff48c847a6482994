/** What the keys command tests share: running the CLI in memory and asking a gateway verifier. */
import { createApiKeyVerifier } from '../../../gateway/identity/apikeys.js';
import { GatewayError } from '../../../gateway/types.js';
import type { Store } from '../../../store/types.js';
import { memoryIo } from '../../io.js';
import { runCli } from '../../main.js';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** What a gateway on the store `open` gives would answer for the key: its role, or the error code. */
export async function verifyIn(open: () => Store | Promise<Store>, token: string): Promise<string> {
  const s = await open();
  try {
    return (await createApiKeyVerifier(s.keys).verify(token)).role;
  } catch (e) {
    return e instanceof GatewayError ? e.code : 'other';
  } finally {
    await s.close();
  }
}
