/** Maps driver errors to MG_ codes: a lost or refused connection is MG_STORE_UNAVAILABLE (the
 *  gateway's `store.onLoss` mode acts on it), anything else MG_STORE. Messages never carry data. */
import { MedguardError } from '../../core/errors.js';

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);

/** True for errors that mean "PostgreSQL cannot be reached right now", as opposed to a bad query. */
export function isConnectionLoss(e: unknown): boolean {
  if (e instanceof MedguardError) return e.code === 'MG_STORE_UNAVAILABLE';
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (NET_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01-03 (server shutting down / starting up).
    if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true;
  }
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message);
}

export function storeError(e: unknown, what: string): MedguardError {
  if (e instanceof MedguardError) return e;
  if (isConnectionLoss(e)) return new MedguardError('MG_STORE_UNAVAILABLE', `${what}: PostgreSQL cannot be reached`, { cause: e, field: 'store.url' });
  return new MedguardError('MG_STORE', what, { cause: e });
}
