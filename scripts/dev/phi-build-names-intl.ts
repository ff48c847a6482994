/**
 * Writes data/names/intl-first.txt and intl-last.txt: given names and surnames from the
 * Latin-script locales of @faker-js/faker (MIT, a dev dependency) other than English and Spanish,
 * so names from the rest of Europe, Africa and Asia written in Latin letters are known too.
 * Words of three letters or fewer are left out (Can, Ali, Bo collide with ordinary words).
 * Run: npx tsx scripts/dev/phi-build-names-intl.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';

type Entries = readonly string[] | Record<string, readonly string[] | undefined> | undefined;
const LOCALES = [
  'af_ZA', 'az', 'cs_CZ', 'da', 'de', 'de_AT', 'de_CH', 'en_GH', 'en_ZA', 'fi', 'fr', 'fr_BE', 'fr_CH', 'fr_SN', 'hr', 'hu',
  'id_ID', 'it', 'ku_kmr_latin', 'lv', 'nb_NO', 'nl', 'nl_BE', 'pl', 'pt_BR', 'pt_PT', 'ro', 'ro_MD', 'sk', 'sl_SI',
  'sr_RS_latin', 'sv', 'tr', 'uz_UZ_latin', 'vi', 'yo_NG', 'zu_ZA',
];
// Latin letters only: a name list in Cyrillic or Greek would never match the Latin tokenizer.
const LATIN_WORD = /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'’-]{4,}$/;
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/names');

function flatten(value: Entries): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return [...(value as readonly string[])];
  return Object.values(value).flatMap((v) => (v ? [...v] : []));
}

function collect(field: 'first_name' | 'last_name'): string[] {
  const out = new Set<string>();
  for (const id of LOCALES) {
    const person = (allLocales as unknown as Record<string, { person?: Record<string, Entries> }>)[id]?.person;
    for (const n of flatten(person?.[field])) for (const part of n.split(/[\s,]+/)) if (LATIN_WORD.test(part) && /^[A-Z\u00c0-\u00de\u0100-\u017f]/.test(part)) out.add(part);
  }
  return [...out].sort();
}

for (const [file, field] of [['intl-first.txt', 'first_name'], ['intl-last.txt', 'last_name']] as const) {
  const names = collect(field);
  writeFileSync(path.join(outDir, file), `${names.join('\n')}\n`);
  console.log(`${file}: ${names.length}`);
}
