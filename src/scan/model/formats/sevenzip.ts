/**
 * 7z: the signature header is checked, but packed streams (LZMA/LZMA2/BCJ...) are not decoded
 * here, so a 7z archive can never be shown clean: it is reported unsafe (cannot read it whole).
 */
import type { FormatScanner } from '../types.js';
import { modelFinding } from '../finding.js';
import { crc32 } from '../zip/crc32.js';

const MAGIC = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];

export const sevenZipScanner: FormatScanner = {
  format: '7z',
  sniff: (h) => MAGIC.every((b, i) => h[i] === b),
  async scan(source, ctx) {
    const h = await source.read(0, 32);
    const v = new DataView(h.buffer, h.byteOffset, h.byteLength);
    const headerOk = h.length === 32 && v.getUint32(8, true) === crc32(h.subarray(12, 32));
    return [modelFinding(ctx, { detector: 'model.7z', technique: 'archive.unreadable', severity: 'high',
      explanation: headerOk
        ? '7z archive: packed streams are not decoded by this scanner, so its members cannot be checked; fail closed (unpack it and scan the files)'
        : '7z signature header is corrupt; fail closed' })];
  },
};
