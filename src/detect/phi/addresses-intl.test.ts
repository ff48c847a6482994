import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAddressesIntl } from './addresses-intl.js';
import type { PhiType } from './types.js';

const found = (text: string, type: PhiType = 'LOCATION'): string[] => {
  const out: string[] = [];
  findAddressesIntl(text, (s, e, t) => { if (t === type) out.push(text.slice(s, e)); });
  // Two rules may find the same street (a type word and an address slot); the scan keeps one.
  return [...new Set(out)];
};

test('street types before and after the name, glued or apart, in any case the line uses', () => {
  assert.deepEqual(found('The bus station is on Villacher Strasse 89'), ['Villacher Strasse 89']);
  assert.deepEqual(found('Not getting mail at Hammarvägen 15 lately'), ['Hammarvägen 15']);
  assert.deepEqual(found('We moved to Via Giuseppe Verdi 12 last year'), ['Via Giuseppe Verdi 12']);
  assert.ok(found('pedestrians must enter on hegyalja út 98. st. the first three days').includes('hegyalja út 98. st.'));
  assert.ok(found('Lettre pour 29 Rue de Tanger, Paris').includes('29 Rue de Tanger'));
});

test('street types of more languages, house numbers written nº/no/Bloc/s/n, a lower-case type word in the lead', () => {
  assert.deepEqual(found('My new place is Bahçe Sokak 72c, Kırşehir'), ['Bahçe Sokak 72c', 'Kırşehir']);
  assert.deepEqual(found('Pedestrians must enter on Papp fasor 89 today'), ['Papp fasor 89']);
  assert.deepEqual(found('The shop is at Strenču gatve 403 in town.'), ['Strenču gatve 403']);
  assert.ok(found('Ozana Neacsu\nAleea Romeo, Bloc 92\nAp. 25').includes('Aleea Romeo, Bloc 92'));
  assert.ok(found('We meet at Rampa Jerónimo s/n, 15705 Santiago').includes('Rampa Jerónimo s/n'));
  assert.ok(found('The bus station is on Jalan Nasyiah no 10 now').includes('Jalan Nasyiah no 10'));
  assert.ok(found('The bus station is on Trg Republike 35a now').includes('Trg Republike 35a'));
  assert.ok(found('We will meet at Trg republike 35a, Trebnje.').includes('Trg republike 35a'));
  assert.ok(found('The bus station is on Cesta Ljubljanske brigade 47b now').includes('Cesta Ljubljanske brigade 47b'));
});

test('English number-first streets by their suffix, in either case, and the town of an English line', () => {
  assert.ok(found('The bus station is on 742 Natalie Cape today').includes('742 Natalie Cape'));
  assert.ok(found('ship it to: 99 west lane suite 192, upper herman hx9 8dg').includes('99 west lane suite 192'));
  assert.ok(found('who lives at 123 Maple St, Springfield, seen today').includes('123 Maple St, Springfield'));
  for (const text of ['She completed the 6 Minute Walk test', 'took 2 laps around the park', 'Take 2 tablets by mouth every day', 'walked 3 blocks down the road', 'scored 12 Points Higher on the scale', 'after 2 Carpal Tunnel Releases', 'injected 3 Trigger Points', 'a 5 Day Course of steroids', 'sampled 4 Lymph Node Stations', '7 Key Points Review']) assert.deepEqual(found(text), [], text);
});

test('German streets named by a preposition, French and Italian numbers before the type', () => {
  assert.ok(found("We'll meet at An der Luisenburg 91c, Bryanburg.").includes('An der Luisenburg 91c'));
  assert.ok(found('Auf dem Forst 2, 4 OG, Neu Adamscheid').includes('Auf dem Forst 2'));
  assert.ok(found("Please send the letter to 78 Passage de l'Abbaye, 90912 Nantes.").includes("78 Passage de l'Abbaye"));
  for (const text of ['Am Tag 3 nach der OP', 'Im Jahr 2019 war er gesund', 'Im Verlauf 2 Episoden', 'Am Zimmer 12 Visite']) assert.deepEqual(found(text), [], text);
});

test('a building number before a street with its own number, and the rest of the block', () => {
  assert.ok(found("We'll meet at Locavore, 641 Dašická 688, Turkovice").includes('641 Dašická 688'));
  const block = 'Guðgeir\n688 rue du centre 320\napt. 169\nmarke\nbelgium 97466';
  assert.deepEqual(found(block).sort(), ['688 rue du centre 320', '97466', 'apt. 169', 'belgium', 'marke']);
  assert.ok(found('Please send the letter to Bierkellerweg 57, 2447 Horgen.').includes('2447'));
});

test('military addresses, postcodes after a town, labelled phone lines', () => {
  assert.deepEqual(found('stillwater inc.\npsc 5420, box 2708\napo aa 33879'), ['psc 5420, box 2708\napo aa 33879']);
  assert.deepEqual(found('USCGC Hamilton\nFPO AE 44941'), ['USCGC Hamilton\nFPO AE 44941']);
  assert.deepEqual(found('to support Nautilytics in København K 1421 in its mission'), ['København K 1421']);
  assert.deepEqual(found('Kaevu 94\nNicosia\n28-64-66-98 office\n', 'PHONE'), ['28-64-66-98']);
});

test('doses, counts, measurements and titles are not streets', () => {
  for (const text of [
    'a lo largo de 10 horas se infundió', 'continuando con ciprofloxacino via oral 750 mg dos veces al día',
    'guidelines for Type 1 Diabetes in a 12-year-old girl', 'recibió 60 Gy en 30 sesiones', 'Leucocitos 17850 Neutrofilos 86% Hemoglobina 16',
    'see Guilty Pleasures: 5 Musicians Of The 70s', 'She is on Lisinopril 20 daily', 'seen in October 2019', 'admitted in Room 1021',
    'Take 2 Tylenol 500 mg', 'Call 555-0100 for results', 'treated with 25 Gy in 5 fractions',
    'Laboratory Results\nPotassium 4\nSodium 140\n', 'Hemograma completo\nLeucocitos 17850\nPlaquetas 275000\n',
  ]) assert.deepEqual(found(text), [], text);
});

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

for (const unit of ['Ab Cd\nAb 1\n', 'ab cd\nef 12\n1234\n', 'Ab Strasse 1 ', '1 Ab 2 ', 'in Ab 1234 ', 'rue ab ', 'Ab\n1\n', 'psc 1 box ', 'the corner of Ab and ', 'ship to: ab 1 ', '12 34 office\n', 'Calle Ab s/n ', 'Aleea Ab, Bloc 1 ', 'Jalan Ab no 1 ', 'ab fasor 1 ', 'place is Ab sokak 1 ', '1 Ab Cd Ef Road ', '1 ab ab lane, ', '12 Ab Lane, Ab Cd, ', 'An der Ab Cd 1 ', 'am ab 1 ', '1 Passage de la Ab ']) {
  test(`linear on 100 KB of ${JSON.stringify(unit)}`, () => {
    const t0 = process.hrtime.bigint();
    findAddressesIntl(fill(unit), () => undefined);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });
}
