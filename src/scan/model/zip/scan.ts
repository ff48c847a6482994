/**
 * Zip container scanner (also PyTorch zip checkpoints, .npz and the zip layer of .keras). Reports
 * structural tricks loaders disagree on, then scans every member by content, whatever its name.
 */
import { createInflateRaw } from 'node:zlib';
import type { ByteSource, ModelFinding, ScanContext } from '../types.js';
import { modelFinding, withMember } from '../finding.js';
import { sliceSource } from '../source.js';
import { expand, zlibDecoder } from '../expand.js';
import { crc32 } from './crc32.js';
import { readDirectory, unlistedLocalHeaders, ZipFormatError, type ZipEntry } from './directory.js';
import { looksLikePickle } from '../pickle/sniff.js';
import { scanPickleSource } from '../pickle/scan.js';

const DETECTOR = 'model.zip';
const FEED = 64 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

type Sev = ModelFinding['severity'];

/** Why a member name is unsafe to extract, or null. */
export function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'backslash separator';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.split('/').includes('..')) return 'parent-directory segment';
  if (name.includes('\0')) return 'NUL byte';
  return null;
}

export function zipFlavour(names: readonly string[]): 'pytorch-zip' | 'npz' | 'keras' | 'zip' {
  if (names.some((n) => /(^|\/)data\.pkl$/.test(n))) return 'pytorch-zip';
  if (names.includes('config.json') && names.includes('metadata.json')) return 'keras';
  if (names.length > 0 && names.every((n) => n.endsWith('.npy') || n.endsWith('/'))) return 'npz';
  return 'zip';
}

async function* feed(source: ByteSource, start: number, length: number): AsyncIterable<Uint8Array> {
  for (let p = 0; p < length; p += FEED) yield await source.read(start + p, Math.min(FEED, length - p));
}

async function scanMember(source: ByteSource, e: ZipEntry, ctx: ScanContext, torchRaw: boolean, add: (t: string, s: Sev, x: string, m?: string) => void): Promise<ModelFinding[]> {
  if (e.name.endsWith('/') && e.size === 0) return [];
  if (e.dataOffset < 0) {
    add('zip.missing_local_header', 'high', 'central directory points at no local header; fail closed', e.name);
    return [];
  }
  if (e.dataOffset + e.compressedSize > source.size) {
    add('model.parse_error', 'high', 'member data runs past the end of the archive; fail closed', e.name);
    return [];
  }
  if (e.method === 0) {
    if (!ctx.addExpanded(e.compressedSize)) {
      add('container.expansion_limit', 'high', 'archive expands past the total size limit', e.name);
      return [];
    }
    const member = sliceSource(source, e.name, e.dataOffset, e.compressedSize);
    if (e.compressedSize !== e.size) add('zip.size_mismatch', 'high', 'stored member whose sizes disagree', e.name);
    if (torchRaw) {
      // PyTorch storages (archive/data/N) are raw tensor bytes; only a pickle-looking head is worth a look.
      const head = await member.read(0, 64);
      return looksLikePickle(head) && head[0] === 0x80 ? (await scanPickleSource(member, { ...ctx, depth: ctx.depth + 1 })).map((f) => withMember(f, e.name)) : [];
    }
    if (e.compressedSize <= 4 * 1024 * 1024 && crc32(await member.read(0, e.compressedSize)) !== e.crc) {
      add('zip.bad_crc', 'high', 'CRC-32 does not match the member data (loaders that skip CRC checks load it anyway)', e.name);
    }
    return ctx.scanNested(member, e.name);
  }
  if (e.method !== 8) {
    add('zip.unsupported_method', 'high', `compression method ${e.method} cannot be read; fail closed`, e.name);
    return [];
  }
  const out = await expand(e.name, e.compressedSize, feed(source, e.dataOffset, e.compressedSize),
    (onData) => zlibDecoder(createInflateRaw(), onData), ctx, crc32);
  try {
    if (out.stop === 'ratio') add('zip.decompression_bomb', 'high', `member expands more than ${ctx.limits.maxRatio}x; stopped`, e.name);
    if (out.stop === 'total') add('container.expansion_limit', 'high', 'archive expands past the total size limit; stopped', e.name);
    if (out.error !== null) add('model.parse_error', 'high', 'compressed member is corrupt; fail closed', e.name);
    if (out.stop !== null || out.error !== null) return [];
    if (out.crc !== e.crc) add('zip.bad_crc', 'high', 'CRC-32 does not match the member data (loaders that skip CRC checks load it anyway)', e.name);
    if (out.bytes !== e.size) add('zip.size_mismatch', 'high', 'expanded size differs from the declared size', e.name);
    return await ctx.scanNested(out.source, e.name);
  } finally {
    await out.release();
  }
}

