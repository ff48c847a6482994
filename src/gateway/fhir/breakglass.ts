/**
 * Break-the-glass: a principal whose role may do so sends the configured header with a reason;
 * read and search access is widened for that principal alone, for a bounded time that the header
 * cannot extend. Every request in the window is an alert and carries the reason's fingerprint.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../types.js';
import { GatewayError } from '../types.js';
import type { BreakGlassOptions } from './config.js';

export interface BreakGlassState {
  /** Whether access is widened for this request, and whether this request opened the window. */
  check(principal: Principal, headers: IncomingHttpHeaders, now?: number): { active: boolean; opened: boolean; reason: string | undefined };
}

const MAX_REASON_CHARS = 500;
const MAX_WINDOWS = 10_000;

export function createBreakGlass(options: BreakGlassOptions | undefined): BreakGlassState {
  const windows = new Map<string, number>();
  return {
    check(principal, headers, now = Date.now()) {
      const until = windows.get(principal.id);
      if (until !== undefined && until <= now) windows.delete(principal.id);
      const raw = options ? headers[options.header] : undefined;
      const reason = typeof raw === 'string' ? raw.trim() : undefined;
      if (!options || reason === undefined) return { active: until !== undefined && until > now, opened: false, reason: undefined };
      if (!options.roles.includes(principal.role)) throw new GatewayError(403, 'MG_FHIR_FORBIDDEN', 'this role may not break the glass');
      if (reason.length < options.minReasonChars || reason.length > MAX_REASON_CHARS) {
        throw new GatewayError(403, 'MG_FHIR_FORBIDDEN', `break-the-glass needs a reason of ${options.minReasonChars}-${MAX_REASON_CHARS} characters`);
      }
      if (until !== undefined && until > now) return { active: true, opened: false, reason };
      if (windows.size >= MAX_WINDOWS) windows.delete(windows.keys().next().value as string);
      windows.set(principal.id, now + options.minutes * 60_000);
      return { active: true, opened: true, reason };
    },
  };
}
