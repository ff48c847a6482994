/**
 * joblib's NumpyArrayWrapper layout (joblib/numpy_pickle.py): after the wrapper's BUILD the file
 * holds either a nested pickle (object dtype) or [1 padding-length byte + padding, when
 * numpy_array_alignment_bytes is set] + prod(shape) * itemsize raw bytes.
 */
import { dictGet, type Value } from './values.js';

export type ArrayLayout =
  | { readonly kind: 'pickle' }
  | { readonly kind: 'raw'; readonly bytes: number; readonly alignment: number | null };

/** Item size of a numpy dtype string like '<f8', 'i4', '?', 'b1', 'U10', 'S3', 'V16', 'c16'. */
export function dtypeItemSize(descr: string): number | 'object' | null {
  const m = /^[<>|=]?([?bBhHiIlLqQefdgFDGOSUVaucMm])(\d{0,6})/.exec(descr);
  if (m === null) return null;
  const code = m[1] as string;
  const n = m[2] === '' || m[2] === undefined ? null : Number(m[2]);
  if (code === 'O') return 'object';
  if (code === 'U') return n === null ? null : n * 4;
  if ('SVa'.includes(code)) return n;
  const fixed: Record<string, number> = { '?': 1, b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, e: 2, f: 4, d: 8, g: 16, F: 8, D: 16, G: 32 };
  if (n !== null && 'biufcMm'.includes(code)) return code === 'c' ? n : n;
  return fixed[code] ?? null;
}

function dtypeOf(v: Value | undefined): number | 'object' | null {
  // numpy.dtype('f8', False, True) arrives as a call whose first argument is the descr string.
  if (v?.t !== 'call' || v.args.t !== 'seq') return null;
  const first = v.args.items[0];
  return first?.t === 'str' && first.s !== null ? dtypeItemSize(first.s) : null;
}

export function joblibArrayLayout(state: Value | null): ArrayLayout | null {
  if (state === null) return null;
  const size = dtypeOf(dictGet(state, 'dtype'));
  if (size === 'object') return { kind: 'pickle' };
  const shape = dictGet(state, 'shape');
  if (size === null || shape?.t !== 'seq' || shape.over) return null;
  let count = 1n;
  for (const d of shape.items) {
    if (d.t !== 'int' || d.v < 0n) return null;
    count *= d.v;
  }
  const bytes = count * BigInt(size);
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const align = dictGet(state, 'numpy_array_alignment_bytes');
  return { kind: 'raw', bytes: Number(bytes), alignment: align?.t === 'int' ? Number(align.v) : null };
}
