/**
 * Keras 3 `.keras` archives (a zip of config.json, metadata.json, model.weights.h5). The zip
 * container scanner hands the small members to `scanKerasArchive`; `kerasScanner` does the same
 * for a `.keras` file scanned directly, reading only those members.
 */
import type { FormatScanner, ModelFinding, ScanContext } from '../types.js';
import { modelFinding, type FindingSpec } from './safetensors/finding.js';
import { isJsonObject, parseStrictJson, type JsonValue } from './safetensors/strict-json.js';
import { walkKerasConfig } from './keras/config-walk.js';
import { readZipMembers, ZipUnreadable } from './keras/zip-members.js';

const DETECTOR = 'model.keras';
const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** Members `scanKerasArchive` reads; the weights file only needs its first bytes. */
export const KERAS_MEMBERS: ReadonlySet<string> = new Set(['config.json', 'metadata.json', 'model.weights.h5']);
const MAX_JSON_BYTES = 64 << 20;

function parseMember(bytes: Uint8Array | undefined): { value?: JsonValue; duplicates: number; error?: string } {
  if (bytes === undefined) return { duplicates: 0, error: 'missing' };
  try {
    const { value, duplicateKeys } = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return { value, duplicates: duplicateKeys };
  } catch {
    return { duplicates: 0, error: 'not valid UTF-8 JSON' };
  }
}

/** Checks the already-read members of a `.keras` zip (config.json, metadata.json, the head of model.weights.h5). */
export function scanKerasArchive(entries: ReadonlyMap<string, Uint8Array>, ctx: ScanContext): ModelFinding[] {
  const specs: FindingSpec[] = [];
  const config = parseMember(entries.get('config.json'));
  if (config.error !== undefined || !isJsonObject(config.value)) {
    specs.push({ technique: 'keras.config_invalid', severity: 'high', member: 'config.json', explanation: `config.json is ${config.error ?? 'not a JSON object'}; the model cannot be checked` });
  } else {
    specs.push(...walkKerasConfig(config.value, 'config.json'));
  }
  if (config.duplicates > 0) {
    specs.push({ technique: 'keras.duplicate_key', severity: 'high', member: 'config.json', explanation: 'config.json repeats JSON keys (loaders may see a different config than this check)' });
  }
  const metadata = parseMember(entries.get('metadata.json'));
  const version = isJsonObject(metadata.value) ? metadata.value.get('keras_version') : undefined;
  if (metadata.error !== undefined || typeof version !== 'string' || metadata.duplicates > 0) {
    specs.push({ technique: 'keras.metadata_invalid', severity: 'medium', member: 'metadata.json', explanation: 'metadata.json is missing, malformed or lacks keras_version' });
  }
  const weights = entries.get('model.weights.h5');
  if (weights !== undefined && !HDF5_MAGIC.every((b, i) => weights[i] === b)) {
    specs.push({ technique: 'keras.weights_not_hdf5', severity: 'high', member: 'model.weights.h5', explanation: 'model.weights.h5 does not start with the HDF5 signature (disguised payload)' });
  }
  return specs.map((s) => modelFinding(ctx, DETECTOR, s));
}

export const kerasScanner: FormatScanner = {
  format: 'keras',
  sniff(head, name) {
    if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 3 || head[3] !== 4) return false;
    const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
    const first = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
    return KERAS_MEMBERS.has(first) || name.toLowerCase().endsWith('.keras');
  },
  async scan(source, ctx) {
    try {
      const { names, members } = await readZipMembers(source, KERAS_MEMBERS, Math.min(MAX_JSON_BYTES, ctx.limits.maxMemberInMemory), new Set(['model.weights.h5']));
      const findings = scanKerasArchive(members, ctx);
      const others = names.filter((n) => !KERAS_MEMBERS.has(n) && !n.endsWith('/'));
      if (others.length > 0 && ctx.depth === 0) {
        findings.push(modelFinding(ctx, DETECTOR, { technique: 'keras.extra_members', severity: 'info',
          explanation: `${others.length} other member(s) (assets, variables) are not inspected by the Keras check; scan the archive as zip to cover them` }));
      }
      return findings;
    } catch (e) {
      if (!(e instanceof ZipUnreadable)) throw e;
      return [modelFinding(ctx, DETECTOR, { technique: 'keras.archive_unreadable', severity: 'high', explanation: `the .keras archive cannot be read whole (${e.message})` })];
    }
  },
};
