/**
 * The closed list of format scanners, in sniff order (content first; first match wins). Order
 * matters where magic bytes overlap: safetensors before pickle (an 8-byte header length may start
 * with 0x80), the weak zlib and ONNX sniffs last.
 */
import type { FormatScanner } from '../types.js';
import { zipScanner } from './zip.js';
import { gzipScanner, bzip2Scanner, joblibZfileScanner, xzScanner, zlibScanner } from './compressed.js';
import { sevenZipScanner } from './sevenzip.js';
import { npyScanner } from './npy.js';
import { pickleScanner } from './pickle.js';
import { tarScanner } from './tar.js';
import { safetensorsScanner } from './safetensors.js';
import { ggufScanner } from './gguf.js';
import { onnxScanner } from './onnx.js';
import { lz4Scanner, lzmaAloneScanner, zstdScanner } from './unsupported.js';

export const FORMAT_SCANNERS: readonly FormatScanner[] = [
  zipScanner,
  gzipScanner,
  bzip2Scanner,
  xzScanner,
  sevenZipScanner,
  npyScanner,
  ggufScanner,
  safetensorsScanner,
  pickleScanner,
  tarScanner,
  zlibScanner,
  joblibZfileScanner,
  lz4Scanner,
  zstdScanner,
  lzmaAloneScanner,
  onnxScanner,
];

export function sniffFormat(head: Uint8Array, name: string, scanners: readonly FormatScanner[] = FORMAT_SCANNERS): FormatScanner | null {
  for (const s of scanners) if (s.sniff(head, name)) return s;
  return null;
}
