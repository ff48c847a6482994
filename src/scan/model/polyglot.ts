/**
 * A file that is valid as two formats is scanned as both: loaders choose by different rules
 * (torch checks a zip magic at offset 0, zip readers look for the directory at the end).
 */
import type { ByteSource, FormatScanner, ModelFinding, ScanContext } from './types.js';
import { modelFinding, withMember } from './finding.js';
import { scanZip } from './zip/scan.js';

/** True when an end-of-central-directory record ends exactly at EOF. */
export async function endsWithZip(source: ByteSource): Promise<boolean> {
  const tailLen = Math.min(source.size, 22 + 0xffff);
  if (tailLen < 22) return false;
  const tail = await source.read(source.size - tailLen, tailLen);
  const v = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) === 0x06054b50 && i + 22 + v.getUint16(i + 20, true) === tail.length) return true;
  }
  return false;
}

export async function polyglotFindings(source: ByteSource, primary: FormatScanner, ctx: ScanContext, _scanners: readonly FormatScanner[]): Promise<ModelFinding[]> {
  if (primary.format === 'zip' || !(await endsWithZip(source))) return [];
  const { findings } = await scanZip(source, ctx);
  return [
    modelFinding(ctx, { detector: 'model.engine', technique: 'container.polyglot', severity: 'high',
      explanation: `file is both ${primary.format} and a zip archive: loaders pick different views; both were scanned` }),
    ...findings.filter((f) => f.technique !== 'zip.prefix_data').map((f) => withMember(f, 'zip-view')),
  ];
}