export async function scanZip(source: ByteSource, ctx: ScanContext): Promise<{ flavour: string; findings: ModelFinding[] }> {
  const findings: ModelFinding[] = [];
  const add = (technique: string, severity: Sev, explanation: string, member?: string): void => {
    findings.push(modelFinding(ctx, { detector: DETECTOR, technique, severity, explanation, ...(member === undefined ? {} : { member }) }));
  };
  let dir;
  try {
    dir = await readDirectory(source);
  } catch (e) {
    if (!(e instanceof ZipFormatError)) throw e;
    add('model.parse_error', 'high', `zip structure cannot be read whole (${e.message}); fail closed`);
    return { flavour: 'zip', findings };
  }
  const names = dir.entries.map((e) => e.name);
  const flavour = zipFlavour(names);
  if (dir.prefix > 0) {
    add('zip.prefix_data', 'medium', `${dir.prefix} bytes precede the first member (polyglot or self-extractor)`);
    const head = await source.read(0, 64);
    if (looksLikePickle(head)) findings.push(...(await scanPickleSource(sliceSource(source, 'prefix', 0, dir.prefix), ctx)).map((f) => withMember(f, 'prefix')));
  }
  const seen = new Set<string>();
  for (const e of dir.entries) {
    const bad = unsafeName(e.name);
    if (bad !== null) add('zip.path_traversal', 'high', `member name escapes the extraction folder (${bad})`, e.name);
    if (((e.externalAttrs >>> 16) & S_IFMT) === S_IFLNK) add('zip.symlink', 'high', 'member is a symbolic link; extraction creates a link that can point outside the model folder', e.name);
    if (seen.has(e.name)) add('zip.duplicate_name', 'high', 'two members share this name; readers disagree on which one wins, every copy is scanned', e.name);
    seen.add(e.name);
    if (e.localName !== null && e.localName !== e.name) add('zip.name_mismatch', 'high', 'local header name differs from the central directory name (loaders disagree)', e.name);
    const flags = e.flags | (e.localFlags ?? 0);
    if ((flags & 0x1) !== 0) add('zip.encrypted_flag', 'high', 'encryption flag set: some loaders refuse the member, others ignore the flag', e.name);
    if ((flags & 0x60) !== 0) add('zip.unusual_flags', 'high', `general-purpose flag bits 0x${(flags & 0x60).toString(16)} set (patched data / strong encryption): loaders disagree`, e.name);
    if (e.localFlags !== null && e.localFlags !== e.flags) add('zip.flag_mismatch', 'medium', 'local and central flags differ', e.name);
    const torchRaw = flavour === 'pytorch-zip' && /(^|\/)data\/\d+$/.test(e.name);
    findings.push(...(await scanMember(source, e, ctx, torchRaw, add)));
  }
  for (const at of await unlistedLocalHeaders(source, dir)) {
    add('zip.hidden_local_entry', 'high', `local header at byte ${at} is not listed in the central directory (loaders that stream local headers see it)`);
  }
  return { flavour, findings };
}
