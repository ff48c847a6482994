// Covers the genomic rules too: one table of hostile inputs for every pattern medguard matches with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECRET_RULES } from './rules.js';
import { GENOMIC_RULES } from '../genomic/rules.js';

// Runs of every character class the secret and genomic patterns quantify over, plus their
// prefixes and separators repeated, each about 100 KB, so a rule that backtracks shows up.
const UNITS = ['a', 'A', '1', ' ', '\t', '\n', '-', '_', ':', '/', '=', '.', ';', '"', '*', 'aA1', 'aA1-', 'eyJ', 'eyJa.', 'sk-', 'sk-ant-',
  'ghp_', 'AKIA', 'SG.', 'xoxb-', '://a:', 'a:b@', 'password=', 'pwd=', 'password: ', 'token: ', 'Bearer ', 'AccountKey=',
  '-----BEGIN ', 'rs1 ', 'rs1 A;', 'c.1', 'c.1_', 'c.1del', 'p.Arg1', 'p.(', 'NM_0001.1:', 'KRAS ', 'KRAS G1', 'APOE e', 'CYP2D6 *1/',
  'HLA-B*57:', '#CHROM\t', '1\t1\tx\tA\tC\t1\tP\tI\t', 'chr1 1 x A ', 'ACGT', 'ACGT ', '>h\nACGT'];
const hostile = UNITS.map((u) => u.repeat(Math.ceil(100_000 / u.length)));

for (const rule of [...SECRET_RULES, ...GENOMIC_RULES]) {
  test(`regex ${rule.name} is linear on 100 KB adversarial strings`, () => {
    const t0 = process.hrtime.bigint();
    for (const h of hostile) {
      rule.re.lastIndex = 0;
      let guard = 0;
      while (rule.re.exec(h) !== null && guard++ < 200_000) {
        // drain all matches
      }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // Generous: linear patterns take milliseconds here; catastrophic ones take minutes.
    assert.ok(ms < 5000, `${rule.name} took ${ms.toFixed(0)} ms`);
  });
}
