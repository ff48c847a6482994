/**
 * How far the address rules carry beyond the dev file: faker (a different generator from
 * Presidio's Python Faker) streets, secondary lines, cities, states and postcodes of 45 Latin-script
 * locales in address-block and in-sentence templates written here, scored as the eval scores
 * Presidio (a gold part touched by any finding). Seeded, so runs are comparable.
 *
 * Two halves keep the estimate honest: rules may be tuned on the "tune" half (the first 30 locales
 * with the tune templates); everything involving a held-out template or a held-out locale is
 * "held out" and is only read as a figure, never as a miss list (--misses prints tune misses only,
 * --misses-all both). Headline = street + unit + postcode, the parts Presidio labels; cities are
 * HIPAA PHI but Presidio-neutral, so they are a separate line; states are not PHI (info only).
 * "stray" counts LOCATION findings over template words (no filled slot): a precision hint.
 * npx tsx scripts/dev/phi-intl-addresses.ts [--misses | --misses-all]
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { detectPhi } from '../../src/detect/phi/index.js';

const TUNE_LOCALES = ['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'it', 'nl', 'pl', 'cs_CZ', 'sk', 'hu', 'hr', 'sl_SI', 'sv', 'nb_NO', 'da', 'fi', 'pt_PT', 'pt_BR', 'ro', 'tr', 'lv', 'id_ID', 'es', 'es_MX', 'en_GB', 'en_AU', 'en_IN', 'fr_CA', 'nl_BE'];
const HELD_LOCALES = ['en_US', 'en_CA', 'en_IE', 'en_ZA', 'en_NG', 'en_GH', 'af_ZA', 'fr_CH', 'fr_LU', 'fr_SN', 'sr_RS_latin', 'ro_MD', 'az', 'vi', 'cy'];
/** {S} street address, {A} secondary unit, {C} city, {P} postcode, {T} state, {N} a person's name. */
const TUNE_TEMPLATES = [
  'The bus station is on {S}.', 'Please send the letter to {S}, {P} {C}.', 'Our office moved to {S}\n{C}\n{P}', '{N}\n{S}\n{A}\n{C}\n{P}',
  'We\'ll meet at {S}, {C}.', 'Ship it to: {S} {A}, {C} {P}', 'I live in {C} {P}.', 'Address: {S}, {P} {C}', 'Can you update my address to {S} {A}?',
  'Pedestrians must enter on {S}.', 'The shop is at {S} in {C}.',
  'She grew up in {C} and moved away at twenty.', 'The zip code is {P}, if that helps.', '{N} lives on {S} with two cats.',
  'Billing address:\n{N}\n{S} {A}\n{P} {C}\n{T}', 'My new place is {S}, {A}, {C}, {T} {P}.',
];
const HELD_TEMPLATES = [
  'Deliveries go to {S} ({A}) before noon.', 'They opened a second branch in {C} last spring.', 'Postcode {P}, town {C}.',
  'Could the courier leave the parcel at {S}?', '{N}, {S}, {C} {P}', 'The meeting point is {S}, near the station in {C}.',
  'We drove from {C} to the coast.', 'Return address: {S}, {C}, {T}', 'Her flat is {A}, {S}.', 'Mail for {N} now goes to {P} {C}, {S}.',
  'Contact:\n{N}\n{S}\n{P} {C}\nTel. on request', 'Is {S} {A} still your address?', 'I work in {C}, {T} but live elsewhere.',
];
const PARTS = ['S', 'A', 'P', 'C', 'T'] as const;
type Part = (typeof PARTS)[number];
const args = process.argv.slice(2);
const misses = args.includes('--misses') || args.includes('--misses-all');
const missesAll = args.includes('--misses-all');

interface Tally { gold: Record<Part, number>; hit: Record<Part, number>; stray: number; texts: number }
const tally = (): Tally => ({ gold: { S: 0, A: 0, P: 0, C: 0, T: 0 }, hit: { S: 0, A: 0, P: 0, C: 0, T: 0 }, stray: 0, texts: 0 });
const halves = { tune: tally(), held: tally() };

function run(locale: string, templates: readonly string[], held: boolean, seed: number): void {
  const f = (allFakers as Record<string, Faker>)[locale] ?? allFakers.en;
  f.seed(seed);
  const t0 = halves[held ? 'held' : 'tune'];
  for (const [ti, t] of templates.entries()) {
    for (let r = 0; r < 3; r++) {
      const fill: Record<string, string> = { S: f.location.streetAddress(), A: f.location.secondaryAddress(), C: f.location.city(), P: f.location.zipCode(), T: safe(() => f.location.state()), N: f.person.fullName() };
      let text = '';
      const slots: Array<[number, number, string]> = [];
      for (const part of t.split(/(\{[A-Z]\})/)) {
        const k = /^\{([A-Z])\}$/.exec(part)?.[1];
        if (!k) { text += part; continue; }
        const v = fill[k] ?? '';
        slots.push([text.length, text.length + v.length, k]);
        text += v;
      }
      // Every fourth text typed wholly in lower case (chat style), when that keeps the offsets.
      if ((ti * 3 + r) % 4 === 3 && text.toLowerCase().length === text.length) text = text.toLowerCase();
      const found = detectPhi(text);
      t0.texts++;
      for (const [a, b, k] of slots) {
        if (k === 'N' || a === b) continue;
        const part = k as Part;
        t0.gold[part]++;
        if (found.some((s) => s.start < b && a < s.end)) t0.hit[part]++;
        else if (misses && (missesAll || !held) && part !== 'T') console.log(`MISS ${k} ${locale}${held ? ' (held)' : ''}: ${text.slice(0, a)}[[${text.slice(a, b)}]]${text.slice(b)}`.replace(/\n/g, '⏎'));
      }
      for (const s of found) {
        if (s.type !== 'LOCATION' || slots.some(([a, b]) => s.start < b && a < s.end)) continue;
        t0.stray++;
        if (misses && (missesAll || !held)) console.log(`STRAY ${locale}: ${text.slice(0, s.start)}[[${text.slice(s.start, s.end)}]]${text.slice(s.end)}`.replace(/\n/g, '⏎'));
      }
    }
  }
}

function safe(get: () => string): string {
  try { return get(); } catch { return ''; }
}

for (const l of TUNE_LOCALES) { run(l, TUNE_TEMPLATES, false, 7); run(l, HELD_TEMPLATES, true, 11); }
for (const l of HELD_LOCALES) run(l, [...TUNE_TEMPLATES, ...HELD_TEMPLATES], true, 13);

const share = (h: number, g: number): string => `${h}/${g} = ${g ? (h / g).toFixed(3) : '-'}`;
for (const [name, t] of Object.entries(halves)) {
  const hg = t.gold.S + t.gold.A + t.gold.P;
  const hh = t.hit.S + t.hit.A + t.hit.P;
  const per = PARTS.map((p) => `${p} ${share(t.hit[p], t.gold[p])}`).join(', ');
  console.log(`${name === 'tune' ? 'tune    ' : 'held out'}: street+unit+postcode ${share(hh, hg)}; ${per}; stray LOCATION ${t.stray} in ${t.texts} texts`);
}
