import { Buffer } from 'node:buffer';
import type { FormName, NormalForm, Span, TextView } from '../types.js';
import { cleanText } from './clean.js';
import { foldText } from './fold.js';
import { composeMaps, mapSpan, type OffsetMap } from './offsets.js';

/** What a layer needs to know about where its text came from. */
export interface LayerSource {
  readonly raw: string;
  readonly depth: number;
  readonly via: readonly string[];
  readonly origin: Span;
  /** Maps a span of `raw` to the root input. */
  readonly rawToRoot: (start: number, end: number) => Span;
}

const NO_VIA: readonly string[] = Object.freeze([]);

export function createRootView(input: string): TextView {
  const text = flatCopy(input);
  const len = text.length;
  return new LayerView({
    raw: text,
    depth: 0,
    via: NO_VIA,
    origin: { start: 0, end: len },
    rawToRoot: (s, e) => mapSpan(null, len, len, s, e),
  });
}

/**
 * The input as a fresh sequential string. Inputs often arrive as slices of a larger string (a
 * line cut from a read buffer, a field of a parsed document) or as concatenations, and every
 * per-character pass over such a string pays an indirection per read; worse, once V8 has seen
 * several string layouts at one site its optimised loops stay generic. One copy here (a UTF-16
 * round trip keeps every code unit, lone surrogates included) costs about 1 µs per KB and lets
 * all the passes that follow read one layout. Short strings are already copied by V8; past
 * FLAT_MAX, Node would return an external two-byte string (slower to read, twice the memory),
 * and the copy's share of the work is nil anyway.
 */
function flatCopy(text: string): string {
  return text.length < FLAT_MIN || text.length > FLAT_MAX ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
const FLAT_MIN = 13;
const FLAT_MAX = 256 * 1024;

/**
 * A layer whose clean and folded forms are computed on first use and cached: most detectors only
 * read one form, and most inputs are never decoded, so nothing is paid for forms nobody reads.
 */
export function createLayerView(source: LayerSource): TextView {
  return new LayerView(source);
}

/**
 * A derived form. `toRoot` is a bound method because detectors pass it around on its own; classes
 * rather than closures keep building a view cheap (one is built per input and per decoded layer).
 */
class DerivedForm implements NormalForm {
  readonly toRoot: (start: number, end: number) => Span;

  constructor(readonly text: string, private readonly map: OffsetMap | null, private readonly layer: LayerView) {
    this.toRoot = this.mapToRoot.bind(this);
    Object.freeze(this);
  }

  private mapToRoot(s: number, e: number): Span {
    const inRaw = mapSpan(this.map, this.text.length, this.layer.raw.length, s, e);
    return this.layer.rawToRoot(inRaw.start, inRaw.end);
  }
}

/** Forms computed so far; the view itself stays frozen. */
interface FormCache {
  clean?: NormalForm;
  cleanMap: OffsetMap | null;
  folded?: NormalForm;
}

class LayerView implements TextView {
  readonly raw: string;
  readonly depth: number;
  readonly via: readonly string[];
  readonly origin: Span;
  readonly rawToRoot: (start: number, end: number) => Span;
  private readonly rawForm: NormalForm;
  private readonly cache: FormCache = { cleanMap: null };

  constructor(source: LayerSource) {
    this.raw = source.raw;
    this.depth = source.depth;
    this.via = source.via.length === 0 ? NO_VIA : Object.freeze([...source.via]);
    this.origin = Object.freeze({ start: source.origin.start, end: source.origin.end });
    this.rawToRoot = source.rawToRoot;
    this.rawForm = Object.freeze({ text: source.raw, toRoot: source.rawToRoot });
    Object.freeze(this);
  }

  form(name: FormName): NormalForm {
    switch (name) {
      case 'clean': return this.clean();
      case 'folded': return this.folded();
      default: return this.rawForm;
    }
  }

  private clean(): NormalForm {
    const cache = this.cache;
    if (cache.clean === undefined) {
      const d = cleanText(this.raw);
      cache.cleanMap = d.map;
      cache.clean = d.map === null && d.text === this.raw ? this.rawForm : new DerivedForm(d.text, d.map, this);
    }
    return cache.clean;
  }

  private folded(): NormalForm {
    const cache = this.cache;
    if (cache.folded === undefined) {
      const c = this.clean();
      const d = foldText(c.text);
      cache.folded = new DerivedForm(d.text, composeMaps(d.map, cache.cleanMap, c.text.length), this);
    }
    return cache.folded;
  }
}
