import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVault } from '../../deid/index.js';
import { createFingerprinter } from './fingerprint.js';
import { KnownValues } from './known.js';

test('request values are known whole; names also word by word, titles ignored', () => {
  const k = new KnownValues(createFingerprinter());
  k.add('John Smith', true);
  k.add('617-555-0123', false);
  assert.ok(k.has('john  smith', true));
  assert.ok(k.has('Mr Smith', true));
  assert.ok(k.has('617-555-0123', false));
  assert.ok(!k.has('Jane Smith', true));
  assert.ok(!k.has('555-0123', false));
  assert.ok(!k.has('Dr', true), 'a bare title is not a known name');
});

test('surrogates the model saw are known', () => {
  const vault = createVault();
  vault.bind('NAME', 'John Smith', 'Michael Jones');
  const k = new KnownValues(createFingerprinter());
  k.addSurrogates(vault);
  assert.ok(k.has('Mr Jones', true));
  assert.ok(!k.has('John Smith', true));
});
