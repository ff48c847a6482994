/**
 * What every shipped learned model shares on disk: a JSON metadata file and a float16 weights file
 * pinned by SHA-256, in the package's models/ folder. A file that does not check out is refused
 * (the caller's MG_MODEL_INVALID error) rather than scored with the wrong weights.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHalf } from './float16.js';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Parses metadata JSON; `invalid` builds the caller's coded error. */
export function parseModelJson(json: string, invalid: (why: string, cause?: unknown) => Error): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (e) {
    throw invalid('metadata is not JSON', e);
  }
}

/** Float16 weights after checking their digest, their size and that every value is finite. */
export function checkedHalfWeights(bin: Uint8Array, expected: { sha256: string; count: number }, invalid: (why: string) => Error): Float32Array {
  if (sha256Hex(bin) !== expected.sha256) throw invalid('weights checksum mismatch');
  if (bin.byteLength !== 2 * expected.count) throw invalid(`weights file has ${bin.byteLength} bytes, expected ${2 * expected.count}`);
  const weights = decodeHalf(bin);
  if (!weights.every(Number.isFinite)) throw invalid('weights contain non-finite values');
  return weights;
}

/**
 * The package's models/ folder, found upwards from the calling module (`import.meta.url`), so the
 * same code works from src/ under tsx and from dist/ once built.
 */
export function packageModelDir(moduleUrl: string, marker: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  let dir = here;
  for (let i = 0; i < 7; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, marker))) return candidate;
    dir = dirname(dir);
  }
  return join(here, '../../../../models');
}
