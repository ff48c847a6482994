import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAddressesIntl } from './addresses-intl.js';

const found = (text: string): string[] => {
  const out: string[] = [];
  findAddressesIntl(text, (s, e, t) => { if (t === 'LOCATION') out.push(text.slice(s, e)); });
  return [...new Set(out)];
};
const has = (text: string, ...parts: string[]): void => {
  const f = found(text);
  for (const p of parts) assert.ok(f.includes(p), `${p} not in ${JSON.stringify(f)} for ${JSON.stringify(text)}`);
};

test('the unit after a street, in the forms of several languages', () => {
  has('Ship it to: pl. Gutowski 47b m. 241, Górzno 93-850', 'm. 241', 'Górzno', '93-850');
  has('Can you update my address to Euckenstr. 9 Zimmer 220?', 'Zimmer 220');
  has('Ship it to: Orsós köz 241 9.em 38 ajtó, Mátraderecske 0708', '9.em 38 ajtó', '0708');
  has('Can you update my address to Theopark 551 II 2 hoog?', '2 hoog');
  has('My new place is Calle Micaela 12, 1º C, Vigo, Castilla y León 77491.', '1º C', 'Vigo', '77491');
});

test('town, region and postcode segments on the street line, and the lines of a block', () => {
  has('My new place is Åbergs Väg 550, Lgh. 121, Östersås, Södermanland 31741.', 'Lgh. 121', 'Östersås', '31741');
  has('Please send the letter to Szindbád sétány 908, 6038 Csém.', '6038', 'Csém');
  has('The shop is at Torņa laukums 205 in Baldone.', 'Baldone');
  has('Our office moved to ul. Dąbek 9/2\nDziwnów\n68-510', 'Dziwnów', '68-510');
  has('Billing address:\nSofie Hallmann\nHainschwang 989\n1623 Vitis\nVorarlberg', '1623', 'Vitis');
  has('Anne Breton\n129 Suzanne de Caumartin\n2 étage\nRouxbury\nS5C 1D1', '129 Suzanne de Caumartin', '2 étage', 'Rouxbury', 'S5C 1D1');
  has('Ship it to: Puente Esteban Menchaca Guajardo, 5 2o B, Parla 42491', '2o B', 'Parla', '42491');
  has('My new place is Florineweg 106c, 2 hoog, Graverecht, Friesland 7528 VT.', 'Friesland', '7528 VT');
  has('My new place is rynek Markowski 82a, m. 415, Zamość, lubelskie 27-185.', 'lubelskie', '27-185');
  has('Ship it to: Beco Manel Simões 5 4C, Vila Real de Santo António 1882-358', '4C', '1882-358');
  has('I live in New Aaronfield A6P 9Q0.', 'New Aaronfield A6P 9Q0');
});

test('the tail stops at words that are no town, and at the end of the sentence', () => {
  assert.deepEqual(found('Ciset lives on Rua Mina 50 street.'), ['Rua Mina 50']);
  assert.deepEqual(found('We met at Rua Mina 50, if that helps, Porto'), ['Rua Mina 50']);
  assert.deepEqual(found('She lives at Via Roma 5. Then Maria called in 2019.'), ['Via Roma 5.']);
  // A count and a drug over a dose or lab line is no address block.
  assert.deepEqual(found('Laboratory Results\n2 Potassium Chloride\n1200 Glucose\n'), []);
  assert.deepEqual(found('Medication List\n2 Tylenol\n1000 mg daily\n'), []);
  // Clinical lines with numbers and no street type never start a tail.
  for (const text of ['Room 4 Ward B, Bed 2', 'Take 2 tablets, Morning 500 mg', 'seen in Clinic 4, Floor 2, 2019', 'Lote 47 del fármaco, caducidad 2025']) assert.deepEqual(found(text), [], text);
});

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
for (const unit of ['Via Ab 1, Cd, ', 'Via Ab 1 m. 2 m. 3 ', 'Via Ab 1\nAb\nAb Cd\n', 'via ab 1, ab ab ab ab ab ab ab', 'Via Ab 1, 12-345 ', 'Via Ab 1 in Ab in Ab ']) {
  test(`tail linear on 100 KB of ${JSON.stringify(unit)}`, () => {
    const t0 = process.hrtime.bigint();
    findAddressesIntl(fill(unit), () => undefined);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });
}
