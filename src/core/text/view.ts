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

export function createRootView(text: string): TextView {
  const len = text.length;
  return createLayerView({
    raw: text,
    depth: 0,
    via: [],
    origin: { start: 0, end: len },
    rawToRoot: (s, e) => mapSpan(null, len, len, s, e),
  });
}

/**
 * A layer whose clean and folded forms are computed on first use and cached: most detectors only
 * read one form, and most inputs are never decoded, so nothing is paid for forms nobody reads.
 */
export function createLayerView(source: LayerSource): TextView {
  const { raw, rawToRoot } = source;
  const rawForm: NormalForm = { text: raw, toRoot: rawToRoot };
  let clean: { form: NormalForm; map: OffsetMap | null } | undefined;
  let folded: NormalForm | undefined;

  const derivedForm = (text: string, map: OffsetMap | null): NormalForm => ({
    text,
    toRoot: (s, e) => {
      const inRaw = mapSpan(map, text.length, raw.length, s, e);
      return rawToRoot(inRaw.start, inRaw.end);
    },
  });

  const getClean = (): { form: NormalForm; map: OffsetMap | null } => {
    if (clean === undefined) {
      const d = cleanText(raw);
      clean = { form: d.map === null && d.text === raw ? rawForm : derivedForm(d.text, d.map), map: d.map };
    }
    return clean;
  };

  const getFolded = (): NormalForm => {
    if (folded === undefined) {
      const c = getClean();
      const d = foldText(c.form.text);
      folded = derivedForm(d.text, composeMaps(d.map, c.map, c.form.text.length));
    }
    return folded;
  };

  return Object.freeze({
    raw,
    depth: source.depth,
    via: Object.freeze([...source.via]),
    origin: Object.freeze({ start: source.origin.start, end: source.origin.end }),
    form(name: FormName): NormalForm {
      switch (name) {
        case 'raw': return rawForm;
        case 'clean': return getClean().form;
        case 'folded': return getFolded();
        default: return rawForm;
      }
    },
  });
}
