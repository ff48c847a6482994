/**
 * NumPy .npy (format 1.0-3.0). The header is a Python literal parsed by a small literal parser
 * (never evaluated). Object dtypes ('O') mean the body is a pickle, which is scanned as one.
 */
import type { FormatScanner, ModelFinding } from '../types.js';
import { modelFinding } from '../finding.js';
import { parsePyLiteral, type PyValue } from './pyliteral.js';
import { dtypeItemSize } from '../pickle/joblib.js';
import { scanPickleSource } from '../pickle/scan.js';
import { looksLikePickle } from '../pickle/sniff.js';
import { sliceSource } from '../source.js';

const DETECTOR = 'model.npy';
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** Item size of a descr (string or structured list); 'object' if any field is an object. */
function descrSize(d: PyValue | undefined): number | 'object' | null {
  if (typeof d === 'string') return dtypeItemSize(d);
  if (!Array.isArray(d)) return null;
  let total = 0;
  for (const field of d) {
    if (!Array.isArray(field) || field.length < 2) return null;
    let size = descrSize(field[1]);
    if (size === 'object' || size === null) return size;
    const sub = field[2];
    if (Array.isArray(sub)) for (const n of sub) size *= typeof n === 'number' ? n : NaN;
    total += size;
  }
  return Number.isFinite(total) ? total : null;
}

export const npyScanner: FormatScanner = {
  format: 'npy',
  sniff: (h) => MAGIC.every((b, i) => h[i] === b),
  async scan(source, ctx) {
    const findings: ModelFinding[] = [];
    const fail = (why: string): ModelFinding[] => [...findings, modelFinding(ctx, { detector: DETECTOR, technique: 'model.parse_error', severity: 'high', explanation: `${why}; fail closed` })];
    const pre = await source.read(0, 12);
    if (pre.length < 12) return fail('.npy preamble is truncated');
    const major = pre[6] as number;
    if (major < 1 || major > 3) return fail('unknown .npy format version');
    const v = new DataView(pre.buffer, pre.byteOffset, pre.byteLength);
    const hlen = major === 1 ? v.getUint16(8, true) : v.getUint32(8, true);
    const hstart = major === 1 ? 10 : 12;
    if (hlen > 1 << 20 || hstart + hlen > source.size) return fail('.npy header length is out of bounds');
    const header = parsePyLiteral(Buffer.from(await source.read(hstart, hlen)).toString(major === 3 ? 'utf8' : 'latin1'));
    if (header === null || typeof header !== 'object' || Array.isArray(header) || header instanceof Map === false) return fail('.npy header is not a dict literal');
    const shape = header.get('shape');
    const size = descrSize(header.get('descr'));
    const body = hstart + hlen;
    if (size === 'object') {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'npy.object_array', severity: 'low', start: body,
        explanation: 'object array: loading it needs allow_pickle=True; its pickle is scanned' }));
      findings.push(...(await scanPickleSource(source, ctx, body)));
      return findings;
    }
    if (size === null || !Array.isArray(shape) || !shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return fail('.npy dtype or shape cannot be understood');
    const expected = (shape as number[]).reduce((a, b) => a * b, 1) * size;
    if (body + expected > source.size) return fail('.npy body is shorter than its shape requires');
    if (body + expected < source.size) {
      const extra = sliceSource(source, 'trailing', body + expected, source.size - body - expected);
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'npy.trailing_data', severity: 'medium', start: body + expected, end: source.size,
        explanation: 'bytes after the array data (np.load ignores them; a second-stage loader may not)' }));
      if (looksLikePickle(await extra.read(0, 64))) findings.push(...(await scanPickleSource(extra, ctx)));
    }
    return findings;
  },
};
