/**
 * Admin access to the dashboard: `Authorization: Bearer <admin key>` for scripts, or a login form
 * that sets an HttpOnly, SameSite=Strict session cookie for the browser. The cookie never holds
 * the key: it is an expiry plus an HMAC keyed by the admin key, so changing the key (and
 * restarting) ends every session. All comparisons are constant-time over fixed-length digests.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const COOKIE = 'medguard_admin';
const SESSION_SECONDS = 12 * 60 * 60;
/** Wrong admin keys (login or Bearer) tolerated per minute, across all clients, before key checks pause. */
export const MAX_FAILURES_PER_MINUTE = 30;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Equal-length digests, so neither the length nor the content leaks through timing. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export interface AdminAuth {
  /** True when the request carries the admin key (Bearer) or a valid session cookie. */
  allowed(req: IncomingMessage): boolean;
  /** True when `given` is the admin key. */
  checkKey(given: string): boolean;
  /** A fresh `Set-Cookie` header value for a logged-in browser. */
  sessionCookie(secure: boolean): string;
  clearCookie(secure: boolean): string;
}

export function createAdminAuth(adminKey: string, now: () => number = Date.now): AdminAuth {
  // A global budget, not per address: guessing from many addresses must not multiply the rate.
  // While it is spent every key check fails, the real key included, until the minute is over.
  let windowStart = 0;
  let failures = 0;
  const keyMatches = (given: string): boolean => {
    const t = now();
    if (t - windowStart >= 60_000) {
      windowStart = t;
      failures = 0;
    }
    if (failures >= MAX_FAILURES_PER_MINUTE) return false;
    const ok = sameSecret(given, adminKey);
    if (!ok) failures++;
    return ok;
  };
  const mac = (exp: string): string => createHmac('sha256', adminKey).update(`medguard-dashboard-session:${exp}`).digest('base64url');
  const validSession = (token: string): boolean => {
    const m = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m?.[1] || !m[2]) return false;
    if (Number(m[1]) * 1000 < now()) return false;
    return sameSecret(m[2], mac(m[1]));
  };
  const attrs = (secure: boolean): string => `Path=/_medguard; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return {
    allowed(req) {
      const auth = req.headers.authorization;
      if (typeof auth === 'string') {
        const m = /^Bearer ([^\s]{1,512})$/i.exec(auth);
        return m?.[1] !== undefined && keyMatches(m[1]);
      }
      const token = readCookie(req.headers.cookie, COOKIE);
      return token !== undefined && validSession(token);
    },
    checkKey: keyMatches,
    sessionCookie(secure) {
      const exp = String(Math.floor(now() / 1000) + SESSION_SECONDS);
      return `${COOKIE}=v1.${exp}.${mac(exp)}; Max-Age=${SESSION_SECONDS}; ${attrs(secure)}`;
    },
    clearCookie: (secure) => `${COOKIE}=; Max-Age=0; ${attrs(secure)}`,
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
