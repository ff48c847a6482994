/**
 * Name and place lists shipped under data/names/ (see data/names/SOURCES.md). Loaded lazily once
 * per process: a library that never looks for names pays nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MedguardError } from '../../core/errors.js';

export interface Lexicon {
  /** Lower-cased Latin-script given names (English + Spanish). */
  readonly first: ReadonlySet<string>;
  /** Lower-cased Latin-script surnames (English + Spanish). */
  readonly last: ReadonlySet<string>;
  /**
   * `first` / `last` plus the other Latin-script locales (intl-*.txt): big enough that some entries
   * are also words in English or Spanish (Oral, Candida), so used only where a second signal exists.
   */
  readonly firstWide: ReadonlySet<string>;
  readonly lastWide: ReadonlySet<string>;
  /**
   * The accented entries of firstWide / lastWide without their accents ("mendez" for "méndez"),
   * for text typed in lower case, whose writers skip accents as they skip capitals. Not where the
   * bare form is an ordinary word.
   */
  readonly firstFolded: ReadonlySet<string>;
  readonly lastFolded: ReadonlySet<string>;
  /**
   * Words written in lower case again and again in cased licensed medical text (common-lower.txt):
   * ordinary words, even where a name list also has them (fine, hand, balance).
   */
  readonly common: ReadonlySet<string>;
  /** Lower-cased city / state / province names, single or multi word. */
  readonly places: ReadonlySet<string>;
  /** Spanish-speaking places: distinctive enough to count without a locative cue. */
  readonly placesEs: ReadonlySet<string>;
  readonly koSurnames: ReadonlySet<string>;
  /** Syllables seen in Korean given names. */
  readonly koGivenSyllables: ReadonlySet<string>;
  readonly koGiven: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

function findDataDir(): string {
  // Works from src/ (tsx, tests) and dist/ (published package): walk up to the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'names');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new MedguardError('MG_MODEL_INVALID', 'PHI name lists (data/names) are missing from the installation');
}

function readList(dir: string, file: string): string[] {
  try {
    return readFileSync(path.join(dir, file), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
  } catch (cause) {
    throw new MedguardError('MG_MODEL_INVALID', `PHI name list ${file} could not be read`, { cause });
  }
}

/** Common given-name syllables beyond the shipped list, so older generations' names are covered. */
const EXTRA_KO_GIVEN_SYLLABLES =
  '민서준지현영수은진희성호우정경미숙자순혜연윤재동훈철석태상용원혁승하유예채아나다가주선옥남기광종병명창규한찬빈건범섭식길춘란애화덕근택인환욱진열웅균찬휘솔람결별봄율온슬린담효련령옥분말금향임월';

function folded(names: ReadonlySet<string>, common: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (/^[a-z' -]*$/.test(n)) continue;
    const bare = n.normalize('NFD').replace(/\p{M}/gu, '');
    if (bare !== n && /^[a-z' -]+$/.test(bare) && !common.has(bare) && !names.has(bare)) out.add(bare);
  }
  return out;
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  const dir = findDataDir();
  const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  const koGiven = readList(dir, 'ko-given.txt');
  const syllables = new Set<string>(EXTRA_KO_GIVEN_SYLLABLES);
  for (const g of koGiven) for (const ch of g) syllables.add(ch);
  const first = lower([...readList(dir, 'en-first.txt'), ...readList(dir, 'es-first.txt')]);
  const last = lower([...readList(dir, 'en-last.txt'), ...readList(dir, 'es-last.txt')]);
  const firstWide = new Set([...first, ...lower(readList(dir, 'intl-first.txt'))]);
  const lastWide = new Set([...last, ...lower(readList(dir, 'intl-last.txt'))]);
  const common = new Set(readList(dir, 'common-lower.txt'));
  cached = Object.freeze({
    first,
    last,
    firstWide,
    lastWide,
    firstFolded: folded(firstWide, common),
    lastFolded: folded(lastWide, common),
    common,
    places: lower([...readList(dir, 'places-en.txt'), ...readList(dir, 'places-es.txt')]),
    placesEs: lower(readList(dir, 'places-es.txt')),
    koSurnames: new Set(readList(dir, 'ko-surnames.txt')),
    koGivenSyllables: syllables,
    koGiven: new Set(koGiven),
  });
  return cached;
}

/**
 * An ordinary word of medical prose (yeah, review, oral), or its plural (agreements) when no name
 * list has the plural: "Patient: Yeah" in a transcript and "Gene Review" are no names.
 */
export function isOrdinary(lower: string, lex: Lexicon): boolean {
  if (lex.common.has(lower)) return true;
  return lower.endsWith('s') && lex.common.has(lower.slice(0, -1)) && !lex.first.has(lower) && !lex.last.has(lower);
}
