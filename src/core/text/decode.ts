// SCAFFOLD: replaced by the bounded recursive decoder.
import type { TextView } from '../types.js';

export interface DecodeLimits {
  /** How many times a payload may be decoded inside another. */
  readonly maxDepth: number;
  /** Total characters of decoded text produced for one input. */
  readonly maxDecodedChars: number;
  /** Most layers produced for one input. */
  readonly maxLayers: number;
  /** Shortest encoded run worth decoding. */
  readonly minEncodedChars: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = Object.freeze({
  maxDepth: 3,
  maxDecodedChars: 256 * 1024,
  maxLayers: 64,
  minEncodedChars: 16,
});

export function decodeLayers(_root: TextView, _limits: DecodeLimits): TextView[] {
  return [];
}
