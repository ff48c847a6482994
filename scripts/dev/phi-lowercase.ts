/**
 * Chat-style text: clinicians type questions to a model without capitals ("pt mary smith seen at
 * st. mary's hospital on march 3rd 1984"), where the capitalised-run rules see nothing. This check
 * lower-cases the dev rows of ASQ-PHI (the closest source to that use) and Presidio and reports
 * overlap recall per type beside the rows as written, the ASQ hard negatives flagged, and the
 * findings per rule on the medical_benign dev rows as written and lower-cased (a proxy without
 * gold for over-redaction: the aci-bench dialogues hold some real names and places).
 * Dev only: the lower-case rules were tuned here. Rows whose length changes when lower-cased
 * (a handful of special letters) are skipped, so gold offsets stay valid.
 * Usage: npx tsx scripts/dev/phi-lowercase.ts [--rules r1,r2] [--show N]
 */
import { detectPhi } from '../../src/detect/phi/index.js';
import { loadPhiDev } from '../train/ko-names-data.js';
import { loadSplit } from '../train/data.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const show = Number(arg('--show') ?? '0');
const showRules = new Set((arg('--rules') ?? '').split(',').filter(Boolean));

const SOURCES = ['asq-phi', 'presidio-research-synth-v2'];
const docs = loadPhiDev('dev.jsonl').filter((d) => SOURCES.includes(d.source));
for (const source of SOURCES) {
  for (const lower of [false, true]) {
    const byType = new Map<string, { gold: number; hit: number }>();
    let all = 0, hit = 0, negatives = 0, flagged = 0;
    for (const d of docs) {
      if (d.source !== source) continue;
      const text = lower ? d.text.toLowerCase() : d.text;
      if (text.length !== d.text.length) continue;
      const found = detectPhi(text);
      if ((d.meta as { hard_negative?: boolean } | undefined)?.hard_negative) {
        negatives++;
        if (found.length > 0) flagged++;
      }
      for (const s of d.spans) {
        const ok = found.some((f) => f.start < s.end && s.start < f.end);
        const c = byType.get(s.type ?? 'ID') ?? { gold: 0, hit: 0 };
        c.gold++;
        all++;
        if (ok) { c.hit++; hit++; }
        byType.set(s.type ?? 'ID', c);
      }
    }
    const types = [...byType].sort((a, b) => b[1].gold - a[1].gold).map(([t, c]) => `${t} ${(c.hit / c.gold).toFixed(3)}/${c.gold}`);
    const neg = negatives > 0 ? `, hard negatives flagged ${flagged}/${negatives}` : '';
    console.log(`${source} ${lower ? 'lower-cased' : 'as written'}: overlap recall ${(hit / all).toFixed(3)} (${types.join(', ')})${neg}`);
  }
}

const rows = loadSplit('dev').medical;
const perRule = new Map<string, number>();
const shown: string[] = [];
for (const r of rows) {
  for (const t of [r.text, r.text.toLowerCase()]) {
    for (const f of detectPhi(t)) {
      perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      if (showRules.has(f.rule) && shown.length < show) shown.push(`${f.rule}: ${JSON.stringify(t.slice(Math.max(0, f.start - 30), f.end + 20))}`);
    }
  }
}
for (const line of shown) console.log(line);
const total = [...perRule.values()].reduce((a, b) => a + b, 0);
console.log(`medical_benign dev: ${rows.length} rows as written and lower-cased, ${total} findings:`,
  [...perRule].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
