/**
 * Tar (v7, ustar, pax, GNU long names): every regular member is scanned by content; links,
 * traversal and duplicate names are reported. A header that fails its checksum mid-archive is a
 * parse error (fail closed).
 */
import type { ByteSource, FormatScanner, ModelFinding, ScanContext } from '../types.js';
import { modelFinding } from '../finding.js';
import { sliceSource } from '../source.js';
import { unsafeName } from '../zip/scan.js';

const DETECTOR = 'model.tar';
const MAX_MEMBERS = 1_000_000;

const text = (b: Uint8Array): string => {
  const nul = b.indexOf(0);
  return Buffer.from(b.subarray(0, nul < 0 ? b.length : nul)).toString('utf8');
};

function octal(b: Uint8Array): number {
  if (((b[0] as number) & 0x80) !== 0) {
    let v = 0;
    for (let i = 1; i < b.length; i++) v = v * 256 + (b[i] as number);
    return v;
  }
  const s = text(b).trim();
  return s === '' ? 0 : /^[0-7]{1,22}$/.test(s) ? parseInt(s, 8) : NaN;
}

export function tarChecksumOk(h: Uint8Array): boolean {
  if (h.length < 512) return false;
  const want = octal(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
  return want === sum && sum !== 256;
}

function paxRecords(b: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const s = Buffer.from(b).toString('utf8');
  let p = 0;
  while (p < s.length) {
    const sp = s.indexOf(' ', p);
    const len = Number(s.slice(p, sp));
    if (sp < 0 || !Number.isInteger(len) || len <= 0) break;
    const rec = s.slice(sp + 1, p + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    p += len;
  }
  return out;
}

async function scanTar(source: ByteSource, ctx: ScanContext): Promise<ModelFinding[]> {
  const findings: ModelFinding[] = [];
  const add = (technique: string, severity: ModelFinding['severity'], explanation: string, member?: string): void => {
    findings.push(modelFinding(ctx, { detector: DETECTOR, technique, severity, explanation, ...(member === undefined ? {} : { member }) }));
  };
  const seen = new Set<string>();
  let pos = 0;
  let longName: string | null = null;
  let pax = new Map<string, string>();
  for (let i = 0; i < MAX_MEMBERS; i++) {
    if (pos + 512 > source.size) {
      add('model.parse_error', 'high', 'tar archive ends without its end-of-archive blocks; fail closed');
      break;
    }
    const h = await source.read(pos, 512);
    if (h.every((b) => b === 0)) break;
    if (!tarChecksumOk(h)) {
      add('model.parse_error', 'high', `tar header at byte ${pos} fails its checksum; fail closed`);
      break;
    }
    const size = octal(h.subarray(124, 136));
    if (!Number.isFinite(size) || pos + 512 + size > source.size) {
      add('model.parse_error', 'high', 'tar member size is invalid or runs past the end; fail closed');
      break;
    }
    const type = String.fromCharCode(h[156] as number);
    const data = pos + 512;
    pos = data + Math.ceil(size / 512) * 512;
    if (type === 'L' || type === 'x' || type === 'g' || type === 'K') {
      const body = await source.read(data, Math.min(size, 1 << 20));
      if (type === 'L') longName = text(body);
      if (type === 'x') pax = paxRecords(body);
      continue;
    }
    const prefix = text(h.subarray(345, 500));
    const name = pax.get('path') ?? longName ?? (prefix !== '' && text(h.subarray(257, 263)) === 'ustar' ? `${prefix}/${text(h.subarray(0, 100))}` : text(h.subarray(0, 100)));
    longName = null;
    pax = new Map();
    const bad = unsafeName(name);
    if (bad !== null) add('tar.path_traversal', 'high', `member name escapes the extraction folder (${bad})`, name);
    if (type === '1' || type === '2') {
      add('tar.link', 'high', `${type === '2' ? 'symbolic' : 'hard'} link member; extraction can point outside the model folder`, name);
      continue;
    }
    if (seen.has(name)) add('tar.duplicate_name', 'high', 'two members share this name; every copy is scanned', name);
    seen.add(name);
    if (type !== '0' && type !== '\0' && type !== '7') continue;
    if (!ctx.addExpanded(size)) {
      add('container.expansion_limit', 'high', 'archive expands past the total size limit; stopped');
      break;
    }
    findings.push(...(await ctx.scanNested(sliceSource(source, name, data, size), name)));
  }
  return findings;
}

export const tarScanner: FormatScanner = {
  format: 'tar',
  sniff: (head) => head.length >= 512 && (Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar' || tarChecksumOk(head.subarray(0, 512))),
  scan: scanTar,
};
