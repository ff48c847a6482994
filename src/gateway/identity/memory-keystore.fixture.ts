/** A KeyStore in a Map, for identity and CLI tests only (the product uses the SQLite store). */
import type { ApiKeyRecord, KeyStore } from '../../store/types.js';

export function memoryKeyStore(): KeyStore & { readonly records: Map<string, ApiKeyRecord>; gets: number } {
  const records = new Map<string, ApiKeyRecord>();
  const store = {
    records,
    gets: 0,
    async create(r: ApiKeyRecord) {
      if (records.has(r.id)) throw new Error('duplicate id');
      records.set(r.id, r);
    },
    async get(id: string) {
      store.gets++;
      return records.get(id);
    },
    async list() {
      return [...records.values()];
    },
    async revoke(id: string, at: string) {
      const r = records.get(id);
      if (!r) return false;
      records.set(id, { ...r, revokedAt: r.revokedAt ?? at });
      return true;
    },
  };
  return store;
}
