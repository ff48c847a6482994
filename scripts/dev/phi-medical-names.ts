/**
 * How often the learned and contextual Latin name rules name something in medical text that
 * holds no names to speak of: counts the findings of name.latin.model / .list / .vocative on the
 * medical_benign dev rows of ../shared/data/injection (MEDGUARD_DATA moves it), as written and lower-cased. A proxy
 * without gold (the dialogues hold a few real names), for comparing two trees or models.
 * Usage: npx tsx scripts/dev/phi-medical-names.ts [--show N]
 */
import { detectPhi } from '../../src/detect/phi/index.js';
import { loadSplit } from '../train/data.js';

const RULES = new Set(['name.latin.model', 'name.latin.list', 'name.latin.vocative']);
const showAt = process.argv.indexOf('--show');
const show = showAt >= 0 ? Number(process.argv[showAt + 1] ?? '20') : 0;
const rows = loadSplit('dev', { includeUnlicensed: true }).medical;
const count = new Map<string, number>();
const shown: string[] = [];
let texts = 0;
for (const r of rows) {
  for (const t of [r.text, r.text.toLowerCase()]) {
    texts++;
    for (const f of detectPhi(t)) {
      if (!RULES.has(f.rule)) continue;
      count.set(f.rule, (count.get(f.rule) ?? 0) + 1);
      if (shown.length < show) shown.push(`${f.rule}: ${JSON.stringify(t.slice(Math.max(0, f.start - 30), f.end + 30))}`);
    }
  }
}
for (const line of shown) console.log(line);
console.log(`${rows.length} medical_benign dev rows, ${texts} texts:`, Object.fromEntries(count));
