/**
 * Streams the trail out as JSON lines (one StoredEvent per line, canonical JSON, so a line can be
 * re-hashed as-is) or as a FHIR R4 Bundle of AuditEvents. Memory stays bounded: the store is read
 * in pages and each record is written before the next is read.
 */
import type { AuditStore } from '../store/types.js';
import { canonicalJson } from './canonical.js';
import { toAuditEvent, uuidOf, type FhirOptions } from './fhir.js';

export type Write = (chunk: string) => Promise<void>;

export async function exportJsonl(audit: AuditStore, write: Write, sinceSeq = 1): Promise<number> {
  let n = 0;
  for await (const e of audit.scan(sinceSeq)) {
    await write(`${canonicalJson(e)}\n`);
    n++;
  }
  return n;
}

export async function exportFhir(audit: AuditStore, write: Write, options: FhirOptions & { sinceSeq?: number; now?: Date }): Promise<number> {
  const timestamp = (options.now ?? new Date()).toISOString();
  // FHIR JSON forbids empty arrays: "entry" opens with the first event, so an empty export has none.
  await write(`{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(timestamp)}`);
  let n = 0;
  for await (const e of audit.scan(options.sinceSeq ?? 1)) {
    const entry = { fullUrl: `urn:uuid:${uuidOf(e.hash)}`, resource: toAuditEvent(e, options) };
    await write(`${n === 0 ? ',"entry":[\n' : ',\n'}${JSON.stringify(entry)}`);
    n++;
  }
  await write(n === 0 ? '}\n' : '\n]}\n');
  return n;
}
