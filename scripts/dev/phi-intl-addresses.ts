/**
 * How far the address rules carry beyond the dev file: faker street addresses, secondary lines,
 * cities and postcodes of 30 locales in address-block and in-sentence templates written here,
 * scored as the eval scores Presidio (a gold address touched by any finding). Seeded, so runs are
 * comparable. npx tsx scripts/dev/phi-intl-addresses.ts [--misses]
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { detectPhi } from '../../src/detect/phi/index.js';

const LOCALES = ['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'it', 'nl', 'pl', 'cs_CZ', 'sk', 'hu', 'hr', 'sl_SI', 'sv', 'nb_NO', 'da', 'fi', 'pt_PT', 'pt_BR', 'ro', 'tr', 'lv', 'id_ID', 'es', 'es_MX', 'en_GB', 'en_AU', 'en_IN', 'fr_CA', 'nl_BE'];
const TEMPLATES = [
  'The bus station is on {S}.', 'Please send the letter to {S}, {P} {C}.', 'Our office moved to {S}\n{C}\n{P}', '{N}\n{S}\n{A}\n{C}\n{P}',
  'We\'ll meet at {S}, {C}.', 'Ship it to: {S} {A}, {C} {P}', 'I live in {C} {P}.', 'Address: {S}, {P} {C}', 'Can you update my address to {S} {A}?',
  'Pedestrians must enter on {S}.', 'The shop is at {S} in {C}.',
];
const misses = process.argv.includes('--misses');
let gold = 0;
let hit = 0;
let i = 0;
for (const l of LOCALES) {
  const f = (allFakers as Record<string, Faker>)[l] ?? allFakers.en;
  f.seed(7);
  for (const t of TEMPLATES) {
    for (let r = 0; r < 3; r++, i++) {
      const fill: Record<string, string> = { S: f.location.streetAddress(), A: f.location.secondaryAddress(), C: f.location.city(), P: f.location.zipCode(), N: f.person.fullName() };
      let text = '';
      const spans: Array<[number, number, string]> = [];
      for (const part of t.split(/(\{[A-Z]\})/)) {
        const k = /^\{([A-Z])\}$/.exec(part)?.[1];
        if (!k) { text += part; continue; }
        const v = fill[k] ?? '';
        if (k === 'S' || k === 'A' || k === 'P') spans.push([text.length, text.length + v.length, k]);
        text += v;
      }
      if (i % 4 === 3) text = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
      const found = detectPhi(text);
      for (const [a, b, k] of spans) {
        gold++;
        if (found.some((s) => s.start < b && a < s.end)) hit++;
        else if (misses) console.log(`MISS ${k} ${l}: ${text.slice(0, a)}[[${text.slice(a, b)}]]${text.slice(b)}`.replace(/\n/g, '⏎'));
      }
    }
  }
}
console.log(`faker addresses: ${hit}/${gold} = ${(hit / gold).toFixed(3)} touched`);
