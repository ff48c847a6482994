import { candidates } from '../../src/detect/phi/latin-model/candidates.js';
import { coverFrom, scoreWord } from '../../src/detect/phi/latin-model/index.js';
import { latinNameModel, setLatinNameModel } from '../../src/detect/phi/latin-model/model.js';
import { detectPhi } from '../../src/detect/phi/index.js';
const model = latinNameModel();
if (!model) throw new Error('no model');
for (const text of process.argv.slice(2).map((s) => s.replace(/\\n/g, '\n'))) {
  setLatinNameModel(null);
  const found = detectPhi(text);
  setLatinNameModel(model);
  const cover = coverFrom(text.length, found);
  const buf: number[] = [];
  const out = candidates(text).map((w) => `${text.slice(w.start, w.end)}${cover[w.start] ? '(r)' : ''}=${(1 / (1 + Math.exp(-scoreWord(model, text, w, (p) => cover[p] ?? 0, buf)))).toFixed(2)}`);
  console.log(JSON.stringify(text.slice(0, 60)), out.join(' '));
}
