import { readFileSync } from 'node:fs';
import { detectPhi } from '../../src/detect/phi/index.js';
for (const l of readFileSync('test/fixtures/phi-false-positives.txt', 'utf8').split('\n')) {
  if (!l.trim() || l.startsWith('#')) continue;
  const f = detectPhi(l);
  if (f.length) console.log(JSON.stringify(l.slice(0, 100)), f.map((s) => `${l.slice(s.start, s.end)}/${s.rule}`).join(' '));
}
