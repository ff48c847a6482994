/**
 * Single-stream compression wrappers (gzip, zlib as joblib writes it, bzip2, xz/lzma): expanded
 * with bounded decompression, then the content is scanned by whatever format it turns out to be.
 */
import { createGunzip, createInflate } from 'node:zlib';
import type { ByteSource, FormatScanner, ModelFinding, ScanContext } from '../types.js';
import { sliceSource } from '../source.js';
import { expand, zlibDecoder, type Decoder } from '../expand.js';
import { modelFinding } from '../finding.js';
import { bunzipDecoder } from './bzip2.js';
import { xzDecoder } from './xz.js';

const DETECTOR = 'model.compressed';

async function scanCompressed(source: ByteSource, ctx: ScanContext, kind: string, make: (onData: (b: Uint8Array) => boolean) => Decoder): Promise<ModelFinding[]> {
  const findings: ModelFinding[] = [];
  const add = (technique: string, explanation: string): void => {
    findings.push(modelFinding(ctx, { detector: DETECTOR, technique, severity: 'high', explanation }));
  };
  const out = await expand(`${kind}-content`, source.size, source.chunks(), make, ctx);
  try {
    if (out.stop === 'ratio') add('container.decompression_bomb', `${kind} content expands more than ${ctx.limits.maxRatio}x; stopped`);
    if (out.stop === 'total') add('container.expansion_limit', `${kind} content expands past the total size limit; stopped`);
    if (out.error !== null) add('model.parse_error', `${kind} stream is corrupt or unsupported; content scanned up to the error, fail closed`);
    if (out.stop === null && out.bytes > 0) findings.push(...(await ctx.scanNested(out.source, `${kind}-content`)));
    return findings;
  } finally {
    await out.release();
  }
}

export const gzipScanner: FormatScanner = {
  format: 'gzip',
  sniff: (h) => h[0] === 0x1f && h[1] === 0x8b && h[2] === 8,
  scan: (s, ctx) => scanCompressed(s, ctx, 'gzip', (d) => zlibDecoder(createGunzip(), d)),
};

/** zlib header as joblib's compress=N writes it (0x78: deflate, 32K window; FCHECK valid; no dictionary). */
export const zlibScanner: FormatScanner = {
  format: 'zlib',
  sniff: (h) => h.length >= 2 && h[0] === 0x78 && ((0x78 << 8) | (h[1] as number)) % 31 === 0 && ((h[1] as number) & 0x20) === 0,
  scan: (s, ctx) => scanCompressed(s, ctx, 'zlib', (d) => zlibDecoder(createInflate(), d)),
};

export const bzip2Scanner: FormatScanner = {
  format: 'bzip2',
  sniff: (h) => h[0] === 0x42 && h[1] === 0x5a && h[2] === 0x68 && (h[3] as number) >= 0x31 && (h[3] as number) <= 0x39,
  scan: (s, ctx) => scanCompressed(s, ctx, 'bzip2', bunzipDecoder),
};

export const xzScanner: FormatScanner = {
  format: 'xz',
  sniff: (h) => h[0] === 0xfd && h[1] === 0x37 && h[2] === 0x7a && h[3] === 0x58 && h[4] === 0x5a && h[5] === 0,
  scan: (s, ctx) => scanCompressed(s, ctx, 'xz', xzDecoder),
};

/** Old joblib (< 0.10) 'ZF' files: 'ZF' + 19-byte hex length + a zlib stream; joblib.load still reads them. */
const ZF_HEADER = 21;
export const joblibZfileScanner: FormatScanner = {
  format: 'joblib-zfile',
  sniff: (h) => h.length > ZF_HEADER + 1 && h[0] === 0x5a && h[1] === 0x46 && h[2] === 0x30 && h[3] === 0x78 && h[ZF_HEADER] === 0x78,
  scan: (s, ctx) => scanCompressed(sliceSource(s, 'zfile', ZF_HEADER, s.size - ZF_HEADER), ctx, 'zlib', (d) => zlibDecoder(createInflate(), d)),
};
