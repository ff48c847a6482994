import type { Span, TextView } from '../types.js';
import { decodeBase32, decodeBase64, decodeHexBytes, decodeHexRun } from './codecs/binary.js';
import { decodeRot13 } from './codecs/rot13.js';
import { decodeHtml, decodeQuotedPrintable, decodeTags, decodeUrl } from './codecs/textual.js';
import type { Decoded, DecodeBudget, Decoder } from './codecs/types.js';
import { mapSpan } from './offsets.js';
import { decoderGates, GATE_BASE32, GATE_BASE64, GATE_HEX_BYTES, GATE_HEX_RUN } from './codecs/gate.js';
import { createLayerView } from './view.js';

export interface DecodeLimits {
  /** How many times a payload may be decoded inside another. */
  readonly maxDepth: number;
  /** Total characters of decoded text produced for one input. */
  readonly maxDecodedChars: number;
  /** Most layers produced for one input. */
  readonly maxLayers: number;
  /** Shortest encoded run worth decoding (base64, base32, hex). */
  readonly minEncodedChars: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = Object.freeze({
  maxDepth: 3,
  maxDecodedChars: 256 * 1024,
  maxLayers: 64,
  minEncodedChars: 16,
});

/** In the order they run, each with the gate bit it needs (0: always tried; it gates itself). */
const DECODERS: ReadonlyArray<readonly [Decoder, number]> = [
  [decodeBase64, GATE_BASE64], [decodeBase32, GATE_BASE32], [decodeHexRun, GATE_HEX_RUN], [decodeTags, 0],
  [decodeHexBytes, GATE_HEX_BYTES], [decodeUrl, 0], [decodeHtml, 0], [decodeQuotedPrintable, 0], [decodeRot13, 0],
];

/**
 * Peels encodings off the input, breadth first, and returns every decoded layer (not the root).
 * Bounded three ways (depth, layers, total decoded characters), and each decoder's scan is
 * linear in its layer, so the whole is linear in the input. Never throws: a decoder that fails
 * on garbage contributes nothing.
 */
export function decodeLayers(root: TextView, limits: DecodeLimits): TextView[] {
  const maxDepth = whole(limits.maxDepth, DEFAULT_DECODE_LIMITS.maxDepth);
  const maxLayers = whole(limits.maxLayers, DEFAULT_DECODE_LIMITS.maxLayers);
  const budget: DecodeBudget = {
    chars: whole(limits.maxDecodedChars, DEFAULT_DECODE_LIMITS.maxDecodedChars),
    minEncodedChars: Math.max(4, whole(limits.minEncodedChars, DEFAULT_DECODE_LIMITS.minEncodedChars)),
  };
  const layers: TextView[] = [];
  const seen = new Set<string>([root.raw]);
  const queue: TextView[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const parent = queue[q];
    if (parent === undefined || parent.depth >= maxDepth) continue;
    const text = parent.raw;
    // One pass says which byte decoders can find anything here; the rest check a character or two.
    const gates = decoderGates(text, budget.minEncodedChars);
    for (const [decoder, gate] of DECODERS) {
      if (gate !== 0 && (gates & gate) === 0) continue;
      // ROT13 undoes itself: applied to its own output it only finds the parent's text again.
      if (decoder === decodeRot13 && parent.via[parent.via.length - 1] === 'rot13') continue;
      if (layers.length >= maxLayers || budget.chars <= 0) return layers;
      let found: Decoded[];
      try {
        found = decoder(text, budget);
      } catch {
        continue;
      }
      for (const d of found) {
        if (layers.length >= maxLayers) return layers;
        if (seen.has(d.text)) continue;
        seen.add(d.text);
        const view = childView(parent, d);
        layers.push(view);
        queue.push(view);
      }
    }
  }
  return layers;
}

function whole(v: number, fallback: number): number {
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback;
}

function childView(parent: TextView, d: Decoded): TextView {
  const parentRaw = parent.form('raw');
  const parentLength = parent.raw.length;
  const length = d.text.length;
  const origin = parentRaw.toRoot(d.span.start, d.span.end);
  const { map, span } = d;
  let rawToRoot: (s: number, e: number) => Span;
  if (map === null) {
    rawToRoot = () => origin;
  } else if (map === 'shifted') {
    rawToRoot = (s, e) => {
      const r = mapSpan(null, length, length, s, e);
      return parentRaw.toRoot(span.start + r.start, span.start + r.end);
    };
  } else {
    rawToRoot = (s, e) => {
      const r = mapSpan(map, length, parentLength, s, e);
      return parentRaw.toRoot(r.start, r.end);
    };
  }
  return createLayerView({ raw: d.text, depth: parent.depth + 1, via: [...parent.via, d.via], origin, rawToRoot });
}
