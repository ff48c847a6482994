// Guard against exponential or quadratic regex blow-up: every pattern, cue and requirement the
// rule table compiles runs over 100 KB hostile strings. The bound is deliberately generous; this
// is a safety net, not a speed test (speed is measured by scripts/dev/rules-bench.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, createRuleDetector } from './index.js';
import { plainContext, plainView } from './test-view.js';
import { MODES } from '../../../core/types.js';

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const allTriggers = [...new Set(RULES.flatMap((r) => r.triggers))].join(' ');

const HOSTILE: Record<string, string> = {
  ignore: fill('ignore '),
  ignoreAllPrevious: fill('ignore all previous '),
  chatToken: fill('<|'),
  mdImage: fill('!['),
  openUrl: `![x](https://a.example/?q=${'a'.repeat(SIZE)}`,
  letters: 'a'.repeat(SIZE),
  spaces: ' '.repeat(SIZE),
  youAre: fill('you are '),
  assignments: fill("a = 'x"),
  turns: fill('\nhuman: '),
  hangul: fill('이전 지시 '),
  cjk: fill('忽略之前的'),
  triggers: fill(`${allTriggers} `),
  brackets: fill(') ] } '),
  hashes: fill('#'),
  urlish: fill('http://a?b={c'),
};

const BOUND_MS = 2000;

function timeAll(re: RegExp, text: string): number {
  const g = new RegExp(re.source, re.flags.replace('y', '').includes('g') ? re.flags.replace('y', '') : `${re.flags.replace('y', '')}g`);
  const t0 = performance.now();
  for (let m = g.exec(text); m !== null; m = g.exec(text)) if (m[0].length === 0) g.lastIndex++;
  return performance.now() - t0;
}

test('every rule regex is linear enough on 100 KB hostile input', () => {
  const slow: string[] = [];
  for (const rule of RULES) {
    const regexes: Array<[string, RegExp]> = [['pattern', rule.pattern], ...rule.cues.map((c, i): [string, RegExp] => [`cue${i}`, c.re])];
    if (rule.requires) regexes.push(['requires', rule.requires]);
    for (const [what, re] of regexes) {
      for (const [name, text] of Object.entries(HOSTILE)) {
        const ms = timeAll(re, text);
        if (ms > BOUND_MS) slow.push(`${rule.id} ${what} on ${name}: ${Math.round(ms)} ms`);
      }
    }
  }
  assert.deepEqual(slow, []);
});

test('the detector finishes on 100 KB hostile input in every mode', () => {
  const detector = createRuleDetector();
  for (const [name, text] of Object.entries(HOSTILE)) {
    const view = plainView(text);
    for (const mode of MODES) {
      const t0 = performance.now();
      const findings = detector.detect(view, plainContext(view, mode));
      const ms = performance.now() - t0;
      assert.ok(ms < BOUND_MS, `${name} in ${mode} mode took ${Math.round(ms)} ms`);
      assert.ok(findings.length <= RULES.length * 16, 'hits per rule are capped');
    }
  }
});
