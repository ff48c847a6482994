import * as chars from './chars.js';

// tsx (tests, benchmarks) compiles each imported function to a getter call; these loops run per
// character, so they call module-local bindings taken once here.
const { confusableTarget, isCyrillicOrGreek, isLatinLetter, isWordChar } = chars;

/** A word whose Cyrillic/Greek look-alikes disguise Latin text. */
export interface DisguisedWord {
  readonly start: number;
  readonly end: number;
  /** True when Latin letters and look-alikes share the word; false for a word of look-alikes only. */
  readonly mixed: boolean;
}

const enum WordClass { Other, Latin, Native, Mixed, AllConfusable }

/**
 * Finds the words the clean form folds to Latin: words mixing Latin letters with look-alikes,
 * and words made only of look-alikes unless a neighbouring word is genuinely Cyrillic/Greek (so
 * the Russian preposition "о" in Russian prose stays Cyrillic). `at(i)` reads UTF-16 unit i.
 */
export function findDisguisedWords(length: number, at: (i: number) => number): DisguisedWord[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const classes: WordClass[] = [];
  let i = 0;
  while (i < length) {
    if (!isWordChar(at(i))) {
      i++;
      continue;
    }
    const ws = i;
    let latin = 0;
    let conf = 0;
    let native = 0;
    while (i < length) {
      const c = at(i);
      if (!isWordChar(c)) break;
      if (isLatinLetter(c)) latin++;
      else if (confusableTarget(c) !== 0) conf++;
      else if (isCyrillicOrGreek(c)) native++;
      i++;
    }
    starts.push(ws);
    ends.push(i);
    classes.push(conf === 0 ? (native > 0 ? WordClass.Native : latin > 0 ? WordClass.Latin : WordClass.Other)
      : native > 0 ? WordClass.Native : latin > 0 ? WordClass.Mixed : WordClass.AllConfusable);
  }
  const out: DisguisedWord[] = [];
  for (let w = 0; w < classes.length; w++) {
    const cls = classes[w];
    if (cls !== WordClass.Mixed && cls !== WordClass.AllConfusable) continue;
    if (cls === WordClass.AllConfusable && (neighbour(classes, w, -1) === WordClass.Native || neighbour(classes, w, 1) === WordClass.Native)) continue;
    out.push({ start: starts[w] ?? 0, end: ends[w] ?? 0, mixed: cls === WordClass.Mixed });
  }
  return out;
}

function neighbour(classes: readonly WordClass[], w: number, step: number): WordClass {
  for (let j = w + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c !== undefined && c !== WordClass.Other && c !== WordClass.AllConfusable) return c;
  }
  return WordClass.Other;
}
