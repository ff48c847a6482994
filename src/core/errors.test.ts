import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CODES, MedguardError, isMedguardError } from './errors.js';

test('every error code is documented in docs/errors.md and vice versa', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| (MG_[A-Z0-9_]+) \|/gm)].map((m) => m[1]));
  const inCode = new Set(Object.keys(ERROR_CODES));
  assert.deepEqual([...inCode].filter((c) => !documented.has(c)), [], 'codes missing from docs/errors.md');
  assert.deepEqual([...documented].filter((c) => !inCode.has(c as string)), [], 'documented codes missing from ERROR_CODES');
});

test('MedguardError carries code and field and is recognisable', () => {
  const e = new MedguardError('MG_CONFIG_INVALID', 'bad', { field: 'routes[0].policy' });
  assert.equal(e.code, 'MG_CONFIG_INVALID');
  assert.equal(e.field, 'routes[0].policy');
  assert.ok(isMedguardError(e));
  assert.ok(!isMedguardError(new Error('x')));
});
