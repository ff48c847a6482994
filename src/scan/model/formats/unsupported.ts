/**
 * Compressions we recognise but do not decode (lz4 frames and zstd, which joblib can write, and
 * the legacy .lzma "alone" format): the content cannot be checked, so the file fails closed.
 */
import type { FormatScanner } from '../types.js';
import { modelFinding } from '../finding.js';

function unreadable(format: string, sniff: (h: Uint8Array) => boolean): FormatScanner {
  return {
    format,
    sniff,
    scan: (_source, ctx) => Promise.resolve([modelFinding(ctx, { detector: 'model.compressed', technique: 'archive.unreadable', severity: 'high',
      explanation: `${format} compressed content is not decoded by this scanner, so it cannot be checked; fail closed (decompress it and scan the result)` })]),
  };
}

export const lz4Scanner = unreadable('lz4', (h) => h[0] === 0x04 && h[1] === 0x22 && h[2] === 0x4d && h[3] === 0x18);
export const zstdScanner = unreadable('zstd', (h) => h[0] === 0x28 && h[1] === 0xb5 && h[2] === 0x2f && h[3] === 0xfd);
/** .lzma (alone): properties byte 0x5D, a power-of-two-ish dictionary size, then a 64-bit size. */
export const lzmaAloneScanner = unreadable('lzma', (h) => h.length >= 13 && h[0] === 0x5d && h[1] === 0x00 && h[2] === 0x00 && (h[4] as number) <= 0x10);
