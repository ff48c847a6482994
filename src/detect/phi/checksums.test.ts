import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidAba, isValidCard, isValidDea, isValidIban, isValidKrRrnChecksum, isValidNpi, isValidVin, luhn } from './checksums.js';

const table: ReadonlyArray<readonly [string, (s: string) => boolean, string, boolean]> = [
  ['luhn', luhn, '79927398713', true],
  ['luhn', luhn, '79927398710', false],
  ['npi', isValidNpi, '1234567893', true],
  ['npi', isValidNpi, '1234567890', false],
  ['npi', isValidNpi, '3234567893', false],
  ['dea', isValidDea, 'AB1234563', true],
  ['dea', isValidDea, 'AB1234567', false],
  ['card visa', isValidCard, '4111 1111 1111 1111', true],
  ['card amex', isValidCard, '378282246310005', true],
  ['card bad luhn', isValidCard, '4111111111111112', false],
  ['card unknown prefix', isValidCard, '9111111111111119', false],
  ['aba', isValidAba, '011000015', true],
  ['aba', isValidAba, '011000016', false],
  ['iban gb', isValidIban, 'GB82 WEST 1234 5698 7654 32', true],
  ['iban es', isValidIban, 'ES9121000418450200051332', true],
  ['iban bad', isValidIban, 'GB82WEST12345698765433', false],
  ['vin', isValidVin, '1M8GDM9AXKP042788', true],
  ['vin', isValidVin, '1M8GDM9A1KP042788', false],
  ['rrn', isValidKrRrnChecksum, '800101-1000008', true],
  ['rrn', isValidKrRrnChecksum, '800101-1000007', false],
];

for (const [name, fn, input, expected] of table) {
  test(`${name}: ${input} -> ${String(expected)}`, () => {
    assert.equal(fn(input), expected);
  });
}

test('rrn check digit: computed digit passes, any other fails', () => {
  const body = '850101100000';
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
  const check = (11 - (sum % 11)) % 10;
  assert.equal(isValidKrRrnChecksum(body + String(check)), true);
  assert.equal(isValidKrRrnChecksum(body + String((check + 1) % 10)), false);
});
