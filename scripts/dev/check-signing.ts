/**
 * Verifies every corpus `signing/<case>/` directory against `signing/trusted_key.pub.pem` and
 * compares the outcome with MANIFEST (only `good` should verify). Exit 1 on any mismatch.
 * Usage: npx tsx scripts/dev/check-signing.ts
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyModel } from '../../src/scan/model/sign/verify.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/data/models');

interface Entry { file: string; format: string; expected: 'safe' | 'unsafe'; technique: string; split: string }

const manifest = JSON.parse(await readFile(path.join(corpus, 'MANIFEST.json'), 'utf8')) as { entries: Entry[] };
const key = await readFile(path.join(corpus, 'signing/trusted_key.pub.pem'));
let wrong = 0;
const cases = manifest.entries.filter((e) => e.format === 'model-signing');
for (const e of cases) {
  const r = await verifyModel(path.join(corpus, e.file), { publicKeyPem: key });
  const verdict = r.ok ? 'safe' : 'unsafe';
  if (verdict !== e.expected) wrong++;
  const problems = r.problems.map((p) => `${p.kind}${p.file ? `:${p.file}` : ''}${p.to ? `->${p.to}` : ''}`).join(' ');
  console.log(`${verdict === e.expected ? 'ok   ' : 'WRONG'} ${e.split} ${e.file.padEnd(42)} ${verdict} ${problems}`);
}
console.log(`\n${cases.length} cases, ${wrong} wrong`);
process.exit(wrong === 0 ? 0 : 1);
