/** What the keys command tests share: asking a gateway verifier about a key. */
import { createApiKeyVerifier } from '../../../gateway/identity/apikeys.js';
import { GatewayError } from '../../../gateway/types.js';
import type { Store } from '../../../store/types.js';

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
