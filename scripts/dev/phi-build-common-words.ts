/**
 * Writes data/names/common-lower.txt: words written in lower case at least MIN_COUNT times in the
 * properly cased licensed medical-benign train rows (MedQuAD, PubMedQA, MTS-Dialog; CC BY 4.0 / MIT).
 * In cased text a person's name is capitalised, so a word seen often in lower case is an ordinary
 * word (fine, hand, balance, among), whatever the name lists say (Fine, Hand are surnames too): the
 * Latin name model reads it as one more list flag. Rows with no capital at all (transcripts typed
 * in lower case, where names are lower case too) are left out, as are the dev and test splits.
 * Run: npx tsx scripts/dev/phi-build-common-words.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSplit } from '../train/data.js';

const MIN_COUNT = 4;
const SOURCES = ['abachaa/MedQuAD', 'pubmedqa/pubmedqa', 'abachaa/MTS-Dialog'];
const WORD = /(?<![\p{L}\d'’-])[a-z][a-z'’-]{0,28}[a-z](?![\p{L}\d'’-])/gu;
const counts = new Map<string, number>();
for (const r of loadSplit('train').medical) {
  if (!SOURCES.some((s) => r.source.startsWith(s)) || !/[A-Z]/.test(r.text)) continue;
  for (const m of r.text.matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
}
const words = [...counts].filter(([, n]) => n >= MIN_COUNT).map(([w]) => w).sort();
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/names/common-lower.txt');
writeFileSync(out, `# Built by scripts/dev/phi-build-common-words.ts; see data/names/SOURCES.md\n${words.join('\n')}\n`);
console.log(`common-lower.txt: ${words.length} words`);
