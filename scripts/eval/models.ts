/**
 * Model-scanner agreement with the contamination corpus (/work/shared/data/models, read in place):
 * per split and per format, listing every disagreement. Run alone: npx tsx scripts/eval/models.ts
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanPaths } from '../../src/scan/model/engine.js';
import type { FileReport } from '../../src/scan/model/types.js';
import { verifyModel } from '../../src/scan/model/sign/verify.js';

interface Entry { file: string; format: string; expected: 'safe' | 'unsafe'; technique: string; note: string; split: string }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(resolve(repoRoot, '../shared/data'), 'models');
/** Owned by the dataset scanner, not by the file scanner. */
const OUT_OF_SCOPE = new Set(['jsonl-chat', 'jsonl-classification']);

export async function scanOne(path: string): Promise<FileReport> {
  for await (const r of scanPaths([path])) return r;
  throw new Error('no report');
}

/** Signed model folders are judged by `verify` (safe = the signature and every file check out). */
async function verifyOne(dir: string): Promise<FileReport> {
  const publicKeyPem = await readFile(join(corpus, 'signing', 'trusted_key.pub.pem'));
  const v = await verifyModel(dir, { publicKeyPem });
  const findings = v.problems.map((p) => ({
    family: 'model' as const, kind: `model.signing.${p.kind}`, detector: 'model.verify', start: 0, end: 0, score: 1,
    severity: 'high' as const, explanation: p.detail, path: dir, technique: `signing.${p.kind}`,
  }));
  return { path: dir, format: 'model-signing', severity: v.ok ? 'none' : 'high', verdict: v.ok ? 'safe' : 'unsafe', findings };
}

export async function evalModels(): Promise<string> {
  if (!existsSync(join(corpus, 'MANIFEST.json'))) return '## Model files\n\nCorpus not found; skipped.\n';
  const manifest = JSON.parse(await readFile(join(corpus, 'MANIFEST.json'), 'utf8')) as { entries: Entry[] };
  const bySplit = new Map<string, [number, number]>();
  const byFormat = new Map<string, [number, number]>();
  const wrong: string[] = [];
  const skipped: string[] = [];
  const bump = (m: Map<string, [number, number]>, k: string, ok: boolean): void => {
    const v = m.get(k) ?? [0, 0];
    m.set(k, [v[0] + (ok ? 1 : 0), v[1] + 1]);
  };
  for (const e of manifest.entries) {
    if (OUT_OF_SCOPE.has(e.format)) {
      skipped.push(e.file);
      continue;
    }
    const r = e.format === 'model-signing' ? await verifyOne(join(corpus, e.file)) : await scanOne(join(corpus, e.file));
    const ok = r.verdict === e.expected;
    bump(bySplit, e.split, ok);
    bump(byFormat, e.format, ok);
    if (!ok) {
      const top = r.findings.slice(0, 3).map((f) => `${f.technique}/${f.severity}`).join(', ') || 'no findings';
      wrong.push(`| ${e.split} | ${e.file} | ${e.expected} | ${r.verdict} (${r.format}) | ${top} |`);
    }
  }
  const pct = ([a, n]: [number, number]): string => `${a}/${n} (${((100 * a) / Math.max(1, n)).toFixed(1)}%)`;
  const lines = ['## Model files', '', 'Command: `npx tsx scripts/eval/models.ts` (corpus `shared/data/models`, default `--fail-on medium`).', '',
    '| split | agreement |', '| --- | --- |', ...[...bySplit].sort().map(([k, v]) => `| ${k} | ${pct(v)} |`), '',
    '| format | agreement |', '| --- | --- |', ...[...byFormat].sort().map(([k, v]) => `| ${k} | ${pct(v)} |`), ''];
  lines.push(wrong.length === 0 ? 'Disagreements: none.' : ['Disagreements:', '', '| split | file | expected | got | findings |', '| --- | --- | --- | --- | --- |', ...wrong].join('\n'));
  lines.push('', 'model-signing entries are judged by `verifyModel` against `signing/trusted_key.pub.pem`.',
    `Not in scope of this scanner (fine-tuning dataset scanning): ${skipped.length} entries.`, '');
  return lines.join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(await evalModels());
}
