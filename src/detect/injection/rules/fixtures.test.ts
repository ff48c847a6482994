// Every written attack must fire its family; no clinical line may reach 0.5 (a combinable hint, never a block).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRuleDetector } from './index.js';
import { plainContext, plainView } from './test-view.js';
import { MODES, type Mode } from '../../../core/types.js';

const detector = createRuleDetector();

function rows(path: string): string[][] {
  return readFileSync(new URL(path, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.replace(/\\n/g, '\n')));
}

const asMode = (m: string | undefined): Mode => {
  assert.ok(MODES.includes(m as Mode), `bad mode ${String(m)}`);
  return m as Mode;
};

test('attack fixtures: each attack fires its family', () => {
  const attacks = rows('../../../../test/fixtures/attacks.txt');
  assert.ok(attacks.length >= 80);
  const misses: string[] = [];
  for (const [family, mode, text] of attacks) {
    const view = plainView(text ?? '');
    const found = detector.detect(view, plainContext(view, asMode(mode)));
    if (!found.some((f) => f.kind === `injection.${family}`)) {
      misses.push(`${family}: ${text} -> ${found.map((f) => f.rule).join(',') || 'nothing'}`);
    }
  }
  assert.deepEqual(misses, []);
});

test('clinical fixtures: no finding reaches 0.5', () => {
  const benign = rows('../../../../test/fixtures/clinical-benign.txt');
  assert.ok(benign.length >= 80);
  const alarms: string[] = [];
  for (const [mode, text] of benign) {
    const view = plainView(text ?? '');
    for (const f of detector.detect(view, plainContext(view, asMode(mode)))) {
      if (f.score >= 0.5) alarms.push(`${f.rule}=${f.score}: ${text}`);
    }
  }
  assert.deepEqual(alarms, []);
});
