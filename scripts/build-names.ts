/**
 * Regenerates data/names/*.txt from @faker-js/faker (MIT), a dev dependency, so the shipped
 * package needs no runtime dependency for its name lists. Run: npx tsx scripts/build-names.ts
 * The output is sorted and de-duplicated so regenerating gives a reviewable diff.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';

type Entries = readonly string[] | Record<string, readonly string[] | undefined> | undefined;

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/names');

function flatten(value: Entries): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return [...(value as readonly string[])];
  return Object.values(value).flatMap((v) => (v ? [...v] : []));
}

function collect(locales: readonly string[], field: 'first_name' | 'last_name'): string[] {
  const out = new Set<string>();
  for (const id of locales) {
    const person = (allLocales as unknown as Record<string, { person?: Record<string, Entries> }>)[id]?.person;
    // Compound names ("Ana María") are split: the detector matches one word at a time.
    for (const n of flatten(person?.[field])) for (const part of n.split(/\s+/)) if (part.length > 1) out.add(part);
  }
  return [...out].sort();
}

function write(file: string, names: readonly string[]): void {
  writeFileSync(path.join(outDir, file), `${names.join('\n')}\n`);
  console.log(`${file}: ${names.length}`);
}

write('en-first.txt', collect(['en', 'en_US', 'en_GB', 'en_CA', 'en_AU', 'en_IE', 'en_IN', 'en_NG'], 'first_name'));
write('en-last.txt', collect(['en', 'en_US', 'en_GB', 'en_CA', 'en_AU', 'en_IE', 'en_IN', 'en_NG'], 'last_name'));
write('es-first.txt', collect(['es', 'es_MX'], 'first_name'));
write('es-last.txt', collect(['es', 'es_MX'], 'last_name'));
write('ko-given.txt', collect(['ko'], 'first_name'));

function places(locales: readonly string[], fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of locales) {
    const location = (allLocales as unknown as Record<string, { location?: Record<string, Entries> }>)[id]?.location;
    for (const f of fields) for (const n of flatten(location?.[f])) if (n.length > 2) out.add(n);
  }
  return [...out].sort();
}

// US state capitals that faker's city list lacks, written by hand (facts, CC0); not Dover, Augusta,
// Helena or Pierre, which are given names too: a place-listed word loses the lone-given-name rule.
const US_CAPITALS_EXTRA = ['Boise', 'Juneau', 'Frankfort', 'Annapolis', 'Saint Paul', 'Nashville', 'Montpelier'];

write('places-en.txt', [...new Set([...places(['en', 'en_US'], ['city_name', 'state']), ...US_CAPITALS_EXTRA])].sort());
write('places-es.txt', places(['es', 'es_MX'], ['city_name', 'state', 'county']));
