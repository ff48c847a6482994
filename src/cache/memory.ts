/** In-process BanList and GrantStore for a single instance (and tests); bounded by `max` entries. */
import type { Ban, BanList, Grant, GrantStore } from './types.js';

const live = (until: number | null, now: number): boolean => until === null || until > now;

export function memoryBanList(options: { now?: () => number; max?: number } = {}): BanList {
  const now = options.now ?? Date.now;
  const max = options.max ?? 100_000;
  const bans = new Map<string, Ban>();
  return {
    async ban(principal, seconds, reason) {
      if (bans.size >= max && !bans.has(principal)) for (const [k, b] of bans) if (!live(b.until, now())) bans.delete(k);
      bans.set(principal, { principal, reason, until: seconds === null ? null : now() + seconds * 1000 });
    },
    async unban(principal) {
      return bans.delete(principal);
    },
    async banned(principal) {
      const b = bans.get(principal);
      if (b && !live(b.until, now())) bans.delete(principal);
      return b && live(b.until, now()) ? b : undefined;
    },
  };
}

export function memoryGrantStore(options: { now?: () => number } = {}): GrantStore {
  const now = options.now ?? Date.now;
  const grants = new Map<string, Map<string, Grant>>();
  return {
    async grant(principal, patient, seconds, reason) {
      const g: Grant = { principal, patient, reason, grantedAt: now(), until: now() + seconds * 1000 };
      let byPatient = grants.get(principal);
      if (!byPatient) grants.set(principal, (byPatient = new Map()));
      byPatient.set(patient, g);
      return g;
    },
    async active(principal, patient) {
      const g = grants.get(principal)?.get(patient);
      return g && g.until > now() ? g : undefined;
    },
    async revoke(principal, patient) {
      return grants.get(principal)?.delete(patient) ?? false;
    },
    async list(principal) {
      return [...(grants.get(principal)?.values() ?? [])].filter((g) => g.until > now());
    },
  };
}
