/**
 * Prints the shipped injection rules as a Markdown table (id, finding kind, language, form, base
 * score, explanation) for the docs. Usage: npx tsx scripts/dev/rules-list.ts > rules.md
 */
import { RULE_METADATA } from '../../src/detect/injection/rules/index.js';

const rows = [...RULE_METADATA].sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
console.log('| rule | kind | lang | form | base score | what it catches |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| \`${r.id}\` | \`${r.kind}\` | ${r.lang} | ${r.form} | ${r.baseScore} | ${r.explanation.replace(/\|/g, '\\|')} |`);
console.log(`\n${rows.length} rules in ${new Set(rows.map((r) => r.family)).size} families.`);
