/**
 * safetensors: `u64 LE header length | JSON header | data`. Only the header is read, so a
 * multi-gigabyte file validates in milliseconds. Any layout the reference Rust reader would reject
 * (or that leaves bytes no tensor owns, where a second-stage payload can hide) is unsafe.
 */
import type { FormatScanner, ModelFinding, ScanContext } from '../types.js';
import { modelFinding, readU64, type FindingSpec } from './safetensors/finding.js';
import { isJsonObject, JsonSyntaxError, parseStrictJson, type JsonValue } from './safetensors/strict-json.js';
import { memorySource } from './safetensors/memory-source.js';

const DETECTOR = 'model.safetensors';
const MAX_HEADER = 100 * 1024 * 1024;
/** Slack regions up to this size are handed to the nested scanners (a hidden pickle is the usual payload). */
const MAX_SLACK_SCAN = 4 * 1024 * 1024;

/** Element sizes in BITS (F4/F6 types are packed). */
export const SAFETENSORS_DTYPE_BITS: ReadonlyMap<string, number> = new Map([
  ['BOOL', 8], ['U8', 8], ['I8', 8], ['F8_E4M3', 8], ['F8_E5M2', 8], ['F8_E8M0', 8],
  ['F4', 4], ['F6_E2M3', 6], ['F6_E3M2', 6],
  ['I16', 16], ['U16', 16], ['F16', 16], ['BF16', 16],
  ['I32', 32], ['U32', 32], ['F32', 32],
  ['I64', 64], ['U64', 64], ['F64', 64], ['C64', 64],
]);

interface Tensor { readonly begin: number; readonly end: number }

export const safetensorsScanner: FormatScanner = {
  format: 'safetensors',
  sniff(head) {
    if (head.length < 9 || head[8] !== 0x7b) return false;
    // A '{' after the 8-byte length is the signature; an implausible length is still ours to reject.
    // Pickles (PROTO opcode) and zips can put a '{' at byte 8 too: leave those to their scanners.
    const smallLength = head[4] === 0 && head[5] === 0 && head[6] === 0 && head[7] === 0;
    const pickle = head[0] === 0x80 && (head[1] ?? 0) >= 2 && (head[1] ?? 9) <= 5 && !smallLength;
    const zip = head[0] === 0x50 && head[1] === 0x4b;
    return !pickle && !zip;
  },
  async scan(source, ctx) {
    const out: ModelFinding[] = [];
    const add = (spec: FindingSpec): void => void out.push(modelFinding(ctx, DETECTOR, spec));
    if (source.size < 10) {
      add({ technique: 'safetensors.truncated', severity: 'high', explanation: 'file is too short to hold a safetensors header' });
      return out;
    }
    const headerLength = readU64(await source.read(0, 8), 0);
    if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > source.size - 8) {
      add({ technique: 'safetensors.header_length', severity: 'high', end: 8,
        explanation: 'header length is outside the file or above the 100 MB cap (allocation DoS / truncated file)' });
      return out;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await source.read(8, headerLength));
    } catch {
      add({ technique: 'safetensors.header_encoding', severity: 'high', start: 8, end: 8 + headerLength, explanation: 'header is not valid UTF-8' });
      return out;
    }
    const json = text.replace(/ +$/, '');
    if (json.trimEnd().length !== json.length) {
      add({ technique: 'safetensors.header_padding', severity: 'medium', start: 8, end: 8 + headerLength,
        explanation: 'header is padded with characters other than spaces' });
    }
    let value: JsonValue;
    try {
      const parsed = parseStrictJson(json);
      value = parsed.value;
      if (parsed.duplicateKeys > 0) {
        add({ technique: 'safetensors.duplicate_key', severity: 'high', start: 8, end: 8 + headerLength,
          explanation: `header repeats ${parsed.duplicateKeys} JSON key(s); loaders disagree on which one wins (parser differential)` });
      }
    } catch (e) {
      const where = e instanceof JsonSyntaxError ? 8 + e.position : 8;
      add({ technique: 'safetensors.header_json', severity: 'high', start: where, end: where, explanation: 'header is not valid JSON' });
      return out;
    }
    if (!isJsonObject(value)) {
      add({ technique: 'safetensors.header_json', severity: 'high', start: 8, explanation: 'header is not a JSON object' });
      return out;
    }
    const dataLength = source.size - 8 - headerLength;
    const tensors: Tensor[] = [];
    for (const [name, entry] of value) {
      if (name === '__metadata__') checkMetadata(entry, add);
      else {
        const t = checkTensor(entry, dataLength, add);
        if (t) tensors.push(t);
      }
    }
    await checkLayout(tensors, dataLength, 8 + headerLength, source, ctx, add, out);
    return out;
  },
};

function checkMetadata(entry: JsonValue, add: (s: FindingSpec) => void): void {
  const ok = isJsonObject(entry) && [...entry.values()].every((v) => typeof v === 'string');
  if (!ok) {
    add({ technique: 'safetensors.metadata_type', severity: 'high', member: '__metadata__',
      explanation: '__metadata__ must map strings to strings; reference readers reject this header' });
  }
}

function checkTensor(entry: JsonValue, dataLength: number, add: (s: FindingSpec) => void): Tensor | undefined {
  const bad = (technique: string, explanation: string): undefined => {
    add({ technique, severity: 'high', member: 'tensor', explanation });
    return undefined;
  };
  if (!isJsonObject(entry)) return bad('safetensors.tensor_invalid', 'a tensor entry is not an object');
  const dtype = entry.get('dtype');
  const shape = entry.get('shape');
  const offsets = entry.get('data_offsets');
  const bits = typeof dtype === 'string' ? SAFETENSORS_DTYPE_BITS.get(dtype) : undefined;
  if (bits === undefined) return bad('safetensors.dtype_unknown', 'a tensor has a missing or unknown dtype');
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    return bad('safetensors.shape_invalid', 'a tensor shape is not an array of non-negative integers');
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    return bad('safetensors.offsets_invalid', 'data_offsets is not a pair of non-negative integers');
  }
  const [begin, end] = offsets as [number, number];
  if (end < begin) return bad('safetensors.offsets_inverted', 'a tensor begins after it ends (negative span)');
  if (end > dataLength) return bad('safetensors.offsets_out_of_bounds', 'a tensor extends past the end of the data section (out-of-bounds read)');
  const elements = (shape as number[]).reduce((acc, d) => acc * BigInt(d), 1n);
  const totalBits = elements * BigInt(bits);
  if (totalBits % 8n !== 0n || totalBits / 8n !== BigInt(end - begin)) {
    add({ technique: 'safetensors.size_mismatch', severity: 'high', member: 'tensor',
      explanation: 'shape x dtype size does not equal the byte span in data_offsets' });
  }
  if (entry.size !== 3) {
    add({ technique: 'safetensors.tensor_extra_field', severity: 'low', member: 'tensor', explanation: 'a tensor entry carries fields besides dtype, shape, data_offsets' });
  }
  return { begin, end };
}

async function checkLayout(
  tensors: Tensor[], dataLength: number, dataStart: number,
  source: Parameters<FormatScanner['scan']>[0], ctx: ScanContext,
  add: (s: FindingSpec) => void, out: ModelFinding[],
): Promise<void> {
  tensors.sort((a, b) => a.begin - b.begin || a.end - b.end);
  const slack: Tensor[] = [];
  let covered = 0;
  let overlaps = 0;
  for (const t of tensors) {
    if (t.begin > covered) slack.push({ begin: covered, end: t.begin });
    else if (t.begin < covered) overlaps++;
    covered = Math.max(covered, t.end);
  }
  if (overlaps > 0) {
    add({ technique: 'safetensors.offset_overlap', severity: 'high', explanation: `${overlaps} tensor(s) share bytes with another tensor (aliasing)` });
  }
  const trailing = covered < dataLength ? { begin: covered, end: dataLength } : undefined;
  for (const gap of slack) {
    add({ technique: 'safetensors.offset_gap', severity: 'high', start: dataStart + gap.begin, end: dataStart + gap.end,
      explanation: `${gap.end - gap.begin} data byte(s) between tensors belong to no tensor (slack-space smuggling)` });
  }
  if (trailing) {
    add({ technique: 'safetensors.trailing_bytes', severity: 'high', start: dataStart + trailing.begin, end: dataStart + trailing.end,
      explanation: `${trailing.end - trailing.begin} byte(s) after the last tensor belong to no tensor (appended payload)` });
  }
  for (const region of trailing ? [...slack, trailing] : slack) {
    const length = region.end - region.begin;
    if (length > MAX_SLACK_SCAN || length < 2) continue;
    const bytes = await source.read(dataStart + region.begin, length);
    out.push(...await ctx.scanNested(memorySource(`slack@${dataStart + region.begin}`, bytes), `slack@${dataStart + region.begin}`));
  }
}
